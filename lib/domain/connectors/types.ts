import type { TConnectorKey, TMode } from "./connectors";
import type { TConnectorState } from "./state-machine";
import type { TConnectorSummary } from "./summary";

/** Shapes the pages and components receive (plain values, no storage types). */

export type TConnectorView = {
  key: TConnectorKey;
  mode: TMode;
  phase: number;
  blocking: boolean;
  state: TConnectorState;
  allowed: readonly TConnectorState[];
  updatedAt: Date | null;
  updatedBy: string | null;
  /** A live proposal to move it to connected_approved_execute. */
  pendingExecute: { proposalId: string; proposedBy: string } | null;
};

export type TAccountConnectors = { connectors: TConnectorView[]; summary: TConnectorSummary };
