import { z } from "zod";
import { CADENCE_TYPES, TASK_STATUSES, ZIsoDate, type TCadenceType, type TTaskStatus } from "./types";
import { zMultiline } from "../text/safe-text";

/** A new CSM's sensible default: weekly contact, a monthly proof review, a QBR and both renewal reminders. */
export const DEFAULT_PLAN_TYPES: readonly TCadenceType[] = [
  "weekly_check_in",
  "monthly_proof_review",
  "quarterly_business_review",
  "at_risk_alert",
  "renewal_30_day",
  "renewal_7_day",
];

/** Create or edit a plan (one per account). Duplicated types are refused rather than silently merged. */
export const ZSavePlan = z.object({
  account_id: z.uuid(),
  owner_csm_id: z.uuid(),
  anchor_date: ZIsoDate,
  types: z
    .array(z.enum(CADENCE_TYPES))
    .min(1)
    .max(CADENCE_TYPES.length)
    .refine((t) => new Set(t).size === t.length, { message: "duplicate" }),
});
export type TSavePlan = z.infer<typeof ZSavePlan>;

export const MAX_NOTE = 1_000;

/** Task lifecycle as a table: an open task is done or skipped once; a decided task stays decided. */
const TRANSITIONS: Record<TTaskStatus, readonly TTaskStatus[]> = { open: ["done", "skipped"], done: [], skipped: [] };

export function canMoveTask(from: TTaskStatus, to: TTaskStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export const ZCompleteTask = z.object({ id: z.uuid(), note: zMultiline(MAX_NOTE).default("") });
// Skipping needs a reason: the next person reading the account should know why nobody called.
export const ZSkipTask = z.object({ id: z.uuid(), note: zMultiline(MAX_NOTE).min(1) });

export const isTaskStatus = (s: string): s is TTaskStatus => (TASK_STATUSES as readonly string[]).includes(s);
