import { clsx } from "clsx";
import { ArrowDown, ArrowRight, ArrowUp } from "lucide-react";
import type { ReactNode } from "react";
import type { TTrend } from "@/lib/domain/journeys/health";

/** Small shared pieces of the journey pages. */

export function Section({
  id,
  title,
  children,
  className,
}: {
  id: string;
  title: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <section
      aria-labelledby={id}
      className={clsx(
        "break-inside-avoid rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900 print:shadow-none",
        className,
      )}
    >
      <h2 id={id} className="mb-3 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

const TONE = {
  ok: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100",
  warn: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-100",
  bad: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-100",
  muted: "bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-200",
} as const;

export function Pill({ tone, children }: { tone: keyof typeof TONE; children: ReactNode }) {
  return (
    <span className={clsx("inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium", TONE[tone])}>
      {children}
    </span>
  );
}

/** Trend arrow with its words (the arrow alone would say nothing to a screen reader). "Up" points up in both directions. */
export function Trend({ trend, label }: { trend: TTrend | null; label: string }) {
  const Icon = trend === "up" ? ArrowUp : trend === "down" ? ArrowDown : ArrowRight;
  return (
    <span className="inline-flex items-center gap-1 text-xs text-slate-700 dark:text-slate-300">
      {trend ? <Icon aria-hidden className={clsx("size-3.5", trend === "flat" && "rtl:-scale-x-100")} /> : null}
      {label}
    </span>
  );
}

/** A 0–100 bar; `scored` colours it by band (health factors), otherwise it is a neutral progress bar. */
export function Meter({ value, label, scored = true }: { value: number; label: string; scored?: boolean }) {
  const v = Math.max(0, Math.min(100, value));
  return (
    <div
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(v)}
      className="h-2 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
    >
      <div
        className={clsx(
          "h-full rounded-full",
          !scored ? "bg-brand-600" : v < 40 ? "bg-red-600" : v < 70 ? "bg-amber-500" : "bg-emerald-600",
        )}
        style={{ width: `${v}%` }}
      />
    </div>
  );
}

export const healthTone = (score: number): keyof typeof TONE => (score < 40 ? "bad" : score < 70 ? "warn" : "ok");
