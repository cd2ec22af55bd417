import type { TProgress } from "./progress";
import type { TStepId } from "./steps";

/** Shapes the pages and components receive (plain values, no storage types). */

export type TStepState = "done" | "pending_approval" | "open";

export type TStepView = {
  id: TStepId;
  number: number;
  minutes: number | null;
  needsApproval: boolean;
  state: TStepState;
  note: string;
  completedAt: Date | null;
  completedBy: string | null;
  approvedBy: string | null;
  /** The live proposal that will complete this approval-gated step. */
  pending: { proposalId: string; proposedBy: string; note: string; at: Date } | null;
  updatedAt: Date | null;
  updatedBy: string | null;
};

export type TChecklist = { steps: TStepView[]; progress: TProgress; since: Date | null };
