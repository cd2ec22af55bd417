import "server-only";
import { db, prisma } from "../db";
import {
  BLOCKING_KEYS,
  CONNECTORS,
  isConnectorKey,
  type TConnectorKey,
} from "../domain/connectors/connectors";
import {
  CONNECTED_STATES,
  CONNECTOR_STATES,
  allowedFrom,
  isConnectorState,
  type TConnectorState,
} from "../domain/connectors/state-machine";
import { summarize } from "../domain/connectors/summary";
import type { TConnectorExecutePayload } from "../domain/proposals/payloads";
import type { Tx } from "./tx";
import type { TConnectorView, TAccountConnectors } from "../domain/connectors/types";
export type { TConnectorView, TAccountConnectors };

/** Storage of each account's connectors: one row per (account, connector) once it left not_started. */


type TClient = Pick<Tx, "accountConnector" | "proposal">;

export async function getConnectors(accountId: string, client: TClient = prisma()): Promise<TAccountConnectors> {
  const [rows, pending] = await Promise.all([
    client.accountConnector.findMany({ where: { accountId } }),
    client.proposal.findMany({
      where: { accountId, kind: "connector_execute", state: "pending" },
      select: { id: true, payload: true, proposerLabel: true },
    }),
  ]);
  const byKey = new Map(rows.filter((r) => isConnectorKey(r.connectorKey)).map((r) => [r.connectorKey, r]));
  const pendingByKey = new Map(
    pending.map((p) => [
      (JSON.parse(p.payload) as TConnectorExecutePayload).connector,
      { proposalId: p.id, proposedBy: p.proposerLabel },
    ]),
  );
  const connectors = CONNECTORS.map((c): TConnectorView => {
    const r = byKey.get(c.key);
    const state = r && isConnectorState(r.state) ? r.state : "not_started";
    return {
      key: c.key,
      mode: c.mode,
      phase: c.phase,
      blocking: c.blocking,
      state,
      allowed: allowedFrom(state),
      updatedAt: r?.updatedAt ?? null,
      updatedBy: r?.updatedBy ?? null,
      pendingExecute: pendingByKey.get(c.key) ?? null,
    };
  });
  return { connectors, summary: summarize(Object.fromEntries(connectors.map((c) => [c.key, c.state]))) };
}

/** Locks the connector's row (creating a not_started one) and returns its state. */
export async function lockConnector(tx: Tx, accountId: string, key: TConnectorKey, by: string, at: Date) {
  await tx.$executeRaw`
    INSERT INTO account_connectors (account_id, connector_key, state, updated_at, updated_by)
    VALUES (${accountId}::uuid, ${key}, 'not_started', ${at}, ${by}) ON CONFLICT DO NOTHING`;
  const [row] = await tx.$queryRaw<{ state: string }[]>`
    SELECT state FROM account_connectors WHERE account_id = ${accountId}::uuid AND connector_key = ${key} FOR UPDATE`;
  return row!.state;
}

export async function setConnectorState(
  tx: Tx,
  s: { accountId: string; key: TConnectorKey; state: TConnectorState; by: string; at: Date; proposalId?: string },
): Promise<void> {
  await tx.$executeRaw`
    UPDATE account_connectors SET state = ${s.state}, updated_at = ${s.at}, updated_by = ${s.by},
      proposal_id = ${s.proposalId ?? null}::uuid
    WHERE account_id = ${s.accountId}::uuid AND connector_key = ${s.key}`;
}

const CONNECTED_SQL = CONNECTED_STATES.map((s) => `'${s}'`).join(", ");
const BLOCKING_SQL = BLOCKING_KEYS.map((k) => `'${k}'`).join(", ");

export type TConnectorGrid = {
  accounts: number;
  /** Per connector, accounts in each state (not_started includes accounts without a row). */
  rows: { key: TConnectorKey; counts: Record<TConnectorState, number> }[];
  /** Accounts that started connecting and are not ready for first service. */
  notReady: number;
  ready: number;
};

