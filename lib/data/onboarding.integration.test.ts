import { beforeAll, describe, expect, it } from "vitest";
import { createAccountAt } from "../../test/lifecycle-accounts";
import { listOnboardingCandidates, pageOnboardingCandidates } from "./onboarding";

// Far from today, so only this file's accounts fall in the windows (see test/lifecycle-accounts.ts).
const NOW = new Date("2010-06-15T12:00:00.000Z");
const ids: Record<string, string> = {};

beforeAll(async () => {
  ids.d0 = await createAccountAt(NOW, { days: 0, tier: "enterprise" });
  ids.d1 = await createAccountAt(NOW, { days: 1, tier: "free", flags: { welcomed: true } });
  ids.d15 = await createAccountAt(NOW, {
    days: 15,
    flags: { screenPaired: true, contentUploaded: true },
    sent: { nudgeDay1SentAt: NOW, nudgeDay7SentAt: NOW },
  });
  ids.d29 = await createAccountAt(NOW, { days: 29, locale: "ar" });
  // Not candidates: past the lookback, onboarding complete, signed up after `now`.
  ids.d30 = await createAccountAt(NOW, { days: 30 });
  ids.done = await createAccountAt(NOW, { days: 5, completedAt: NOW });
  ids.future = await createAccountAt(NOW, { days: -2 });
});

describe(`onboarding candidates on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("lists accounts signed up in the lookback with onboarding open, newest first, in the exact wire shape", async () => {
    const doc = await listOnboardingCandidates({ now: NOW });
    expect(Object.keys(doc).sort()).toEqual(["candidates", "total"]);
    expect(doc.total).toBe(4);
    expect(doc.candidates.map((c) => c.organization_id)).toEqual([ids.d0, ids.d1, ids.d15, ids.d29]);
    expect(doc.candidates.map((c) => c.days_since_signup)).toEqual([0, 1, 15, 29]);
    for (const c of doc.candidates) {
      expect(Object.keys(c)).toEqual(["organization_id", "tier", "days_since_signup", "milestone_flags", "nudges_sent"]);
      expect(Object.keys(c.milestone_flags)).toEqual([
        "welcomed",
        "screen_paired",
        "content_uploaded",
        "playlist_created",
        "schedule_created",
      ]);
      expect(Object.keys(c.nudges_sent)).toEqual(["day1", "day3", "day7"]);
    }
    expect(doc.candidates[0]!.tier).toBe("enterprise");
    expect(doc.candidates[1]).toMatchObject({ tier: "free", milestone_flags: { welcomed: true, screen_paired: false } });
    expect(doc.candidates[2]).toMatchObject({
      milestone_flags: { screen_paired: true, content_uploaded: true, schedule_created: false },
      nudges_sent: { day1: true, day3: false, day7: true },
    });
    // Never names, contacts or e-mail addresses.
    const text = JSON.stringify(doc);
    expect(text).not.toMatch(/Onboarding Test Co|مؤسسة|example\.test|Sam|ريم/);
  });

  it("honours lookback_days and limit; total counts every candidate", async () => {
    expect((await listOnboardingCandidates({ now: NOW, lookbackDays: 10 })).total).toBe(2);
    const first = await listOnboardingCandidates({ now: NOW, limit: 2 });
    expect(first.candidates).toHaveLength(2);
    expect(first.total).toBe(4);
  });

  it("pages through every candidate exactly once", async () => {
    const seen: string[] = [];
    let page = await pageOnboardingCandidates({ now: NOW, limit: 3 });
    seen.push(...page.candidates.map((c) => c.organization_id));
    while (page.next) {
      page = await pageOnboardingCandidates({ now: NOW, limit: 3, after: page.next });
      seen.push(...page.candidates.map((c) => c.organization_id));
    }
    expect(seen).toEqual([ids.d0, ids.d1, ids.d15, ids.d29]);
  });
});
