import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { ConnectorCard } from "@/components/connectors/connector-card";
import { ChecklistCard } from "@/components/onboarding/checklist-card";
import { OnboardedStatus } from "@/components/onboarding/onboarded-status";
import { requirePage } from "@/lib/auth/session";
import { getChecklist, successCadenceActive } from "@/lib/data/checklist";
import { getConnectors } from "@/lib/data/connectors";
import { can } from "@/lib/domain/auth/permissions";
import { onboardedVerdict } from "@/lib/domain/checklist/onboarded";
import { localeContext } from "@/lib/i18n/server";
import { loadAccount } from "../load";

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }) {
  const account = await loadAccount((await params).id);
  const t = await getTranslations("checklist");
  return { title: account ? `${t("tab")} · ${account.name}` : t("tab") };
}

/** The account's onboarding: checklist, connectors and whether it counts as onboarded. */
export default async function AccountOnboardingPage({ params }: { params: Params }) {
  const { id } = await params;
  const user = await requirePage("accounts:read", `/accounts/${id}/onboarding`);
  const account = await loadAccount(id);
  if (!account) notFound();
  const [checklist, connectors, cadence, fmt] = await Promise.all([
    getChecklist(account.id),
    getConnectors(account.id),
    successCadenceActive([account.id]),
    localeContext(),
  ]);
  const canWrite = can(user.role, "accounts:write");
  const now = new Date();
  const allStepsComplete = checklist.progress.current === "done";
  const ready = connectors.summary.readyForFirstService;
  const cadenceActive = cadence.get(account.id) === true;
  return (
    <div className="grid gap-6 lg:grid-cols-5">
      <div className="lg:col-span-3 lg:row-span-2">
        <ChecklistCard accountId={account.id} checklist={checklist} canWrite={canWrite} fmt={fmt} now={now} />
      </div>
      <div className="lg:col-span-2">
        <OnboardedStatus
          allStepsComplete={allStepsComplete}
          ready={ready}
          cadence={cadenceActive}
          verdict={onboardedVerdict({ allStepsComplete, readyForFirstService: ready, cadenceActive })}
        />
      </div>
      <div className="lg:col-span-5">
        <ConnectorCard accountId={account.id} data={connectors} canWrite={canWrite} fmt={fmt} now={now} />
      </div>
    </div>
  );
}
