import { describe, expect, it } from "vitest";
import { allowedManualEvents, validateEvents, statusOf } from "./events";

const t = (m: number) => new Date(Date.UTC(2026, 10, 22, 9, m));

describe("validateEvents", () => {
  it("accepts a full life", () => {
    const r = validateEvents([
      { type: "opened", at: t(0) },
      { type: "escalated", at: t(1) },
      { type: "first_response", at: t(2) },
      { type: "paused", at: t(3) },
      { type: "resumed", at: t(4) },
      { type: "paused", at: t(5) },
      { type: "resolved", at: t(6) },
    ]);
    expect(r.ok && statusOf(r.phase)).toBe("resolved");
  });
  it.each([
    [[{ type: "reopened", at: t(0) }], 0, "unknown_event"],
    [
      [
        { type: "opened", at: t(0) },
        { type: "closed", at: t(1) },
      ],
      1,
      "unknown_event",
    ],
    [[{ type: "first_response", at: t(0) }], 0, "not_opened_first"],
    [
      [
        { type: "opened", at: t(0) },
        { type: "opened", at: t(1) },
      ],
      1,
      "already_opened",
    ],
    [
      [
        { type: "opened", at: t(5) },
        { type: "escalated", at: t(4) },
      ],
      1,
      "before_previous",
    ],
    [
      [
        { type: "opened", at: t(0) },
        { type: "resolved", at: t(1) },
        { type: "escalated", at: t(2) },
      ],
      2,
      "after_resolved",
    ],
    [
      [
        { type: "opened", at: t(0) },
        { type: "first_response", at: t(1) },
        { type: "first_response", at: t(2) },
      ],
      2,
      "already_responded",
    ],
    [
      [
        { type: "opened", at: t(0) },
        { type: "paused", at: t(1) },
        { type: "paused", at: t(2) },
      ],
      2,
      "already_paused",
    ],
    [
      [
        { type: "opened", at: t(0) },
        { type: "resumed", at: t(1) },
      ],
      1,
      "not_paused",
    ],
  ])("refuses %j at %i with %s", (events, index, refusal) => {
    expect(validateEvents(events)).toEqual({ ok: false, index, refusal });
  });
  it("allows events at the same instant and maps status", () => {
    const r = validateEvents([
      { type: "opened", at: t(0) },
      { type: "paused", at: t(0) },
    ]);
    expect(r.ok && statusOf(r.phase)).toBe("waiting_on_customer");
  });
});

describe("allowedManualEvents", () => {
  const now = new Date("2026-12-01T10:00:00Z");
  it("offers pause on a running ticket, resume on a waiting one, a first response only once", () => {
    expect(allowedManualEvents({ status: "open", firstResponseAt: null }, now)).toEqual([
      "paused",
      "escalated",
      "first_response",
      "resolved",
    ]);
    expect(allowedManualEvents({ status: "waiting_on_customer", firstResponseAt: now }, now)).toEqual([
      "resumed",
      "escalated",
      "resolved",
    ]);
  });

  it("offers nothing once resolved", () => {
    expect(allowedManualEvents({ status: "resolved", firstResponseAt: null }, now)).toEqual([]);
  });
});
