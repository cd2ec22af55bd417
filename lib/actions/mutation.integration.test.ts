import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { verifyLedger } from "../data/ledger";
import { db } from "../db";
import type { TActor } from "../domain/auth/actor";
import { AppError } from "../errors";
import { defineMutation, runMutation } from "./mutation";

const engine = process.env.DATABASE_URL ? "PostgreSQL" : "PGlite";

// A token acting for a CSM, created by a founder: what finding 2 needs to see in the ledger.
const viaToken = (): TActor => ({
  type: "token",
  id: `user:${randomUUID()}`,
  role: "csm",
  label: "token",
  token: { id: randomUUID(), createdBy: randomUUID() },
});

const name = () => `test.mutation_${randomUUID().slice(0, 8)}`;

/** A mutation that does what its input says: succeed, refuse with a code, or insert a duplicate user. */
const probe = (n: string, permission: "accounts:read" | "users:manage" = "accounts:read") =>
  defineMutation({
    name: n,
    permission,
    input: z.object({ then: z.enum(["ok", "already_decided", "duplicate"]), note: z.string().max(5) }),
    run: async ({ tx, input }) => {
      if (input.then === "already_decided") throw new AppError("already_decided", undefined, undefined, "proposal:p1");
      if (input.then === "duplicate") {
        const email = `dup-${randomUUID()}@example.test`;
        for (let i = 0; i < 2; i++) {
          // A real unique violation from the database (not a checked conflict) is what this probe provokes.
          // eslint-disable-next-line no-restricted-syntax
          await tx.user.create({ data: { id: randomUUID(), email, name: "d", role: "csm", passwordHash: "x" } });
        }
      }
      return { result: "done", ledger: { target: "probe:1", summary: "did it" } };
    },
  });

const entries = (action: string) =>
  db().prisma.ledgerEntry.findMany({
    where: { action },
    orderBy: { seq: "asc" },
    select: { action: true, summary: true, target: true, viaTokenId: true, viaTokenCreatedBy: true },
  });

describe(`the mutation door's ledger entries on ${engine}`, () => {
  it("records the token and its creator on a change and on a denial made through it", async () => {
    const actor = viaToken();
    const n = name();
    expect(await runMutation(probe(n), actor, { then: "ok", note: "x" })).toEqual({ ok: true, data: "done" });
    expect(await runMutation(probe(n, "users:manage"), actor, { then: "ok", note: "x" })).toMatchObject({
      code: "forbidden",
    });
    const [change] = await entries(n);
    const [denial] = await db().prisma.ledgerEntry.findMany({
      where: { action: "access.denied", target: n },
      select: { viaTokenId: true, viaTokenCreatedBy: true },
    });
    for (const e of [change, denial]) {
      expect(e).toMatchObject({ viaTokenId: actor.token!.id, viaTokenCreatedBy: actor.token!.createdBy });
    }
    expect(await verifyLedger()).toMatchObject({ ok: true });
  });

  it("ledgers invalid_input by field name, never the value, and bounded", async () => {
    const n = name();
    const secret = `attacker text ${"x".repeat(5000)}`;
    expect(await runMutation(probe(n), viaToken(), { then: "nope", note: secret })).toMatchObject({
      ok: false,
      code: "invalid_input",
    });
    const [denied] = await entries(`${n}.denied`);
    expect(denied?.summary).toBe("refused: invalid_input: fields then, note");
    expect(denied?.viaTokenId).not.toBeNull();
  });

  it("ledgers already_decided against its target, and a unique violation as conflict", async () => {
    const n = name();
    const actor = viaToken();
    expect(await runMutation(probe(n), actor, { then: "already_decided", note: "x" })).toMatchObject({
      code: "already_decided",
    });
    expect(await runMutation(probe(n), actor, { then: "duplicate", note: "x" })).toMatchObject({ code: "conflict" });
    const denied = await entries(`${n}.denied`);
    expect(denied.map((e) => [e.summary, e.target])).toEqual([
      ["refused: already_decided", "proposal:p1"],
      ["refused: conflict: duplicate", null],
    ]);
    // The refused change itself left nothing behind.
    expect(await entries(n)).toHaveLength(0);
    expect(await verifyLedger()).toMatchObject({ ok: true });
  });
});
