import "server-only";
import { appendLedger } from "../data/ledger";
import { claimDue, failExpiredLeases, markDelivered, markFailed, markRetry, type TClaimed } from "../data/outbox";
import { expireDue } from "../data/proposals";
import { isFrozenForShare } from "../data/system-state";
import { inSavepoint, withTransaction, type Tx } from "../data/tx";
import { deliverProposal } from "../proposals/effects";
import { isConnectionError } from "../errors";
import type { TActor } from "../domain/auth/actor";
import {
  DEFAULT_FROM,
  checkSealed,
  previewText,
  renderEmail,
  unsendableReason,
  type TEmail,
} from "../domain/dispatch/email";
import { INTERRUPTED_ERROR, MAX_ATTEMPTS, afterFailure, leaseUntil } from "../domain/dispatch/retry";
import { ledgerEntry } from "../domain/ledger/entry";
import { log } from "../log";
import { PermanentSendError, type TTransport } from "../dispatch/transport";

/** Who the ledger names for what the dispatcher does on its own. */
export const DISPATCHER_ACTOR: TActor = { type: "system", id: "dispatcher", role: "founder", label: "dispatcher" };

// Spec: per-run circuit breaker — at most this many sends per run stops a runaway queue.
export const DEFAULT_LIMIT = 50;

export type TDispatchOptions = {
  transport: TTransport;
  now?: Date;
  limit?: number;
  /** Only these outbox rows (tests, or an operator dispatching one row by hand). */
  onlyIds?: readonly string[];
  /** The freeze state to obey; read from the database (under a share lock) when left out. */
  frozen?: boolean;
  from?: string;
};

export type TDispatchReport = {
  frozen: boolean;
  expired: number;
  interrupted: number;
  delivered: number;
  retrying: number;
  failed: number;
};

const entry = (action: string, target: string, summary: string, payloadHash: string | null) =>
  ledgerEntry(DISPATCHER_ACTOR, { action, target, summary, payloadHash });

// An error is stored and ledgered on one line: white space collapses, other control characters (a
// driver may echo the bad text) become U+FFFD.
const errorText = (error: unknown) =>
  String((error as Error)?.message ?? error)
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, "\uFFFD")
    .slice(0, 500);

// A database that cannot be reached stops the pass (nothing else would be recorded either), and a
// transient conflict (serialization failure, deadlock, lock timeout) leaves the row for the next pass
// as before; any other error belongs to the row being recorded.
const TRANSIENT = /\b(40001|40P01|55P03)\b/;
const isRowError = (error: unknown) =>
  !isConnectionError(error) &&
  (error as { code?: string })?.code !== "database_unavailable" &&
  !TRANSIENT.test(`${(error as { code?: string })?.code ?? ""} ${errorText(error)}`);

type TOutcome = { ok: true; ref: string | null } | { ok: false; error: string; permanent: boolean };

/**
 * One pass: expire overdue proposals, fail rows whose send was interrupted, then (unless frozen)
 * claim, send and mark up to `limit` due rows, one at a time. Every result is ledgered in the
 * transaction that records it. Exactly once: see TTransport for how each kind of transport gets there.
 */
export async function dispatchOnce(o: TDispatchOptions): Promise<TDispatchReport> {
  const now = o.now ?? new Date();
  const report: TDispatchReport = { frozen: false, expired: 0, interrupted: 0, delivered: 0, retrying: 0, failed: 0 };
  report.expired = await sweepExpired(now);
  report.interrupted = await failInterrupted(now, o.onlyIds);
  const limit = o.limit ?? DEFAULT_LIMIT;
  for (let sent = 0; sent < limit;) {
    const step = await dispatchNext(o, now);
    if (step === "frozen") report.frozen = true;
    if (step === "frozen" || step === "empty") break;
    if (step !== "refused") sent++;
    report[step === "refused" ? "failed" : step]++;
  }
  return report;
}

type TStep = "frozen" | "empty" | "refused" | "delivered" | "retrying" | "failed";

/** Claims one due row and sends it; for an external transport the claim commits before the hand-off. */
async function dispatchNext(o: TDispatchOptions, now: Date): Promise<TStep> {
  const external = o.transport.effect === "external";
  const handoff: { row?: TClaimed; email?: TEmail } = {};
  const inClaim = await withTransaction(async (tx): Promise<TStep | null> => {
    if (await isFrozen(tx, o.frozen)) return "frozen";
    const [row] = await claimDue(tx, {
      now,
      leaseUntil: leaseUntil(now),
      transport: o.transport.name,
      limit: 1,
      onlyIds: o.onlyIds,
    });
    if (!row) return "empty";
    const sealed = checkSealed(row.payload, row.payloadHash, row.approvedPayloadHash);
    if (!sealed.ok) {
      await markFailed(tx, row, { error: sealed.error, now });
      await appendLedger(
        tx,
        entry(
          "outbox.failed",
          `proposal:${row.proposalId}`,
          `outbox ${row.id} refused: ${sealed.error}`,
          row.payloadHash,
        ),
      );
      return "refused";
    }
    const email = renderEmail(sealed.payload, row.id, o.from ?? DEFAULT_FROM);
    // A row stored before the door refused control characters: fail it, never hand it over.
    const unsendable = unsendableReason(email);
    if (unsendable) {
      await markFailed(tx, row, { error: unsendable, now });
      await appendLedger(
        tx,
        entry(
          "outbox.failed",
          `proposal:${row.proposalId}`,
          `outbox ${row.id} refused: ${unsendable}`,
          row.payloadHash,
        ),
      );
      return "refused";
    }
    if (external) {
      Object.assign(handoff, { row, email });
      return null; // commit the claim (and its lease) before the message leaves the database
    }
    return settleInSavepoint(tx, o.transport, row, email, await attempt(o.transport, email, row.id), now);
  });
  const { row, email } = handoff;
  if (inClaim || !row || !email) return inClaim ?? "empty";
  const outcome = await attempt(o.transport, email, row.id);
  try {
    return await withTransaction((tx) => settle(tx, o.transport, row, email, outcome, now));
  } catch (error) {
    log.error("dispatch result not recorded", { outbox: row.id, error: errorText(error) });
    // Unreachable database: the row stays `sending` and is failed as interrupted once its lease runs
    // out, never sent again. The database refusing this row's result: fail the row now, go on.
    if (!isRowError(error)) throw error;
    return withTransaction((tx) => failUnrecorded(tx, row, outcome, error, now));
  }
}

