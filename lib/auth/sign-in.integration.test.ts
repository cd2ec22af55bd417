import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { runMutation } from "../actions/mutation";
import { setActiveMutation } from "../actions/users";
import { db } from "../db";
import type { TActor } from "../domain/auth/actor";
import { NOT_AN_EMAIL, SIGN_IN_RULES } from "../domain/auth/sign-in-limits";
import { endSession } from "./options";
import { hashPassword } from "./password";
import { userForSession } from "./session-user";
import { checkSignIn, SignInRefused } from "./sign-in";

const engine = process.env.DATABASE_URL ? "PostgreSQL" : "PGlite";
const founder: TActor = { type: "cli", id: "cli:test", role: "founder", label: "test" };
const PASSWORD = "right-password-1";
const LIMIT = SIGN_IN_RULES.accountAddress.limit;

async function makeUser() {
  const email = `owner-${randomUUID().slice(0, 8)}@example.test`;
  const user = await db().prisma.user.create({
    data: { email, name: "Owner", role: "csm", passwordHash: await hashPassword(PASSWORD) },
    select: { id: true, email: true },
  });
  return user;
}

type TAttempt = { email: string; password?: string; peer?: string; xff?: string; requestId?: string; now?: Date };
const attempt = (a: TAttempt) =>
  checkSignIn({
    email: a.email,
    password: a.password ?? "wrong-password",
    now: a.now,
    headers: {
      ...(a.peer ? { "x-lifecycle-peer": a.peer } : {}),
      ...(a.xff ? { "x-forwarded-for": a.xff } : {}),
      ...(a.requestId ? { "x-request-id": a.requestId } : {}),
    },
  });
const outcome = (p: Promise<unknown>) =>
  p.then(
    (r) => (r ? "signed-in" : "wrong"),
    (e: unknown) => (e instanceof SignInRefused ? e.code : `threw ${(e as Error).message}`),
  );

afterEach(() => {
  delete process.env.TRUSTED_PROXIES;
});

