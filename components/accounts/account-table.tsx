import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Badge } from "@/components/ui/card";
import type { TAccountListItem } from "@/lib/domain/accounts/types";
import { formatCalendarDate, formatDate, type TFormatContext } from "@/lib/i18n/format";
import { DataTable } from "@/components/ui/data-table";

export async function AccountTable({ rows, fmt }: { rows: TAccountListItem[]; fmt: TFormatContext }) {
  const [t, tTiers, tRegions, tc] = await Promise.all([
    getTranslations("accounts.columns"),
    getTranslations("tiers"),
    getTranslations("regions"),
    getTranslations("common"),
  ]);
  return (
    <DataTable
      headers={[t("name"), t("tier"), t("csm"), t("region"), t("signup"), t("contractEnd"), t("lastActivity")]}
    >
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
    </DataTable>
  );
}
