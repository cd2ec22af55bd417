import { describe, expect, it } from "vitest";
import { checkHeuristicRow } from "../shadow/schemas";
import type { TNudgeCandidate } from "./candidate";
import {
  countByTemplate,
  decideAll,
  heuristicLogLine,
  nudgeDedupeKey,
  nudgesToPropose,
  runIdOf,
  takeUntilCap,
} from "./tick-plan";

const candidate = (id: string, days: number, o: Partial<TNudgeCandidate["milestone_flags"]> = {}, sent = {}) =>
  ({
    organization_id: id,
    tier: "pro",
    days_since_signup: days,
    milestone_flags: {
      welcomed: true,
      screen_paired: false,
      content_uploaded: false,
      playlist_created: false,
      schedule_created: false,
      ...o,
    },
    nudges_sent: { day1: false, day3: false, day7: false, ...sent },
  }) satisfies TNudgeCandidate;

describe("tick plan", () => {
  it("uses epoch seconds of the tick start as run_id", () => {
    expect(runIdOf(new Date("2026-11-21T10:00:00.999Z"))).toBe(1_795_255_200);
  });

  it("writes a heuristic row in the spec shape with the reference decision and no other keys", () => {
    const [d] = decideAll([candidate("org-1", 1, {}, { day1: true })]);
    const line = heuristicLogLine(d!, 42, "2026-11-21T10:00:00.000Z");
    const row = JSON.parse(line) as Record<string, unknown>;
    expect(Object.keys(row)).toEqual([
      "timestamp",
      "run_id",
      "organization_id",
      "tier",
      "days_since_signup",
      "heuristic_template",
      "heuristic_action",
      "heuristic_reason",
      "input_signals",
    ]);
    // The reference heuristic ignores nudges_sent: the row still says day1.
    expect(row).toMatchObject({
      run_id: 42,
      organization_id: "org-1",
      heuristic_template: "day1-pair-screen",
      heuristic_action: "send_nudge",
      heuristic_reason: "no screen paired after day 1",
      input_signals: { milestone_flags: { welcomed: true, screen_paired: false } },
    });
    expect(Object.keys(row.input_signals as object)).toEqual(["milestone_flags"]);
    expect(line).not.toContain("\n");
    expect(checkHeuristicRow(row).ok).toBe(true);
  });

  it("proposes send-aware nudges only, skipping known keys, in candidate order", () => {
    const decisions = decideAll([
      candidate("a", 1), // day1
      candidate("b", 1, {}, { day1: true }), // already sent → none
      candidate("c", 3), // day3
      candidate("d", 5), // none
      candidate("e", 8), // day7, but a proposal is known
      candidate("f", 30), // auto_complete, not a nudge
    ]);
    const known = new Set([nudgeDedupeKey("e", "day7-create-schedule")]);
    expect(nudgesToPropose(decisions, known)).toEqual([
      { accountId: "a", template: "day1-pair-screen", reason: "no screen paired after day 1" },
      { accountId: "c", template: "day3-upload-content", reason: "no content uploaded after day 3" },
    ]);
    expect(countByTemplate(decisions)).toEqual({
      "day1-pair-screen": 2,
      "day3-upload-content": 1,
      "day7-create-schedule": 1,
      none: 2,
    });
  });

  it("stops at the cap of created proposals; refusals do not count against it", async () => {
    const tried: number[] = [];
    const r = await takeUntilCap([1, 2, 3, 4, 5, 6], 2, async (n) => {
      tried.push(n);
      return n !== 1; // the first is refused (already proposed)
    });
    expect(r).toEqual({ created: 2, skippedByCap: 3 });
    expect(tried).toEqual([1, 2, 3]);
    expect(await takeUntilCap([1, 2], 5, async () => true)).toEqual({ created: 2, skippedByCap: 0 });
    expect(await takeUntilCap([1, 2], 0, async () => true)).toEqual({ created: 0, skippedByCap: 2 });
  });
});
