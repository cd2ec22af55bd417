import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { changeIncidentStatusMutation, createIncidentMutation } from "../actions/incidents";
import { completeTouchpointMutation, markCriterionMutation, updateJourneySettingsMutation } from "../actions/journeys";
import { createTicketMutation, recordEventMutation } from "../actions/support";
import { runMutation } from "../actions/mutation";
import { db } from "../db";
import type { TActor } from "../domain/auth/actor";
import { DEFAULT_WEIGHTS } from "../domain/journeys/health";
import { reevaluateAccount } from "../actions/journey-reevaluate";
import { readJourneyReport } from "../data/journey-report";
import { recomputeAllJourneys } from "./journey-recompute";
import { runJourneyTick } from "./journey-tick";

const DAY = 86_400_000;
const csm: TActor = { type: "user", id: randomUUID(), role: "csm", label: "Casey CSM" };
const founder: TActor = { type: "user", id: randomUUID(), role: "founder", label: "Fatima Founder" };
const analyst: TActor = { type: "user", id: randomUUID(), role: "analyst", label: "Ann Analyst" };
const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => db().sql.query<T>(sql, params);
const dateOnly = (d: Date) => d.toISOString().slice(0, 10);

/**
 * An account whose contract started `days` ago, active today, with one contact. Day 14 is the latest
 * day on which both onboarding automated touchpoints (welcome on day 0, first milestone on day 14) are
 * inside the catch-up window, so the guardrail tests use it.
 */
async function account(days: number, o: { contact?: boolean; end?: Date } = {}): Promise<string> {
  const id = randomUUID();
  const now = Date.now();
  await db().prisma.account.create({
    data: {
      id,
      name: "Journey Test Co",
      searchName: "journey test co",
      tier: "pro",
      signupAt: new Date(now - days * DAY),
      contractStart: new Date(`${dateOnly(new Date(now - days * DAY))}T00:00:00.000Z`),
      contractEnd: o.end ?? new Date(now + 400 * DAY),
      region: "riyadh",
      preferredLocale: "en",
      lastActivityAt: new Date(now),
      ...(o.contact === false
        ? {}
        : { contacts: { create: [{ id: randomUUID(), name: "Sam", email: `j-${id.slice(0, 8)}@example.test` }] } }),
    },
  });
  return id;
}

const touchpoints = (id: string) =>
  q<{ key: string; owner: string; status: string; held_reason: string | null; proposal_id: string | null }>(
    `SELECT key, owner, status, held_reason, proposal_id::text FROM journey_touchpoints WHERE account_id = $1::uuid ORDER BY due_at, key`,
    [id],
  );
const state = async (id: string) =>
  (
    await q<{ stage: string; health: number; behind_schedule: boolean; escalation_open: boolean }>(
      `SELECT stage, health, behind_schedule, escalation_open FROM journey_states WHERE account_id = $1::uuid`,
      [id],
    )
  )[0];
const mark = (id: string, criterion: string, met = true, actor = csm) =>
  runMutation(markCriterionMutation, actor, { account_id: id, criterion, met });

