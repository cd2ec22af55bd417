import { describe, expect, it } from "vitest";
import { mayManagePlan, mayMoveTask } from "./access";

const founder = { id: "f", role: "founder" as const };
const csm = { id: "c1", role: "csm" as const };
const analyst = { id: "a", role: "analyst" as const };
const agent = { id: "token:x", role: "analyst" as const, scopes: ["customer:write"] };

describe("mayMoveTask", () => {
  it("lets a CSM move their own tasks and unassigned tasks of accounts they own, nothing else", () => {
    expect(mayMoveTask(csm, { csmId: "c1", accountCsmId: "c2" })).toBe(true);
    expect(mayMoveTask(csm, { csmId: null, accountCsmId: "c1" })).toBe(true);
    expect(mayMoveTask(csm, { csmId: "c2", accountCsmId: "c1" })).toBe(false);
    expect(mayMoveTask(csm, { csmId: "c2", accountCsmId: "c2" })).toBe(false);
    expect(mayMoveTask(csm, { csmId: null, accountCsmId: null })).toBe(false);
  });
  it("lets founders move any task, and analysts and agents none", () => {
    expect(mayMoveTask(founder, { csmId: "c2", accountCsmId: "c2" })).toBe(true);
    expect(mayMoveTask(analyst, { csmId: "a", accountCsmId: "a" })).toBe(false);
    expect(mayMoveTask(agent, { csmId: null, accountCsmId: null })).toBe(false);
  });
});

describe("mayManagePlan", () => {
  it("lets a CSM manage the plan of accounts they own only; founders any; analysts and agents none", () => {
    expect(mayManagePlan(csm, "c1")).toBe(true);
    expect(mayManagePlan(csm, "c2")).toBe(false);
    expect(mayManagePlan(csm, null)).toBe(false);
    expect(mayManagePlan(founder, "c2")).toBe(true);
    expect(mayManagePlan(founder, null)).toBe(true);
    expect(mayManagePlan(analyst, "a")).toBe(false);
    expect(mayManagePlan(agent, "token:x")).toBe(false);
  });
});
