import { clsx } from "clsx";

const TONE: Record<string, string> = {
  P0: "bg-red-700 text-white dark:bg-red-600",
  P1: "bg-orange-100 text-orange-900 dark:bg-orange-950 dark:text-orange-200",
  P2: "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200",
  P3: "bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-200",
};

/** P0–P3 as a badge; the label is the priority code in both languages (as the spec writes it). */
export function PriorityBadge({ priority }: { priority: string }) {
  return (
    <span dir="ltr" className={clsx("inline-flex rounded px-1.5 py-0.5 text-xs font-bold", TONE[priority] ?? TONE.P3)}>
      {priority}
    </span>
  );
}
