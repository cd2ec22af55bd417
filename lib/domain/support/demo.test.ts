import { describe, expect, it } from "vitest";
import { createRandom } from "../seed/random";
import { DEFAULT_CALENDAR } from "./calendar";
import { demoTickets } from "./demo";
import { clockView } from "./types";

describe("demoTickets", () => {
  const now = new Date("2026-11-22T10:00:00+03:00"); // a Sunday morning in Riyadh
  const accounts = [
    { id: "a", locale: "ar" as const },
    { id: "b", locale: "en" as const },
  ];
  const tickets = demoTickets(accounts, 240, createRandom(7, 5), now, DEFAULT_CALENDAR);

  it("covers both languages, every priority and every situation", () => {
    expect(tickets).toHaveLength(240);
    expect(new Set(tickets.map((t) => t.priority))).toEqual(new Set(["P0", "P1", "P2", "P3"]));
    expect(tickets.some((t) => /[\u0600-\u06FF]/.test(t.subject))).toBe(true);
    const views = tickets.map((t) => clockView({ ...t.sla.firstResponse, paused: t.sla.paused }, now));
    for (const v of ["breached", "near", "met", "met_late"]) expect(views).toContain(v);
    expect(tickets.filter((t) => t.status === "waiting_on_customer").length).toBeGreaterThan(0);
    expect(tickets.filter((t) => t.status === "resolved").length).toBeGreaterThan(0);
  });

  it("is deterministic and never stores events after now", () => {
    const again = demoTickets(accounts, 240, createRandom(7, 5), now, DEFAULT_CALENDAR);
    expect(again.map((t) => t.receivedAt.getTime())).toEqual(tickets.map((t) => t.receivedAt.getTime()));
    expect(tickets.every((t) => t.events.every((e) => e.at.getTime() <= now.getTime()))).toBe(true);
  });
});
