import { describe, expect, it } from "vitest";
import { addMonths, calendarDay, weekStart } from "./dates";
import { canMoveTask, ZSavePlan } from "./plan";
import { alertDueDate, planTasks, type TPlanSchedule } from "./schedule";

const plan = (o: Partial<TPlanSchedule> = {}): TPlanSchedule => ({
  accountId: "a",
  ownerCsmId: "c",
  active: true,
  types: ["weekly_check_in"],
  anchorDate: "2026-11-01",
  contractEnd: null,
  severity: null,
  ...o,
});
const dates = (p: TPlanSchedule, today: string, horizon?: number) =>
  planTasks(p, today, horizon).map((t) => `${t.type}@${t.dueDate}`);

describe("planTasks", () => {
  it("weekly dates count from the anchor, from today to the horizon", () => {
    expect(dates(plan(), "2026-11-10", 14)).toEqual(["weekly_check_in@2026-11-15", "weekly_check_in@2026-11-22"]);
    // Today is an occurrence: included.
    expect(dates(plan(), "2026-11-08", 0)).toEqual(["weekly_check_in@2026-11-08"]);
  });

  it("is deterministic and regenerating on a later day repeats the same dates (no drift)", () => {
    const p = plan({ types: ["weekly_check_in", "monthly_proof_review"] });
    expect(planTasks(p, "2026-11-21")).toEqual(planTasks(p, "2026-11-21"));
    const first = new Set(dates(p, "2026-11-21"));
    const later = dates(p, "2026-11-25");
    expect(later.filter((d) => d <= "z" && !first.has(d)).every((d) => d.split("@")[1]! > "2026-12-26")).toBe(true);
  });

  it("never schedules before the anchor", () => {
    expect(dates(plan({ anchorDate: "2026-12-01" }), "2026-11-21", 9)).toEqual([]);
    expect(dates(plan({ anchorDate: "2026-12-01" }), "2026-11-21", 10)).toEqual(["weekly_check_in@2026-12-01"]);
  });

  it("monthly and quarterly occurrences clamp to the month's end without drifting", () => {
    const p = plan({ anchorDate: "2026-01-31", types: ["monthly_proof_review"] });
    expect(dates(p, "2026-02-01", 60)).toEqual(["monthly_proof_review@2026-02-28", "monthly_proof_review@2026-03-31"]);
    const q = plan({ anchorDate: "2026-01-15", types: ["quarterly_business_review"] });
    expect(dates(q, "2026-03-01", 140)).toEqual([
      "quarterly_business_review@2026-04-15",
      "quarterly_business_review@2026-07-15",
    ]);
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2026-11-30", 3)).toBe("2027-02-28");
  });

  it("renewal tasks fall 30 and 7 days before the contract end, also when already overdue", () => {
    const p = plan({ types: ["renewal_30_day", "renewal_7_day"], contractEnd: "2027-01-05" });
    expect(dates(p, "2026-11-21")).toEqual(["renewal_30_day@2026-12-06"]);
    expect(dates(p, "2026-12-20")).toEqual(["renewal_30_day@2026-12-06", "renewal_7_day@2026-12-29"]);
    expect(dates(p, "2027-01-05")).toHaveLength(2);
    // The contract has ended, or there is none: nothing.
    expect(dates(p, "2027-01-06")).toEqual([]);
    expect(dates(plan({ types: ["renewal_7_day"] }), "2026-11-21")).toEqual([]);
    // The horizon edge: 35 days ahead is in, 36 is not yet.
    expect(dates(p, "2026-10-31", 35)).toEqual([]);
    expect(dates(p, "2026-11-01", 35)).toEqual(["renewal_30_day@2026-12-06"]);
  });

  it("the at-risk alert is one per Friday–Thursday window, only while severity is high", () => {
    const p = plan({ types: ["at_risk_alert"], severity: "high" });
    // 2026-11-19 is a Thursday, 11-20 Friday, 11-26 Thursday.
    expect(alertDueDate("2026-11-19")).toBe("2026-11-19");
    expect(alertDueDate("2026-11-20")).toBe("2026-11-26");
    expect(alertDueDate("2026-11-26")).toBe("2026-11-26");
    expect(dates(p, "2026-11-22")).toEqual(["at_risk_alert@2026-11-26"]);
    expect(dates({ ...p, severity: "medium" }, "2026-11-22")).toEqual([]);
    expect(dates({ ...p, severity: null }, "2026-11-22")).toEqual([]);
  });

  it("an inactive plan or a negative horizon wants nothing; duplicated types give one series", () => {
    expect(planTasks(plan({ active: false }), "2026-11-21")).toEqual([]);
    expect(planTasks(plan(), "2026-11-21", -1)).toEqual([]);
    const twice = plan({ types: ["weekly_check_in", "weekly_check_in"] });
    expect(planTasks(twice, "2026-11-21")).toEqual(planTasks(plan(), "2026-11-21"));
  });

  it("sorts by due date then type and carries the plan's CSM and source", () => {
    const p = plan({ types: ["renewal_7_day", "weekly_check_in"], contractEnd: "2026-11-29" });
    const tasks = planTasks(p, "2026-11-21", 8);
    expect(tasks.map((t) => [t.dueDate, t.type, t.source])).toEqual([
      ["2026-11-22", "renewal_7_day", "renewal"],
      ["2026-11-22", "weekly_check_in", "cadence"],
      ["2026-11-29", "weekly_check_in", "cadence"],
    ]);
    expect(tasks.every((t) => t.csmId === "c" && t.accountId === "a")).toBe(true);
  });
});

describe("dates", () => {
  it("calendarDay uses the team's time zone, weekStart is the Sunday", () => {
    const lateUtc = new Date("2026-11-21T22:30:00Z"); // already the 22nd in Riyadh (UTC+3)
    expect(calendarDay(lateUtc, "Asia/Riyadh")).toBe("2026-11-22");
    expect(calendarDay(lateUtc, "UTC")).toBe("2026-11-21");
    expect(weekStart("2026-11-21")).toBe("2026-11-15");
    expect(weekStart("2026-11-15")).toBe("2026-11-15");
  });
});

describe("plan input and task transitions", () => {
  const ok = {
    account_id: "7b0b5e0e-7c1e-4a39-9a49-1d0c1f1e2a3b",
    owner_csm_id: "8b0b5e0e-7c1e-4a39-9a49-1d0c1f1e2a3b",
    anchor_date: "2026-11-21",
    types: ["weekly_check_in"],
  };
  it("accepts a valid plan and refuses empty, duplicated, unknown types and impossible dates", () => {
    expect(ZSavePlan.safeParse(ok).success).toBe(true);
    expect(ZSavePlan.safeParse({ ...ok, types: [] }).success).toBe(false);
    expect(ZSavePlan.safeParse({ ...ok, types: ["weekly_check_in", "weekly_check_in"] }).success).toBe(false);
    expect(ZSavePlan.safeParse({ ...ok, types: ["daily_hug"] }).success).toBe(false);
    expect(ZSavePlan.safeParse({ ...ok, anchor_date: "2026-02-30" }).success).toBe(false);
    expect(ZSavePlan.safeParse({ ...ok, anchor_date: "21/11/2026" }).success).toBe(false);
  });
  it("open → done | skipped once; decided tasks stay decided", () => {
    expect(canMoveTask("open", "done")).toBe(true);
    expect(canMoveTask("open", "skipped")).toBe(true);
    expect(canMoveTask("done", "skipped")).toBe(false);
    expect(canMoveTask("skipped", "open")).toBe(false);
    expect(canMoveTask("done", "done")).toBe(false);
  });
});
