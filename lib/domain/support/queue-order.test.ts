import { describe, expect, it } from "vitest";
import { compareQueue, queueKey, RESOLVED_RANK, type TQueueFields } from "./queue-order";

const H = 3_600_000;
const NOW = new Date("2026-12-04T10:00:00Z").getTime();
const at = (hoursFromNow: number) => new Date(NOW + hoursFromNow * H);

let n = 0;
/** An open, unanswered ticket received an hour ago; override what a case needs. */
function ticket(o: Partial<TQueueFields> & { label: string }): TQueueFields & { label: string } {
  n += 1;
  return {
    id: `00000000-0000-4000-a000-${String(n).padStart(12, "0")}`,
    status: "open",
    priority: "P3",
    receivedAt: at(-1),
    resolvedAt: null,
    firstResponseAt: null,
    firstResponseDueAt: at(23),
    resolutionDueAt: at(167),
    firstResponseTargetMs: 24 * H,
    firstResponseElapsedMs: 1 * H,
    resolutionTargetMs: 168 * H,
    resolutionElapsedMs: 1 * H,
    ...o,
  };
}
const sorted = (list: ReturnType<typeof ticket>[]) => [...list].sort(compareQueue).map((t) => t.label);

describe("queue order", () => {
  it("puts open tickets by priority P0, P1, P2, P3 before any resolved one", () => {
    const list = [
      ticket({ label: "P3", priority: "P3", firstResponseDueAt: at(-50) }),
      ticket({ label: "resolved P0", priority: "P0", status: "resolved", resolvedAt: at(-1) }),
      ticket({ label: "P1", priority: "P1", firstResponseDueAt: at(5) }),
      ticket({ label: "P0", priority: "P0", firstResponseDueAt: at(100) }),
      ticket({ label: "P2", priority: "P2" }),
    ];
    expect(sorted(list)).toEqual(["P0", "P1", "P2", "P3", "resolved P0"]);
  });

  it("orders within a priority by the longest-passed, then the nearest due time", () => {
    const list = [
      ticket({ label: "due in 3 h", priority: "P0", firstResponseDueAt: at(3) }),
      ticket({ label: "overdue 1 h", priority: "P0", firstResponseDueAt: at(-1) }),
      ticket({ label: "due in 1 h", priority: "P0", firstResponseDueAt: at(1) }),
      ticket({ label: "overdue 9 h", priority: "P0", firstResponseDueAt: at(-9) }),
    ];
    expect(sorted(list)).toEqual(["overdue 9 h", "overdue 1 h", "due in 1 h", "due in 3 h"]);
  });

  it("uses the first-response due time while unanswered, the resolution due time once answered", () => {
    const answered = ticket({
      label: "answered",
      firstResponseAt: at(-0.5),
      firstResponseDueAt: at(-40), // met long ago: no longer what matters
      resolutionDueAt: at(2),
    });
    const unanswered = ticket({ label: "unanswered", firstResponseDueAt: at(4), resolutionDueAt: at(1) });
    expect(queueKey(answered).dueAt).toEqual(at(2));
    expect(queueKey(unanswered).dueAt).toEqual(at(4));
    expect(sorted([unanswered, answered])).toEqual(["answered", "unanswered"]);
  });

  it("puts a ticket waiting on the customer after its priority's running tickets, least time left first", () => {
    const list = [
      ticket({
        label: "P1 paused, 6 h left",
        priority: "P1",
        status: "waiting_on_customer",
        firstResponseDueAt: null,
        firstResponseTargetMs: 8 * H,
        firstResponseElapsedMs: 2 * H,
      }),
      ticket({
        label: "P1 paused, 1 h left",
        priority: "P1",
        status: "waiting_on_customer",
        firstResponseDueAt: null,
        firstResponseTargetMs: 8 * H,
        firstResponseElapsedMs: 7 * H,
      }),
      ticket({ label: "P1 running, due in 20 h", priority: "P1", firstResponseDueAt: at(20) }),
      ticket({ label: "P2 running, overdue", priority: "P2", firstResponseDueAt: at(-5) }),
      ticket({ label: "P1 paused overdue", priority: "P1", status: "waiting_on_customer", firstResponseDueAt: at(-2) }),
    ];
    expect(sorted(list)).toEqual([
      "P1 paused overdue",
      "P1 running, due in 20 h",
      "P1 paused, 1 h left",
      "P1 paused, 6 h left",
      "P2 running, overdue",
    ]);
  });

  it("ranks an unknown priority with P3 (it runs on P3's targets)", () => {
    const odd = ticket({ label: "P9", priority: "P9", firstResponseDueAt: at(1) });
    expect(queueKey(odd).rank).toBe(3);
    expect(
      sorted([ticket({ label: "P3", firstResponseDueAt: at(2) }), odd, ticket({ label: "P2", priority: "P2" })]),
    ).toEqual(["P2", "P9", "P3"]);
  });

  it("orders resolved tickets newest resolution first, whatever their priority or due times", () => {
    const list = [
      ticket({ label: "old", priority: "P0", status: "resolved", resolvedAt: at(-30), firstResponseDueAt: at(-40) }),
      ticket({ label: "new", priority: "P3", status: "resolved", resolvedAt: at(-1) }),
    ];
    expect(queueKey(list[0]!)).toEqual({ rank: RESOLVED_RANK, dueAt: null, leftMs: null });
    expect(sorted(list)).toEqual(["new", "old"]);
  });

  it("breaks ties by oldest received, then id, so it is a total order", () => {
    const a = ticket({ label: "a", receivedAt: at(-5) });
    const b = ticket({ label: "b", receivedAt: at(-2) });
    const c = { ...b, id: "ffffffff-0000-4000-a000-000000000000", label: "c" };
    expect(sorted([c, b, a])).toEqual(["a", "b", "c"]);
    expect(compareQueue(a, a)).toBe(0);
    expect(Math.sign(compareQueue(b, c))).toBe(-Math.sign(compareQueue(c, b)));
  });
});
