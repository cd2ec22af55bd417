import { getTranslations } from "next-intl/server";
import { CoolingOffForm } from "@/components/approvals/cooling-off-form";
import { Card } from "@/components/ui/card";
import { requirePage } from "@/lib/auth/session";
import { getCoolingOff } from "@/lib/data/sole-approver";

export async function generateMetadata() {
  return { title: (await getTranslations("approvals"))("settings.title") };
}

/** The founders' sole-approver cooling-off (spec: approvals-and-ledger.md, "Sole approver"). */
export default async function ApprovalSettingsPage() {
  await requirePage("settings:manage", "/settings/approvals");
  const [t, coolingOff] = await Promise.all([getTranslations("approvals.settings"), getCoolingOff()]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600 dark:text-slate-400">{t("description")}</p>
      </div>
      <Card>
        <CoolingOffForm initial={coolingOff} />
      </Card>
    </div>
  );
}
