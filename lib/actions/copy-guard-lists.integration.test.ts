import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { getCopyGuardSettings } from "../data/copy-guard-settings";
import { normalizeForSearch } from "../domain/accounts/search";
import type { TActor } from "../domain/auth/actor";
import { DEFAULT_LISTS, type TGuardLists } from "../domain/copy-guard/default-lists";
import { checkDraft, findingsOfProposal, saveCopyGuardListsMutation } from "./copy-guard";
import { runMutation } from "./mutation";
import { approveProposalMutation, createProposalMutation } from "./proposals";

const founder: TActor = { type: "user", id: randomUUID(), role: "founder", label: "founder@lists.test" };
const founder2: TActor = { type: "user", id: randomUUID(), role: "founder", label: "founder2@lists.test" };
const csm: TActor = { type: "user", id: randomUUID(), role: "csm", label: "csm@lists.test" };
const analyst: TActor = { type: "user", id: randomUUID(), role: "analyst", label: "analyst@lists.test" };
let accountId = "";

// Other files share this database on PostgreSQL: the edits below touch only phrases no other test uses
// ("detox", "scrape"), and the row is removed at the end (the defaults again).
function edited(): TGuardLists {
  const l = structuredClone(DEFAULT_LISTS);
  l.categories.medical_language.block.push("detox", "  ", "detox");
  l.categories.scraping.block = l.categories.scraping.block.filter((p) => p !== "scrape");
  return l;
}

beforeAll(async () => {
  accountId = randomUUID();
  await db().prisma.account.create({
    data: {
      id: accountId,
      name: "Lists Co",
      searchName: normalizeForSearch("Lists Co"),
      tier: "pro",
      signupAt: new Date(),
      region: "riyadh",
      preferredLocale: "en",
      contacts: { create: [{ id: randomUUID(), name: "Sam", email: "sam@lists.test" }] },
    },
  });
});

afterAll(async () => {
  await db().prisma.copyGuardSettings.deleteMany({});
});

async function propose(body: string) {
  const r = await runMutation(createProposalMutation, csm, {
    kind: "message",
    account_id: accountId,
    message: { subject: "Hello", body },
  });
  if (!r.ok) throw new Error(r.code);
  return r.data;
}

