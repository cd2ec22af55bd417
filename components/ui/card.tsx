import { clsx } from "clsx";
import type { HTMLAttributes } from "react";

export function Card({ className, ...props }: HTMLAttributes<HTMLElement>) {
  return (
    <section
      className={clsx(
        "rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900",
        className,
      )}
      {...props}
    />
  );
}

const BADGE: Record<string, string> = {
  free: "bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-200",
  starter: "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200",
  pro: "bg-violet-100 text-violet-900 dark:bg-violet-950 dark:text-violet-200",
  enterprise: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
  ok: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200",
  warn: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
  muted: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300",
};

export function Badge({ tone, className, ...props }: HTMLAttributes<HTMLSpanElement> & { tone: string }) {
  return (
    <span
      className={clsx(
        "inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium",
        BADGE[tone] ?? BADGE.muted,
        className,
      )}
      {...props}
    />
  );
}
