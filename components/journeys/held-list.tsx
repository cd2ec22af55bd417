import { getTranslations } from "next-intl/server";
import Link from "next/link";
import type { THeldRow } from "@/lib/domain/journeys/types";
import { formatDate, formatNumber, type TFormatContext } from "@/lib/i18n/format";

/** Automated touchpoints a guardrail held back: what a person should look at, each naming its guardrail. */
export async function HeldList({ rows, total, fmt }: { rows: THeldRow[]; total: number; fmt: TFormatContext }) {
  const t = await getTranslations("journeys");
  const tj = await getTranslations("journey");
  const name = (key: string) => (tj.has(`touchpoints.names.${key}`) ? tj(`touchpoints.names.${key}`) : key);
  return (
    <section
      aria-labelledby="held-title"
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id="held-title" className="text-lg font-semibold">
        {t("held.title")}
      </h2>
      <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
        {t("held.count", { count: total, n: formatNumber(fmt, total) })}
      </p>
      {rows.length === 0 ? null : (
        <ul className="divide-y divide-slate-100 text-sm dark:divide-slate-800">
          {rows.map((r) => (
            <li
              key={`${r.accountId}-${r.key}-${r.dueAt.toISOString()}`}
              className="flex flex-wrap items-baseline justify-between gap-2 py-2"
            >
              <span>
                <Link
                  href={`/accounts/${r.accountId}/journey`}
                  className="font-medium text-brand-700 hover:underline dark:text-brand-100"
                >
                  <bdi>{r.name}</bdi>
                </Link>
                {" · "}
                {name(r.key)}
              </span>
              <span className="text-xs text-amber-900 dark:text-amber-200">
                {tj("touchpoints.heldBy", { guardrail: tj(`guardrails.${r.reason}`) })} · {formatDate(fmt, r.dueAt)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