describe(`copy guard lists on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("reads the code's defaults until a founder saves; refuses other roles and ledgers the denial", async () => {
    await db().prisma.copyGuardSettings.deleteMany({});
    expect(await getCopyGuardSettings()).toEqual({ lists: DEFAULT_LISTS, updatedAt: null, updatedBy: null });
    for (const actor of [csm, analyst])
      expect(await runMutation(saveCopyGuardListsMutation, actor, { lists: edited() })).toEqual({
        ok: false,
        code: "forbidden",
      });
    expect(
      await db().prisma.ledgerEntry.count({
        where: { action: "access.denied", actorId: { in: [csm.id, analyst.id] } },
      }),
    ).toBeGreaterThanOrEqual(2);
    expect(await db().prisma.copyGuardSettings.count()).toBe(0);
  });

  it("refuses a line the guard cannot read, naming the list and the line, and stores nothing", async () => {
    const bad = structuredClone(DEFAULT_LISTS);
    bad.categories.medical_language.block.push("... detox");
    const r = await runMutation(saveCopyGuardListsMutation, founder, { lists: bad });
    const index = bad.categories.medical_language.block.length - 1;
    expect(r).toEqual({
      ok: false,
      code: "invalid_input",
      fields: { [`lists.categories.medical_language.block.${index}`]: "validation.phrase_invalid" },
    });
    const tooLong = structuredClone(DEFAULT_LISTS);
    tooLong.competitors.push("x".repeat(1001));
    expect(await runMutation(saveCopyGuardListsMutation, founder, { lists: tooLong })).toMatchObject({
      ok: false,
      code: "invalid_input",
    });
    expect(await runMutation(saveCopyGuardListsMutation, founder, { lists: { competitors: [] } })).toMatchObject({
      ok: false,
      code: "invalid_input",
    });
    expect(await db().prisma.copyGuardSettings.count()).toBe(0);
  });

  it("a founder's save is stored (blank lines and repeats dropped), ledgered with what changed, and applies to approval", async () => {
    const r = await runMutation(saveCopyGuardListsMutation, founder, { lists: edited() });
    expect(r).toEqual({ ok: true, data: null });
    const saved = await getCopyGuardSettings();
    expect(saved.updatedBy).toBe(founder.label);
    expect(saved.lists.categories.medical_language.block.filter((p) => p === "detox")).toEqual(["detox"]);
    expect(saved.lists.categories.medical_language.block).not.toContain("");
    expect(saved.lists.categories.scraping.block).not.toContain("scrape");
    const entry = await db().prisma.ledgerEntry.findFirst({
      where: { action: "copy_guard.save_lists", actorId: founder.id },
      orderBy: { seq: "desc" },
    });
    expect(entry?.target).toBe("settings:copy_guard");
    expect(entry?.summary).toContain('medical_language.block: +1 -0 added "detox"');
    expect(entry?.summary).toContain('scraping.block: +0 -1 removed "scrape"');

    // The added phrase now blocks approval, and the proposer is told so at once; the removed one no longer blocks.
    const detox = await propose("Join our seven-day detox for sales teams.");
    expect((await findingsOfProposal(detox.id)).map((f) => [f.category, f.phrase])).toEqual([
      ["medical_language", "detox"],
    ]);
    expect(
      await runMutation(approveProposalMutation, founder, { id: detox.id, payload_hash: detox.payloadHash }),
    ).toEqual({ ok: false, code: "copy_guard_violation" });
    const scrape = await propose("Please do not scrape us off your list.");
    expect(
      await runMutation(approveProposalMutation, founder, { id: scrape.id, payload_hash: scrape.payloadHash }),
    ).toMatchObject({ ok: true });
  });

  it("two founders saving at once both land, each ledgered; the row holds one of the two", async () => {
    const a = edited();
    a.competitors.push("acme crm");
    const b = edited();
    b.competitors.push("globex");
    const [ra, rb] = await Promise.all([
      runMutation(saveCopyGuardListsMutation, founder, { lists: a }),
      runMutation(saveCopyGuardListsMutation, founder2, { lists: b }),
    ]);
    expect([ra.ok, rb.ok]).toEqual([true, true]);
    const competitors = (await getCopyGuardSettings()).lists.competitors;
    expect(competitors.includes("acme crm") !== competitors.includes("globex")).toBe(true);
    expect(
      await db().prisma.ledgerEntry.count({
        where: { action: "copy_guard.save_lists", actorId: { in: [founder.id, founder2.id] } },
      }),
    ).toBeGreaterThanOrEqual(3);
  });

  it("the live check reads the saved lists, writes nothing, and takes unsaved lists from founders only", async () => {
    // Counted for this file's people only: other files append to the same ledger meanwhile.
    const mine = { where: { actorId: { in: [csm.id, analyst.id, founder.id] } } };
    const before = await db().prisma.ledgerEntry.count(mine);
    expect(await checkDraft(null, { fields: { body: "x" } })).toEqual({ ok: false, code: "unauthenticated" });
    expect(await checkDraft(analyst, { fields: { body: "x" } })).toEqual({ ok: false, code: "forbidden" });
    const r = await checkDraft(csm, { fields: { subject: "Hi", body: "A detox week, guaranteed." } });
    if (!r.ok) throw new Error(r.code);
    expect(r.data.findings.map((f) => [f.field, f.category, f.phrase])).toEqual([
      ["body", "medical_language", "detox"],
      ["body", "guaranteed_results", "guaranteed"],
    ]);
    expect(await checkDraft(csm, { fields: { body: "x" }, lists: DEFAULT_LISTS })).toEqual({
      ok: false,
      code: "forbidden",
    });
    const withDefaults = await checkDraft(founder, { fields: { body: "A detox week." }, lists: DEFAULT_LISTS });
    expect(withDefaults).toEqual({ ok: true, data: { findings: [] } });
    expect(await checkDraft(csm, { fields: { body: "x".repeat(20_001) } })).toMatchObject({
      ok: false,
      code: "invalid_input",
    });
    expect(await checkDraft(csm, { fields: { "Body!": "x" } })).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await checkDraft(csm, { fields: { body: "" } })).toEqual({ ok: true, data: { findings: [] } });
    expect(await db().prisma.ledgerEntry.count(mine)).toBe(before);
  });
});
