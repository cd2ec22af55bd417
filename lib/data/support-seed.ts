import "server-only";
import { createHash } from "node:crypto";
import type { SqlClient } from "../db/sql-client";
import { DEFAULT_CALENDAR } from "../domain/support/calendar";
import { demoTickets, type TDemoTicket } from "../domain/support/demo";
import { createRandom } from "../domain/seed/random";
import type { TAreaSeeder } from "./seed-areas";

// A support queue a CS team would recognise, not a load test: 240 tickets over the 80 newest accounts.
const TICKETS = 240;
const ACCOUNTS = 80;

/** A stable UUID from a name (same seed → same ids → re-seeding inserts nothing twice). */
function stableUuid(name: string): string {
  const h = createHash("sha256").update(name).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

function ticketRow(t: TDemoTicket, id: string) {
  const fr = t.sla.firstResponse;
  const res = t.sla.resolution;
  return [
    id,
    t.accountId,
    t.subject,
    t.body,
    t.channel,
    t.priority,
    t.status,
    iso(t.receivedAt),
    iso(res.metAt),
    t.matchedKeyword,
    t.reasonEn,
    t.reasonAr,
    iso(fr.metAt),
    fr.targetMs,
    res.targetMs,
    iso(fr.dueAt),
    iso(res.dueAt),
    iso(fr.nearAt),
    iso(res.nearAt),
    Math.round(fr.elapsedMs),
    Math.round(res.elapsedMs),
    fr.breached,
    res.breached,
  ];
}

/**
 * Demo tickets in Arabic and English across P0–P3: resolved on time and late, breached, near breach,
 * waiting on the customer, answered and running (lib/domain/support/demo.ts), with their events and
 * stored clocks as of `now`. Idempotent: ids derive from the seed and ON CONFLICT skips them.
 */
export const supportSeeder: TAreaSeeder = {
  area: "support",
  async seed(sql: SqlClient, { seed, now }) {
    const accounts = await sql.query<{ id: string; preferred_locale: string }>(
      `SELECT id, preferred_locale FROM accounts ORDER BY signup_at DESC, id LIMIT ${ACCOUNTS}`,
    );
    const tickets = demoTickets(
      accounts.map((a) => ({ id: a.id, locale: a.preferred_locale === "ar" ? "ar" : "en" })),
      TICKETS,
      createRandom(seed, 5),
      now,
      DEFAULT_CALENDAR,
    );
    if (tickets.length === 0) return 0;
    const ids = tickets.map((t) => stableUuid(`support-ticket:${seed}:${t.index}`));
    const rows = tickets.map((t, i) => ticketRow(t, ids[i]!));
    const columns = rows[0]!.map((_, c) => rows.map((r) => r[c]));
    return sql.transaction(async (tx) => {
      const inserted = await tx.query<{ id: string }>(
        `INSERT INTO support_tickets (id, account_id, subject, body, channel, priority, status, received_at, resolved_at,
           matched_keyword, reason_en, reason_ar, first_response_at, first_response_target_ms, resolution_target_ms,
           first_response_due_at, resolution_due_at, first_response_near_at, resolution_near_at,
           first_response_elapsed_ms, resolution_elapsed_ms, first_response_breached, resolution_breached, sla_computed_at)
         SELECT *, $24::timestamptz FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
           $8::timestamptz[], $9::timestamptz[], $10::text[], $11::text[], $12::text[], $13::timestamptz[], $14::bigint[],
           $15::bigint[], $16::timestamptz[], $17::timestamptz[], $18::timestamptz[], $19::timestamptz[], $20::bigint[],
           $21::bigint[], $22::boolean[], $23::boolean[])
         ON CONFLICT (id) DO NOTHING RETURNING id`,
        [...columns, now.toISOString()],
      );
      const fresh = new Set(inserted.map((r) => r.id));
      const events = tickets.flatMap((t, i) =>
        fresh.has(ids[i]!)
          ? t.events.map((e, k) => [stableUuid(`support-event:${seed}:${t.index}:${k}`), ids[i]!, e.type, e.at.toISOString()])
          : [],
      );
      if (events.length > 0) {
        const ec = [0, 1, 2, 3].map((c) => events.map((e) => e[c]));
        await tx.query(
          `INSERT INTO support_ticket_events (id, ticket_id, type, at, actor_label)
           SELECT id, ticket_id, type, at, 'demo' FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::timestamptz[])
             WITH ORDINALITY AS e(id, ticket_id, type, at, n) ORDER BY n
           ON CONFLICT (id) DO NOTHING`,
          ec,
        );
      }
      return inserted.length + events.length;
    });
  },
};