/** Counts by state per connector across all accounts, in one grouped query. */
export async function connectorGrid(): Promise<TConnectorGrid> {
  const sql = db().sql;
  const [counts, [totals]] = await Promise.all([
    sql.query<{ key: string; state: string; n: number }>(
      `SELECT connector_key AS key, state, count(*)::int AS n FROM account_connectors
       WHERE state <> 'not_started' GROUP BY 1, 2`,
    ),
    sql.query<{ accounts: number; ready: number; started: number }>(
      `WITH c AS (
         SELECT account_id,
           count(*) FILTER (WHERE state IN (${CONNECTED_SQL}))::int AS connected,
           count(*) FILTER (WHERE connector_key IN (${BLOCKING_SQL}) AND state IN (${CONNECTED_SQL}))::int AS blocking_ok,
           bool_or(state <> 'not_started') AS started
         FROM account_connectors GROUP BY account_id)
       SELECT (SELECT count(*)::int FROM accounts) AS accounts,
         count(*) FILTER (WHERE connected > 0 AND blocking_ok = ${BLOCKING_KEYS.length})::int AS ready,
         count(*) FILTER (WHERE started)::int AS started
       FROM c`,
    ),
  ]);
  const accounts = Number(totals?.accounts ?? 0);
  const rows = CONNECTORS.map((c) => {
    const byState = Object.fromEntries(CONNECTOR_STATES.map((s) => [s, 0])) as Record<TConnectorState, number>;
    for (const r of counts) if (r.key === c.key && isConnectorState(r.state)) byState[r.state] = Number(r.n);
    byState.not_started = accounts - CONNECTOR_STATES.reduce((n, s) => n + byState[s], 0);
    return { key: c.key, counts: byState };
  });
  const ready = Number(totals?.ready ?? 0);
  return { accounts, rows, ready, notReady: Number(totals?.started ?? 0) - ready };
}

export type TBlockedRow = {
  id: string;
  name: string;
  csmName: string | null;
  /** Blocking connectors not connected, with their state (skipped and failed included). */
  missing: { key: TConnectorKey; state: TConnectorState }[];
  failed: TConnectorKey[];
  connected: number;
};
export const BLOCKED_PAGE_SIZE = 25;

/**
 * Accounts that started connecting and are blocked: a blocking connector missing (skipped still
 * missing) or a connector failed. Most failed connectors first, then by name; one page.
 */
export async function blockedAccounts(
  f: { csm?: string; page: number },
): Promise<{ rows: TBlockedRow[]; total: number; pageSize: number }> {
  const csm = f.csm && f.csm !== "none" ? f.csm : null;
  const rows = await db().sql.query<{
    id: string;
    name: string;
    csm_name: string | null;
    blocking: { key: string; state: string }[] | null;
    failed: string[] | null;
    connected: number;
    total: number;
  }>(
    `WITH c AS (
       SELECT account_id,
         json_agg(json_build_object('key', connector_key, 'state', state))
           FILTER (WHERE connector_key IN (${BLOCKING_SQL})) AS blocking,
         array_agg(connector_key ORDER BY connector_key) FILTER (WHERE state = 'failed') AS failed,
         count(*) FILTER (WHERE state IN (${CONNECTED_SQL}))::int AS connected,
         count(*) FILTER (WHERE connector_key IN (${BLOCKING_SQL}) AND state IN (${CONNECTED_SQL}))::int AS blocking_ok
       FROM account_connectors GROUP BY account_id
       HAVING bool_or(state <> 'not_started'))
     SELECT a.id, a.name, u.name AS csm_name, c.blocking, c.failed, c.connected, count(*) OVER ()::int AS total
     FROM c JOIN accounts a ON a.id = c.account_id LEFT JOIN users u ON u.id = a.csm_id
     WHERE (c.blocking_ok < ${BLOCKING_KEYS.length} OR c.failed IS NOT NULL)
       AND ($1::uuid IS NULL OR a.csm_id = $1::uuid) AND (NOT $2::boolean OR a.csm_id IS NULL)
     ORDER BY coalesce(array_length(c.failed, 1), 0) DESC, a.name, a.id
     LIMIT $3 OFFSET $4`,
    [csm, f.csm === "none", BLOCKED_PAGE_SIZE, (f.page - 1) * BLOCKED_PAGE_SIZE],
  );
  return {
    rows: rows.map((r) => {
      const stored = new Map(
        (typeof r.blocking === "string" ? (JSON.parse(r.blocking) as { key: string; state: string }[]) : (r.blocking ?? [])).map(
          (b) => [b.key, b.state],
        ),
      );
      return {
        id: r.id,
        name: r.name,
        csmName: r.csm_name,
        missing: BLOCKING_KEYS.map((key) => ({ key, state: (stored.get(key) ?? "not_started") as TConnectorState })).filter(
          (m) => !CONNECTED_STATES.includes(m.state),
        ),
        failed: (r.failed ?? []).filter(isConnectorKey),
        connected: Number(r.connected),
      };
    }),
    total: rows.length > 0 ? Number(rows[0]!.total) : 0,
    pageSize: BLOCKED_PAGE_SIZE,
  };
}
