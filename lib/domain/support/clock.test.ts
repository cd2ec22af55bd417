import { describe, expect, it } from "vitest";
import { DEFAULT_CALENDAR } from "./calendar";
import { computeSla } from "./clock";
import type { TTicketEvent, TTicketEventType } from "./events";

const MIN = 60_000;
const H = 60 * MIN;
const riyadh = (local: string) => new Date(`${local}+03:00`);
const ev = (type: TTicketEventType, local: string): TTicketEvent => ({ type, at: riyadh(local) });

describe("computeSla", () => {
  it("exact target is not a breach; one millisecond more is (P0, 30 min)", () => {
    const opened = ev("opened", "2026-11-20T03:00:00"); // Friday night: P0 ignores the calendar
    const exact = computeSla(
      "P0",
      [opened, ev("first_response", "2026-11-20T03:30:00")],
      DEFAULT_CALENDAR,
      riyadh("2026-11-20T05:00:00"),
    );
    expect(exact.firstResponse).toMatchObject({ elapsedMs: 30 * MIN, breached: false });
    const late = computeSla(
      "P0",
      [opened, { type: "first_response", at: new Date(riyadh("2026-11-20T03:30:00").getTime() + 1) }],
      DEFAULT_CALENDAR,
      riyadh("2026-11-20T05:00:00"),
    );
    expect(late.firstResponse.breached).toBe(true);
  });
  it("P0 runs 24/7: due 30 min and 4 h after opening, on a weekend too", () => {
    const s = computeSla("P0", [ev("opened", "2026-11-20T22:00:00")], DEFAULT_CALENDAR, riyadh("2026-11-20T22:10:00"));
    expect(s.firstResponse.dueAt).toEqual(riyadh("2026-11-20T22:30:00"));
    expect(s.resolution.dueAt).toEqual(riyadh("2026-11-21T02:00:00"));
    expect(s.firstResponse.nearAt).toEqual(riyadh("2026-11-20T22:24:00"));
  });
  it("P2 follows business hours: opened Thursday 16:30 → first response due Sunday 16:30", () => {
    const s = computeSla("P2", [ev("opened", "2026-11-19T16:30:00")], DEFAULT_CALENDAR, riyadh("2026-11-21T12:00:00"));
    expect(s.firstResponse.dueAt).toEqual(riyadh("2026-11-22T16:30:00"));
    expect(s.firstResponse.elapsedMs).toBe(30 * MIN);
    expect(s.firstResponse.breached).toBe(false);
  });
  it("pauses do not count and push the due time", () => {
    const events = [
      ev("opened", "2026-11-22T09:00:00"),
      ev("paused", "2026-11-22T10:00:00"),
      ev("resumed", "2026-11-22T12:00:00"),
    ];
    const s = computeSla("P1", events, DEFAULT_CALENDAR, riyadh("2026-11-22T12:30:00"));
    expect(s.firstResponse.elapsedMs).toBe(90 * MIN);
    expect(s.firstResponse.dueAt).toEqual(riyadh("2026-11-22T13:00:00"));
    const paused = computeSla("P1", events.slice(0, 2), DEFAULT_CALENDAR, riyadh("2026-11-22T16:00:00"));
    expect(paused).toMatchObject({ paused: true });
    expect(paused.firstResponse).toMatchObject({ elapsedMs: H, dueAt: null, breached: false });
  });
  it("near breach at 80 % of the target, not before, and not once breached", () => {
    const opened = [ev("opened", "2026-11-22T09:00:00")];
    const at = (local: string) => computeSla("P1", opened, DEFAULT_CALENDAR, riyadh(local)).firstResponse;
    expect(at("2026-11-22T10:35:00").nearBreach).toBe(false); // 95 min < 96
    expect(at("2026-11-22T10:36:00").nearBreach).toBe(true); // 96 min = 80 % of 2 h
    expect(at("2026-11-22T11:00:00")).toMatchObject({ nearBreach: true, breached: false });
    expect(at("2026-11-22T11:00:01")).toMatchObject({ nearBreach: false, breached: true });
  });
  it("unknown priority uses P3 targets", () => {
    const s = computeSla("P9", [ev("opened", "2026-11-22T09:00:00")], DEFAULT_CALENDAR, riyadh("2026-11-22T09:00:00"));
    expect(s.firstResponse.targetMs).toBe(24 * H);
    expect(s.resolution.targetMs).toBe(7 * 24 * H);
  });
  it("a met clock stops counting; resolution without a response also answers the first response", () => {
    const s = computeSla(
      "P2",
      [ev("opened", "2026-11-22T09:00:00"), ev("resolved", "2026-11-22T11:00:00")],
      DEFAULT_CALENDAR,
      riyadh("2026-12-30T09:00:00"),
    );
    expect(s.firstResponse).toMatchObject({ elapsedMs: 2 * H, breached: false, dueAt: null });
    expect(s.resolution).toMatchObject({ elapsedMs: 2 * H, breached: false, metAt: riyadh("2026-11-22T11:00:00") });
  });
  it("a late response keeps the due time it missed", () => {
    const s = computeSla(
      "P1",
      [ev("opened", "2026-11-22T09:00:00"), ev("first_response", "2026-11-22T12:00:00")],
      DEFAULT_CALENDAR,
      riyadh("2026-11-22T13:00:00"),
    );
    expect(s.firstResponse).toMatchObject({ breached: true, dueAt: riyadh("2026-11-22T11:00:00") });
  });
  it("ignores events after `at`", () => {
    const s = computeSla(
      "P1",
      [ev("opened", "2026-11-22T09:00:00"), ev("first_response", "2026-11-22T12:00:00")],
      DEFAULT_CALENDAR,
      riyadh("2026-11-22T10:00:00"),
    );
    expect(s.firstResponse).toMatchObject({ metAt: null, elapsedMs: H });
  });
});
