import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { getIncident } from "../data/incidents";
import { incidentOfTicket, ticketsOfIncident } from "../data/incident-tickets";
import { countUnreadNotices, listNotices } from "../data/notices";
import type { TActor } from "../domain/auth/actor";
import { normalizeForSearch } from "../domain/accounts/search";
import { incidentDraftFromTicket } from "../domain/incidents/from-ticket";
import { leakKind } from "../domain/support/leak";
import { openIncidentFromForm } from "./incidents-form";
import { runMutation } from "./mutation";
import { markNoticesReadMutation } from "./notices";
import { createTicketMutation } from "./support";

const engine = process.env.DATABASE_URL ? "PostgreSQL" : "PGlite";
const user = (role: "csm" | "founder"): TActor => ({
  type: "user",
  id: randomUUID(),
  role,
  label: `${role}@leak.test`,
});
const csm = user("csm");
const founderA = user("founder");
const founderB = user("founder");
let accountId = "";

beforeAll(async () => {
  for (const a of [csm, founderA, founderB])
    await db().prisma.user.create({
      data: { id: a.id, email: `${a.id}@leak.test`, name: a.label, role: a.role, passwordHash: "x" },
    });
  accountId = randomUUID();
  const name = `مؤسسة النور ${accountId.slice(0, 6)}`;
  await db().prisma.account.create({
    data: {
      id: accountId,
      name,
      searchName: normalizeForSearch(name),
      tier: "pro",
      signupAt: new Date(),
      region: "riyadh",
      preferredLocale: "ar",
    },
  });
});

/** Files a ticket as the CSM and returns what the ticket page would offer: the leak kind and the draft. */
async function leakTicket(subject = "تسريب بيانات العملاء", body = "ظهرت بيانات عملائنا في ملف عام") {
  const r = await runMutation(createTicketMutation, csm, { account_id: accountId, subject, body, channel: "email" });
  if (!r.ok) throw new Error(r.code);
  const kind = leakKind({ priority: r.data.priority, matchedKeyword: r.data.matched_keyword });
  return { id: r.data.id, kind, draft: incidentDraftFromTicket({ subject, body }, kind) };
}

const formInput = (t: Awaited<ReturnType<typeof leakTicket>>) => ({ ...t.draft, accounts: "", ticket_id: t.id });

const incidentsOf = (ticketId: string) =>
  db().prisma.ledgerEntry.count({
    where: { action: "incidents.create", summary: { contains: `from ticket:${ticketId}` } },
  });

