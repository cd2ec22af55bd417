import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { markCriterionMutation } from "../actions/journeys";
import { runMutation } from "../actions/mutation";
import { db } from "../db";
import type { TActor } from "../domain/auth/actor";

// Issue 12 item 10: a stage-changing mark lands only as confirmed, and withdrawing the criterion that
// caused a move reverts it — ledgered, with a timeline event.
const DAY = 86_400_000;
const csm: TActor = { type: "user", id: randomUUID(), role: "csm", label: "Casey CSM" };
const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => db().sql.query<T>(sql, params);

async function account(days: number): Promise<{ id: string; start: string }> {
  const id = randomUUID();
  const start = new Date(Date.now() - days * DAY).toISOString().slice(0, 10);
  await db().prisma.account.create({
    data: {
      id,
      name: "Withdraw Test Co",
      searchName: "withdraw test co",
      tier: "pro",
      signupAt: new Date(`${start}T00:00:00.000Z`),
      contractStart: new Date(`${start}T00:00:00.000Z`),
      contractEnd: new Date(Date.now() + 400 * DAY),
      region: "riyadh",
      preferredLocale: "en",
      lastActivityAt: new Date(),
    },
  });
  return { id, start };
}

const mark = (id: string, criterion: string, met: boolean, expect_stage?: string | null) =>
  runMutation(markCriterionMutation, csm, { account_id: id, criterion, met, expect_stage });
const state = async (id: string) =>
  (
    await q<{ stage: string; entered: string }>(
      `SELECT stage, to_char(stage_entered_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS') AS entered
       FROM journey_states WHERE account_id = $1::uuid`,
      [id],
    )
  )[0];
const criteria = async (id: string) =>
  (
    await q<{ criterion: string }>(`SELECT criterion FROM journey_criteria WHERE account_id = $1::uuid ORDER BY 1`, [
      id,
    ])
  ).map((r) => r.criterion);

