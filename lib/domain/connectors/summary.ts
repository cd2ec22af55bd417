import { BLOCKING_KEYS, CONNECTORS, CONNECTOR_COUNT, type TConnectorKey } from "./connectors";
import { CONNECTED_STATES, CONNECTOR_STATES, isConnectorState, type TConnectorState } from "./state-machine";

export type TConnectorSummary = {
  connected: number;
  /** connected / 11 as a percentage, one decimal. */
  connectedPercent: number;
  byState: Record<TConnectorState, number>;
  /** Blocking connectors not connected (`skipped` still counts as missing). */
  blockingMissing: TConnectorKey[];
  /** Spec: no blocking connector missing and at least one connected. */
  readyForFirstService: boolean;
};

/**
 * Summary of one account's connectors from its stored states; a connector without a state is
 * `not_started`. An unknown key or state throws, so bad rows are noticed instead of miscounted.
 */
export function summarize(states: Partial<Record<string, string>>): TConnectorSummary {
  for (const [key, state] of Object.entries(states)) {
    if (!CONNECTORS.some((c) => c.key === key)) throw new Error(`unknown connector "${key}"`);
    if (state !== undefined && !isConnectorState(state)) throw new Error(`unknown connector state "${state}"`);
  }
  const stateOf = (key: TConnectorKey) => (states[key] ?? "not_started") as TConnectorState;
  const byState = Object.fromEntries(CONNECTOR_STATES.map((s) => [s, 0])) as Record<TConnectorState, number>;
  for (const c of CONNECTORS) byState[stateOf(c.key)] += 1;
  const connected = CONNECTED_STATES.reduce((n, s) => n + byState[s], 0);
  const blockingMissing = BLOCKING_KEYS.filter((k) => !CONNECTED_STATES.includes(stateOf(k)));
  return {
    connected,
    connectedPercent: Math.round((connected / CONNECTOR_COUNT) * 1000) / 10,
    byState,
    blockingMissing,
    readyForFirstService: blockingMissing.length === 0 && connected > 0,
  };
}
