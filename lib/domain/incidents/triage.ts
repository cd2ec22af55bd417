/**
 * Incident triage (spec: customer-ops.md "Incidents"). SEV1 when there is a data leak or an
 * unauthorized send, whatever the count; else SEV2 when 5 or more customers are affected; else SEV3.
 * "When unsure, the higher severity" is modelled explicitly: an answer of "unsure" resolves towards
 * the severity it might imply, an unknown count counts as ≥ 5, and the triager's own `unsure` flag
 * raises the result one level.
 */
export const SEVERITIES = ["SEV1", "SEV2", "SEV3"] as const;
export type TSeverity = (typeof SEVERITIES)[number];

export const ANSWERS = ["yes", "no", "unsure"] as const;
export type TAnswer = (typeof ANSWERS)[number];

// Spec: "SEV2 when 5 or more customers are affected".
export const SEV2_MIN_CUSTOMERS = 5;

export type TTriageAnswers = {
  dataLeak: TAnswer;
  unauthorizedSend: TAnswer;
  /** Customers affected; null when nobody knows yet. */
  affected: number | null;
  /** The triager is not confident in the answers as a whole. */
  unsure: boolean;
};

export const TRIAGE_REASONS = [
  "data_leak",
  "unauthorized_send",
  "possible_data_leak",
  "possible_unauthorized_send",
  "many_customers",
  "unknown_customers",
  "few_customers",
  "unsure_raised",
] as const;
export type TTriageReason = (typeof TRIAGE_REASONS)[number];

export type TTriage = { severity: TSeverity; reasons: TTriageReason[]; raised: boolean };

const higher = (s: TSeverity): TSeverity => (s === "SEV3" ? "SEV2" : "SEV1");

/** Pure and total: every combination of answers yields a severity and the reasons behind it. */
export function triage(a: TTriageAnswers): TTriage {
  const reasons: TTriageReason[] = [];
  if (a.dataLeak === "yes") reasons.push("data_leak");
  if (a.unauthorizedSend === "yes") reasons.push("unauthorized_send");
  if (reasons.length > 0) return { severity: "SEV1", reasons, raised: false };
  // Unsure whether it is a leak or an unauthorized send: it might be SEV1, so it is SEV1.
  if (a.dataLeak === "unsure") reasons.push("possible_data_leak");
  if (a.unauthorizedSend === "unsure") reasons.push("possible_unauthorized_send");
  if (reasons.length > 0) return { severity: "SEV1", reasons, raised: true };
  let severity: TSeverity;
  if (a.affected === null) {
    severity = "SEV2";
    reasons.push("unknown_customers");
  } else if (a.affected >= SEV2_MIN_CUSTOMERS) {
    severity = "SEV2";
    reasons.push("many_customers");
  } else {
    severity = "SEV3";
    reasons.push("few_customers");
  }
  if (a.unsure) {
    reasons.push("unsure_raised");
    return { severity: higher(severity), reasons, raised: true };
  }
  return { severity, reasons, raised: a.affected === null };
}

export const isSeverity = (v: unknown): v is TSeverity => SEVERITIES.includes(v as TSeverity);
