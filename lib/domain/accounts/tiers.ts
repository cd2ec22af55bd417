// The one list of account tiers, in this order (the shadow log's tier codes are positions in it).
// No imports: the shadow log's byte scanners load it and must start without zod.
export const TIERS = ["free", "starter", "pro", "enterprise"] as const;
export type TTier = (typeof TIERS)[number];

export const isTier = (t: string): t is TTier => (TIERS as readonly string[]).includes(t);
