import { MS_PER_DAY } from "./timestamp";

/**
 * Cut-over gates (spec "Agreement" → "Cut-over gates"): each shown as pass/fail with its figure. The
 * founder's sign-off lives in the ledger, not in the logs, so this report can only say it is pending —
 * and that it is not yet possible while a measurable gate fails.
 */

// Spec: "at least 50 shadow decisions".
export const MIN_SHADOW_DECISIONS = 50;
// Spec: "at least 80% agreement" (agreement_pct = 100·agree/(agree+disagree)).
export const MIN_AGREEMENT_PCT = 80;
// Spec: "at least 7 days between the first and last heartbeat".
export const MIN_HEARTBEAT_SPAN_DAYS = 7;

export type TGate = { name: string; pass: boolean; value: number | string | null; threshold: string };

export type TGateInput = {
  decisions: number;
  agree: number;
  disagree: number;
  firstHeartbeat: number | null; // epoch ms
  lastHeartbeat: number | null;
};

/** The four gates in the spec's order. Pass/fail is decided on integers where it can be, so 80% is exact. */
export function cutOverGates(input: TGateInput): TGate[] {
  const compared = input.agree + input.disagree;
  const pct = compared === 0 ? null : (100 * input.agree) / compared;
  const spanMs =
    input.firstHeartbeat === null || input.lastHeartbeat === null ? null : input.lastHeartbeat - input.firstHeartbeat;
  const measurable = [
    {
      name: "shadow_decisions",
      pass: input.decisions >= MIN_SHADOW_DECISIONS,
      value: input.decisions,
      threshold: `≥ ${MIN_SHADOW_DECISIONS}`,
    },
    {
      name: "agreement_pct",
      pass: compared > 0 && input.agree * 100 >= MIN_AGREEMENT_PCT * compared,
      value: pct,
      threshold: `≥ ${MIN_AGREEMENT_PCT}%`,
    },
    {
      name: "heartbeat_span_days",
      pass: spanMs !== null && spanMs >= MIN_HEARTBEAT_SPAN_DAYS * MS_PER_DAY,
      value: spanMs === null ? null : spanMs / MS_PER_DAY,
      threshold: `≥ ${MIN_HEARTBEAT_SPAN_DAYS} days`,
    },
  ];
  const ready = measurable.every((gate) => gate.pass);
  return [
    ...measurable,
    {
      name: "founder_sign_off",
      pass: false,
      value: ready ? "pending sign-off" : "not possible until the measurable gates pass",
      threshold: "recorded in the ledger",
    },
  ];
}
