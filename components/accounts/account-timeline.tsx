import { getTranslations } from "next-intl/server";
import type { TAccountEvent } from "@/lib/domain/accounts/types";
import { formatDate, formatNumber, type TFormatContext } from "@/lib/i18n/format";

/** Newest first. A vertical line on the start side; it mirrors with the reading direction. */
export async function AccountTimeline({ events, total, fmt }: { events: TAccountEvent[]; total: number; fmt: TFormatContext }) {
  const t = await getTranslations("account");
  return (
    <section aria-labelledby="timeline-title" className="space-y-3">
      <div className="flex items-baseline justify-between gap-3">
        <h2 id="timeline-title" className="text-lg font-semibold">
          {t("timeline")}
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("eventCount", { count: total, n: formatNumber(fmt, total) })}</p>
      </div>
      {events.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("timelineEmpty")}</p>
      ) : (
        <ol className="relative space-y-4 border-s-2 border-slate-200 ps-5 dark:border-slate-700">
          {events.map((e) => (
            <li key={e.id} className="relative">
              <span aria-hidden className="absolute -start-[1.72rem] top-1.5 size-3 rounded-full border-2 border-white bg-brand-600 dark:border-slate-950" />
              <p className="text-sm font-medium" dir="auto">
                {e.summary}
              </p>
              <p className="text-xs text-slate-600 dark:text-slate-400">
                <time dateTime={e.occurredAt.toISOString()}>{formatDate(fmt, e.occurredAt, "dateTime")}</time>
                {" · "}
                <code className="text-xs" dir="ltr">{e.type}</code>
                {" · "}
                <span dir="auto">{t("by", { actor: e.actor })}</span>
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
