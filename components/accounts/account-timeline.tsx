import { getTranslations } from "next-intl/server";
import { JourneyEventLine } from "@/components/journeys/journey-event-line";
import type { TAccountEvent } from "@/lib/domain/accounts/types";
import { formatDate, formatNumber, type TFormatContext } from "@/lib/i18n/format";

/**
 * Newest first. The headline is the event type in the reader's language; a journey stage event's line
 * too (from its code and parameters); any other summary is what was recorded, in whatever language it
 * was written, isolated with <bdi> so it cannot scramble the line.
 */
export async function AccountTimeline({
  events,
  total,
  fmt,
}: {
  events: TAccountEvent[];
  total: number;
  fmt: TFormatContext;
}) {
  const t = await getTranslations("account");
  const typeLabel = (type: string) => {
    const key = `eventTypes.${type.replace(/\./g, "_")}`;
    return t.has(key) ? t(key) : type;
  };
  const actorLabel = (actor: string) => (t.has(`actors.${actor}`) ? t(`actors.${actor}`) : actor);
  return (
    <section aria-labelledby="timeline-title" className="space-y-3">
      <div className="flex items-baseline justify-between gap-3">
        <h2 id="timeline-title" className="text-lg font-semibold">
          {t("timeline")}
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {t("eventCount", { count: total, n: formatNumber(fmt, total) })}
        </p>
      </div>
      {events.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("timelineEmpty")}</p>
      ) : (
        <ol className="relative space-y-4 border-s-2 border-slate-200 ps-5 dark:border-slate-700">
          {events.map((e) => (
            <li key={e.id} className="relative">
              <span
                aria-hidden
                className="absolute -start-[1.72rem] top-1.5 size-3 rounded-full border-2 border-white bg-brand-600 dark:border-slate-950"
              />
              <p className="text-sm font-semibold">{typeLabel(e.type)}</p>
              <p className="text-sm text-slate-800 dark:text-slate-200">
                <JourneyEventLine type={e.type} data={e.data} summary={e.summary} />
              </p>
              <p className="text-xs text-slate-600 dark:text-slate-400">
                <time dateTime={e.occurredAt.toISOString()}>{formatDate(fmt, e.occurredAt, "dateTime")}</time>
                {" · "}
                {t.rich("by", { actor: actorLabel(e.actor), bdi: (c) => <bdi>{c}</bdi> })}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
