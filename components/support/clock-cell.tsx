"use client";

import { clsx } from "clsx";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { clockView, durationParts, type TClockView } from "@/lib/domain/support/types";
import { formatNumber, type TFormatContext } from "@/lib/i18n/format";

export type TClockProps = {
  metAt: string | null;
  dueAt: string | null;
  nearAt: string | null;
  breached: boolean;
  paused: boolean;
  elapsedMs: number;
  targetMs: number;
};

const TONE: Record<TClockView, string> = {
  met: "text-emerald-800 dark:text-emerald-300",
  met_late: "text-red-800 dark:text-red-300",
  breached: "font-semibold text-red-800 dark:text-red-300",
  near: "rounded bg-amber-100 px-1 font-semibold text-amber-900 dark:bg-amber-950 dark:text-amber-200",
  running: "text-slate-800 dark:text-slate-200",
  paused: "text-slate-600 dark:text-slate-400",
};

/** A hook for a duration in the user's language: "2 h 10 min", "3 d 1 h". */
export function useDuration(fmt: TFormatContext) {
  const t = useTranslations("sla.duration");
  return (ms: number) =>
    durationParts(ms)
      .map((p) => t(p.unit, { n: formatNumber(fmt, p.n) }))
      .join(" ");
}

/**
 * One SLA clock as a countdown that ticks every 30 s: time left, overdue by, met in, or paused.
 * The first render uses the server's `now`, so server and browser print the same text.
 */
export function ClockCell({ clock, fmt, serverNow }: { clock: TClockProps; fmt: TFormatContext; serverNow: string }) {
  const t = useTranslations("sla.clock");
  const duration = useDuration(fmt);
  const [now, setNow] = useState(() => new Date(serverNow));
  useEffect(() => {
    const id = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(id);
  }, []);
  const c = {
    ...clock,
    metAt: clock.metAt ? new Date(clock.metAt) : null,
    dueAt: clock.dueAt ? new Date(clock.dueAt) : null,
    nearAt: clock.nearAt ? new Date(clock.nearAt) : null,
  };
  const view = clockView(c, now);
  const text =
    view === "met" || view === "met_late"
      ? t(view, { time: duration(clock.elapsedMs) })
      : view === "paused" || (view === "near" && clock.paused)
        ? t("paused", { time: duration(clock.elapsedMs) })
        : view === "breached"
          ? c.dueAt
            ? t("breached", { time: duration(now.getTime() - c.dueAt.getTime()) })
            : t("breachedPaused")
          : t(view, { time: duration((c.dueAt?.getTime() ?? now.getTime()) - now.getTime()) });
  return (
    <span className={clsx("whitespace-nowrap text-sm", TONE[view])} data-clock={view}>
      {text}
    </span>
  );
}
