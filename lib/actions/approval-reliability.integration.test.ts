import pg from "pg";
import { describe, expect, it } from "vitest";
import { db } from "../db";
import { AppError, databaseUnavailable } from "../errors";
import { dispatchOnce } from "../jobs/dispatch";
import {
  createAccount,
  founder,
  ledgerFor,
  outboxRow,
  proposalState,
  proposeMessage,
  recordingTransport,
} from "../dispatch/test-fixtures";
import { runMutation } from "./mutation";
import { approveProposalMutation } from "./proposals";

// Concurrency and lost connections only mean something on a real server: PostgreSQL only.
describe.skipIf(!process.env.DATABASE_URL)("approval reliability on PostgreSQL", () => {
  it("50 founders approving one proposal at once: one approval, one outbox row, one delivery", async () => {
    const proposal = await proposeMessage(await createAccount("ar"));
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        runMutation(approveProposalMutation, founder(), { id: proposal.id, payload_hash: proposal.payloadHash }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual(Array(49).fill({ ok: false, code: "already_decided" }));
    const rows = await db().prisma.outbox.findMany({ where: { proposalId: proposal.id } });
    expect(rows).toHaveLength(1);
    expect((await ledgerFor(proposal.id)).filter((e) => e.action === "proposals.approve")).toHaveLength(1);

    // Five dispatchers racing for the row: SKIP LOCKED lets exactly one of them send it.
    const transport = recordingTransport();
    const reports = await Promise.all(
      Array.from({ length: 5 }, () => dispatchOnce({ transport, onlyIds: [rows[0]!.id], frozen: false })),
    );
    expect(reports.reduce((n, r) => n + r.delivered, 0)).toBe(1);
    expect(transport.sent).toHaveLength(1);
    expect(await outboxRow(rows[0]!.id)).toMatchObject({ state: "sent", attempts: 1 });
    expect(await proposalState(proposal.id)).toBe("delivered");
  });

  it("a connection dropped mid-approval leaves nothing half-written", async () => {
    const proposal = await proposeMessage(await createAccount("en"));
    // Hold the ledger head: the approval then waits at its ledger entry, the last step of its
    // transaction, with the proposal already marked approved and its outbox row inserted.
    const blocker = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await blocker.connect();
    try {
      await blocker.query("BEGIN");
      await blocker.query("SELECT seq FROM ledger_head WHERE id = 1 FOR UPDATE");
      const approving = runMutation(approveProposalMutation, founder(), {
        id: proposal.id,
        payload_hash: proposal.payloadHash,
      });
      // Other tests' appends queue behind the head too: pick the backend whose transaction holds our
      // proposal row (its xid is the row's xmax) and has written to the outbox.
      const victim = await waitFor(async () => {
        const { rows } = await blocker.query<{ pid: number }>(
          `SELECT l.pid FROM proposals p
             JOIN pg_locks l ON l.locktype = 'transactionid' AND l.transactionid::text = p.xmax::text AND l.granted
            WHERE p.id = $1
              AND pg_backend_pid() = ANY(pg_blocking_pids(l.pid))
              AND EXISTS (SELECT 1 FROM pg_locks o WHERE o.pid = l.pid AND o.relation = 'outbox'::regclass AND o.mode = 'RowExclusiveLock')`,
          [proposal.id],
        );
        return rows[0]?.pid;
      });
      await blocker.query("SELECT pg_terminate_backend($1)", [victim]);
      expect((await approving).ok).toBe(false);
    } finally {
      await blocker.query("ROLLBACK").catch(() => undefined);
      await blocker.end();
    }
    expect(await afterRecovery(() => proposalState(proposal.id))).toBe("pending");
    expect(await afterRecovery(() => db().prisma.outbox.count({ where: { proposalId: proposal.id } }))).toBe(0);
    expect((await afterRecovery(() => ledgerFor(proposal.id))).map((e) => e.action)).toEqual(["proposals.create"]);

    // The pool recovers and the same approval goes through whole.
    const again = await afterRecovery(async () => {
      const r = await runMutation(approveProposalMutation, founder(), {
        id: proposal.id,
        payload_hash: proposal.payloadHash,
      });
      if (!r.ok && r.code === "database_unavailable") throw databaseUnavailable();
      return r;
    });
    expect(again).toMatchObject({ ok: true, data: { state: "approved" } });
    expect(await db().prisma.outbox.count({ where: { proposalId: proposal.id } })).toBe(1);
    expect((await ledgerFor(proposal.id)).map((e) => e.action)).toEqual(["proposals.create", "proposals.approve"]);
  });
});

/**
 * The backend killed above can still sit in the pool for one checkout (its "terminated" event may
 * arrive after the connection went back): what is claimed is that nothing was half-written and that
 * the pool recovers, not that the very next query lands on a live connection. Retries a few times
 * on database_unavailable only.
 */
async function afterRecovery<T>(read: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await read();
    } catch (error) {
      if (attempt >= 4 || !(error instanceof AppError && error.code === "database_unavailable")) throw error;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error("timed out waiting for the approval to block");
}
