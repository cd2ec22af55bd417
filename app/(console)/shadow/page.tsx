import { getTranslations } from "next-intl/server";
import { ShadowReport } from "@/components/shadow/shadow-report";
import { UploadCompare } from "@/components/shadow/upload-compare";
import { Card } from "@/components/ui/card";
import { requirePage } from "@/lib/auth/session";
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
  await requirePage("accounts:read", "/shadow");
  const [t, report] = await Promise.all([getTranslations("shadow"), currentReport()]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t("description")}</p>
      </div>
      {report ? (
        <ShadowReport report={report} />
      ) : (
        <Card>
          <p className="font-medium">{t("noLogs")}</p>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t("noLogsHint")}</p>
        </Card>
      )}
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
