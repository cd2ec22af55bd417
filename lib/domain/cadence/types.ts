import { z } from "zod";

/** Spec "Success cadence and at-risk": the kinds of work a CSM is reminded of. */
export const CADENCE_TYPES = [
  "weekly_check_in",
  "monthly_proof_review",
  "quarterly_business_review",
  "at_risk_alert",
  "renewal_30_day",
  "renewal_7_day",
] as const;
export type TCadenceType = (typeof CADENCE_TYPES)[number];

export const TASK_STATUSES = ["open", "done", "skipped"] as const;
export type TTaskStatus = (typeof TASK_STATUSES)[number];

/** Where a task came from: a plan's rhythm, a contract's end date, or a person. */
export const TASK_SOURCES = ["cadence", "renewal", "manual"] as const;
export type TTaskSource = (typeof TASK_SOURCES)[number];

/** A calendar day as ISO text (YYYY-MM-DD): due dates have no time of day. */
export const ZIsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s));
export type TIsoDate = string;

export type TCadencePlan = {
  id: string;
  accountId: string;
  active: boolean;
  types: TCadenceType[];
  ownerCsmId: string;
  ownerCsmName: string | null;
  /** The first day of the rhythm: weekly, monthly and quarterly dates count from here. */
  anchorDate: TIsoDate;
  updatedAt: Date;
};

export type TTask = {
  id: string;
  accountId: string;
  accountName: string;
  accountTier: string;
  csmId: string | null;
  csmName: string | null;
  /** The CSM who owns the task's account (`accounts.csm_id`). */
  accountCsmId: string | null;
  type: TCadenceType;
  dueDate: TIsoDate;
  status: TTaskStatus;
  source: TTaskSource;
  note: string;
  completedAt: Date | null;
  completedBy: string | null;
};

/** One task to create; (accountId, type, dueDate) is its identity, so creating it twice is a no-op. */
export type TTaskDraft = {
  accountId: string;
  csmId: string;
  type: TCadenceType;
  dueDate: TIsoDate;
  source: TTaskSource;
};
