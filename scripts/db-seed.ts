// npm run db:seed -- [--accounts N] [--seed S] [--now ISO]
// Migrates, creates the demo users that are missing, and inserts N generated demo accounts with their
// contacts and timelines. The same seed twice inserts nothing new; another seed adds accounts.
import { parseArgs } from "node:util";
import { seedDemo } from "../lib/jobs/seed-demo";
import { db } from "../lib/db";
import { migrate } from "../lib/db/migrate";
import { databaseLabel } from "../lib/env";
import { runCli, UsageError } from "./cli";

const USAGE =
  "usage: npm run db:seed -- [--accounts N] [--seed S] [--now ISO]   (defaults: 300 accounts, seed 42, now)";
const MAX_ACCOUNTS = 1_000_000;
const MAX_SEED = 0xffff_ffff;

function wholeNumber(name: string, raw: string, min: number, max: number): number {
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got "${raw}"\n${USAGE}`);
  }
  return value;
}

function readArgs() {
  let values: { accounts?: string; seed?: string; now?: string };
  try {
    ({ values } = parseArgs({
      options: { accounts: { type: "string" }, seed: { type: "string" }, now: { type: "string" } },
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  const now = values.now === undefined ? new Date() : new Date(values.now);
  const isoLike = values.now === undefined || /^\d{4}-\d{2}-\d{2}/.test(values.now);
  if (!isoLike || Number.isNaN(now.getTime())) {
    throw new UsageError(`--now must be an ISO date-time, got "${values.now}"\n${USAGE}`);
  }
  return {
    accounts: wholeNumber("accounts", values.accounts ?? "300", 1, MAX_ACCOUNTS),
    seed: wholeNumber("seed", values.seed ?? "42", 0, MAX_SEED),
    now,
  };
}

void runCli(async () => {
  const args = readArgs();
  const started = performance.now();
  const applied = await migrate(db().sql);
  if (applied.length > 0) console.log(`applied ${applied.length} migration(s) to ${databaseLabel()}`);
  console.log(
    `seeding ${args.accounts} accounts (seed ${args.seed}, now ${args.now.toISOString()}) into ${databaseLabel()}`,
  );
  const result = await seedDemo({ ...args, log: (line) => console.log(`  ${line}`) });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `done in ${seconds}s: inserted ${result.usersCreated} users, ${result.accounts} accounts, ` +
      `${result.contacts} contacts, ${result.events} events`,
  );
  const skipped = args.accounts - result.accounts;
  if (skipped > 0) console.log(`${skipped} accounts from seed ${args.seed} were already there and were left unchanged`);
});
