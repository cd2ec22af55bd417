import "server-only";
import { randomUUID } from "node:crypto";
import { hashPassword } from "../auth/password";
import { db } from "../db";
import type { SqlClient } from "../db/sql-client";
import { DEMO_PASSWORD, DEMO_USERS } from "../domain/seed/demo-users";
import { generateDemoData } from "../domain/seed/generate";
import { SEED_AREAS } from "./seed-areas";
import type { TSeedAccount, TSeedBatch, TSeedContact, TSeedEvent } from "../domain/seed/types";

type TTx = Omit<SqlClient, "transaction" | "close">;

export type TSeedOptions = { accounts: number; seed: number; now?: Date; log?: (line: string) => void };
export type TSeedResult = { usersCreated: number; accounts: number; contacts: number; events: number };

// One transaction per batch: big enough to amortise round trips and commits, small enough that
// 1000 accounts' events (~8 500 rows) stay a few MB. unnest() takes one array per column, so
// PostgreSQL's 65 535-parameter limit never applies.
const BATCH_ACCOUNTS = 1000;
const LOG_EVERY_BATCHES = 10;

/** True when no user exists yet: the signal for first-run demo seeding. */
export async function isDatabaseEmpty(): Promise<boolean> {
  const rows = await db().sql.query<{ empty: boolean }>(`SELECT NOT EXISTS (SELECT 1 FROM "users") AS "empty"`);
  return rows[0]?.empty ?? true;
}

/**
 * The rows of the demo data (lib/jobs/seed-demo.ts seeds journeys after them). Creates the demo users
 * that are missing (an existing e-mail is left untouched), then inserts `accounts` generated accounts with their contacts and events in batches, each batch in its own
 * transaction. Ids derive from the seed, so re-running with the same seed inserts nothing new
 * (ON CONFLICT DO NOTHING); another seed adds accounts. Returns the rows actually inserted.
 */
export async function seedDemoRows(options: TSeedOptions): Promise<TSeedResult> {
  const { accounts, seed, now = new Date(), log = () => undefined } = options;
  const { sql } = db();
  const usersCreated = await ensureDemoUsers(sql);
  if (usersCreated > 0) log(`demo users: ${usersCreated} created`);
  const csms = await demoCsms(sql);
  const csmEmails = Object.fromEntries(csms.map((c) => [c.id, c.email]));
  const result: TSeedResult = { usersCreated, accounts: 0, contacts: 0, events: 0 };
  const batches = generateDemoData({
    accounts,
    seed,
    now,
    csmIds: csms.map((c) => c.id),
    csmEmails,
    batchSize: BATCH_ACCOUNTS,
  });
  // One batch in flight while the next is generated: on PostgreSQL the server inserts batch i while
  // this process builds batch i+1 (PGlite runs in this thread, so there it simply alternates).
  let inFlight: Promise<TCounts> | undefined;
  let done = 0;
  const settle = async (pending: Promise<TCounts>) => {
    const counts = await pending;
    result.accounts += counts.accounts;
    result.contacts += counts.contacts;
    result.events += counts.events;
    done += 1;
    if (done % LOG_EVERY_BATCHES === 0) log(`${Math.min(accounts, done * BATCH_ACCOUNTS)}/${accounts} accounts`);
  };
  for (const batch of batches) {
    const next = insertBatch(sql, batch);
    next.catch(() => undefined); // handled when awaited; this keeps an early failure from being "unhandled"
    try {
      if (inFlight) await settle(inFlight);
    } catch (error) {
      await next.catch(() => undefined); // let it finish before the caller closes the connection
      throw error;
    }
    inFlight = next;
  }
  if (inFlight) await settle(inFlight);
  for (const area of SEED_AREAS) log(`${area.area}: ${await area.seed(sql, { seed, now })} rows`);
  return result;
}

type TCounts = Omit<TSeedResult, "usersCreated">;

/**
 * One batch in one transaction. Children follow only the accounts this call inserted: an account
 * already present (same seed) keeps its own contacts and events, and child ids never collide.
 */
function insertBatch(sql: SqlClient, batch: TSeedBatch): Promise<TCounts> {
  return sql.transaction(async (tx) => {
    const inserted = new Set(await insertAccounts(tx, batch.accounts));
    const contacts = batch.contacts.filter((c) => inserted.has(c.accountId));
    const events = batch.events.filter((e) => inserted.has(e.accountId));
    await insertContacts(tx, contacts);
    await insertEvents(tx, events);
    return { accounts: inserted.size, contacts: contacts.length, events: events.length };
  });
}

