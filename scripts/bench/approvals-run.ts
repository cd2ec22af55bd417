// The approvals-and-ledger benchmark itself, run by scripts/bench/approvals.ts in a child process whose
// DATABASE_URL is the bench database (the engine is fixed once per process). Prints progress lines,
// then one `RESULT {…}` line with the figures.
import { runMutation } from "../../lib/actions/mutation";
import { approveProposalMutation, createProposalMutation } from "../../lib/actions/proposals";
import { closeDb, db } from "../../lib/db";
import { appendLedger, recordLedger, verifyLedger } from "../../lib/data/ledger";
import { withTransaction } from "../../lib/data/tx";
import type { TActor } from "../../lib/domain/auth/actor";
import { canonicalEntry, chainHash, type TLedgerInput } from "../../lib/domain/ledger/chain";
import { ledgerEntry } from "../../lib/domain/ledger/entry";
import { summarize } from "./stats";

export type TApprovalsResult = {
  roundTrip: { n: number; p50: number; p95: number; max: number };
  appends: { n: number; writers: number; perSecond: number; p50: number; p95: number };
  /** Mutation-shaped: BEGIN, one statement, the entry, COMMIT (what runMutation does per change). */
  txAppends: { n: number; writers: number; perSecond: number; p50: number; p95: number };
  verify: { entries: number; seconds: number; perSecond: number; ok: boolean; insertSeconds: number };
};

const ROUND_TRIPS = Number(process.env.BENCH_APPROVALS || 200);
const WARMUP = 10;
const WRITERS = 50;
const APPENDS = Number(process.env.BENCH_APPENDS || 5_000);
const VERIFY_ENTRIES = Number(process.env.BENCH_LEDGER_ENTRIES || 1_000_000);
const INSERT_BATCH = 20_000;

async function actors(): Promise<{ csm: TActor; founder: TActor }> {
  const users = await db().prisma.user.findMany({ where: { email: { in: ["csm@demo.test", "founder@demo.test"] } } });
  const find = (role: "csm" | "founder") => {
    const u = users.find((x) => x.role === role);
    if (!u) throw new Error(`no demo ${role}: the bench database needs DEMO=1 seeding`);
    return { type: "user" as const, id: u.id, role, label: u.email };
  };
  return { csm: find("csm"), founder: find("founder") };
}

async function roundTrips(): Promise<TApprovalsResult["roundTrip"]> {
  const { csm, founder } = await actors();
  const accounts = await db().prisma.account.findMany({
    where: { contacts: { some: {} } },
    select: { id: true },
    take: 50,
  });
  if (accounts.length === 0) throw new Error("no account with a contact in the bench database");
  const once = async (i: number) => {
    const started = performance.now();
    const created = await runMutation(createProposalMutation, csm, {
      kind: "message",
      account_id: accounts[i % accounts.length]!.id,
      reason: "bench",
      message: {
        subject: `Bench ${i}`,
        body: i % 2 ? "مرحبا، هذه رسالة للقياس." : "Hello, this is a benchmark message.",
      },
    });
    if (!created.ok) throw new Error(`create failed: ${created.code}`);
    const approved = await runMutation(approveProposalMutation, founder, {
      id: created.data.id,
      payload_hash: created.data.payloadHash,
    });
    if (!approved.ok) throw new Error(`approve failed: ${approved.code}`);
    return performance.now() - started;
  };
  for (let i = 0; i < WARMUP; i++) await once(i);
  const samples: number[] = [];
  for (let i = 0; i < ROUND_TRIPS; i++) samples.push(await once(WARMUP + i));
  const s = summarize(samples);
  return { n: s.n, p50: s.p50, p95: s.p95, max: s.max };
}

/**
 * The benchmark server's own dispatcher previews the approvals made above and ledgers each result.
 * Let it finish first, so its appends neither compete with the measured writers nor land mid-verify.
 */
