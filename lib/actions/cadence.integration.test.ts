import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { regenerateTasks } from "../data/cadence";
import { listTasks } from "../data/tasks";
import type { TActor } from "../domain/auth/actor";
import { TEAM_TIME_ZONE } from "../domain/cadence/check-in";
import { addDays, calendarDay } from "../domain/cadence/dates";
import { planTasks } from "../domain/cadence/schedule";
import { CADENCE_TYPES } from "../domain/cadence/types";
import {
  completeTaskMutation,
  deactivatePlanMutation,
  draftCheckInMutation,
  recomputeRiskMutation,
  savePlanMutation,
  skipTaskMutation,
} from "./cadence";
import { runMutation } from "./mutation";

const engine = process.env.DATABASE_URL ? "PostgreSQL" : "PGlite";
const today = calendarDay(new Date(), TEAM_TIME_ZONE);
let owner: string;
let csm: TActor;
const analyst: TActor = { type: "user", id: randomUUID(), role: "analyst", label: "analyst@test" };

async function user(role: string) {
  const id = randomUUID();
  await db().prisma.user.create({
    data: { id, email: `${id}@cadence.test`, name: `CSM ${id.slice(0, 4)}`, role, passwordHash: "x" },
  });
  return id;
}

async function account(o: { locale?: "en" | "ar"; contact?: boolean; contractEnd?: string } = {}) {
  const id = randomUUID();
  const locale = o.locale ?? "en";
  await db().prisma.account.create({
    data: {
      id,
      name: locale === "ar" ? "مؤسسة الإيقاع" : "Cadence Test Co",
      searchName: "cadence test co",
      tier: "pro",
      signupAt: new Date(Date.now() - 200 * 86_400_000),
      contractEnd: o.contractEnd ? new Date(`${o.contractEnd}T00:00:00Z`) : null,
      region: "riyadh",
      preferredLocale: locale,
      csmId: owner,
      contacts:
        o.contact === false
          ? undefined
          : {
              create: [
                { id: randomUUID(), name: locale === "ar" ? "ريم" : "Reem", email: `c-${id.slice(0, 8)}@example.test` },
              ],
            },
    },
  });
  return id;
}

const countTasks = async (accountId: string) => db().prisma.successTask.count({ where: { accountId } });
const plan = (accountId: string, types: string[] = ["weekly_check_in", "monthly_proof_review"], anchor = today) =>
  runMutation(savePlanMutation, csm, { account_id: accountId, owner_csm_id: owner, anchor_date: anchor, types });

beforeAll(async () => {
  owner = await user("csm");
  csm = { type: "user", id: owner, role: "csm", label: "csm@cadence.test" };
});

