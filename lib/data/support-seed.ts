import "server-only";
import { prisma } from "../db";
import { classify } from "../domain/support/classify";
import { demoTickets } from "../domain/support/demo";
import { sha256Hex } from "../domain/ledger/chain";
import { createRandom } from "../domain/seed/random";
import { appendTicketEvents, existingImportKeys, insertTickets, type TNewTicket } from "./support";
import { getSupportSettings } from "./support-settings";
import type { TAreaSeeder } from "./seed-areas";
import { withTransaction } from "./tx";

// A support queue a CS team would recognise, not a load test: 240 tickets over the 80 newest accounts.
const TICKETS = 240;
const ACCOUNTS = 80;
const ACTOR = "demo";
// Tickets per transaction: each ticket's history is checked and its clocks computed on the business
// calendar, tens of milliseconds on a busy machine; chunks stay far below the transaction time-out.
const CHUNK = 40;

/**
 * A demo ticket's import key: the same seed and index is the same ticket, whichever account it went
 * to, so re-seeding adds nothing twice (an import file's rows are keyed the same way, in the same
 * column: lib/domain/support/import.ts).
 */
const demoKey = (seed: number, index: number) => sha256Hex(`demo\u0000${seed}\u0000${index}`);

/**
 * Demo tickets (lib/domain/support/demo.ts: a quarter of mostly met targets, a few breaches, a
 * handful open now) written through the doors people and imports use: insertTickets classifies with
 * the founders' keyword lists and opens the clocks, appendTicketEvent checks each event against the
 * history and recomputes the stored clocks, so the SLA health figures come from the same code as
 * live tickets. A transaction per chunk of tickets, each ticket whole. Journeys are evaluated by the journeys seeder that runs after.
 */
export const supportSeeder: TAreaSeeder = {
  area: "support",
  async seed(_sql, { seed, now }) {
    const accounts = await prisma().account.findMany({
      orderBy: [{ signupAt: "desc" }, { id: "asc" }],
      take: ACCOUNTS,
      select: { id: true, preferredLocale: true },
    });
    const settings = await getSupportSettings();
    const demo = demoTickets(
      accounts.map((a) => ({ id: a.id, locale: a.preferredLocale === "ar" ? "ar" : "en" })),
      TICKETS,
      createRandom(seed, 5),
      now,
      settings.calendar,
    );
    const present = await existingImportKeys(demo.map((t) => demoKey(seed, t.index)));
    const fresh = demo.filter((t) => !present.has(demoKey(seed, t.index)));
    let written = 0;
    for (let i = 0; i < fresh.length; i += CHUNK) {
      const chunk = fresh.slice(i, i + CHUNK);
      written += await withTransaction(async (tx) => {
        const tickets: TNewTicket[] = chunk.map((t) => ({
          accountId: t.accountId,
          subject: t.subject,
          body: t.body,
          channel: t.channel,
          receivedAt: t.receivedAt,
          classification: classify(t.subject, t.body, settings.keywords),
          createdBy: null,
          actorLabel: ACTOR,
          importKey: demoKey(seed, t.index),
        }));
        const ids = await insertTickets(tx, tickets, settings.calendar, now);
        let events = 0;
        for (const [k, t] of chunk.entries()) {
          if (t.events.length === 0) continue;
          const history = t.events.map((e) => ({ ...e, actorLabel: ACTOR }));
          await appendTicketEvents(tx, ids[k]!, history, settings.calendar, now);
          events += t.events.length;
        }
        return ids.length + events;
      });
    }
    return written;
  },
};