describe(`withdrawing a criterion on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("refuses a stage-changing mark that was not confirmed (or confirmed as another stage), changing nothing", async () => {
    const { id } = await account(3);
    expect(await mark(id, "went_live", true, null)).toMatchObject({ ok: true, data: { stage: "onboarding" } });
    for (const expected of [null, "growth"])
      expect(await mark(id, "adoption_started", true, expected)).toMatchObject({
        ok: false,
        code: "conflict",
        fields: { criterion: "journey.errors.stageChanged" },
      });
    expect(await criteria(id)).toEqual(["went_live"]);
    expect((await state(id))?.stage).toBe("onboarding");
    // A no-op mark confirmed as a move is refused too: the page and the server disagree.
    expect(await mark(id, "active_promoter", true, "adoption")).toMatchObject({ ok: false, code: "conflict" });
    expect(await criteria(id)).toEqual(["went_live"]);
  });

  it("confirmed, the mark moves to Adoption; withdrawing it moves back to Onboarding, entered at contract start, ledgered and on the timeline", async () => {
    const { id, start } = await account(3);
    await mark(id, "went_live", true, null);
    expect(await mark(id, "adoption_started", true, "adoption")).toMatchObject({
      ok: true,
      data: { from: "onboarding", stage: "adoption", changes: 1 },
    });
    expect((await state(id))?.stage).toBe("adoption");

    expect(await mark(id, "adoption_started", false, "onboarding")).toMatchObject({
      ok: true,
      data: { from: "adoption", stage: "onboarding", changes: 1 },
    });
    expect(await state(id)).toEqual({ stage: "onboarding", entered: `${start}T00:00:00` });

    const transitions = await q<{
      from_stage: string;
      to_stage: string;
      cause: { type: string; criteria: string[]; by: string };
    }>(
      `SELECT from_stage, to_stage, cause FROM journey_transitions WHERE account_id = $1::uuid AND kind = 'stage' ORDER BY at, recorded_at`,
      [id],
    );
    expect(transitions).toMatchObject([
      { from_stage: "onboarding", to_stage: "adoption", cause: { type: "criteria" } },
      {
        from_stage: "adoption",
        to_stage: "onboarding",
        cause: { type: "criteria_withdrawn", criteria: ["adoption_started"], by: "Casey CSM" },
      },
    ]);
    const events = await q<{
      type: string;
      actor: string;
      data: { from: string; to: string; cause: { criteria: string[] } };
    }>(
      `SELECT type, actor, data FROM account_events WHERE account_id = $1::uuid AND type LIKE 'journey.stage_%' ORDER BY occurred_at`,
      [id],
    );
    expect(events).toMatchObject([
      { type: "journey.stage_changed", actor: "Casey CSM", data: { from: "onboarding", to: "adoption" } },
      {
        type: "journey.stage_reverted",
        actor: "Casey CSM",
        data: { from: "adoption", to: "onboarding", cause: { criteria: ["adoption_started"] } },
      },
    ]);
    const ledger = await q<{ action: string; summary: string; actor_id: string }>(
      `SELECT action, summary, actor_id FROM ledger_entries WHERE target = $1 ORDER BY seq`,
      [`account:${id}`],
    );
    // The engine's re-evaluation is chained first, then the person's mark that caused it, in one transaction.
    expect(ledger.slice(-2)).toMatchObject([
      { action: "journeys.reevaluate", actor_id: "journey-engine", summary: expect.stringContaining("now onboarding") },
      {
        action: "journeys.mark_criterion",
        actor_id: csm.id,
        summary: "withdrew adoption_started; 1 journey change(s), now onboarding (stage adoption → onboarding)",
      },
    ]);
    // Marked again (confirmed), it moves forward again.
    expect(await mark(id, "adoption_started", true, "adoption")).toMatchObject({
      ok: true,
      data: { stage: "adoption" },
    });
  });

  it("with later moves since: the criterion that caused the current stage undoes that move; an earlier one goes back to where the criteria stop", async () => {
    const { id } = await account(200);
    await mark(id, "went_live", true, null);
    await mark(id, "adoption_started", true, "adoption");
    await mark(id, "daily_use", true, "growth");
    const adoptionEntered = (
      await q<{ at: string }>(
        `SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS at FROM journey_transitions
         WHERE account_id = $1::uuid AND to_stage = 'adoption'`,
        [id],
      )
    )[0]!.at;
    // Withdrawing daily_use (what moved it to Growth): back to Adoption, its entry date restored.
    expect(await mark(id, "daily_use", false, "adoption")).toMatchObject({ ok: true, data: { stage: "adoption" } });
    expect((await state(id))?.stage).toBe("adoption");
    const entered = (
      await q<{ at: string }>(
        `SELECT to_char(stage_entered_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS at FROM journey_states WHERE account_id = $1::uuid`,
        [id],
      )
    )[0]!.at;
    expect(entered).toBe(adoptionEntered);
    // Back to Growth, then withdraw Onboarding's went_live: the chain breaks at Onboarding — one move back.
    await mark(id, "daily_use", true, "growth");
    expect(await mark(id, "went_live", false, "onboarding")).toMatchObject({
      ok: true,
      data: { from: "growth", stage: "onboarding", changes: 1 },
    });
    // Withdrawing a flag moves no stage, and needs no confirmation.
    await mark(id, "active_promoter", true, null);
    expect(await mark(id, "active_promoter", false, null)).toMatchObject({ ok: true, data: { stage: "onboarding" } });
  });

  it("without a confirmation field (API callers) the rules apply unchanged", async () => {
    const { id } = await account(3);
    await mark(id, "went_live", true);
    expect(await mark(id, "adoption_started", true)).toMatchObject({ ok: true, data: { stage: "adoption" } });
    expect(await mark(id, "went_live", false)).toMatchObject({ ok: true, data: { stage: "onboarding" } });
  });
});
