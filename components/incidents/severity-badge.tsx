import { clsx } from "clsx";

const TONE: Record<string, string> = {
  SEV1: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-100",
  SEV2: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-100",
  SEV3: "bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-200",
};

/** SEV1–3 with a colour and the code itself (never colour alone). */
export function SeverityBadge({ severity }: { severity: string }) {
  return (
    <span
      dir="ltr"
      className={clsx("inline-flex rounded-full px-2 py-0.5 text-xs font-bold", TONE[severity] ?? TONE.SEV3)}
    >
      {severity}
    </span>
  );
}