describe(`sign-in limits on ${engine}`, () => {
  it("a parallel burst of 20 wrong attempts for one account gets exactly the limit checked", async () => {
    const { email } = await makeUser();
    const now = new Date();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => outcome(attempt({ email, peer: "203.0.113.10", now }))),
    );
    expect(results.filter((r) => r === "wrong")).toHaveLength(LIMIT);
    expect(results.filter((r) => r === "rate_limited")).toHaveLength(20 - LIMIT);
  });

  it("rotating X-Forwarded-For from an untrusted peer does not reset the limit", async () => {
    const { email } = await makeUser();
    const now = new Date();
    for (let i = 0; i < LIMIT; i++)
      expect(await outcome(attempt({ email, peer: "203.0.113.11", xff: `198.51.100.${i}`, now }))).toBe("wrong");
    expect(await outcome(attempt({ email, peer: "203.0.113.11", xff: "192.0.2.99", now }))).toBe("rate_limited");
    expect(await outcome(attempt({ email, peer: "203.0.113.11", password: PASSWORD, now }))).toBe("rate_limited");
  });

  it("behind a trusted proxy counts the forwarded client, whatever the client writes on the left", async () => {
    process.env.TRUSTED_PROXIES = "10.0.0.0/8";
    const { email } = await makeUser();
    const now = new Date();
    for (let i = 0; i < LIMIT; i++)
      expect(await outcome(attempt({ email, peer: "10.0.0.2", xff: `6.6.6.${i}, 198.51.100.7`, now }))).toBe("wrong");
    expect(await outcome(attempt({ email, peer: "10.0.0.2", xff: "7.7.7.7, 198.51.100.7", now }))).toBe("rate_limited");
    // Another client behind the same proxy is a different address.
    expect(await outcome(attempt({ email, peer: "10.0.0.2", xff: "198.51.100.8", password: PASSWORD, now }))).toBe(
      "signed-in",
    );
  });

  it("the owner at another address signs in at once after an attacker's failures", async () => {
    const { email } = await makeUser();
    const now = new Date();
    for (let i = 0; i < LIMIT + 5; i++) await outcome(attempt({ email, peer: "203.0.113.66", now }));
    expect(await outcome(attempt({ email, peer: "203.0.113.66", password: PASSWORD, now }))).toBe("rate_limited");
    expect(await outcome(attempt({ email, peer: "198.51.100.20", password: PASSWORD, now }))).toBe("signed-in");
  });

  it("after the limit, the attacker waits a growing delay instead of being locked out for good", async () => {
    const { email } = await makeUser();
    const t0 = Date.now();
    const at = (ms: number) => new Date(t0 + ms);
    for (let i = 0; i < LIMIT; i++) await outcome(attempt({ email, peer: "203.0.113.12", now: at(0) }));
    expect(await outcome(attempt({ email, peer: "203.0.113.12", now: at(500) }))).toBe("rate_limited");
    expect(await outcome(attempt({ email, peer: "203.0.113.12", now: at(1_000) }))).toBe("wrong");
    expect(await outcome(attempt({ email, peer: "203.0.113.12", now: at(2_500) }))).toBe("rate_limited");
    expect(await outcome(attempt({ email, peer: "203.0.113.12", password: PASSWORD, now: at(3_000) }))).toBe(
      "signed-in",
    );
  });

  it("successful sign-ins are not held against a shared office address", async () => {
    const users = await Promise.all(Array.from({ length: 3 }, () => makeUser()));
    const now = new Date();
    for (let i = 0; i < SIGN_IN_RULES.address.limit + 5; i++)
      expect(await outcome(attempt({ email: users[i % 3]!.email, password: PASSWORD, peer: "192.0.2.200", now }))).toBe(
        "signed-in",
      );
  });

  it("failed sign-ins beyond the first write no further ledger entries within the minute", async () => {
    const requestId = `burst-${randomUUID()}`;
    const email = `nobody-${randomUUID().slice(0, 8)}@example.test`;
    const now = new Date();
    for (let i = 0; i < 20; i++) await outcome(attempt({ email, peer: "203.0.113.13", requestId, now }));
    const rows = await db().prisma.ledgerEntry.findMany({ where: { requestId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: "auth.sign_in_failed", actorId: email });
    // A minute later one entry stands for the ones not written.
    await outcome(attempt({ email, peer: "203.0.113.13", requestId, now: new Date(now.getTime() + 61_000) }));
    const later = await db().prisma.ledgerEntry.findMany({ where: { requestId }, orderBy: { seq: "asc" } });
    expect(later).toHaveLength(2);
    expect(later[1]!.summary).toMatch(/\+19 earlier/);
  });

  it("never makes attacker text a ledger actor", async () => {
    const requestId = `junk-${randomUUID()}`;
    const junk = `founder@demo.test signed in ${randomUUID()} \u202e`;
    await outcome(attempt({ email: junk, peer: "203.0.113.14", requestId }));
    const [row] = await db().prisma.ledgerEntry.findMany({ where: { requestId } });
    expect(row?.actorId).toBe(NOT_AN_EMAIL);
    expect(`${row?.actorId} ${row?.summary} ${row?.target}`).not.toContain("signed in");
  });

  it("an unsafe x-request-id is not stored", async () => {
    const email = `nobody-${randomUUID().slice(0, 8)}@example.test`;
    await outcome(attempt({ email, peer: "203.0.113.15", requestId: "<script>alert(1)</script>" }));
    const [row] = await db().prisma.ledgerEntry.findMany({
      where: { action: "auth.sign_in_failed", actorId: email },
    });
    expect(row?.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe(`server-side sessions on ${engine}`, () => {
  const signIn = async (email: string) => {
    const u = await checkSignIn({ email, password: PASSWORD, headers: { "x-lifecycle-peer": "192.0.2.1" } });
    return { uid: u!.id, signedInAt: Date.now(), sv: u!.sessionVersion, sid: randomUUID() };
  };

  it("a disabled-then-re-enabled user's old session is refused; a new sign-in works", async () => {
    const { email, id } = await makeUser();
    const claims = await signIn(email);
    expect((await userForSession(claims))?.id).toBe(id);
    expect(await runMutation(setActiveMutation, founder, { userId: id, active: false })).toMatchObject({ ok: true });
    expect(await userForSession(claims)).toBeNull();
    expect(await runMutation(setActiveMutation, founder, { userId: id, active: true })).toMatchObject({ ok: true });
    expect(await userForSession(claims)).toBeNull();
    expect((await userForSession(await signIn(email)))?.id).toBe(id);
  });

  it("sign-out ends that session only; a stale cookie cannot end anything again", async () => {
    const { email } = await makeUser();
    const laptop = await signIn(email);
    const phone = await signIn(email);
    expect(await endSession(laptop)).toBe(true);
    expect(await userForSession(laptop)).toBeNull();
    // The same user's other session (another browser, another parallel test) goes on.
    expect(await userForSession(phone)).not.toBeNull();
    expect(await endSession(laptop)).toBe(false);
    expect(await userForSession(phone)).not.toBeNull();
  });

  it("refuses a cookie without a session version (issued before versions existed)", async () => {
    const { email } = await makeUser();
    const { uid, signedInAt, sv, sid } = await signIn(email);
    expect(await userForSession({ uid, signedInAt })).toBeNull();
    expect(await userForSession({ uid, signedInAt, sv })).toBeNull(); // no session id
    expect(await userForSession({ uid, signedInAt, sid })).toBeNull(); // no version
  });
});
