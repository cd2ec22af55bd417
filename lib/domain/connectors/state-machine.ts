/**
 * Connector states and the only transitions between them (spec: `not_started → configuring →
 * connected_draft_only | connected_approved_execute | failed | skipped`; `failed → configuring`).
 * Everything not in this table is an error naming both states.
 */
export const CONNECTOR_STATES = [
  "not_started",
  "configuring",
  "connected_draft_only",
  "connected_approved_execute",
  "failed",
  "skipped",
] as const;
export type TConnectorState = (typeof CONNECTOR_STATES)[number];

export const TRANSITIONS: Readonly<Record<TConnectorState, readonly TConnectorState[]>> = {
  not_started: ["configuring"],
  configuring: ["connected_draft_only", "connected_approved_execute", "failed", "skipped"],
  connected_draft_only: [],
  connected_approved_execute: [],
  failed: ["configuring"],
  skipped: [],
};

/** The two states that count as connected. */
export const CONNECTED_STATES: readonly TConnectorState[] = ["connected_draft_only", "connected_approved_execute"];

/** Spec: moving to approved-execute lets the system act on its own, so it needs a founder's approval. */
export const APPROVAL_STATES: readonly TConnectorState[] = ["connected_approved_execute"];

export function isConnectorState(value: unknown): value is TConnectorState {
  return typeof value === "string" && (CONNECTOR_STATES as readonly string[]).includes(value);
}

export class IllegalTransitionError extends Error {
  constructor(
    readonly from: string,
    readonly to: string,
  ) {
    super(`connector cannot move from "${from}" to "${to}"`);
  }
}

/** Throws IllegalTransitionError (naming both states) unless `from → to` is in the table. */
export function assertTransition(from: string, to: string): asserts to is TConnectorState {
  if (!isConnectorState(from) || !isConnectorState(to) || !TRANSITIONS[from].includes(to))
    throw new IllegalTransitionError(from, to);
}

export function allowedFrom(state: TConnectorState): readonly TConnectorState[] {
  return TRANSITIONS[state];
}

export function needsApproval(to: TConnectorState): boolean {
  return APPROVAL_STATES.includes(to);
}
