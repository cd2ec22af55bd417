import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Badge } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import type { TAtRiskRow } from "@/lib/domain/risk/types";
import { formatNumber, type TFormatContext } from "@/lib/i18n/format";
import { CheckInButton } from "./check-in-button";
import { RiskReasons, SeverityBadge } from "./risk-reasons";

export async function RiskTable({
  rows,
  fmt,
  canDraft,
}: {
  rows: TAtRiskRow[];
  fmt: TFormatContext;
  canDraft: boolean;
}) {
  const [t, tTiers, tc] = await Promise.all([
    getTranslations("risk"),
    getTranslations("tiers"),
    getTranslations("common"),
  ]);
  const headers = [
    t("columns.account"),
    t("columns.score"),
    t("columns.reasons"),
    t("columns.action"),
    t("columns.csm"),
  ];
  if (canDraft) headers.push(t("columns.draft"));
  return (
    <DataTable headers={headers}>
      {rows.map((r) => (
        <tr key={r.accountId} className="hover:bg-slate-50 dark:hover:bg-slate-800/50">
          <td className="px-3 py-2">
            <Link
              href={`/accounts/${r.accountId}/success`}
              className="font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-100"
              dir="auto"
            >
              {r.accountName}
            </Link>
            <div className="mt-1">
              <Badge tone={r.tier}>{tTiers.has(r.tier) ? tTiers(r.tier) : r.tier}</Badge>
            </div>
          </td>
          <td className="whitespace-nowrap px-3 py-2">
            <div className="text-lg font-bold tabular-nums">{formatNumber(fmt, r.score)}</div>
            <SeverityBadge severity={r.severity} />
          </td>
          <td className="px-3 py-2">
            <RiskReasons reasons={r.reasons} fmt={fmt} />
          </td>
          <td className="max-w-64 px-3 py-2 text-sm">{t(`actions.${r.severity}`)}</td>
          <td className="px-3 py-2" dir="auto">
            {r.csmName ?? tc("dash")}
          </td>
          {canDraft ? (
            <td className="px-3 py-2">
              {r.hasContact ? (
                <CheckInButton accountId={r.accountId} accountName={r.accountName} />
              ) : (
                <span className="text-sm text-slate-600 dark:text-slate-400">{t("noContact")}</span>
              )}
            </td>
          ) : null}
        </tr>
      ))}
    </DataTable>
  );
}
