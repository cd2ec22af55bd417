import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Badge, Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { percentText } from "@/components/onboarding/checklist-card";
import type { TAccountConnectors } from "@/lib/domain/connectors/types";
import { CONNECTOR_COUNT } from "@/lib/domain/connectors/connectors";
import type { TConnectorState } from "@/lib/domain/connectors/state-machine";
import { formatList, formatNumber, formatRelative, type TFormatContext } from "@/lib/i18n/format";
import { ConnectorActions } from "./connector-actions";

const bdi = (chunks: ReactNode) => <bdi>{chunks}</bdi>;

export const STATE_TONE: Record<TConnectorState, string> = {
  not_started: "muted",
  configuring: "starter",
  connected_draft_only: "ok",
  connected_approved_execute: "ok",
  failed: "warn",
  skipped: "muted",
};

/** An account's eleven connectors with the readiness gate for first service. */
export async function ConnectorCard({
  accountId,
  data,
  canWrite,
  fmt,
  now,
}: {
  accountId: string;
  data: TAccountConnectors;
  canWrite: boolean;
  fmt: TFormatContext;
  now: Date;
}) {
  const t = await getTranslations("connectors");
  const { summary } = data;
  const missing = summary.blockingMissing.map((k) => t(`keys.${k}`));
  return (
    <Card aria-labelledby="connectors-title" className="space-y-3">
      <h2 id="connectors-title" className="text-lg font-semibold">
        {t("accountTitle")}
      </h2>
      <p className="text-sm font-medium">
        {t("summary", {
          connected: formatNumber(fmt, summary.connected),
          total: formatNumber(fmt, CONNECTOR_COUNT),
          percent: percentText(fmt, summary.connectedPercent),
        })}
      </p>
      <div
        role="status"
        className={`rounded-md p-3 text-sm ${summary.readyForFirstService ? "bg-emerald-50 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100" : "bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-100"}`}
      >
        <p className="font-medium">{summary.readyForFirstService ? t("ready") : t("notReady")}</p>
        {missing.length > 0 ? <p>{t("missingBlocking", { names: formatList(fmt, missing) })}</p> : null}
        {summary.connected === 0 ? <p>{t("noneConnected")}</p> : null}
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400">{t("liveNote")}</p>
      <DataTable
        headers={[t("connector"), t("mode"), t("phase"), t("state"), ...(canWrite ? [t("actionsHeader")] : [])]}
      >
        {data.connectors.map((c) => {
          const name = t(`keys.${c.key}`);
          return (
            <tr key={c.key}>
              <th scope="row" className="px-3 py-2 text-start font-medium">
                <span className="me-2">{name}</span>
                {c.blocking ? <Badge tone="warn">{t("blocking")}</Badge> : null}
              </th>
              <td className="px-3 py-2">{t(`modes.${c.mode}`)}</td>
              <td className="px-3 py-2">{formatNumber(fmt, c.phase)}</td>
              <td className="px-3 py-2">
                <Badge tone={STATE_TONE[c.state]}>{t(`states.${c.state}`)}</Badge>
                {c.updatedAt && c.updatedBy && c.state !== "not_started" ? (
                  <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
                    {t.rich("updatedBy", { who: c.updatedBy, when: formatRelative(fmt, c.updatedAt, now), bdi })}
                  </p>
                ) : null}
                {c.pendingExecute ? (
                  <p className="mt-1 text-xs text-amber-800 dark:text-amber-200">
                    {t.rich("pendingExecute", { who: c.pendingExecute.proposedBy, bdi })}
                  </p>
                ) : null}
              </td>
              {canWrite ? (
                <td className="px-3 py-2">
                  <ConnectorActions
                    accountId={accountId}
                    connector={c.key}
                    connectorName={name}
                    from={c.state}
                    allowed={c.allowed}
                    executePending={c.pendingExecute !== null}
                  />
                </td>
              ) : null}
            </tr>
          );
        })}
      </DataTable>
    </Card>
  );
}
