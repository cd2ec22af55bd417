import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineMutation, runMutation } from "../actions/mutation";
import { db } from "../db";
import type { TActor } from "../domain/auth/actor";
import { idempotent, requestHash } from "./idempotency";

const actor: TActor = { type: "cli", id: "cli:idempotency-test", role: "founder", label: "idempotency test" };

// The effect: one mutation through the real door, whose ledger entry is counted.
const effect = defineMutation({
  name: "test.idempotent_effect",
  permission: "settings:manage",
  input: z.object({ target: z.string() }),
  async run({ input }) {
    return { result: { target: input.target }, ledger: { target: input.target, summary: "idempotent effect" } };
  },
});

const effects = (target: string) =>
  db().prisma.ledgerEntry.count({ where: { action: "test.idempotent_effect", target } });
const keyRow = (key: string) =>
  db().prisma.idempotencyKey.findUnique({ where: { actorId_key: { actorId: actor.id, key } } });

/** A request handler: performs the effect, then answers `status`. */
function handler(target: string, status = 201, calls = { n: 0 }) {
  return async () => {
    calls.n++;
    const r = await runMutation(effect, actor, { target });
    if (!r.ok) throw new Error(r.code);
    return { status, body: { target, n: calls.n } };
  };
}

describe(`Idempotency-Key on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("20 concurrent requests with one key: one effect, one answer, the others replay or wait", async () => {
    const key = randomUUID();
    const target = `idem:${key}`;
    const hash = requestHash("POST", "/api/v1/test", { target });
    const calls = { n: 0 };
    const results = await Promise.all(
      Array.from({ length: 20 }, () => idempotent(actor.id, key, hash, handler(target, 201, calls))),
    );
    expect(calls.n).toBe(1);
    expect(await effects(target)).toBe(1);
    const answered = results.filter((r) => r.status === 201);
    expect(answered.length).toBe(20); // waiting duplicates get the first answer well within 5 s
    expect(new Set(answered.map((r) => r.body)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(await keyRow(key)).toMatchObject({ status: 201, response: answered[0]!.body });
  });

  it("same key with a different body: 422, no second effect", async () => {
    const key = randomUUID();
    const target = `idem:${key}`;
    await idempotent(actor.id, key, requestHash("POST", "/x", { target }), handler(target));
    const other = await idempotent(actor.id, key, requestHash("POST", "/x", { target: "else" }), handler("else"));
    expect(other.status).toBe(422);
    expect(JSON.parse(other.body)).toMatchObject({ error: { code: "idempotency_mismatch" } });
    expect(await effects("else")).toBe(0);
  });

  it("an answer that is not stored takes its effect with it: a 5xx or a crash after the effect leaves nothing", async () => {
    const key = randomUUID();
    const target = `idem:${key}`;
    const hash = requestHash("POST", "/x", { target });
    const failed = await idempotent(actor.id, key, hash, handler(target, 503));
    expect(failed).toMatchObject({ status: 503, replayed: false });
    expect(await effects(target)).toBe(0);
    expect(await keyRow(key)).toBeNull();

    const crash = async () => {
      await handler(target)();
      throw new Error("process died before answering");
    };
    await expect(idempotent(actor.id, key, hash, crash)).rejects.toThrow("process died");
    expect(await effects(target)).toBe(0);
    expect(await keyRow(key)).toBeNull();

    // The retry runs once; the one after replays it.
    const calls = { n: 0 };
    const retried = await idempotent(actor.id, key, hash, handler(target, 201, calls));
    const replay = await idempotent(actor.id, key, hash, handler(target, 201, calls));
    expect([retried.status, replay.replayed, replay.body, calls.n]).toEqual([201, true, retried.body, 1]);
    expect(await effects(target)).toBe(1);
  });

  it("a refusal is the answer too: stored and replayed, with the refusal ledgered once", async () => {
    const key = randomUUID();
    const hash = requestHash("POST", "/x", {});
    const refused = async () => {
      const r = await runMutation(effect, { ...actor, role: "analyst" }, { target: "denied" });
      return { status: r.ok ? 200 : 403, body: r };
    };
    const before = await db().prisma.ledgerEntry.count({ where: { action: "access.denied", target: effect.name } });
    const first = await idempotent(actor.id, key, hash, refused);
    const again = await idempotent(actor.id, key, hash, refused);
    expect([first.status, again.replayed, again.body]).toEqual([403, true, first.body]);
    const after = await db().prisma.ledgerEntry.count({ where: { action: "access.denied", target: effect.name } });
    expect(after - before).toBe(1);
  });
});
