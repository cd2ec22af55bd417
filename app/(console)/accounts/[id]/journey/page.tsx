import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { JourneyActivity } from "@/components/journeys/journey-activity";
import { JourneyHealth } from "@/components/journeys/journey-health";
import { JourneyProgress } from "@/components/journeys/journey-progress";
import { PrintButton } from "@/components/journeys/print-button";
import { StageTrack } from "@/components/journeys/stage-track";
import { Card } from "@/components/ui/card";
import { requirePage } from "@/lib/auth/session";
import { readJourneyReport } from "@/lib/data/journey-report";
import { can } from "@/lib/domain/auth/permissions";
import { formatDate } from "@/lib/i18n/format";
import { localeContext } from "@/lib/i18n/server";
import { loadAccount } from "../load";

type Params = Promise<{ id: string }>;

// Printing (and "Save as PDF") keeps the report and drops the console chrome around it.
const PRINT_CSS = `@media print {
  body header:has(nav), nav, a[href="/accounts"] { display: none !important; }
  main { padding: 0 !important; }
  a { color: inherit !important; text-decoration: none !important; }
}`;

export async function generateMetadata({ params }: { params: Params }) {
  const [account, t] = await Promise.all([loadAccount((await params).id), getTranslations("journey")]);
  return { title: account ? t("pageTitle", { name: account.name }) : t("title") };
}

/** The account's journey report: stage track, progress, health, touchpoints, forecast, comparison; printable. */
export default async function AccountJourneyPage({ params }: { params: Params }) {
  const { id } = await params;
  const user = await requirePage("accounts:read", `/accounts/${id}/journey`);
  const [account, fmt, t] = await Promise.all([loadAccount(id), localeContext(), getTranslations("journey")]);
  if (!account) notFound();
  const now = new Date();
  const report = await readJourneyReport(account.id, now);
  if (!report)
    return (
      <Card>
        <h2 className="text-lg font-semibold">{t("title")}</h2>
        <p className="text-sm text-slate-700 dark:text-slate-300">{t("noJourney")}</p>
      </Card>
    );
  const e = report.live.evaluation;
  const canAct = can(user.role, "accounts:write");
  return (
    <div className="space-y-6">
      <style>{PRINT_CSS}</style>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 className="text-xl font-semibold">{t("title")}</h2>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {t("asOf", { date: formatDate(fmt, now, "dateTime") })}
            <span className="hidden print:inline">
              {" · "}
              <bdi>{account.name}</bdi>
            </span>
          </p>
        </div>
        <PrintButton label={t("print")} />
      </div>
      <section
        aria-labelledby="journey-track"
        className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
      >
        <h2 id="journey-track" className="mb-3 text-lg font-semibold">
          {t("track.title")}
        </h2>
        <StageTrack stage={e.stage} renewal={e.renewal} advocacy={e.advocacy} behind={e.behindSchedule} />
      </section>
      <div className="grid gap-6 lg:grid-cols-2 print:grid-cols-2">
        <div className="space-y-6">
          <JourneyProgress report={report} fmt={fmt} now={now} canMark={canAct} />
        </div>
        <div className="space-y-6">
          <JourneyHealth report={report} fmt={fmt} />
          <JourneyActivity report={report} fmt={fmt} now={now} canAct={canAct} />
        </div>
      </div>
    </div>
  );
}
