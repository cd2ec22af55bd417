import { z } from "zod";
import { zMultiline } from "../text/safe-text";

/**
 * The onboarding checklist (spec "Onboarding checklist"): eight steps in order, each with its
 * estimated minutes (null for the two that run asynchronously) and whether completing it needs a
 * founder's approval. The order of this table is the order of the checklist.
 */
export const STEPS = [
  { id: "select_goal", minutes: 2, needsApproval: false },
  { id: "select_bundle", minutes: 3, needsApproval: true },
  { id: "company_intake", minutes: 5, needsApproval: false },
  { id: "connect_channels", minutes: 8, needsApproval: true },
  { id: "upload_or_source", minutes: 5, needsApproval: true },
  { id: "risk_review", minutes: 4, needsApproval: true },
  { id: "first_service_run", minutes: null, needsApproval: true },
  { id: "first_proof_pack", minutes: null, needsApproval: false },
] as const satisfies readonly { id: string; minutes: number | null; needsApproval: boolean }[];

export type TStepId = (typeof STEPS)[number]["id"];
export type TStep = (typeof STEPS)[number];
export const STEP_IDS = STEPS.map((s) => s.id) as unknown as readonly [TStepId, ...TStepId[]];
export const STEP_COUNT = STEPS.length;

/** Spec: "Step notes are at most 200 characters" (after trimming). */
export const MAX_NOTE = 200;

/** Spec: the estimated total is 27 minutes (the asynchronous steps add nothing). */
export const ESTIMATED_MINUTES = STEPS.reduce((sum, s) => sum + (s.minutes ?? 0), 0);

export class UnknownStepError extends Error {
  constructor(readonly stepId: string) {
    super(`unknown checklist step "${stepId}"`);
  }
}

export function isStepId(value: unknown): value is TStepId {
  return typeof value === "string" && (STEP_IDS as readonly string[]).includes(value);
}

/** The step with this id; throws UnknownStepError for anything else (spec: unknown ids are errors). */
export function stepOf(id: string): TStep {
  const step = STEPS.find((s) => s.id === id);
  if (!step) throw new UnknownStepError(id);
  return step;
}

/** 1-based position of a step in the checklist (the page and the SQL aggregations use it). */
export function stepNumber(id: TStepId): number {
  return STEP_IDS.indexOf(id) + 1;
}

/** Input schemas: an unknown id is `validation.invalid_choice`, a long note `validation.too_long`. */
export const ZStepId = z.enum(STEP_IDS);
export const ZStepNote = zMultiline(MAX_NOTE);
