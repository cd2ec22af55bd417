import { randomUUID } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "../db";
import type { TActor } from "../domain/auth/actor";
import { normalizeForSearch } from "../domain/accounts/search";

// The server action as the browser calls it, with the session swapped for a variable.
const session = vi.hoisted(() => ({ actor: null as TActor | null }));
vi.mock("@/lib/auth/session", () => ({
  currentActor: async () => session.actor,
  currentUser: async () => null,
  requestId: async () => null,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
const { createIncidentAction } = await import("@/app/(console)/incidents/actions");

const engine = process.env.DATABASE_URL ? "PostgreSQL" : "PGlite";
const csm: TActor = { type: "user", id: randomUUID(), role: "csm", label: "csm@form.test" };
const tag = randomUUID().slice(0, 8);
const name = `Form Co ${tag}`;
let accountId = "";

beforeAll(async () => {
  await db().prisma.user.create({
    data: { id: csm.id, email: csm.label, name: "csm", role: "csm", passwordHash: "x" },
  });
  accountId = randomUUID();
  await db().prisma.account.create({
    data: {
      id: accountId,
      name,
      searchName: normalizeForSearch(name),
      tier: "pro",
      signupAt: new Date(),
      region: "riyadh",
      preferredLocale: "en",
    },
  });
});
beforeEach(() => {
  session.actor = null;
});

const form = (accounts: string) => ({
  title: `Form incident ${tag}`,
  description: "",
  accounts,
  triage: { data_leak: "no", unauthorized_send: "no", affected: 1, unsure: false },
});

describe(`create incident action on ${engine}`, () => {
  it("answers a stranger `unauthenticated` whether or not the names exist", async () => {
    const answers = await Promise.all(
      [name, "no such account", "%", `Form Co ${tag.slice(0, 4)}%`, "_".repeat(name.length), "x\n".repeat(5000)].map(
        (a) => createIncidentAction(form(a)),
      ),
    );
    for (const a of answers) expect(a).toEqual({ ok: false, code: "unauthenticated" });
    expect(await db().prisma.incident.count({ where: { title: `Form incident ${tag}` } })).toBe(0);
  });

  it("matches names exactly (case and spacing aside): `%` and `_` are ordinary characters", async () => {
    session.actor = csm;
    for (const pattern of ["%", "Form Co %", "_".repeat(name.length), `Form_Co_${tag}`])
      expect(await createIncidentAction(form(pattern))).toMatchObject({
        ok: false,
        code: "invalid_input",
        fields: { accounts: "incidents.form.unknownAccounts" },
      });
    const r = await createIncidentAction(form(`  ${name.toUpperCase()}  \n${accountId}`));
    expect(r.ok).toBe(true);
    const links = await db().prisma.incidentAccount.findMany({ where: { incidentId: r.ok ? r.data.id : "" } });
    expect(links.map((l) => l.accountId)).toEqual([accountId]);
  });

  it("caps the lookup: too many lines or a line too long is refused before any query", async () => {
    session.actor = csm;
    const many = Array.from({ length: 2001 }, (_, i) => `acct ${i}`).join("\n");
    expect(await createIncidentAction(form(many))).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await createIncidentAction(form("y".repeat(201)))).toMatchObject({ ok: false, code: "invalid_input" });
  });
});
