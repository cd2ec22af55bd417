import { describe, expect, it } from "vitest";
import { groupInbox, type TGroupable } from "./grouping";

const t0 = new Date("2026-12-04T09:00:00Z").getTime();
const tick = { type: "system", id: "lifecycle-tick" };
const item = (id: string, kind: string, minutes: number, extra: Partial<TGroupable> = {}): TGroupable => ({
  id,
  kind,
  state: "pending",
  proposer: tick,
  createdAt: new Date(t0 - minutes * 60_000),
  ...extra,
});
const groupable = (kind: string) => kind === "auto_complete" || kind === "nudge_mark_sent";
const shape = (items: TGroupable[]) =>
  groupInbox(items, groupable).map((e) => (e.type === "one" ? e.item.id : e.items.map((i) => i.id)));

describe("inbox grouping", () => {
  it("makes one tick's 44 'complete onboarding' proposals one group, in place", () => {
    const completes = Array.from({ length: 44 }, (_, i) => item(`c${i}`, "auto_complete", 1 + i / 100));
    const entries = groupInbox([item("m", "message", 0), ...completes, item("f", "freeze", 3)], groupable);
    expect(entries.map((e) => e.type)).toEqual(["one", "group", "one"]);
    expect(entries[1]?.type === "group" && entries[1].items).toHaveLength(44);
  });

  it("keeps two ticks apart, and people's proposals, decided ones and other kinds out", () => {
    expect(
      shape([
        item("a1", "auto_complete", 0),
        item("a2", "auto_complete", 1),
        item("b1", "auto_complete", 40),
        item("b2", "auto_complete", 41),
        item("p", "auto_complete", 41, { proposer: { type: "user", id: "u1" } }),
        item("d", "auto_complete", 41, { state: "approved" }),
        item("n", "nudge", 41),
      ]),
    ).toEqual([["a1", "a2"], ["b1", "b2"], "p", "d", "n"]);
  });

  it("shows a lone system proposal as its card", () => {
    expect(shape([item("a", "auto_complete", 0), item("m", "nudge_mark_sent", 0)])).toEqual(["a", "m"]);
  });
});
