import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import type { TOnboardedVerdict } from "@/lib/domain/checklist/onboarded";

/** The three conditions of "onboarded" and the verdict. */
export async function OnboardedStatus({
  allStepsComplete,
  ready,
  cadence,
  verdict,
}: {
  allStepsComplete: boolean;
  ready: boolean;
  cadence: boolean;
  verdict: TOnboardedVerdict;
}) {
  const t = await getTranslations("checklist.onboarded");
  const yesNo = (v: boolean) => (v ? t("yes") : t("no"));
  return (
    <Card aria-labelledby="onboarded-title" className="space-y-2">
      <h2 id="onboarded-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <dl className="grid grid-cols-[1fr_auto] gap-x-3 gap-y-1 text-sm">
        <dt>{t("allSteps")}</dt>
        <dd className="font-medium">{yesNo(allStepsComplete)}</dd>
        <dt>{t("ready")}</dt>
        <dd className="font-medium">{yesNo(ready)}</dd>
        <dt>{t("cadence")}</dt>
        <dd className="font-medium">{yesNo(cadence)}</dd>
      </dl>
      <p className="text-sm text-slate-700 dark:text-slate-300">{t(`verdict.${verdict}`)}</p>
    </Card>
  );
}
