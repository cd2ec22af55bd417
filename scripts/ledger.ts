// npm run ledger -- verify [--checkpoint FILE]   exit 0 with count and head hash, else 1 naming the first bad entry
// npm run ledger -- checkpoint                   prints {"seq":N,"head_hash":"…"} to keep somewhere safe
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { z } from "zod";
import { ledgerGuardsBypassable, ledgerHashAt, verifyLedger } from "../lib/data/ledger";
import { env } from "../lib/env";
import type { TVerifyProblem } from "../lib/domain/ledger/chain";
import { runCli, UsageError } from "./cli";

const USAGE = "usage: npm run ledger -- verify [--checkpoint FILE] | checkpoint";
const ZCheckpoint = z.object({ seq: z.number().int().min(0), head_hash: z.string().regex(/^[0-9a-f]{64}$/) });

const PROBLEM: Record<TVerifyProblem, string> = {
  edited: "its content no longer matches its hash (edited)",
  broken_link: "it does not link to the entry before it (reordered, or a predecessor replaced)",
  missing: "it is missing (deleted)",
  truncated: "the ledger ends before its recorded head (entries removed from the end)",
  beyond_head: "it lies past the recorded head (inserted around the chaining path)",
};

void runCli(async () => {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { checkpoint: { type: "string" } } });
  const result = await verifyLedger();
  if (positionals[0] === "checkpoint") {
    if (!result.ok) throw new Error(`ledger does not verify: entry ${result.seq}: ${PROBLEM[result.problem]}`);
    console.log(JSON.stringify({ seq: result.headSeq, head_hash: result.headHash }));
    return 0;
  }
  if (positionals[0] !== "verify") throw new UsageError(USAGE);
  if (env().engine === "postgresql") {
    // Said on every verify, because a passing verify means less when the writer could have turned the guards off.
    const bypass = await ledgerGuardsBypassable();
    if (bypass.superuser || bypass.owner)
      console.error(
        `warning: connected as ${bypass.superuser ? "a superuser" : "the ledger tables' owner"}, which can switch the ledger's triggers off; run the server as a non-superuser app role (scripts/db-role.ts)`,
      );
  }
  if (!result.ok) {
    console.error(`ledger verification FAILED at entry ${result.seq}: ${PROBLEM[result.problem]}`);
    return 1;
  }
  if (values.checkpoint) {
    let parsed: z.infer<typeof ZCheckpoint>;
    try {
      parsed = ZCheckpoint.parse(JSON.parse(readFileSync(values.checkpoint, "utf8")));
    } catch {
      throw new UsageError(`${values.checkpoint} is not a checkpoint file ({"seq": N, "head_hash": "<64 hex>"})`);
    }
    const hash = parsed.seq === 0 ? "0".repeat(64) : await ledgerHashAt(parsed.seq);
    if (hash !== parsed.head_hash) {
      console.error(
        `checkpoint mismatch: entry ${parsed.seq} ${hash ? "has a different hash" : "no longer exists"}; the ledger was rewritten since the checkpoint`,
      );
      return 1;
    }
  }
  console.log(
    `ledger OK: ${result.count} entries, head ${result.headSeq} ${result.headHash}${values.checkpoint ? " (checkpoint found)" : ""}`,
  );
  return 0;
});
