import "server-only";
import { z } from "zod";
import { listOnboardingCandidates } from "../../data/onboarding";
import type { TNudgeCandidate } from "../../domain/nudges/candidate";
import { invalidArgs, type TTool } from "../types";

const ZArgs = z.strictObject({
  lookback_days: z.number().int().min(1).max(90).default(30).describe("Signed up within this many days (1..90)."),
  limit: z.number().int().min(1).max(500).default(200).describe("At most this many candidates (1..500)."),
});

// Rebuilt key by key, whatever the data layer returns: unknown keys never leak to an agent.
const project = (c: TNudgeCandidate) => ({
  organization_id: c.organization_id,
  tier: c.tier,
  days_since_signup: c.days_since_signup,
  milestone_flags: {
    welcomed: c.milestone_flags.welcomed,
    screen_paired: c.milestone_flags.screen_paired,
    content_uploaded: c.milestone_flags.content_uploaded,
    playlist_created: c.milestone_flags.playlist_created,
    schedule_created: c.milestone_flags.schedule_created,
  },
  nudges_sent: { day1: c.nudges_sent.day1, day3: c.nudges_sent.day3, day7: c.nudges_sent.day7 },
});

export const listOnboardingCandidatesTool: TTool = {
  name: "list_onboarding_candidates",
  description:
    "Orgs that signed up within `lookback_days` and have not completed onboarding, newest first, with " +
    "their structural signals only (no names, emails or billing). Returns { candidates, total }; " +
    "`total` counts all candidates, `candidates` holds at most `limit`.",
  scope: "customer:read",
  input: ZArgs,
  async run(args, ctx) {
    const parsed = ZArgs.safeParse(args ?? {});
    if (!parsed.success) return invalidArgs(parsed.error);
    const { candidates, total } = await listOnboardingCandidates({
      lookbackDays: parsed.data.lookback_days,
      limit: parsed.data.limit,
      now: ctx.now,
    });
    return { ok: true, data: { candidates: candidates.map(project), total } };
  },
};
