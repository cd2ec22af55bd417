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
import { compareFiles, ShadowFileError } from "@/lib/shadow/read";
import { heuristicLogPath, shadowLogPath } from "@/lib/shadow/paths";

export async function generateMetadata() {
  return { title: (await getTranslations("shadow"))("title") };
}

/** Compares the logs as they are now (a snapshot; the reader streams, so large logs stay cheap). */
async function currentReport() {
  try {
    return (await compareFiles(shadowLogPath(), heuristicLogPath(), { threads: 1 })).report;
  } catch (error) {
    if (error instanceof ShadowFileError) return null;
    throw error;
  }
}

export default async function ShadowPage() {
  const user = await requirePage("accounts:read", "/shadow");
  const [t, raw, cutover, runs, fmt] = await Promise.all([
    getTranslations("shadow"),
    currentReport(),
    latestCutover(),
    recentTickRuns(),
    localeContext(),
  ]);
  const signed = cutover?.state === "delivered";
  // The sign-off gate is read from the approved proposal (and so the ledger), not from the logs.
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
      {report ? (
        <ShadowReport report={report} signOff={signOff} />
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