describe(`journey re-evaluation on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("marking the exit criteria moves the stage and writes a timeline event naming who caused it", async () => {
    const id = await account(40);
    expect((await reevaluateAccount(id))?.stage).toBe("onboarding");
    const first = await mark(id, "went_live");
    expect(first.ok && first.data?.stage).toBe("onboarding");
    const second = await mark(id, "adoption_started");
    expect(second.ok && second.data).toMatchObject({ stage: "adoption", changes: 1 });
    expect((await state(id))?.stage).toBe("adoption");
    const events = await q<{ type: string; actor: string; summary: string }>(
      `SELECT type, actor, summary FROM account_events WHERE account_id = $1::uuid AND type = 'journey.stage_changed'`,
      [id],
    );
    expect(events).toEqual([
      { type: "journey.stage_changed", actor: "Casey CSM", summary: expect.stringContaining("onboarding → adoption") },
    ]);
    const ledger = await q<{ action: string }>(`SELECT action FROM ledger_entries WHERE target = $1 ORDER BY seq`, [
      `account:${id}`,
    ]);
    expect(ledger.map((l) => l.action)).toEqual([
      "journeys.mark_criterion",
      "journeys.reevaluate",
      "journeys.mark_criterion",
    ]);
  });

  it("refuses a duplicate mark, an unknown criterion and an analyst, changing nothing", async () => {
    const id = await account(10);
    expect((await mark(id, "went_live")).ok).toBe(true);
    expect(await mark(id, "went_live")).toMatchObject({ ok: false, code: "conflict" });
    expect(await mark(id, "not_a_criterion")).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await mark(id, "adoption_started", true, analyst)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await mark(randomUUID(), "went_live")).toMatchObject({ ok: false, code: "not_found" });
    expect((await q(`SELECT criterion FROM journey_criteria WHERE account_id = $1::uuid`, [id])).length).toBe(1);
    // Withdrawing works once.
    expect((await mark(id, "went_live", false)).ok).toBe(true);
    expect(await mark(id, "went_live", false)).toMatchObject({ ok: false, code: "conflict" });
  });

  it("plans touchpoints: automated ones become proposals, CSM ones become tasks; a second run plans nothing twice", async () => {
    const id = await account(14);
    const r = await reevaluateAccount(id);
    expect(r?.touchpoints).toMatchObject({ planned: 2, proposed: 2 });
    const tps = await touchpoints(id);
    expect(tps.map((t) => `${t.key}:${t.status}`)).toEqual([
      "welcome_sequence:proposed",
      "kickoff_scheduling:planned",
      "implementation_check:planned",
      "first_milestone:proposed",
    ]);
    const proposal = await q<{ kind: string; state: string; proposer_id: string }>(
      `SELECT kind, state, proposer_id FROM proposals WHERE id = $1::uuid`,
      [tps[0]!.proposal_id],
    );
    expect(proposal).toEqual([{ kind: "message", state: "pending", proposer_id: "journey-engine" }]);
    expect((await reevaluateAccount(id))?.touchpoints).toEqual({ planned: 0, proposed: 0, held: {}, missed: 0 });
    expect(await touchpoints(id)).toHaveLength(4);
    const task = (
      await q<{ id: string }>(
        `SELECT id::text FROM journey_touchpoints WHERE account_id = $1::uuid AND key = 'kickoff_scheduling'`,
        [id],
      )
    )[0]!;
    expect((await runMutation(completeTouchpointMutation, csm, { touchpoint_id: task.id, responded: true })).ok).toBe(
      true,
    );
    expect(await runMutation(completeTouchpointMutation, csm, { touchpoint_id: task.id })).toMatchObject({
      ok: false,
      code: "conflict",
    });
  });

  it("catch-up window: an account 400 days in planned for the first time gets no welcome proposal, one 3 days in does", async () => {
    const proposals = (id: string) =>
      q<{ kind: string }>(`SELECT kind FROM proposals WHERE account_id = $1::uuid`, [id]);
    const late = await account(400);
    expect((await state(late)) ?? null).toBeNull();
    const r = await reevaluateAccount(late);
    expect(r).toMatchObject({ stage: "onboarding", touchpoints: { planned: 0, proposed: 0, held: {}, missed: 5 } });
    const tps = await q<{ key: string; status: string; assignee_id: string | null; proposal_id: string | null }>(
      `SELECT key, status, assignee_id::text, proposal_id::text FROM journey_touchpoints WHERE account_id = $1::uuid ORDER BY due_at`,
      [late],
    );
    expect(tps.map((t) => `${t.key}:${t.status}`)).toEqual([
      "welcome_sequence:missed",
      "kickoff_scheduling:missed",
      "implementation_check:missed",
      "first_milestone:missed",
      "adoption_review:missed",
    ]);
    expect(tps.every((t) => t.assignee_id === null && t.proposal_id === null)).toBe(true);
    expect(await proposals(late)).toEqual([]);
    // Missed CSM tasks were never assigned, so they do not count as undone work in milestone completion.
    const [row] = await q<{ factors: { milestones: { values: { expected: number } } } }>(
      `SELECT factors FROM journey_states WHERE account_id = $1::uuid`,
      [late],
    );
    await reevaluateAccount(late);
    const [again] = await q<{ factors: { milestones: { values: { expected: number } } } }>(
      `SELECT factors FROM journey_states WHERE account_id = $1::uuid`,
      [late],
    );
    expect(again!.factors.milestones.values.expected).toBe(row!.factors.milestones.values.expected);
    // Recorded once: a re-plan records nothing twice.
    expect((await reevaluateAccount(late))?.touchpoints).toEqual({ planned: 0, proposed: 0, held: {}, missed: 0 });

    const fresh = await account(3);
    expect((await reevaluateAccount(fresh))?.touchpoints).toMatchObject({ proposed: 1, missed: 0 });
    const welcome = await q<{ status: string; kind: string }>(
      `SELECT jt.status, p.kind FROM journey_touchpoints jt JOIN proposals p ON p.id = jt.proposal_id
       WHERE jt.account_id = $1::uuid AND jt.key = 'welcome_sequence'`,
      [fresh],
    );
    expect(welcome).toEqual([{ status: "proposed", kind: "message" }]);
  });

  it("a touchpoint held by an escalation past its window is recorded missed (with that guardrail), not sent late", async () => {
    const id = await account(10);
    const ticket = randomUUID();
    await q(
      `INSERT INTO support_tickets (id, account_id, subject, body, channel, priority, status, received_at)
       VALUES ($1::uuid, $2::uuid, 'Screens down', 'All screens are black', 'email', 'P0', 'open', now())`,
      [ticket, id],
    );
    expect((await reevaluateAccount(id))?.touchpoints).toMatchObject({ held: { escalation_open: 1 }, missed: 0 });
    // Still held 14 days after it fell due (day 14 of the contract): it stays held, the window is not over.
    const later = (days: number) => new Date(Date.now() + days * DAY);
    expect((await reevaluateAccount(id, { now: later(4) }))?.touchpoints).toMatchObject({ missed: 0 });
    await q(`UPDATE support_tickets SET status = 'resolved', resolved_at = now() WHERE id = $1::uuid`, [ticket]);
    // The escalation closes on day 21: the welcome (day 0) is too late to send; the first milestone (day 14) goes out.
    const resumed = await reevaluateAccount(id, { now: later(11) });
    expect(resumed?.touchpoints).toMatchObject({ proposed: 1, missed: 1 });
    expect(
      (await touchpoints(id)).filter((t) => t.owner === "system").map((t) => [t.key, t.status, t.held_reason]),
    ).toEqual([
      ["welcome_sequence", "missed", "escalation_open"],
      ["first_milestone", "proposed", null],
    ]);
  });

  it("the support and incident mutations re-evaluate the journey in their own transaction", async () => {
    const operator: TActor = { type: "cli", id: "cli:ops", role: "csm", label: "ops" };
    const id = await account(14);
    const held = async () => (await touchpoints(id)).filter((t) => t.owner === "system").map((t) => t.status);
    const created = await runMutation(createTicketMutation, operator, {
      account_id: id,
      subject: "Data leak",
      body: "We see a data breach",
      channel: "email",
    });
    expect(created).toMatchObject({ ok: true, data: { priority: "P0" } });
    expect((await state(id))?.escalation_open).toBe(true);
    expect(await held()).toEqual(["held", "held"]);
    const ticketId = (created as { data: { id: string } }).data.id;
    expect((await runMutation(recordEventMutation, operator, { ticket_id: ticketId, type: "resolved" })).ok).toBe(true);
    expect((await state(id))?.escalation_open).toBe(false);
    expect(await held()).toEqual(["proposed", "proposed"]);

    const other = await account(14);
    const incident = await runMutation(createIncidentMutation, operator, {
      title: "Screens black for a few customers",
      description: "Rendering fails",
      account_ids: [other],
      triage: { data_leak: "no", unauthorized_send: "no", affected: 1, unsure: false },
    });
    expect(incident).toMatchObject({ ok: true, data: { severity: "SEV3" } });
    expect((await state(other))?.escalation_open).toBe(true);
    const incidentId = (incident as { data: { id: string } }).data.id;
    for (const to of ["mitigated", "closed"] as const)
      expect((await runMutation(changeIncidentStatusMutation, operator, { id: incidentId, to })).ok).toBe(true);
    expect((await state(other))?.escalation_open).toBe(false);
  });

  it("an open P0 ticket pauses automated touchpoints with the reason shown, and resolving it resumes them", async () => {
    const id = await account(14);
    const ticket = randomUUID();
    await q(
      `INSERT INTO support_tickets (id, account_id, subject, body, channel, priority, status, received_at)
       VALUES ($1::uuid, $2::uuid, 'Screens down', 'All screens are black', 'email', 'P0', 'open', now())`,
      [ticket, id],
    );
    const paused = await reevaluateAccount(id);
    expect(paused?.touchpoints).toMatchObject({ proposed: 0, held: { escalation_open: 2 } });
    expect((await state(id))?.escalation_open).toBe(true);
    expect((await touchpoints(id)).filter((t) => t.owner === "system").map((t) => [t.status, t.held_reason])).toEqual([
      ["held", "escalation_open"],
      ["held", "escalation_open"],
    ]);
    // CSM tasks are not automated: they are planned regardless.
    expect((await touchpoints(id)).filter((t) => t.owner === "csm").every((t) => t.status === "planned")).toBe(true);
    await q(`UPDATE support_tickets SET status = 'resolved', resolved_at = now() WHERE id = $1::uuid`, [ticket]);
    const resumed = await reevaluateAccount(id);
    expect(resumed?.touchpoints).toMatchObject({ proposed: 2 });
    expect(
      (await touchpoints(id))
        .filter((t) => t.owner === "system")
        .every((t) => t.status === "proposed" && t.held_reason === null),
    ).toBe(true);
  });

  it("a non-closed incident affecting the account also pauses; a P2 ticket does not", async () => {
    const id = await account(14);
    await q(
      `INSERT INTO support_tickets (id, account_id, subject, body, channel, priority, status, received_at)
       VALUES ($1::uuid, $2::uuid, 'Question', 'How do I…', 'email', 'P2', 'open', now())`,
      [randomUUID(), id],
    );
    expect((await reevaluateAccount(id))?.touchpoints.proposed).toBe(2);
    const other = await account(14);
    const incident = randomUUID();
    await q(
      `INSERT INTO incidents (id, title, description, severity, status, opened_at) VALUES ($1::uuid, 'Outage', '', 'SEV1', 'mitigated', now())`,
      [incident],
    );
    await q(`INSERT INTO incident_accounts (incident_id, account_id) VALUES ($1::uuid, $2::uuid)`, [incident, other]);
    expect((await reevaluateAccount(other))?.touchpoints.held).toEqual({ escalation_open: 2 });
  });

  it("holds the fourth automated touchpoint in 7 days on the weekly limit", async () => {
    const id = await account(14);
    // Two automated touchpoints released in the last week already.
    for (const key of ["x_one", "x_two"])
      await q(
        `INSERT INTO journey_touchpoints (id, account_id, key, stage, cycle, channel, owner, due_at, status, released_at)
         VALUES ($1::uuid, $2::uuid, $3, 'onboarding', 'test', 'email', 'system', now() - interval '2 days', 'done', now() - interval '2 days')`,
        [randomUUID(), id, key],
      );
    const r = await reevaluateAccount(id);
    expect(r?.touchpoints).toMatchObject({ proposed: 1, held: { weekly_limit: 1 } });
    expect((await touchpoints(id)).find((t) => t.key === "first_milestone")).toMatchObject({
      status: "held",
      held_reason: "weekly_limit",
    });
  });

  it("full recompute is idempotent: a second run changes nothing for these accounts", async () => {
    const id = await account(200);
    await q(
      `INSERT INTO journey_criteria (account_id, criterion, met_at, marked_by) VALUES
       ($1::uuid, 'went_live', now() - interval '150 days', 'Seeder'), ($1::uuid, 'adoption_started', now() - interval '140 days', 'Seeder')`,
      [id],
    );
    const first = await recomputeAllJourneys();
    expect(first.accounts).toBeGreaterThan(0);
    const s1 = await state(id);
    expect(s1).toMatchObject({ stage: "adoption", behind_schedule: true });
    const count = async () => (await q(`SELECT 1 FROM journey_transitions WHERE account_id = $1::uuid`, [id])).length;
    expect(await count()).toBe(1);
    await recomputeAllJourneys();
    expect(await state(id)).toEqual(s1);
    expect(await count()).toBe(1);
    expect((await q(`SELECT 1 FROM journey_runs`)).length).toBeGreaterThanOrEqual(2);
  });

  it("settings: founders change weights and limit (ledgered); bad weights and CSMs are refused", async () => {
    const ok = await runMutation(updateJourneySettingsMutation, founder, { weekly_limit: 2, weights: DEFAULT_WEIGHTS });
    expect(ok.ok).toBe(true);
    expect(
      await runMutation(updateJourneySettingsMutation, founder, { weekly_limit: 4, weights: DEFAULT_WEIGHTS }),
    ).toMatchObject({ code: "invalid_input" });
    expect(
      await runMutation(updateJourneySettingsMutation, founder, {
        weekly_limit: 3,
        weights: { ...DEFAULT_WEIGHTS, risk: 20 },
      }),
    ).toMatchObject({ code: "invalid_input" });
    expect(
      await runMutation(updateJourneySettingsMutation, csm, { weekly_limit: 3, weights: DEFAULT_WEIGHTS }),
    ).toMatchObject({ code: "forbidden" });
    await runMutation(updateJourneySettingsMutation, founder, { weekly_limit: 3, weights: DEFAULT_WEIGHTS });
  });

  it("the journey tab's report reads what the engine wrote: criteria, events, touchpoints, peers", async () => {
    const peer = await account(20);
    await reevaluateAccount(peer);
    const id = await account(14);
    expect((await mark(id, "went_live")).ok).toBe(true);
    const r = await readJourneyReport(id);
    expect(r?.live.evaluation.stage).toBe("onboarding");
    expect(r?.stored).not.toBeNull();
    expect(r?.criteria.map((c) => c.criterion)).toEqual(["went_live"]);
    expect(r?.events.map((e) => e.type)).toContain("journey.criterion_met");
    expect(r?.touchpoints.map((t) => t.status).sort()).toEqual(["planned", "planned", "proposed", "proposed"]);
    expect(r?.comparison.peers).toBeGreaterThan(0);
    expect(r?.comparison.top?.health).toBeGreaterThanOrEqual(r?.comparison.average?.health ?? 101);
    expect(await readJourneyReport(randomUUID())).toBeNull();
  });

  it("the tick runs a full recompute only when the last one is over a month old, and plans stale accounts", async () => {
    await recomputeAllJourneys();
    expect((await runJourneyTick({ perTick: 0 })).recompute).toBeNull();
    const later = new Date(Date.now() + 31 * DAY);
    const due = await runJourneyTick({ now: later, perTick: 2 });
    expect(due.recompute?.accounts).toBeGreaterThan(0);
    expect(due.planned + due.failed).toBeLessThanOrEqual(2);
    expect(due.failed).toBe(0);
    expect((await runJourneyTick({ now: new Date(later.getTime() + DAY), perTick: 0 })).recompute).toBeNull();
  });
});
