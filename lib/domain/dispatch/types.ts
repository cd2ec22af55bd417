/** Shapes the pages and components receive (plain values, no storage types). */

export type TFreeze = { frozen: boolean; reason: string | null; at: Date | null; by: string | null };
