import { describe, expect, it } from "vitest";
import { normalizeForSearch } from "../accounts/search";
import { generateDemoData, type TGenerateOptions } from "./generate";
import { createRandom } from "./random";
import { TIERS } from "../accounts/tiers";
import type { TSeedBatch } from "./types";

const NOW = new Date("2026-11-21T09:00:00.000Z");
const DAY = 86_400_000;
const CSMS = ["0b7e8f52-7d7c-4d1e-9a59-0c2b1b1b0001", "0b7e8f52-7d7c-4d1e-9a59-0c2b1b1b0002"];
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function all(options: Partial<TGenerateOptions> = {}): TSeedBatch {
  const out: TSeedBatch = { accounts: [], contacts: [], events: [] };
  for (const b of generateDemoData({ accounts: 300, seed: 7, now: NOW, csmIds: CSMS, ...options })) {
    out.accounts.push(...b.accounts);
    out.contacts.push(...b.contacts);
    out.events.push(...b.events);
  }
  return out;
}

const data = all({ csmEmails: { [CSMS[0] as string]: "csm@demo.test" } });
const ageDays = (d: Date) => Math.floor((NOW.getTime() - d.getTime()) / DAY);

describe("generateDemoData", () => {
  it("is deterministic for a seed and differs for another seed", () => {
    expect(all()).toEqual(all());
    expect(all({ batchSize: 7 })).toEqual(all());
    const other = all({ seed: 8 });
    expect(other.accounts.map((a) => a.id)).not.toEqual(all().accounts.map((a) => a.id));
    expect(other.accounts.map((a) => a.name)).not.toEqual(all().accounts.map((a) => a.name));
  });

  it("yields nothing for zero accounts and rejects bad counts", () => {
    expect([...generateDemoData({ accounts: 0, seed: 1, now: NOW, csmIds: CSMS })]).toEqual([]);
    expect(() => [...generateDemoData({ accounts: -1, seed: 1, now: NOW, csmIds: CSMS })]).toThrow(RangeError);
    expect(() => [...generateDemoData({ accounts: 1.5, seed: 1, now: NOW, csmIds: CSMS })]).toThrow(RangeError);
  });

  it("gives every account one admin contact and unique v4 ids", () => {
    const ids = [...data.accounts, ...data.contacts, ...data.events].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => UUID_V4.test(id))).toBe(true);
    expect(data.contacts.map((c) => c.accountId)).toEqual(data.accounts.map((a) => a.id));
    expect(data.contacts.every((c) => c.role === "admin" && /^[a-z.]+@[a-z0-9-]+\.example$/.test(c.email))).toBe(true);
  });

  it("covers every tier, both locales, several regions and every onboarding day 0..30", () => {
    expect(new Set(data.accounts.map((a) => a.tier))).toEqual(new Set(TIERS));
    expect(new Set(data.accounts.map((a) => a.preferredLocale))).toEqual(new Set(["ar", "en"]));
    expect(new Set(data.accounts.map((a) => a.region)).size).toBeGreaterThan(5);
    const days = new Set(data.accounts.map((a) => ageDays(a.signupAt)));
    for (let day = 0; day <= 30; day++) expect(days.has(day), `day ${day}`).toBe(true);
    expect(data.accounts.every((a) => a.signupAt <= NOW && ageDays(a.signupAt) <= 730)).toBe(true);
    expect(data.accounts.filter((a) => ageDays(a.signupAt) > 365).length).toBeGreaterThan(20);
  });

  it("writes Arabic names for about half the accounts and keeps search_name normalised", () => {
    const arabic = data.accounts.filter((a) => /[\u0600-\u06FF]/.test(a.name));
    expect(arabic.length).toBeGreaterThan(100);
    expect(arabic.length).toBeLessThan(200);
    expect(arabic.filter((a) => a.preferredLocale === "ar").length / arabic.length).toBeGreaterThan(0.75);
    expect(data.accounts.every((a) => a.searchName === normalizeForSearch(a.name))).toBe(true);
  });

  it("has contracts only on paying tiers, some ending within 90 days and some already ended", () => {
    const today = NOW.toISOString().slice(0, 10);
    const in90 = new Date(NOW.getTime() + 90 * DAY).toISOString().slice(0, 10);
    expect(data.accounts.filter((a) => a.tier === "free").every((a) => a.contractEnd === null)).toBe(true);
    const contracts = data.accounts.filter((a) => a.contractStart !== null);
    expect(contracts.every((a) => a.contractEnd !== null && a.contractStart! < a.contractEnd!)).toBe(true);
    expect(contracts.filter((a) => a.contractEnd! >= today && a.contractEnd! <= in90).length).toBeGreaterThan(5);
    expect(contracts.filter((a) => a.contractEnd! < today).length).toBeGreaterThan(0);
  });

  it("makes onboarding plausible for the account's age", () => {
    for (const a of data.accounts) {
      const flags = [a.welcomed, a.screenPaired, a.contentUploaded, a.playlistCreated, a.scheduleCreated];
      // Milestones are reached in order, so the flags are a prefix of trues.
      expect(flags.indexOf(false) === -1 || flags.slice(flags.indexOf(false)).every((f) => !f)).toBe(true);
      expect(a.onboardingCompletedAt !== null).toBe(a.scheduleCreated);
      if (a.onboardingCompletedAt) expect(a.onboardingCompletedAt > a.signupAt).toBe(true);
      if (a.nudgeDay1SentAt) expect(a.nudgeDay1SentAt.getTime()).toBeGreaterThanOrEqual(a.signupAt.getTime() + DAY);
      if (a.nudgeDay3SentAt) expect(a.nudgeDay3SentAt.getTime()).toBeGreaterThanOrEqual(a.signupAt.getTime() + 3 * DAY);
      if (a.nudgeDay7SentAt) expect(a.nudgeDay7SentAt.getTime()).toBeGreaterThanOrEqual(a.signupAt.getTime() + 7 * DAY);
    }
    const old = data.accounts.filter((a) => ageDays(a.signupAt) > 30);
    expect(old.filter((a) => a.onboardingCompletedAt).length / old.length).toBeGreaterThan(0.6);
    const recent = data.accounts.filter((a) => ageDays(a.signupAt) <= 30);
    expect(recent.some((a) => !a.scheduleCreated)).toBe(true);
    expect(recent.some((a) => a.nudgeDay3SentAt)).toBe(true);
    expect(data.accounts.filter((a) => ageDays(a.signupAt) < 1).every((a) => !a.nudgeDay1SentAt)).toBe(true);
  });

  it("assigns accounts to the given CSMs, leaving some unassigned", () => {
    const owners = new Set(data.accounts.map((a) => a.csmId));
    expect(owners).toEqual(new Set([...CSMS, null]));
    expect(all({ csmIds: [] }).accounts.every((a) => a.csmId === null)).toBe(true);
  });

  it("gives each account 3–12 events in time order, from its signup up to now", () => {
    const byAccount = new Map<string, typeof data.events>();
    for (const e of data.events) byAccount.set(e.accountId, [...(byAccount.get(e.accountId) ?? []), e]);
    for (const a of data.accounts) {
      const events = byAccount.get(a.id) ?? [];
      expect(events.length).toBeGreaterThanOrEqual(3);
      expect(events.length).toBeLessThanOrEqual(12);
      expect(events[0]?.type).toBe("signup");
      expect(events[0]?.occurredAt).toEqual(a.signupAt);
      const times = events.map((e) => e.occurredAt.getTime());
      expect(times).toEqual([...times].sort((x, y) => x - y));
      expect(times.every((t) => t >= a.signupAt.getTime() && t <= NOW.getTime())).toBe(true);
      expect(a.lastActivityAt!.getTime()).toBeLessThanOrEqual(NOW.getTime());
    }
    const notes = data.events.filter((e) => e.type === "note");
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.every((e) => e.actor === "csm@demo.test" || e.actor === "system")).toBe(true);
    expect(data.events.every((e) => typeof e.data === "object" && e.summary.length > 0)).toBe(true);
  });
});

describe("createRandom", () => {
  it("repeats a stream for the same seed and separates streams", () => {
    const draw = (seed: number, stream: number) => {
      const random = createRandom(seed, stream);
      return Array.from({ length: 5 }, () => random.next());
    };
    expect(draw(1, 2)).toEqual(draw(1, 2));
    expect(draw(1, 2)).not.toEqual(draw(1, 3));
    expect(draw(1, 2)).not.toEqual(draw(2, 2));
  });

  it("keeps int within bounds and respects weights", () => {
    const random = createRandom(3);
    const ints = Array.from({ length: 1000 }, () => random.int(2, 4));
    expect(new Set(ints)).toEqual(new Set([2, 3, 4]));
    const picks = Array.from({ length: 1000 }, () =>
      random.weighted([
        ["a", 9],
        ["b", 1],
        ["c", 0],
      ] as const),
    );
    expect(picks.filter((p) => p === "a").length).toBeGreaterThan(800);
    expect(picks).not.toContain("c");
  });
});
