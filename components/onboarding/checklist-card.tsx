import { Check, Circle, Hourglass } from "lucide-react";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Badge, Card } from "@/components/ui/card";
import type { TChecklist } from "@/lib/domain/checklist/types";
import { ESTIMATED_MINUTES } from "@/lib/domain/checklist/steps";
import { formatNumber, formatRelative, type TFormatContext } from "@/lib/i18n/format";
import { StepActions } from "./step-actions";

const ICON = { done: Check, pending_approval: Hourglass, open: Circle } as const;
const TONE = { done: "ok", pending_approval: "warn", open: "muted" } as const;

const bdi = (chunks: ReactNode) => <bdi>{chunks}</bdi>;

export const percentText = (fmt: TFormatContext, percent: number) =>
  formatNumber(fmt, percent / 100, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** The eight steps with progress, the current step, approval gates and notes. */
export async function ChecklistCard({
  accountId,
  checklist,
  canWrite,
  fmt,
  now,
}: {
  accountId: string;
  checklist: TChecklist;
  canWrite: boolean;
  fmt: TFormatContext;
  now: Date;
}) {
  const t = await getTranslations("checklist");
  const { progress } = checklist;
  return (
    <Card aria-labelledby="checklist-title" className="space-y-4">
      <div className="space-y-2">
        <h2 id="checklist-title" className="text-lg font-semibold">
          {t("title")}
        </h2>
        <p className="text-sm font-medium">
          {t("progress", {
            done: formatNumber(fmt, progress.completed),
            total: formatNumber(fmt, progress.total),
            percent: percentText(fmt, progress.percent),
          })}
        </p>
        <div
          role="progressbar"
          aria-label={t("progressLabel")}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={progress.percent}
          aria-valuetext={percentText(fmt, progress.percent)}
          className="h-2 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800"
        >
          <div className="h-full bg-brand-700 dark:bg-brand-500" style={{ width: `${progress.percent}%` }} />
        </div>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          {progress.current === "done" ? t("allDone") : t("current", { step: t(`steps.${progress.current}`) })}{" "}
          {t("estimate", { minutes: formatNumber(fmt, ESTIMATED_MINUTES) })}
        </p>
      </div>
      <ol className="space-y-3">
        {checklist.steps.map((s) => {
          const Icon = ICON[s.state];
          const name = t(`steps.${s.id}`);
          const isCurrent = progress.current === s.id;
          return (
            <li
              key={s.id}
              aria-current={isCurrent ? "step" : undefined}
              className={`rounded-md border p-3 ${isCurrent ? "border-brand-500 bg-brand-50/40 dark:bg-slate-950" : "border-slate-200 dark:border-slate-800"}`}
            >
              <div className="flex flex-wrap items-center gap-2">
                <Icon aria-hidden className="size-4 shrink-0 text-slate-600 dark:text-slate-400" />
                <h3 className="font-medium">
                  {formatNumber(fmt, s.number)}. {name}
                </h3>
                <span className="text-xs text-slate-600 dark:text-slate-400">
                  {s.minutes === null
                    ? t("async")
                    : t("minutes", { count: s.minutes, n: formatNumber(fmt, s.minutes) })}
                </span>
                {s.needsApproval ? <Badge tone="enterprise">{t("needsApproval")}</Badge> : null}
                <Badge tone={TONE[s.state]}>{t(`states.${s.state}`)}</Badge>
              </div>
              <div className="mt-1 space-y-0.5 text-xs text-slate-600 dark:text-slate-400">
                {s.completedAt && s.completedBy ? (
                  <p>
                    {t.rich("completedBy", { who: s.completedBy, when: formatRelative(fmt, s.completedAt, now), bdi })}
                    {s.approvedBy ? <> · {t.rich("approvedBy", { who: s.approvedBy, bdi })}</> : null}
                  </p>
                ) : null}
                {s.pending ? (
                  <p>
                    {t.rich("proposedBy", {
                      who: s.pending.proposedBy,
                      when: formatRelative(fmt, s.pending.at, now),
                      bdi,
                    })}
                  </p>
                ) : null}
              </div>
              {canWrite ? (
                <div className="mt-2">
                  <StepActions
                    accountId={accountId}
                    stepId={s.id}
                    stepName={name}
                    state={s.state}
                    needsApproval={s.needsApproval}
                    current={isCurrent}
                    note={s.state === "pending_approval" && s.pending ? s.pending.note : s.note}
                  />
                </div>
              ) : s.note ? (
                <p dir="auto" className="mt-2 text-sm">
                  {s.note}
                </p>
              ) : null}
            </li>
          );
        })}
      </ol>
    </Card>
  );
}
