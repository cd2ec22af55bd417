/**
 * Prohibited-claim categories of outbound copy (spec: customer-ops.md "Outbound copy guard"). The
 * phrases that express each one are lists founders edit (default-lists.ts holds the defaults); the
 * claims with numbers in them are rules in numbers.ts.
 */
export const COPY_CATEGORIES = [
  "guaranteed_results",
  "scraping",
  "full_automation",
  "bypassing_approvals",
  "competitor_attacks",
  "legal_financial_promises",
  "medical_language",
  "exaggerated_speed",
] as const;
export type TCopyCategory = (typeof COPY_CATEGORIES)[number];
