import { clsx } from "clsx";
import { Check } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { STAGES, type TStage } from "@/lib/domain/journeys/stages";

/**
 * The four stages in order with the account's position: an ordered list (screen readers announce
 * "step 2 of 4" and the current step via aria-current). Flex rows follow the document direction, so in
 * Arabic the track runs right to left; the connectors are borders on the logical start side.
 */
export async function StageTrack({
  stage,
  renewal,
  advocacy,
  behind,
}: {
  stage: TStage;
  renewal: boolean;
  advocacy: boolean;
  behind: boolean;
}) {
  const t = await getTranslations("journey");
  const current = STAGES.indexOf(stage);
  return (
    <div className="space-y-2">
      <ol aria-label={t("track.label")} className="flex flex-col gap-2 sm:flex-row sm:gap-0">
        {STAGES.map((s, i) => {
          const state = i < current ? "done" : i === current ? "current" : "next";
          return (
            <li
              key={s}
              aria-current={state === "current" ? "step" : undefined}
              className="flex flex-1 items-center gap-2 sm:flex-col sm:items-stretch"
            >
              <div className="flex items-center sm:w-full">
                <span
                  aria-hidden
                  className={clsx(
                    "hidden h-1 flex-1 rounded-full sm:block",
                    i === 0 ? "invisible" : i <= current ? "bg-brand-600" : "bg-slate-200 dark:bg-slate-700",
                  )}
                />
                <span
                  aria-hidden
                  className={clsx(
                    "flex size-8 shrink-0 items-center justify-center rounded-full border-2 text-sm font-semibold",
                    state === "done" && "border-brand-600 bg-brand-600 text-white",
                    state === "current" &&
                      (behind
                        ? "border-amber-600 bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-100"
                        : "border-brand-600 bg-white text-brand-900 dark:bg-slate-900 dark:text-white"),
                    state === "next" &&
                      "border-slate-300 bg-white text-slate-500 dark:border-slate-600 dark:bg-slate-900",
                  )}
                >
                  {state === "done" ? <Check className="size-4" /> : i + 1}
                </span>
                <span
                  aria-hidden
                  className={clsx(
                    "hidden h-1 flex-1 rounded-full sm:block",
                    i === STAGES.length - 1
                      ? "invisible"
                      : i < current
                        ? "bg-brand-600"
                        : "bg-slate-200 dark:bg-slate-700",
                  )}
                />
              </div>
              <div className="sm:mt-2 sm:text-center">
                <p
                  className={clsx(
                    "text-sm",
                    state === "current" ? "font-semibold" : "text-slate-700 dark:text-slate-300",
                  )}
                >
                  {t(`stages.${s}`)}
                </p>
                <p className="text-xs text-slate-600 dark:text-slate-400">
                  <span className="sr-only">{t("track.step", { n: i + 1, total: STAGES.length })} · </span>
                  {t(`track.${state}`)}
                  {state === "current" && behind ? ` · ${t("behind")}` : ""}
                </p>
              </div>
            </li>
          );
        })}
      </ol>
      {renewal || advocacy ? (
        <p className="flex flex-wrap gap-2 text-sm">
          {renewal ? (
            <span className="rounded-full bg-sky-100 px-2 py-0.5 text-sky-900 dark:bg-sky-950 dark:text-sky-100">
              {t("overlay.renewal")}
            </span>
          ) : null}
          {advocacy ? (
            <span className="rounded-full bg-violet-100 px-2 py-0.5 text-violet-900 dark:bg-violet-950 dark:text-violet-100">
              {t("overlay.advocacy")}
            </span>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}
