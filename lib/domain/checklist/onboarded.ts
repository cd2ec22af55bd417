/**
 * Spec: an account is *onboarded* when all steps are complete, it is ready for first service and its
 * success cadence is active. The cadence is owned by another area; until it answers, `cadenceActive`
 * is null and the verdict is "cadence_unknown" (never a guess). A missing first or second condition
 * decides "not_onboarded" on its own.
 */
export type TOnboardedVerdict = "onboarded" | "not_onboarded" | "cadence_unknown";

export function onboardedVerdict(x: {
  allStepsComplete: boolean;
  readyForFirstService: boolean;
  cadenceActive: boolean | null;
}): TOnboardedVerdict {
  if (!x.allStepsComplete || !x.readyForFirstService) return "not_onboarded";
  if (x.cadenceActive === null) return "cadence_unknown";
  return x.cadenceActive ? "onboarded" : "not_onboarded";
}
