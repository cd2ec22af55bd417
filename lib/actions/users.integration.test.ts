import { describe, expect, it } from "vitest";
import { db } from "../db";
import { findActiveUser, findUserForSignIn } from "../data/users";
import type { TActor } from "../domain/auth/actor";
import { verifyPassword } from "../auth/password";
import { runMutation } from "./mutation";
import { changeRoleMutation, createUserMutation, setActiveMutation, updateProfileMutation } from "./users";

const founder: TActor = { type: "cli", id: "cli:test", role: "founder", label: "test" };
const unique = () => `u${Date.now()}${Math.random().toString(36).slice(2, 8)}@example.test`;
const ledgerFor = (action: string, target?: string) =>
  db().prisma.ledgerEntry.findMany({ where: { action, ...(target ? { target } : {}) }, orderBy: { seq: "desc" } });

describe(`user mutations on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("creates a user with a hashed password and ledgers it in the same transaction", async () => {
    const email = unique();
    const r = await runMutation(createUserMutation, founder, {
      email: ` ${email.toUpperCase()} `,
      name: "ريم",
      role: "csm",
      password: "long-enough-pass",
    });
    expect(r).toMatchObject({ ok: true, data: { email, role: "csm", active: true } });
    const stored = await findUserForSignIn(email);
    expect(stored?.passwordHash).not.toContain("long-enough-pass");
    expect(await verifyPassword("long-enough-pass", stored!.passwordHash)).toBe(true);
    expect((await ledgerFor("users.create", `user:${stored!.id}`)).length).toBe(1);
  });

  it("returns field codes for empty, malformed and oversized input and changes nothing", async () => {
    const before = await db().prisma.user.count();
    const r = await runMutation(createUserMutation, founder, {
      email: "nope",
      name: "x".repeat(121),
      role: "root",
      password: "",
    });
    expect(r).toEqual({
      ok: false,
      code: "invalid_input",
      fields: {
        email: "validation.email",
        name: "validation.too_long",
        role: "validation.invalid_choice",
        password: "validation.required",
      },
    });
    expect(await db().prisma.user.count()).toBe(before);
  });

  it("rejects a duplicate email, also when two creations race", async () => {
    const email = unique();
    const attempt = () =>
      runMutation(createUserMutation, founder, { email, name: "Dup", role: "analyst", password: "long-enough-pass" });
    const results = await Promise.all([attempt(), attempt(), attempt()]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((r) => !r.ok)) expect(r).toMatchObject({ ok: false, code: "conflict" });
    expect(await db().prisma.user.count({ where: { email } })).toBe(1);
  });

  it("denies and ledgers a CSM managing users", async () => {
    const csm: TActor = { type: "user", id: "00000000-0000-4000-8000-000000000001", role: "csm", label: "csm" };
    const r = await runMutation(createUserMutation, csm, {
      email: unique(),
      name: "x",
      role: "founder",
      password: "long-enough-pass",
    });
    expect(r).toEqual({ ok: false, code: "forbidden" });
    const [denied] = await ledgerFor("access.denied", "users.create");
    expect(denied?.actorId).toBe(csm.id);
  });

  it("disabling a user or changing a role applies to the very next read", async () => {
    const email = unique();
    const created = await runMutation(createUserMutation, founder, {
      email,
      name: "Temp",
      role: "analyst",
      password: "long-enough-pass",
    });
    if (!created.ok) throw new Error("setup failed");
    const id = created.data.id;
    expect((await runMutation(changeRoleMutation, founder, { userId: id, role: "csm" })).ok).toBe(true);
    expect((await findActiveUser(id))?.role).toBe("csm");
    expect((await runMutation(setActiveMutation, founder, { userId: id, active: false })).ok).toBe(true);
    expect(await findActiveUser(id)).toBeNull();
  });

  it("keeps at least one active founder", async () => {
    const email = unique();
    const created = await runMutation(createUserMutation, founder, {
      email,
      name: "F",
      role: "founder",
      password: "long-enough-pass",
    });
    if (!created.ok) throw new Error("setup failed");
    // Demote every other founder except this one, then try to demote it.
    const others = await db().prisma.user.findMany({
      where: { role: "founder", active: true, id: { not: created.data.id } },
    });
    for (const o of others) await runMutation(setActiveMutation, founder, { userId: o.id, active: false });
    const r = await runMutation(changeRoleMutation, founder, { userId: created.data.id, role: "analyst" });
    expect(r).toMatchObject({ ok: false, code: "conflict", fields: { _: "validation.last_founder" } });
    for (const o of others) await runMutation(setActiveMutation, founder, { userId: o.id, active: true });
  });

  it("updates a profile's locale and time zone, rejecting unknown zones", async () => {
    const created = await runMutation(createUserMutation, founder, {
      email: unique(),
      name: "P",
      role: "analyst",
      password: "long-enough-pass",
    });
    if (!created.ok) throw new Error("setup failed");
    const me: TActor = { type: "user", id: created.data.id, role: "analyst", label: "p" };
    expect(await runMutation(updateProfileMutation, me, { locale: "ar", timeZone: "Mars/Base" })).toMatchObject({
      ok: false,
      fields: { timeZone: "validation.invalid" },
    });
    expect(await runMutation(updateProfileMutation, me, { locale: "ar", timeZone: "Asia/Dubai" })).toMatchObject({
      ok: true,
      data: { locale: "ar", timeZone: "Asia/Dubai" },
    });
  });
});
