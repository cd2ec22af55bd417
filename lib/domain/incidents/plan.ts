import type { TSeverity } from "./triage";

/**
 * The response plan as data (spec: customer-ops.md "Incidents"): common steps for every incident,
 * the data-leak notification step when a leak is possible, and the steps each severity adds.
 * Step ids are stored with each check-off, so they never change meaning; titles live in messages.
 */
export type TPlanStep = { id: string; optional: boolean };

export const COMMON_STEPS = ["freeze_live_actions", "notify_founder_oncall", "open_channel", "review_ledger"] as const;
export const LEAK_STEP = "notify_data_protection";
export const SEVERITY_STEPS: Record<TSeverity, readonly TPlanStep[]> = {
  SEV1: [
    { id: "postmortem_24h", optional: false },
    { id: "legal_review", optional: false },
  ],
  SEV2: [
    { id: "hourly_updates", optional: false },
    { id: "postmortem_48h", optional: false },
  ],
  SEV3: [{ id: "postmortem_optional", optional: true }],
};
export const ALL_STEP_IDS: readonly string[] = [
  ...COMMON_STEPS,
  LEAK_STEP,
  ...Object.values(SEVERITY_STEPS).flatMap((s) => s.map((x) => x.id)),
];
/** The step the automatic SEV1 freeze checks off. */
export const FREEZE_STEP = "freeze_live_actions";

/** The checklist for a severity; a possible leak adds the 72-hour notification. */
export function responsePlan(severity: TSeverity, leak: boolean): TPlanStep[] {
  return [
    ...COMMON_STEPS.map((id) => ({ id, optional: false })),
    ...(leak ? [{ id: LEAK_STEP, optional: false }] : []),
    ...SEVERITY_STEPS[severity],
  ];
}

/** Required steps done / required steps, for progress; steps checked under an earlier severity still count if they belong to this plan. */
export function planProgress(plan: TPlanStep[], done: ReadonlySet<string>): { done: number; required: number } {
  const required = plan.filter((s) => !s.optional);
  return { done: required.filter((s) => done.has(s.id)).length, required: required.length };
}
