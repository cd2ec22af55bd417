import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Badge } from "@/components/ui/card";
import type { TAccountListItem } from "@/lib/domain/accounts/types";
import { formatCalendarDate, formatDate, type TFormatContext } from "@/lib/i18n/format";

export async function AccountTable({ rows, fmt }: { rows: TAccountListItem[]; fmt: TFormatContext }) {
  const [t, tTiers, tRegions, tc] = await Promise.all([
    getTranslations("accounts.columns"),
    getTranslations("tiers"),
    getTranslations("regions"),
    getTranslations("common"),
  ]);
  const th = "px-3 py-2 text-start text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400";
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <table className="min-w-full divide-y divide-slate-200 text-sm dark:divide-slate-800">
        <thead className="bg-slate-50 dark:bg-slate-950">
          <tr>
            <th scope="col" className={th}>
              {t("name")}
            </th>
            <th scope="col" className={th}>
              {t("tier")}
            </th>
            <th scope="col" className={th}>
              {t("csm")}
            </th>
            <th scope="col" className={th}>
              {t("region")}
            </th>
            <th scope="col" className={th}>
              {t("signup")}
            </th>
            <th scope="col" className={th}>
              {t("contractEnd")}
            </th>
            <th scope="col" className={th}>
              {t("lastActivity")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {rows.map((a) => (
            <tr key={a.id} className="hover:bg-slate-50 dark:hover:bg-slate-800/50">
              <td className="px-3 py-2 font-medium">
                <Link
                  href={`/accounts/${a.id}`}
                  className="text-brand-700 underline-offset-2 hover:underline dark:text-brand-100"
                  dir="auto"
                >
                  {a.name}
                </Link>
              </td>
              <td className="px-3 py-2">
                <Badge tone={a.tier}>{tTiers(a.tier)}</Badge>
              </td>
              <td className="px-3 py-2" dir="auto">
                {a.csmName ?? tc("dash")}
              </td>
              <td className="px-3 py-2">{tRegions.has(a.region) ? tRegions(a.region) : a.region}</td>
              <td className="whitespace-nowrap px-3 py-2 tabular-nums">{formatDate(fmt, a.signupAt)}</td>
              <td className="whitespace-nowrap px-3 py-2 tabular-nums">
                {a.contractEnd ? formatCalendarDate(fmt, a.contractEnd) : tc("dash")}
              </td>
              <td className="whitespace-nowrap px-3 py-2 tabular-nums">
                {a.lastActivityAt ? formatDate(fmt, a.lastActivityAt) : tc("dash")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
