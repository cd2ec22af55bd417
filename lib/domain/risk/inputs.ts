/**
 * The account event that marks a delivered proof pack (the monthly evidence of value sent to a
 * customer). Days since the newest one feed the at-risk score; an account that never received one
 * counts from its signup.
 */
export const PROOF_PACK_EVENT = "proof_pack_delivered";

import { DAY_MS } from "../time/days";

/** Whole days from `from` to `now`, floor((now − from) / 86 400 000 ms), as the SQL computes it. */
export const wholeDays = (from: Date, now: Date): number => Math.floor((now.getTime() - from.getTime()) / DAY_MS);
