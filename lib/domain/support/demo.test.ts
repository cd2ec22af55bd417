import { describe, expect, it } from "vitest";
import { createRandom } from "../seed/random";
import { DEFAULT_CALENDAR } from "./calendar";
import { classify } from "./classify";
import { computeSla } from "./clock";
import { DEMO_TEXTS, demoTickets } from "./demo";
import { PERIOD_DAYS, breachRate, verdictOf } from "./health";
import { PRIORITIES } from "./targets";

const H = 3_600_000;

describe("demoTickets", () => {
  const now = new Date("2026-11-22T10:00:00+03:00"); // a Sunday morning in Riyadh
  const accounts = [
    { id: "a", locale: "ar" as const },
    { id: "b", locale: "en" as const },
  ];
  const tickets = demoTickets(accounts, 240, createRandom(7, 5), now, DEFAULT_CALENDAR);

  /** The health report's rule (lib/data/support-health.ts) over the demo, as of `at`. */
  const rate = (days: number, at: Date) => {
    const inPeriod = tickets.filter(
      (t) => t.receivedAt.getTime() > at.getTime() - days * 86_400_000 && t.receivedAt <= at,
    );
    const breaches = inPeriod.filter((t) => {
      const s = computeSla(t.priority, [{ type: "opened", at: t.receivedAt }, ...t.events], DEFAULT_CALENDAR, at);
      return s.firstResponse.breached || s.resolution.breached;
    }).length;
    return { count: inPeriod.length, breaches, rate: breachRate(breaches, inPeriod.length) };
  };

  it("writes each text so that classify gives the priority it stands for", () => {
    for (const locale of ["ar", "en"] as const)
      for (const p of PRIORITIES)
        for (const [subject, body] of DEMO_TEXTS[locale][p]) expect(classify(subject, body).priority, subject).toBe(p);
  });

  it("covers both languages, every priority and every situation", () => {
    expect(tickets).toHaveLength(240);
    expect(new Set(tickets.map((t) => t.priority))).toEqual(new Set(PRIORITIES));
    expect(new Set(tickets.map((t) => t.situation))).toEqual(
      new Set(["on_time", "late", "running", "waiting", "fresh", "near", "overdue"]),
    );
    expect(tickets.some((t) => /[\u0600-\u06FF]/.test(t.subject))).toBe(true);
    expect(tickets.some((t) => t.situation === "overdue" && t.priority === "P0")).toBe(true);
  });

  it("keeps a realistic record: mostly met, a few breaches, healthy at rest", () => {
    const quarter = rate(PERIOD_DAYS.quarter, now);
    expect(quarter.breaches).toBeGreaterThan(0);
    expect(tickets.filter((t) => t.events.some((e) => e.type === "resolved")).length / tickets.length).toBeGreaterThan(
      0.8,
    );
    for (const period of ["7d", "30d", "quarter"] as const)
      expect(verdictOf(rate(PERIOD_DAYS[period], now).rate), period).toBe("healthy");
    // An hour into a demo nobody works the queue: a fresh P0 may have breached, still not critical.
    expect(["healthy", "watch"]).toContain(verdictOf(rate(PERIOD_DAYS["7d"], new Date(now.getTime() + H)).rate));
  });

  it("is healthy when seeded at any hour of the week, with other seeds too", { timeout: 30_000 }, () => {
    for (const seed of [1, 99])
      for (let hour = 5; hour < 7 * 24; hour += 29) {
        const at = new Date(now.getTime() + hour * H);
        const list = demoTickets(accounts, 240, createRandom(seed, 5), at, DEFAULT_CALENDAR);
        const recent = list.filter((t) => t.receivedAt.getTime() > at.getTime() - 7 * 86_400_000);
        const breached = recent.filter((t) => {
          const s = computeSla(t.priority, [{ type: "opened", at: t.receivedAt }, ...t.events], DEFAULT_CALENDAR, at);
          return s.firstResponse.breached || s.resolution.breached;
        });
        expect(verdictOf(breachRate(breached.length, recent.length)), `seed ${seed} at ${at.toISOString()}`).toBe(
          "healthy",
        );
      }
  });

  it("is deterministic and never stores events after now", () => {
    const again = demoTickets(accounts, 240, createRandom(7, 5), now, DEFAULT_CALENDAR);
    expect(again.map((t) => t.receivedAt.getTime())).toEqual(tickets.map((t) => t.receivedAt.getTime()));
    expect(tickets.every((t) => t.events.every((e) => e.at.getTime() <= now.getTime()))).toBe(true);
  });
});
