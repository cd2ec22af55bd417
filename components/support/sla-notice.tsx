import { getTranslations } from "next-intl/server";
import Link from "next/link";
import type { TSlaCriticalNotice } from "@/lib/domain/support/types";
import { formatNumber, type TFormatContext } from "@/lib/i18n/format";
import { proposalHref } from "@/lib/domain/proposals/href";

/**
 * Founders' notice when the 7-day SLA verdict is critical, with a link to the freeze proposal the SLA
 * monitor made for it (lib/jobs/sla-monitor.ts, on the lifecycle tick). Reads only: the page passes
 * what `slaCriticalNotice` found (null for non-founders or a verdict that is not critical).
 */
export async function SlaNotice({ fmt, notice }: { fmt: TFormatContext; notice: TSlaCriticalNotice | null }) {
  if (!notice) return null;
  const t = await getTranslations("sla");
  return (
    <div
      role="alert"
      className="space-y-1 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
    >
      <p className="font-semibold">
        {t("critical", { rate: formatNumber(fmt, notice.rate, { style: "percent", maximumFractionDigits: 1 }) })}
      </p>
      {notice.proposalId ? (
        <p>
          {t("freezeProposed")}{" "}
          <Link href={proposalHref(notice.proposalId)} className="font-medium underline">
            {t("openApprovals")}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
