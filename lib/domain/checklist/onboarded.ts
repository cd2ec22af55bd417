/**
 * Spec: an account is *onboarded* when all steps are complete, it is ready for first service and its
 * success cadence is active (an active plan in cadence_plans; lib/data/checklist.ts reads it).
 */
export type TOnboardedVerdict = "onboarded" | "not_onboarded";

export function onboardedVerdict(x: {
  allStepsComplete: boolean;
  readyForFirstService: boolean;
  cadenceActive: boolean;
}): TOnboardedVerdict {
  return x.allStepsComplete && x.readyForFirstService && x.cadenceActive ? "onboarded" : "not_onboarded";
}
