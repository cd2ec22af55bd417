import { getTranslations } from "next-intl/server";
import Link from "next/link";
// eslint-disable-next-line import/no-restricted-paths -- rendering still raises the SLA alert; it moves to the tick (issue 11 item 4)
import { alertIfCritical } from "@/lib/actions/support-alert";
// eslint-disable-next-line import/no-restricted-paths -- the page passes the verdict in once the alert leaves rendering (item 4)
import { slaOverall } from "@/lib/data/support-health";
import { formatNumber, type TFormatContext } from "@/lib/i18n/format";

/**
 * Founders' notice when the 7-day SLA verdict is critical; rendering it also makes sure the freeze
 * proposal exists (lib/actions/support-alert.ts: deduplicated, ledgered). Shown to founders only.
 */
export async function SlaNotice({ fmt, now, founder }: { fmt: TFormatContext; now: Date; founder: boolean }) {
  if (!founder) return null;
  const overall = await slaOverall("7d", now);
  if (overall.verdict !== "critical" || overall.rate === null) return null;
  const [t, alert] = await Promise.all([getTranslations("sla"), alertIfCritical(overall, now)]);
  return (
    <div
      role="alert"
      className="space-y-1 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
    >
      <p className="font-semibold">
        {t("critical", { rate: formatNumber(fmt, overall.rate, { style: "percent", maximumFractionDigits: 1 }) })}
      </p>
      {alert?.proposalId ? (
        <p>
          {t("freezeProposed")}{" "}
          <Link href="/approvals?kind=freeze" className="font-medium underline">
            {t("openApprovals")}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
