import { getTranslations } from "next-intl/server";
import { ShadowReport } from "@/components/shadow/shadow-report";
import { UploadCompare } from "@/components/shadow/upload-compare";
import { Card } from "@/components/ui/card";
import { SignOff } from "@/components/shadow/sign-off";
import { TickRuns } from "@/components/shadow/tick-runs";
import { recentTickRuns } from "@/lib/data/nudges";
import { localeContext } from "@/lib/i18n/server";
import { requirePage } from "@/lib/auth/session";
import { latestCutover } from "@/lib/data/proposals";
import { can } from "@/lib/domain/auth/permissions";
import { ingestedReport } from "@/lib/shadow/ingest";
import { SentComparison } from "@/components/shadow/sent-comparison";
import { formatNumber } from "@/lib/i18n/format";

export async function generateMetadata() {
  return { title: (await getTranslations("shadow"))("title") };
}

export default async function ShadowPage() {
  const user = await requirePage("accounts:read", "/shadow");
  // Ingests what the logs gained since the last view (nothing to read: a stat and a 4 KB hash each),
  // then reads both comparisons from the database.
  const [t, ingested, cutover, runs, fmt] = await Promise.all([
    getTranslations("shadow"),
    ingestedReport(),
    latestCutover(),
    recentTickRuns(),
    localeContext(),
  ]);
  const signed = cutover?.state === "delivered";
  // The sign-off gate is read from the approved proposal (and so the ledger), not from the logs.
  const raw = ingested?.report;
  const report = raw && {
    ...raw,
    gates: raw.gates.map((g) =>
      g.name === "founder_sign_off" && signed ? { ...g, pass: true, value: "signed off" } : g,
    ),
  };
  const measurablePass = !!report && report.gates.filter((g) => g.name !== "founder_sign_off").every((g) => g.pass);
  const signOffState = signed ? "signed" : cutover ? "pending" : measurablePass ? "ready" : "blocked";
  const signOff = (
    <SignOff state={signOffState} canPropose={can(user.role, "proposals:approve")} by={cutover?.decidedByLabel} />
  );
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t("description")}</p>
      </div>
      {report && ingested ? (
        <>
          <p className="text-xs text-slate-600 dark:text-slate-400">
            {t("ingestedFrom", {
              shadow: formatNumber(fmt, report.inputs.shadow.lines),
              heuristic: formatNumber(fmt, report.inputs.heuristic.lines),
            })}
          </p>
          <ShadowReport report={report} signOff={signOff} />
          <SentComparison sent={ingested.sent} />
        </>
      ) : (
        <Card>
          <p className="font-medium">{t("noLogs")}</p>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t("noLogsHint")}</p>
        </Card>
      )}
      <Card aria-labelledby="runs-title" className="space-y-3">
        <h2 id="runs-title" className="text-lg font-semibold">
          {t("runsTitle")}
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("runsDescription")}</p>
        <TickRuns runs={runs} fmt={fmt} />
      </Card>
      <Card aria-labelledby="upload-title" className="space-y-3">
        <h2 id="upload-title" className="text-lg font-semibold">
          {t("uploadTitle")}
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("uploadDescription")}</p>
        <UploadCompare />
      </Card>
    </div>
  );
}