/**
 * `settle` in a savepoint of the claim transaction; a row error fails only this row (and is ledgered).
 * Without the savepoint one row's error would undo the claim and leave the row queued, first in line
 * again on every pass (issue 10: a NUL in a subject stopped all sending).
 */
async function settleInSavepoint(
  tx: Tx,
  transport: TTransport,
  row: TClaimed,
  email: TEmail,
  outcome: TOutcome,
  now: Date,
): Promise<TStep> {
  try {
    return await inSavepoint(tx, () => settle(tx, transport, row, email, outcome, now), isRowError);
  } catch (error) {
    if (!isRowError(error)) throw error;
    log.error("dispatch result not recorded", { outbox: row.id, error: errorText(error) });
    return failUnrecorded(tx, row, outcome, error, now);
  }
}

/** The row whose result the database refused: failed with the error, without the rendered text. */
async function failUnrecorded(tx: Tx, row: TClaimed, outcome: TOutcome, error: unknown, now: Date): Promise<TStep> {
  const why = `result not recorded: ${errorText(error)}`;
  if (!(await markFailed(tx, row, { error: why.slice(0, 500), now }))) return lost(row);
  // An external transport may have delivered it: the ledger says so, and the row is not sent again.
  const handed = outcome.ok ? " (the transport accepted it)" : "";
  await appendLedger(
    tx,
    entry("outbox.failed", `proposal:${row.proposalId}`, `outbox ${row.id} failed${handed}: ${why}`, row.payloadHash),
  );
  return "failed";
}

async function isFrozen(tx: Tx, override: boolean | undefined): Promise<boolean> {
  if (override !== undefined) return override;
  return isFrozenForShare(tx);
}

async function attempt(transport: TTransport, email: TEmail, outboxId: string): Promise<TOutcome> {
  try {
    const { ref } = await transport.send(email, outboxId);
    return { ok: true, ref };
  } catch (error) {
    return { ok: false, error: errorText(error), permanent: error instanceof PermanentSendError };
  }
}

async function settle(
  tx: Tx,
  transport: TTransport,
  row: TClaimed,
  email: TEmail,
  outcome: TOutcome,
  now: Date,
): Promise<TStep> {
  const target = `proposal:${row.proposalId}`;
  const rendered = previewText(email);
  if (outcome.ok) {
    const state = transport.mode === "preview" ? "previewed" : "sent";
    if (!(await markDelivered(tx, row, { state, ref: outcome.ref, rendered, now }))) return lost(row);
    await deliverProposal(tx, row.proposalId, now); // the kind's delivery effect (a nudge stamps its sent-at)
    const summary =
      state === "previewed"
        ? `outbox ${row.id} previewed (would have been sent to ${email.to.address})`
        : `outbox ${row.id} sent via ${transport.name} to ${email.to.address}, ref ${outcome.ref ?? "none"}`;
    await appendLedger(tx, entry(`outbox.${state}`, target, summary, row.payloadHash));
    return "delivered";
  }
  const next = afterFailure(row.attempts, now, outcome.permanent);
  if (next.state === "queued") {
    if (!(await markRetry(tx, row.id, { error: outcome.error, nextAttemptAt: next.nextAttemptAt }))) return lost(row);
    const summary = `outbox ${row.id} attempt ${row.attempts} of ${MAX_ATTEMPTS} failed (${outcome.error}); next at ${next.nextAttemptAt.toISOString()}`;
    await appendLedger(tx, entry("outbox.retry", target, summary, row.payloadHash));
    return "retrying";
  }
  if (!(await markFailed(tx, row, { error: outcome.error, now, rendered }))) return lost(row);
  const why = outcome.permanent ? "refused" : `failed after ${row.attempts} attempts`;
  await appendLedger(tx, entry("outbox.failed", target, `outbox ${row.id} ${why}: ${outcome.error}`, row.payloadHash));
  return "failed";
}

function lost(row: TClaimed): TStep {
  // Our lease ran out and the row was failed as interrupted meanwhile; that entry already tells the story.
  log.warn("dispatch result arrived after the lease expired", { outbox: row.id });
  return "failed";
}

async function sweepExpired(now: Date): Promise<number> {
  return withTransaction(async (tx) => {
    const ids = await expireDue(tx, now);
    for (const id of ids)
      await appendLedger(tx, entry("proposals.expire", `proposal:${id}`, "expired without a decision", null));
    return ids.length;
  });
}

async function failInterrupted(now: Date, onlyIds: readonly string[] | undefined): Promise<number> {
  return withTransaction(async (tx) => {
    const rows = await failExpiredLeases(tx, { now, error: INTERRUPTED_ERROR, onlyIds });
    for (const r of rows) {
      const summary = `outbox ${r.id} ${INTERRUPTED_ERROR} (transport ${r.transport ?? "unknown"})`;
      await appendLedger(tx, entry("outbox.failed", `proposal:${r.proposalId}`, summary, r.payloadHash));
    }
    return rows.length;
  });
}
