import { isCriterion, isStage, type TCriterion, type TStage } from "./stages";

/**
 * The parameters a journey stage event is shown with in the reader's language (its summary is the
 * English recorded beside them). Read from the event's stored data; null for any other event, or data
 * not in the shape `writeEvaluations` stores, so the page falls back to the recorded summary. Pure.
 */
export type TStageEventLine = {
  key: "stage_changed" | "stage_reverted";
  from: TStage;
  to: TStage;
  /** The withdrawn criterion of a move back. */
  criterion: TCriterion | null;
};

export function stageEventLine(type: string, data: unknown): TStageEventLine | null {
  if (type !== "journey.stage_changed" && type !== "journey.stage_reverted") return null;
  if (typeof data !== "object" || data === null) return null;
  const d = data as { from?: unknown; to?: unknown; cause?: { criteria?: unknown } };
  if (!isStage(d.from) || !isStage(d.to)) return null;
  const criteria = Array.isArray(d.cause?.criteria) ? d.cause.criteria : [];
  const criterion = isCriterion(criteria[0]) ? criteria[0] : null;
  if (type === "journey.stage_reverted")
    return criterion ? { key: "stage_reverted", from: d.from, to: d.to, criterion } : null;
  return { key: "stage_changed", from: d.from, to: d.to, criterion: null };
}