async function ensureDemoUsers(sql: SqlClient): Promise<number> {
  const emails = DEMO_USERS.map((u) => u.email);
  const existing = await sql.query<{ email: string }>(`SELECT "email" FROM "users" WHERE "email" = ANY($1::text[])`, [
    emails,
  ]);
  const missing = DEMO_USERS.filter((u) => !existing.some((e) => e.email === u.email));
  if (missing.length === 0) return 0;
  const hashes = await Promise.all(missing.map(() => hashPassword(DEMO_PASSWORD)));
  const rows = await sql.query<{ n: number }>(
    `WITH ins AS (
       INSERT INTO "users" ("id", "email", "name", "role", "locale", "time_zone", "password_hash")
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
       ON CONFLICT ("email") DO NOTHING RETURNING 1)
     SELECT count(*)::int AS "n" FROM ins`,
    [
      missing.map(() => randomUUID()),
      missing.map((u) => u.email),
      missing.map((u) => u.name),
      missing.map((u) => u.role),
      missing.map((u) => u.locale),
      missing.map(() => "Asia/Riyadh"),
      hashes,
    ],
  );
  return rows[0]?.n ?? 0;
}

/** The demo CSMs in DEMO_USERS order, so assignment is deterministic for a given seed. */
async function demoCsms(sql: SqlClient): Promise<{ id: string; email: string }[]> {
  const emails = DEMO_USERS.filter((u) => u.role === "csm").map((u) => u.email);
  const rows = await sql.query<{ id: string; email: string }>(
    `SELECT "id", "email" FROM "users" WHERE "email" = ANY($1::text[]) AND "role" = 'csm'`,
    [emails],
  );
  return emails.flatMap((email) => rows.filter((r) => r.email === email));
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

// One array parameter per column: `unnest($1::uuid[], $2::text[], …)`.
const unnest = (types: string[]) => `unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(", ")})`;

// prettier-ignore
const ACCOUNT_COLUMNS = unnest(["uuid", "text", "text", "text", "timestamptz", "date", "date", "text", "text", "uuid",
  "bool", "bool", "bool", "bool", "bool", "timestamptz", "timestamptz", "timestamptz", "timestamptz", "timestamptz",
  "timestamptz", "timestamptz"]);

/** Returns the ids actually inserted; ids already present are skipped. */
async function insertAccounts(tx: TTx, rows: TSeedAccount[]): Promise<string[]> {
  const col = <T>(f: (r: TSeedAccount) => T) => rows.map(f);
  const inserted = await tx.query<{ id: string }>(
    `INSERT INTO "accounts" ("id", "name", "search_name", "tier", "signup_at", "contract_start", "contract_end",
     "region", "preferred_locale", "csm_id", "welcomed", "screen_paired", "content_uploaded", "playlist_created", "schedule_created",
     "onboarding_completed_at", "nudge_day1_sent_at", "nudge_day3_sent_at", "nudge_day7_sent_at", "last_activity_at",
     "created_at", "updated_at")
     SELECT * FROM ${ACCOUNT_COLUMNS} ON CONFLICT ("id") DO NOTHING RETURNING "id"`,
    [
      col((r) => r.id),
      col((r) => r.name),
      col((r) => r.searchName),
      col((r) => r.tier),
      col((r) => iso(r.signupAt)),
      col((r) => r.contractStart),
      col((r) => r.contractEnd),
      col((r) => r.region),
      col((r) => r.preferredLocale),
      col((r) => r.csmId),
      col((r) => r.welcomed),
      col((r) => r.screenPaired),
      col((r) => r.contentUploaded),
      col((r) => r.playlistCreated),
      col((r) => r.scheduleCreated),
      col((r) => iso(r.onboardingCompletedAt)),
      col((r) => iso(r.nudgeDay1SentAt)),
      col((r) => iso(r.nudgeDay3SentAt)),
      col((r) => iso(r.nudgeDay7SentAt)),
      col((r) => iso(r.lastActivityAt)),
      col((r) => iso(r.createdAt)),
      col((r) => iso(r.updatedAt)),
    ],
  );
  return inserted.map((r) => r.id);
}

async function insertContacts(tx: TTx, rows: TSeedContact[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO "account_contacts" ("id", "account_id", "name", "email", "role", "created_at")
     SELECT * FROM ${unnest(["uuid", "uuid", "text", "text", "text", "timestamptz"])}`,
    [
      rows.map((r) => r.id),
      rows.map((r) => r.accountId),
      rows.map((r) => r.name),
      rows.map((r) => r.email),
      rows.map((r) => r.role),
      rows.map((r) => iso(r.createdAt)),
    ],
  );
}

async function insertEvents(tx: TTx, rows: TSeedEvent[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO "account_events" ("id", "account_id", "type", "occurred_at", "actor", "summary", "data")
     SELECT * FROM ${unnest(["uuid", "uuid", "text", "timestamptz", "text", "text", "jsonb"])}`,
    [
      rows.map((r) => r.id),
      rows.map((r) => r.accountId),
      rows.map((r) => r.type),
      rows.map((r) => iso(r.occurredAt)),
      rows.map((r) => r.actor),
      rows.map((r) => r.summary),
      rows.map((r) => JSON.stringify(r.data)),
    ],
  );
}
