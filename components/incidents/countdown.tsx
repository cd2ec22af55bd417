"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { formatRelative } from "@/lib/i18n/format";
import type { TLocale } from "@/lib/i18n/locales";

/**
 * A due time that keeps itself current: "due in 12 minutes" / "overdue since 5 minutes ago".
 * Starts from the server's `now`, so the first render matches the HTML, then ticks every 30 s.
 */
export function Countdown({ dueAt, now, done }: { dueAt: string; now: string; done?: boolean }) {
  const t = useTranslations("incidents.timers");
  const locale = useLocale() as TLocale;
  const [current, setCurrent] = useState(() => new Date(now));
  useEffect(() => {
    if (done) return;
    const timer = setInterval(() => setCurrent(new Date()), 30_000);
    return () => clearInterval(timer);
  }, [done]);
  const due = new Date(dueAt);
  const relative = formatRelative({ locale, timeZone: "UTC" }, due, current);
  if (done) return <span className="text-slate-600 dark:text-slate-400">{t("done")}</span>;
  const overdue = current.getTime() > due.getTime();
  return (
    <span className={overdue ? "font-semibold text-red-700 dark:text-red-400" : undefined}>
      {overdue ? t("overdue", { when: relative }) : t("due", { when: relative })}
    </span>
  );
}
