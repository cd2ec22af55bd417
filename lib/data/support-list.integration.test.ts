import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../db";
import { normalizeForSearch } from "../domain/accounts/search";
import { DEFAULT_CALENDAR } from "../domain/support/calendar";
import { classify } from "../domain/support/classify";
import type { TTicketEventType } from "../domain/support/events";
import { TICKET_PAGE_SIZE } from "../domain/support/filters";
import { compareQueue } from "../domain/support/queue-order";
import { appendTicketEvent, insertTickets, type TNewTicket } from "./support";
import { listTickets } from "./support-list";
import { withTransaction } from "./tx";

const engine = process.env.DATABASE_URL ? "PostgreSQL" : "PGlite";
const H = 3_600_000;
const now = new Date();
const ago = (hours: number) => new Date(now.getTime() - hours * H);

async function account(): Promise<string> {
  const id = randomUUID();
  const name = `queue ${id.slice(0, 8)}`;
  await db().prisma.account.create({
    data: { id, name, searchName: normalizeForSearch(name), tier: "pro", signupAt: ago(24 * 90), region: "riyadh", preferredLocale: "en" },
  });
  return id;
}

const newTicket = (accountId: string, subject: string, receivedAt: Date): TNewTicket => ({
  accountId,
  subject,
  body: "",
  channel: "email",
  receivedAt,
  classification: classify(subject, ""),
  createdBy: null,
  actorLabel: "test",
});

/** Every page of the account's list, in the order the database gives. */
async function allPages(accountId: string) {
  const first = await listTickets({ account: accountId, page: 1 }, now);
  const rest = await Promise.all(
    Array.from({ length: first.pages - 1 }, (_, i) => listTickets({ account: accountId, page: i + 2 }, now)),
  );
  return [first, ...rest].flatMap((p) => p.rows);
}

describe(`ticket lists on ${engine}`, () => {
  it("page 1 holds the open P0s when many P3s came first, newer and older", async () => {
    const acc = await account();
    // 60 "invoice address" tickets, many of them long overdue, around 6 data-leak reports.
    const p3 = Array.from({ length: 60 }, (_, i) => newTicket(acc, "Invoice address", ago(2 + i * 7)));
    const p0 = Array.from({ length: 6 }, (_, i) => newTicket(acc, "Data leak: API keys visible", ago(1 + i * 11)));
    const ids = await withTransaction((tx) => insertTickets(tx, [...p3.slice(0, 30), ...p0, ...p3.slice(30)], DEFAULT_CALENDAR, now));
    // One P0 was resolved: it goes to the end, not to page 1.
    const resolvedId = ids[30]!;
    await withTransaction((tx) =>
      appendTicketEvent(tx, resolvedId, { type: "resolved", at: ago(0.5), actorLabel: "test" }, DEFAULT_CALENDAR, now),
    );

    const page1 = await listTickets({ account: acc, page: 1 }, now);
    expect(page1.total).toBe(66);
    expect(page1.rows).toHaveLength(TICKET_PAGE_SIZE);
    expect(page1.rows.slice(0, 5).map((r) => r.priority)).toEqual(["P0", "P0", "P0", "P0", "P0"]);
    expect(page1.rows.slice(5).every((r) => r.priority === "P3" && r.status === "open")).toBe(true);
    // Within P0, the longest-overdue first.
    const dues = page1.rows.slice(0, 5).map((r) => r.firstResponseDueAt!.getTime());
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    const last = await listTickets({ account: acc, page: page1.pages }, now);
    expect(last.rows.at(-1)?.id).toBe(resolvedId);
  });

  it("orders like the domain rule (compareQueue) across priorities, answers, pauses and resolutions", async () => {
    const acc = await account();
    const subjects = ["data breach", "service down", "gmail connector", "invoice address"];
    const list = Array.from({ length: 48 }, (_, i) => newTicket(acc, subjects[i % 4]!, ago(1 + ((i * 37) % 200))));
    const ids = await withTransaction((tx) => insertTickets(tx, list, DEFAULT_CALENDAR, now));
    // Histories by index: answered; answered and paused; paused unanswered; resolved; left open.
    const histories: TTicketEventType[][] = [["first_response"], ["first_response", "paused"], ["paused"], ["first_response", "resolved"], []];
    for (const [i, id] of ids.entries()) {
      const events = histories[i % histories.length]!;
      for (const [k, type] of events.entries()) {
        const at = new Date(list[i]!.receivedAt.getTime() + (k + 1) * 0.2 * H);
        await withTransaction((tx) => appendTicketEvent(tx, id, { type, at, actorLabel: "test" }, DEFAULT_CALENDAR, now));
      }
    }
    const rows = await allPages(acc);
    expect(rows).toHaveLength(48);
    expect(new Set(rows.map((r) => r.id)).size).toBe(48); // pages never overlap
    expect(rows.map((r) => r.id)).toEqual([...rows].sort(compareQueue).map((r) => r.id));
    expect(rows.some((r) => r.status === "waiting_on_customer" && r.firstResponseDueAt === null)).toBe(true);
  });
});