async function waitForOutbox(print: (line: string) => void, timeoutMs = 180_000): Promise<void> {
  const started = performance.now();
  for (;;) {
    const left = await db().prisma.outbox.count({ where: { state: { in: ["queued", "sending"] } } });
    if (left === 0)
      return print(
        `  outbox drained by the server's dispatcher in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    if (performance.now() - started > timeoutMs)
      return print(`  ${left} outbox rows still queued (is DISPATCHER=off?); going on`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

const BENCH_BY = { actorType: "system", actorId: "bench", actorRole: null } as const;
const BENCH_INPUT: TLedgerInput = ledgerEntry(BENCH_BY, {
  action: "bench.append",
  target: "bench:ledger",
  summary: "benchmark append",
});

/** `APPENDS` calls of `once` by `WRITERS` concurrent writers: throughput and per-call latency. */
async function concurrently(once: () => Promise<unknown>): Promise<TApprovalsResult["appends"]> {
  let next = 0;
  const latencies: number[] = [];
  const writer = async () => {
    while (next < APPENDS) {
      next++;
      const t = performance.now();
      await once();
      latencies.push(performance.now() - t);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: WRITERS }, writer));
  const perSecond = APPENDS / ((performance.now() - started) / 1000);
  const s = summarize(latencies);
  return { n: APPENDS, writers: WRITERS, perSecond, p50: s.p50, p95: s.p95 };
}

const appends = () => concurrently(() => recordLedger(BENCH_INPUT));

const txAppends = () =>
  concurrently(() =>
    withTransaction(async (tx) => {
      await tx.$queryRaw`SELECT frozen FROM system_state WHERE id = 1`;
      await appendLedger(tx, { ...BENCH_INPUT, action: "bench.append_in_transaction" });
    }),
  );

const COLUMNS = [
  "bigint",
  "timestamptz",
  "text",
  "text",
  "text",
  "text",
  "text",
  "text",
  "text",
  "text",
  "text",
  "text",
  "text",
];

/**
 * Grows the ledger by `count` generated entries, continuing the real chain: each batch locks the head,
 * chains its entries from it and moves it, so appends by the running server interleave safely.
 */
async function growLedger(count: number, print: (line: string) => void): Promise<void> {
  for (let done = 0; done < count;) {
    const size = Math.min(INSERT_BATCH, count - done);
    await db().sql.transaction(async (tx) => {
      // Bulk-chains around ledger_append for speed, so it raises the guard's flag itself (migration
      // 20261203120000), for this transaction only; the app role of scripts/db-role.ts cannot do this.
      await tx.query(`SELECT set_config('ledger.appending', 'on', true)`);
      const [head] = await tx.query<{ seq: string; hash: string }>(
        `SELECT seq, hash FROM ledger_head WHERE id = 1 FOR UPDATE`,
      );
      let seq = Number(head!.seq);
      let prev = head!.hash;
      const cols: unknown[][] = COLUMNS.map(() => []);
      const at = new Date().toISOString();
      for (let i = 0; i < size; i++) {
        seq++;
        const e = {
          seq,
          at,
          ...ledgerEntry(BENCH_BY, {
            action: "bench.generated",
            target: `bench:${seq % 1000}`,
            summary: i % 2 ? "generated entry" : "قيد مولّد للقياس",
          }),
        };
        const canonical = canonicalEntry(e);
        const hash = chainHash(prev, canonical);
        const row = [
          seq,
          at,
          e.actorType,
          e.actorId,
          e.actorRole,
          e.action,
          e.target,
          e.summary,
          null,
          null,
          canonical,
          prev,
          hash,
        ];
        row.forEach((v, c) => cols[c]!.push(v));
        prev = hash;
      }
      await tx.query(
        `INSERT INTO ledger_entries (seq, at, actor_type, actor_id, actor_role, action, target, summary, request_id, payload_hash, canonical, prev_hash, hash)
         SELECT * FROM unnest(${COLUMNS.map((t, i) => `$${i + 1}::${t}[]`).join(", ")})`,
        cols,
      );
      await tx.query(`UPDATE ledger_head SET seq = $1, hash = $2 WHERE id = 1`, [seq, prev]);
    });
    done += size;
    if (done % 200_000 === 0 || done === count) print(`  ${done.toLocaleString("en-US")} entries inserted`);
  }
}

async function verify(print: (line: string) => void): Promise<TApprovalsResult["verify"]> {
  const insertStarted = performance.now();
  await growLedger(VERIFY_ENTRIES, print);
  const insertSeconds = (performance.now() - insertStarted) / 1000;
  await db().sql.exec(`VACUUM (ANALYZE) ledger_entries`);
  const started = performance.now();
  const result = await verifyLedger();
  const seconds = (performance.now() - started) / 1000;
  if (!result.ok) print(`  verification FAILED at entry ${result.seq} (${result.problem})`);
  return { entries: result.count, seconds, perSecond: result.count / seconds, ok: result.ok, insertSeconds };
}

async function main() {
  const print = (line: string) => console.log(line);
  print(
    `  approval round trips: ${ROUND_TRIPS} sequential create + approve through runMutation (after ${WARMUP} warm-up)`,
  );
  const roundTrip = await roundTrips();
  await waitForOutbox(print);
  print(`  ledger appends: ${APPENDS} by ${WRITERS} concurrent writers (recordLedger)`);
  const appended = await appends();
  print(
    `  ledger appends in transactions: ${APPENDS} by ${WRITERS} concurrent writers (withTransaction + appendLedger)`,
  );
  const txAppended = await txAppends();
  print(
    `  verify: inserting ${VERIFY_ENTRIES.toLocaleString("en-US")} chained entries, then verifyLedger() over the whole ledger`,
  );
  const verified = await verify(print);
  console.log(
    `RESULT ${JSON.stringify({ roundTrip, appends: appended, txAppends: txAppended, verify: verified } satisfies TApprovalsResult)}`,
  );
}

main()
  .then(() => closeDb())
  .then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(`approvals bench failed: ${(error as Error)?.message ?? String(error)}`);
      process.exit(1);
    },
  );
