import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { searchAccountOptions } from "../data/accounts";
import type { TActor } from "../domain/auth/actor";
import { normalizeForSearch } from "../domain/accounts/search";
import { runIdempotentMutation } from "./idempotent-action";
import { createTicketMutation } from "./support";

const engine = process.env.DATABASE_URL ? "PostgreSQL" : "PGlite";
const csm: TActor = { type: "user", id: randomUUID(), role: "csm", label: "csm@idem-ticket.test" };
const tag = randomUUID().slice(0, 8);
let accountId = "";

beforeAll(async () => {
  await db().prisma.user.create({
    data: { id: csm.id, email: `${csm.id}@idem.test`, name: csm.label, role: "csm", passwordHash: "x" },
  });
  for (const name of [`مؤسسة الريادة ${tag}`, `الريادة القابضة ${tag}`, `Riyada Labs ${tag}`]) {
    const id = randomUUID();
    if (!accountId) accountId = id;
    await db().prisma.account.create({
      data: {
        id,
        name,
        searchName: normalizeForSearch(name),
        tier: "pro",
        signupAt: new Date(),
        region: "riyadh",
        preferredLocale: "ar",
      },
    });
  }
});

const input = (subject = `تسريب ${tag}`) => ({
  account_id: accountId,
  subject,
  body: "بيانات العملاء ظهرت",
  channel: "web",
});
const ticketsWith = (subject: string) => db().prisma.supportTicket.count({ where: { subject } });

describe(`creating a ticket from the form on ${engine}`, () => {
  it("creates one ticket for a double submit with one key, and answers both with it", async () => {
    const key = randomUUID();
    const subject = `double ${tag}`;
    const [a, b] = await Promise.all([
      runIdempotentMutation(createTicketMutation, csm, input(subject), key, null),
      runIdempotentMutation(createTicketMutation, csm, input(subject), key, null),
    ]);
    if (!a.ok || !b.ok) throw new Error("expected both to succeed");
    expect(b.data.id).toBe(a.data.id);
    // A late retry (the answer got lost) replays it too.
    const c = await runIdempotentMutation(createTicketMutation, csm, input(subject), key, null);
    expect(c.ok && c.data.id).toBe(a.data.id);
    expect(await ticketsWith(subject)).toBe(1);
    expect(
      await db().prisma.ledgerEntry.count({
        where: { action: "support.create_ticket", target: `ticket:${a.data.id}` },
      }),
    ).toBe(1);
  });

  it("creates a second ticket for a new key (a new submission), and refuses the same key with other input", async () => {
    const key = randomUUID();
    const subject = `twice ${tag}`;
    const first = await runIdempotentMutation(createTicketMutation, csm, input(subject), key, null);
    const other = await runIdempotentMutation(createTicketMutation, csm, input(`${subject} edited`), key, null);
    expect(other).toMatchObject({ ok: false, code: "idempotency_mismatch" });
    const second = await runIdempotentMutation(createTicketMutation, csm, input(subject), randomUUID(), null);
    if (!first.ok || !second.ok) throw new Error("expected both to succeed");
    expect(second.data.id).not.toBe(first.data.id);
    expect(await ticketsWith(subject)).toBe(2);
  });

  it("replays a refusal for its key, and lets a corrected submission with a new key through", async () => {
    const key = randomUUID();
    const bad = { ...input(), account_id: randomUUID() };
    expect(await runIdempotentMutation(createTicketMutation, csm, bad, key, null)).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await runIdempotentMutation(createTicketMutation, csm, bad, key, null)).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect((await runIdempotentMutation(createTicketMutation, csm, input(), randomUUID(), null)).ok).toBe(true);
  });

  it("refuses a malformed key, and without a key is the plain door", async () => {
    expect(await runIdempotentMutation(createTicketMutation, csm, input(), "has space", null)).toMatchObject({
      ok: false,
      code: "invalid_input",
      fields: { idempotency_key: "validation.invalid" },
    });
    expect(await runIdempotentMutation(createTicketMutation, csm, input(), 42, null)).toMatchObject({
      ok: false,
      code: "invalid_input",
    });
    expect(await runIdempotentMutation(createTicketMutation, null, input(), randomUUID(), null)).toMatchObject({
      ok: false,
      code: "unauthenticated",
    });
    const plain = `plain ${tag}`;
    await runIdempotentMutation(createTicketMutation, csm, input(plain), undefined, null);
    await runIdempotentMutation(createTicketMutation, csm, input(plain), undefined, null);
    expect(await ticketsWith(plain)).toBe(2);
  });
});

describe(`the account picker's search on ${engine}`, () => {
  it("finds Arabic names by a part, letter variants folded, names starting with it first", async () => {
    const names = (await searchAccountOptions(`الريادة ${tag}`)).map((o) => o.name);
    expect(names).toEqual([`مؤسسة الريادة ${tag}`]);
    const both = (await searchAccountOptions(`الرياده`)).map((o) => o.name).filter((n) => n.endsWith(tag));
    // «الرياده» (haa) finds «الريادة» (taa marbuta); the name that starts with it comes first.
    expect(both).toEqual([`الريادة القابضة ${tag}`, `مؤسسة الريادة ${tag}`]);
    expect((await searchAccountOptions(`مؤسسه الريادة ${tag}`))[0]).toMatchObject({ id: accountId, region: "riyadh" });
    expect((await searchAccountOptions(`riyada labs ${tag}`)).map((o) => o.name)).toEqual([`Riyada Labs ${tag}`]);
  });

  it("treats % and _ as text, finds nothing for blank input, and returns at most a handful", async () => {
    expect(await searchAccountOptions("%")).toEqual([]);
    expect(await searchAccountOptions("_")).toEqual([]);
    expect(await searchAccountOptions("   ")).toEqual([]);
    expect((await searchAccountOptions("a")).length).toBeLessThanOrEqual(8);
  });
});
