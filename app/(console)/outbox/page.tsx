import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { MessagePreview } from "@/components/approvals/message-preview";
import { FreezeBanner } from "@/components/outbox/freeze-banner";
import { FreezeControls } from "@/components/outbox/freeze-controls";
import { RetryButton } from "@/components/outbox/retry-button";
import { Badge, Card } from "@/components/ui/card";
import { requirePage } from "@/lib/auth/session";
import { listOutbox } from "@/lib/data/outbox";
import { getFreeze } from "@/lib/data/system-state";
import { can } from "@/lib/domain/auth/permissions";
import { displayState, type TDisplayState } from "@/lib/domain/proposals/display-state";
import { proposalHref } from "@/lib/domain/proposals/href";
import type { TMessagePayload } from "@/lib/domain/proposals/payloads";
import { isProposalState } from "@/lib/domain/proposals/state-machine";
import { formatDate, formatNumber } from "@/lib/i18n/format";
import { localeContext } from "@/lib/i18n/server";

export async function generateMetadata() {
  return { title: (await getTranslations("outbox"))("title") };
}

// Outbox row states (lib/data/outbox.ts); a queued row reads "held" while sending is frozen.
const STATES = ["queued", "sending", "sent", "previewed", "failed"] as const;
const TONE: Record<TDisplayState, string> = {
  pending: "muted",
  applied: "ok",
  rejected: "muted",
  expired: "muted",
  sent: "ok",
  previewed: "muted",
  failed: "warn",
  queued: "muted",
  sending: "muted",
  held: "warn",
};

export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ state?: string }> }) {
  const user = await requirePage("accounts:read", "/outbox");
  const raw = (await searchParams).state;
  const state = STATES.find((s) => s === raw);
  const [t, tApprovals, fmt, rows, freeze] = await Promise.all([
    getTranslations("outbox"),
    getTranslations("approvals"),
    localeContext(),
    listOutbox({ state, limit: 100 }),
    getFreeze(),
  ]);
  const founder = can(user.role, "proposals:approve");
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t("description")}</p>
      </div>
      <FreezeBanner freeze={freeze} />
      {can(user.role, "proposals:create") ? (
        <Card>
          <FreezeControls frozen={freeze.frozen} canFreeze={founder} />
        </Card>
      ) : null}
      <nav aria-label={t("filter")} className="flex flex-wrap gap-2 text-sm">
        {[undefined, ...STATES].map((s) => (
          <a
            key={s ?? "all"}
            href={s ? `/outbox?state=${s}` : "/outbox"}
            aria-current={s === state ? "page" : undefined}
            className="rounded-full border border-slate-300 px-3 py-1 aria-[current=page]:bg-brand-100 aria-[current=page]:text-brand-900 dark:border-slate-700 dark:aria-[current=page]:bg-slate-800 dark:aria-[current=page]:text-white"
          >
            {s ? t(`states.${s}`) : t("all")}
          </a>
        ))}
      </nav>
      <p role="status" className="text-sm font-medium">
        {t("count", { count: rows.length, n: formatNumber(fmt, rows.length) })}
      </p>
      <ul className="space-y-4">
        {rows.map((r) => {
          const shown = displayState({
            state: isProposalState(r.proposalState) ? r.proposalState : "approved",
            outbox: { state: r.state },
            frozen: freeze.frozen,
          });
          return (
            <li key={r.id}>
              <Card className="space-y-3">
                <div className="flex flex-wrap items-center gap-2">
                  <Badge tone={TONE[shown]}>{tApprovals(`display.${shown}`)}</Badge>
                  <Link
                    href={proposalHref(r.proposalId)}
                    className="text-sm text-brand-700 hover:underline dark:text-brand-100"
                  >
                    {tApprovals("page.open")}
                  </Link>
                  {r.accountName ? <bdi className="font-medium">{r.accountName}</bdi> : null}
                  <span className="text-xs text-slate-600 dark:text-slate-400">
                    {formatDate(fmt, r.createdAt, "dateTime")} ·{" "}
                    {t("attempts", { count: r.attempts, n: formatNumber(fmt, r.attempts) })}
                  </span>
                </div>
                {r.state === "previewed" ? (
                  <p className="text-xs font-medium text-slate-700 dark:text-slate-300">{t("wouldHaveSent")}</p>
                ) : null}
                {r.lastError ? (
                  <p className="text-sm text-red-800 dark:text-red-300">
                    <bdi>{r.lastError}</bdi>
                  </p>
                ) : null}
                <MessagePreview
                  payload={r.payload as TMessagePayload}
                  labels={{ to: tApprovals("to"), subject: tApprovals("subject") }}
                />
                {founder && r.state === "failed" ? <RetryButton proposalId={r.proposalId} /> : null}
              </Card>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