describe(`cadence plans and tasks on ${engine}`, () => {
  it("saving a plan creates its dated tasks for the owner, ledgered; saving again creates none", async () => {
    const id = await account({ contractEnd: addDays(today, 20) });
    const r = await plan(id, ["weekly_check_in", "renewal_30_day", "renewal_7_day"]);
    if (!r.ok) throw new Error(r.code);
    const expected = planTasks(
      {
        accountId: id,
        ownerCsmId: owner,
        active: true,
        types: ["weekly_check_in", "renewal_30_day", "renewal_7_day"],
        anchorDate: today,
        contractEnd: addDays(today, 20),
        severity: null,
      },
      today,
    );
    expect(r.data.created).toBe(expected.length);
    const tasks = await listTasks({ csmId: owner, accountId: id, status: "open", due: "all", page: 1 }, today);
    expect(tasks.rows.map((t) => `${t.type}@${t.dueDate}`).sort()).toEqual(
      expected.map((t) => `${t.type}@${t.dueDate}`).sort(),
    );
    const dues = tasks.rows.map((t) => t.dueDate);
    expect(dues).toEqual([...dues].sort());
    // The 30-day renewal is already 10 days overdue; the list counts it.
    expect(tasks.overdue).toBe(1);
    expect(tasks.rows[0]).toMatchObject({ type: "renewal_30_day", dueDate: addDays(today, -10), csmId: owner });
    const again = await plan(id, ["weekly_check_in", "renewal_30_day", "renewal_7_day"]);
    expect(again.ok && again.data.created).toBe(0);
    expect(await countTasks(id)).toBe(expected.length);
    const ledger = await db().prisma.ledgerEntry.findFirst({
      where: { action: "cadence.plan.save", target: `account:${id}` },
    });
    expect(ledger?.summary).toMatch(/created cadence plan/);
  });

  it("regeneration is idempotent, also many at once (no duplicates)", async () => {
    const ids = await Promise.all([account(), account(), account()]);
    for (const id of ids) {
      await db().prisma.cadencePlan.create({
        data: {
          accountId: id,
          ownerCsmId: owner,
          types: [...CADENCE_TYPES],
          anchorDate: new Date(`${addDays(today, -3)}T00:00:00Z`),
        },
      });
    }
    const runs = await Promise.all(Array.from({ length: 8 }, () => regenerateTasks({ today, accountIds: ids })));
    const created = runs.reduce((s, r) => s + r.created, 0);
    const rows = await db().sql.query<{ n: number; d: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT (account_id, type, due_date))::int AS d FROM success_tasks WHERE account_id = ANY($1::uuid[])`,
      [ids],
    );
    expect(rows[0]!.n).toBe(rows[0]!.d);
    expect(created).toBe(rows[0]!.n);
    expect(rows[0]!.n).toBeGreaterThan(ids.length * 5);
    expect((await regenerateTasks({ today, accountIds: ids })).created).toBe(0);
    // A later day extends the window by what is new only.
    const later = await regenerateTasks({ today: addDays(today, 7), accountIds: ids });
    expect(later.created).toBeGreaterThan(0);
    expect((await regenerateTasks({ today: addDays(today, 7), accountIds: ids })).created).toBe(0);
  });

  it("completes and skips a task once; a second or concurrent attempt is a conflict", async () => {
    const id = await account();
    await plan(id, ["weekly_check_in"]);
    const [a, b] = (await listTasks({ csmId: owner, accountId: id, status: "open", due: "all", page: 1 }, today)).rows;
    expect(a && b).toBeTruthy();
    const both = await Promise.all([
      runMutation(completeTaskMutation, csm, { id: a!.id, note: "called" }),
      runMutation(completeTaskMutation, csm, { id: a!.id }),
    ]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(both.find((r) => !r.ok)).toMatchObject({ code: "conflict" });
    expect(await runMutation(skipTaskMutation, csm, { id: a!.id, note: "x" })).toMatchObject({
      ok: false,
      code: "conflict",
    });
    // Skipping needs a reason.
    expect(await runMutation(skipTaskMutation, csm, { id: b!.id, note: "  " })).toMatchObject({
      ok: false,
      code: "invalid_input",
    });
    expect((await runMutation(skipTaskMutation, csm, { id: b!.id, note: "customer on holiday" })).ok).toBe(true);
    const done = await db().prisma.successTask.findUniqueOrThrow({ where: { id: a!.id } });
    expect(done).toMatchObject({ status: "done", completedBy: "csm@cadence.test" });
    expect(await runMutation(completeTaskMutation, csm, { id: randomUUID() })).toMatchObject({ code: "not_found" });
    expect(await runMutation(completeTaskMutation, analyst, { id: b!.id })).toMatchObject({ code: "forbidden" });
    const entries = await db().prisma.ledgerEntry.findMany({
      where: { target: { in: [`task:${a!.id}`, `task:${b!.id}`] } },
    });
    // One entry per change; conflicts and invalid input change nothing and are not ledgered.
    expect(entries.map((e) => e.action).sort()).toEqual(["tasks.complete", "tasks.skip"]);
  });

  it("a CSM works only their own cadence: another CSM's task or plan is forbidden (ledgered); founders may", async () => {
    const id = await account();
    await plan(id, ["weekly_check_in"]);
    const [task] = (await listTasks({ csmId: owner, accountId: id, status: "open", due: "all", page: 1 }, today)).rows;
    const otherId = await user("csm");
    const other: TActor = { type: "user", id: otherId, role: "csm", label: "other@cadence.test" };
    const founder: TActor = { type: "user", id: randomUUID(), role: "founder", label: "founder@cadence.test" };

    expect(await runMutation(completeTaskMutation, other, { id: task!.id, note: "mine now" })).toEqual({
      ok: false,
      code: "forbidden",
    });
    expect(await runMutation(skipTaskMutation, other, { id: task!.id, note: "not needed" })).toMatchObject({
      code: "forbidden",
    });
    expect(await db().prisma.successTask.findUniqueOrThrow({ where: { id: task!.id } })).toMatchObject({
      status: "open",
    });
    expect(
      await db().prisma.ledgerEntry.count({
        where: {
          actorId: otherId,
          action: { in: ["tasks.complete.denied", "tasks.skip.denied"] },
          target: `task:${task!.id}`,
        },
      }),
    ).toBe(2);
    // Nor can they take over the account's plan, or switch it off.
    const takeOver = { account_id: id, owner_csm_id: otherId, anchor_date: today, types: ["weekly_check_in"] };
    expect(await runMutation(savePlanMutation, other, takeOver)).toEqual({ ok: false, code: "forbidden" });
    expect(await runMutation(deactivatePlanMutation, other, { account_id: id })).toEqual({
      ok: false,
      code: "forbidden",
    });
    expect((await db().prisma.cadencePlan.findFirstOrThrow({ where: { accountId: id } })).ownerCsmId).toBe(owner);

    // An unassigned task of an account the CSM owns is theirs to close; a founder may close anyone's.
    const unassigned = await db().prisma.successTask.create({
      data: {
        accountId: id,
        csmId: null,
        type: "weekly_check_in",
        dueDate: new Date(`${addDays(today, -3)}T00:00:00Z`),
        source: "manual",
      },
    });
    expect(await runMutation(completeTaskMutation, other, { id: unassigned.id })).toMatchObject({ code: "forbidden" });
    expect((await runMutation(completeTaskMutation, csm, { id: unassigned.id, note: "done" })).ok).toBe(true);
    expect((await runMutation(completeTaskMutation, founder, { id: task!.id, note: "covered" })).ok).toBe(true);
    expect((await runMutation(savePlanMutation, founder, takeOver)).ok).toBe(true);
  });

  it("editing types skips future tasks of removed types; deactivating skips future open tasks but keeps overdue ones", async () => {
    const id = await account();
    await plan(id, ["weekly_check_in", "monthly_proof_review"], addDays(today, -14));
    const overdue = await db().prisma.successTask.create({
      data: {
        accountId: id,
        csmId: owner,
        type: "weekly_check_in",
        dueDate: new Date(`${addDays(today, -7)}T00:00:00Z`),
        source: "cadence",
      },
    });
    await plan(id, ["weekly_check_in"], addDays(today, -14));
    const monthly = await db().prisma.successTask.findMany({ where: { accountId: id, type: "monthly_proof_review" } });
    expect(monthly.length).toBeGreaterThan(0);
    expect(monthly.every((t) => t.status === "skipped" && t.note === "plan changed")).toBe(true);
    const r = await runMutation(deactivatePlanMutation, csm, { account_id: id });
    if (!r.ok) throw new Error(r.code);
    expect(r.data.skipped).toBeGreaterThan(0);
    const open = await db().prisma.successTask.findMany({ where: { accountId: id, status: "open" } });
    expect(open.map((t) => t.id)).toEqual([overdue.id]);
    expect(await runMutation(deactivatePlanMutation, csm, { account_id: id })).toMatchObject({
      ok: false,
      code: "conflict",
    });
    // An inactive plan generates nothing.
    expect((await regenerateTasks({ today: addDays(today, 30), accountIds: [id] })).created).toBe(0);
  });

  it("refuses a plan for an unknown account, an unknown owner and bad input", async () => {
    const id = await account();
    expect(
      await runMutation(savePlanMutation, csm, {
        account_id: randomUUID(),
        owner_csm_id: owner,
        anchor_date: today,
        types: ["weekly_check_in"],
      }),
    ).toMatchObject({ code: "not_found" });
    expect(
      await runMutation(savePlanMutation, csm, {
        account_id: id,
        owner_csm_id: randomUUID(),
        anchor_date: today,
        types: ["weekly_check_in"],
      }),
    ).toMatchObject({
      code: "invalid_input",
      fields: { owner_csm_id: "cadence.errors.unknown_owner" },
    });
    expect(
      await runMutation(savePlanMutation, csm, { account_id: id, owner_csm_id: owner, anchor_date: today, types: [] }),
    ).toMatchObject({ code: "invalid_input" });
    expect(
      await runMutation(savePlanMutation, analyst, {
        account_id: id,
        owner_csm_id: owner,
        anchor_date: today,
        types: ["weekly_check_in"],
      }),
    ).toMatchObject({ code: "forbidden" });
    expect(await countTasks(id)).toBe(0);
  });
});

describe(`check-ins and on-demand risk on ${engine}`, () => {
  it("drafting a check-in creates a pending message proposal to the contact, in Arabic for an Arabic account", async () => {
    const id = await account({ locale: "ar" });
    await db().prisma.account.update({
      where: { id },
      data: { lastActivityAt: new Date(Date.now() - 20 * 86_400_000) },
    });
    const risk = await runMutation(recomputeRiskMutation, csm, { account_id: id });
    expect(risk.ok && risk.data.reasons.map((r) => r.code)).toEqual(["inactive", "proof_pack"]);
    const r = await runMutation(draftCheckInMutation, csm, { account_id: id });
    if (!r.ok) throw new Error(r.code);
    const p = await db().prisma.proposal.findUniqueOrThrow({ where: { id: r.data.id } });
    expect(p).toMatchObject({
      kind: "message",
      accountId: id,
      state: "pending",
      proposerId: owner,
      reason: "check-in",
    });
    const payload = JSON.parse(p.payload) as {
      locale: string;
      to: { name: string };
      subject: string;
      body: string;
    };
    expect(payload).toMatchObject({
      locale: "ar",
      to: { name: "ريم" },
      subject: "متابعة مع مؤسسة الإيقاع",
    });
    expect(payload.body).toMatch(/اتصال قصير/);
    const ledger = await db().prisma.ledgerEntry.findFirst({
      where: { action: "cadence.checkin.draft", target: `proposal:${p.id}` },
    });
    expect(ledger?.payloadHash).toBe(p.payloadHash);
    // The pending draft now counts for the account's risk.
    const after = await runMutation(recomputeRiskMutation, csm, { account_id: id });
    expect(after.ok && after.data.score).toBe(70);
  });

  it("uses an edited draft as written; refuses no contact, oversized text and analysts", async () => {
    const id = await account();
    const r = await runMutation(draftCheckInMutation, csm, {
      account_id: id,
      message: { subject: "Quick hello", body: "How is the rollout?" },
    });
    if (!r.ok) throw new Error(r.code);
    const p = await db().prisma.proposal.findUniqueOrThrow({ where: { id: r.data.id } });
    expect(JSON.parse(p.payload)).toMatchObject({ locale: "en", subject: "Quick hello", body: "How is the rollout?" });
    const none = await account({ contact: false });
    expect(await runMutation(draftCheckInMutation, csm, { account_id: none })).toMatchObject({
      code: "invalid_input",
      fields: { account_id: "validation.no_contact" },
    });
    expect(
      await runMutation(draftCheckInMutation, csm, {
        account_id: id,
        message: { subject: "s", body: "x".repeat(20_001) },
      }),
    ).toMatchObject({ code: "invalid_input" });
    expect(await runMutation(draftCheckInMutation, analyst, { account_id: id })).toMatchObject({ code: "forbidden" });
    expect(await runMutation(recomputeRiskMutation, csm, { account_id: randomUUID() })).toMatchObject({
      code: "not_found",
    });
  });
});