describe(`an incident opened from a leak ticket on ${engine}`, () => {
  it("is SEV1, linked both ways, on the account's timeline, ledgered, and notifies the other founders", async () => {
    const t = await leakTicket();
    expect(t.kind).toBe("data_leak");
    const r = await openIncidentFromForm(csm, formInput(t), null);
    if (!r.ok) throw new Error(r.code);
    expect(r.data.existing).toBe(false);
    const incident = await getIncident(r.data.id);
    expect(incident).toMatchObject({ severity: "SEV1", dataLeak: "yes", title: "تسريب بيانات العملاء", affected: 1 });
    expect(incident?.accounts.map((a) => a.id)).toEqual([accountId]);
    // Both ways.
    expect((await incidentOfTicket(t.id))?.id).toBe(r.data.id);
    expect((await ticketsOfIncident(r.data.id)).map((x) => x.id)).toEqual([t.id]);
    const event = await db().prisma.accountEvent.findFirst({
      where: { accountId, type: "incident.opened" },
      orderBy: { occurredAt: "desc" },
    });
    expect(event).toMatchObject({
      summary: "تسريب بيانات العملاء",
      data: { incident_id: r.data.id, ticket_id: t.id, severity: "SEV1" },
    });
    const entry = await db().prisma.ledgerEntry.findFirst({
      where: { action: "incidents.create", target: `incident:${r.data.id}` },
    });
    expect(entry?.summary).toMatch(new RegExp(`opened SEV1 .*from ticket:${t.id}, \\d+ founders notified`));
    // Each founder gets one notice, with a code and parameters (rendered in their language), not text.
    for (const f of [founderA, founderB]) {
      const mine = (await listNotices(f.id)).filter((n) => n.href === `/incidents/${r.data.id}`);
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({
        code: "incident_from_ticket",
        params: { severity: "SEV1", title: "تسريب بيانات العملاء", priority: "P0" },
        readAt: null,
      });
    }
    // The CSM did it; nobody is notified about their own act, and a CSM is not a founder anyway.
    expect(await listNotices(csm.id)).toEqual([]);
  });

  it("does not notify the founder who opened it, only the others", async () => {
    const t = await leakTicket("Unauthorized send", "A campaign went out to all our customers: unauthorized.");
    expect(t.kind).toBe("unauthorized_send");
    const r = await openIncidentFromForm(founderA, formInput(t), null);
    if (!r.ok) throw new Error(r.code);
    expect((await getIncident(r.data.id))?.severity).toBe("SEV1");
    const href = `/incidents/${r.data.id}`;
    expect((await listNotices(founderA.id)).some((n) => n.href === href)).toBe(false);
    expect((await listNotices(founderB.id)).some((n) => n.href === href)).toBe(true);
  });

  it("opens no second incident for the same ticket: the second request leads to the first, and the refusal is ledgered", async () => {
    const t = await leakTicket();
    const first = await openIncidentFromForm(csm, formInput(t), null);
    const second = await openIncidentFromForm(csm, { ...formInput(t), title: "another title" }, null);
    if (!first.ok || !second.ok) throw new Error("expected both to answer with an incident");
    expect(second.data).toEqual({ id: first.data.id, existing: true });
    expect(await incidentsOf(t.id)).toBe(1);
    const denied = await db().prisma.ledgerEntry.findFirst({
      where: { action: "incidents.create.denied", target: `ticket:${t.id}` },
    });
    expect(denied?.summary).toContain("refused: conflict");
  });

  it("opens exactly one incident when two clicks race", async () => {
    const t = await leakTicket();
    const results = await Promise.all([0, 1, 2].map(() => openIncidentFromForm(csm, formInput(t), null)));
    const ids = results.map((r) => (r.ok ? r.data.id : r.code));
    expect(new Set(ids).size).toBe(1);
    expect(results.filter((r) => r.ok && !r.data.existing)).toHaveLength(1);
    expect(await incidentsOf(t.id)).toBe(1);
    expect((await incidentOfTicket(t.id))?.id).toBe(ids[0]);
    // One notice per founder for it, not three.
    expect((await listNotices(founderB.id)).filter((n) => n.href === `/incidents/${ids[0]}`)).toHaveLength(1);
  });

  it("refuses an unknown ticket and changes nothing", async () => {
    const t = await leakTicket();
    const r = await openIncidentFromForm(csm, { ...formInput(t), ticket_id: randomUUID() }, null);
    expect(r).toMatchObject({ ok: false, code: "not_found" });
    expect(await incidentOfTicket(t.id)).toBeNull();
  });
});

describe(`notices on ${engine}`, () => {
  it("are marked read by their reader only, some or all", async () => {
    const before = await countUnreadNotices(founderB.id);
    expect(before).toBeGreaterThan(1);
    const [one] = (await listNotices(founderB.id)).filter((n) => n.readAt === null);
    // Another person's notice id changes nothing for its owner.
    const foreign = await runMutation(markNoticesReadMutation, founderA, { ids: [one!.id] });
    expect(foreign).toMatchObject({ ok: true, data: { marked: 0 } });
    expect(await countUnreadNotices(founderB.id)).toBe(before);
    expect(await runMutation(markNoticesReadMutation, founderB, { ids: [one!.id] })).toMatchObject({
      ok: true,
      data: { marked: 1 },
    });
    expect(await countUnreadNotices(founderB.id)).toBe(before - 1);
    // Read ones sink below unread ones.
    const unreadFlags = (await listNotices(founderB.id)).map((n) => n.readAt === null);
    expect(unreadFlags).toEqual([...unreadFlags].sort((a, b) => Number(b) - Number(a)));
    expect(await runMutation(markNoticesReadMutation, founderB, {})).toMatchObject({
      ok: true,
      data: { marked: before - 1 },
    });
    expect(await countUnreadNotices(founderB.id)).toBe(0);
    expect(await runMutation(markNoticesReadMutation, founderB, { ids: [] })).toMatchObject({
      ok: false,
      code: "invalid_input",
    });
    expect(await runMutation(markNoticesReadMutation, founderB, { ids: ["nope"] })).toMatchObject({
      ok: false,
      code: "invalid_input",
    });
  });
});
