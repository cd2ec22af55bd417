/**
 * At-risk score (spec "Success cadence and at-risk"), 0–100. The one place the rule lives: the batch
 * snapshot, the one-account recompute, the pages and the benchmark all call `scoreRisk`.
 */
export const SEVERITIES = ["high", "medium", "low"] as const;
export type TSeverity = (typeof SEVERITIES)[number];

// Spec thresholds, in the spec's order. Each signal takes the first (highest) step it reaches.
export const INACTIVE_STEPS = [
  { atLeast: 14, points: 40 },
  { atLeast: 7, points: 20 },
] as const;
export const DRAFT_STEPS = [
  { atLeast: 10, points: 25 },
  { atLeast: 5, points: 10 },
] as const;
export const PROOF_PACK_STEPS = [{ atLeast: 14, points: 30 }] as const;
export const MAX_SCORE = 100;
// Severity bands: ≥ 60 high, ≥ 30 medium, else low.
export const HIGH_AT = 60;
export const MEDIUM_AT = 30;

export type TRiskInput = {
  /** Whole days since the account's last activity (since signup when it never had any). */
  daysInactive: number;
  /** Proposals for the account still waiting for a decision. */
  pendingDrafts: number;
  /** Whole days since the last proof pack was delivered (since signup when none ever was). */
  daysSinceProofPack: number;
};

export type TRiskReasonCode = "inactive" | "pending_drafts" | "proof_pack";
/**
 * One contribution to the score, as stored in `account_risk.reasons` (kept compact: the snapshot holds
 * 100 000 rows rewritten on every tick). `reasonText` gives its sentence in either language.
 */
export type TRiskReason = { code: TRiskReasonCode; value: number; points: number };
export type TRisk = { score: number; severity: TSeverity; reasons: TRiskReason[] };

const stepOf = (value: number, steps: readonly { atLeast: number; points: number }[]) =>
  steps.find((s) => value >= s.atLeast)?.points ?? 0;

// Label: value keeps the Arabic free of number agreement (the UI renders proper plurals itself).
const TEXT: Record<TRiskReasonCode, { en: (n: number) => string; ar: (n: number) => string }> = {
  inactive: { en: (n) => `No activity for ${n} days`, ar: (n) => `أيام بلا نشاط: ${n}` },
  pending_drafts: { en: (n) => `${n} drafts waiting for approval`, ar: (n) => `مسودات بانتظار الموافقة: ${n}` },
  proof_pack: { en: (n) => `${n} days since the last proof pack`, ar: (n) => `أيام منذ آخر حزمة إثبات: ${n}` },
};

/** Negative or fractional inputs (clock skew, future timestamps) count as whole days, never below 0. */
const clean = (n: number) => (Number.isFinite(n) ? Math.max(0, Math.floor(n)) : 0);

/** A reason as one sentence in English or Arabic (for e-mails, exports and other areas' pages). */
export function reasonText(reason: TRiskReason, locale: "en" | "ar"): string {
  return TEXT[reason.code][locale](reason.value);
}

export function severityOf(score: number): TSeverity {
  if (score >= HIGH_AT) return "high";
  if (score >= MEDIUM_AT) return "medium";
  return "low";
}

/**
 * Score, severity and the reasons that contributed points (highest first). Pure; a signal that adds
 * nothing is not a reason. The sum is capped at 100 (the three signals add up to 95 today; the cap
 * keeps the scale if a step grows).
 */
export function scoreRisk(input: TRiskInput): TRisk {
  const values: Record<TRiskReasonCode, number> = {
    inactive: clean(input.daysInactive),
    pending_drafts: clean(input.pendingDrafts),
    proof_pack: clean(input.daysSinceProofPack),
  };
  const points: Record<TRiskReasonCode, number> = {
    inactive: stepOf(values.inactive, INACTIVE_STEPS),
    pending_drafts: stepOf(values.pending_drafts, DRAFT_STEPS),
    proof_pack: stepOf(values.proof_pack, PROOF_PACK_STEPS),
  };
  const reasons = (Object.keys(points) as TRiskReasonCode[])
    .filter((code) => points[code] > 0)
    .map((code) => ({
      code,
      value: values[code],
      points: points[code],
    }))
    .sort((a, b) => b.points - a.points);
  return capped(
    reasons.reduce((sum, r) => sum + r.points, 0),
    reasons,
  );
}

/** Builds the result from a raw sum: exported so the cap and bands are testable beyond today's 95. */
export function capped(sum: number, reasons: TRiskReason[] = []): TRisk {
  const score = Math.min(MAX_SCORE, Math.max(0, sum));
  return { score, severity: severityOf(score), reasons };
}

/** What the CSM should do, per severity, in both languages (spec). */
export const RECOMMENDED_ACTION: Record<TSeverity, { en: string; ar: string }> = {
  high: {
    en: "A personal email from the founder and a business review this week.",
    ar: "رسالة شخصية من المؤسس ومراجعة أعمال هذا الأسبوع.",
  },
  medium: { en: "Send a summary report and offer a demo.", ar: "أرسل تقريرًا موجزًا واعرض جلسة توضيحية." },
  low: { en: "Keep the regular cadence.", ar: "حافظ على الإيقاع المعتاد." },
};

export const isSeverity = (s: string): s is TSeverity => (SEVERITIES as readonly string[]).includes(s);
