import { describe, expect, it } from "vitest";
import {
  DEFAULT_COOLING_OFF,
  coolingOffMinutes,
  eligibleDeciders,
  remainingMinutes,
  soleApprover,
  type TPerson,
} from "./sole-approver";

const since = new Date("2026-12-04T10:00:00Z");
const at = (minutes: number) => new Date(since.getTime() + minutes * 60_000);
const founder: TPerson = { id: "f1", role: "founder", active: true };
const csm: TPerson = { id: "c1", role: "csm", active: true };
const base = {
  viewer: { id: "f1", role: "founder", agent: false },
  makers: { proposerId: "f1" },
  kind: "unfreeze" as const,
  permission: "proposals:approve" as const,
  since,
  people: [founder, csm],
  coolingOff: DEFAULT_COOLING_OFF,
};

describe("cooling-off", () => {
  it("defaults to 15 minutes for unfreeze and 60 for every other kind", () => {
    expect(coolingOffMinutes("unfreeze", DEFAULT_COOLING_OFF)).toBe(15);
    expect(coolingOffMinutes("freeze", DEFAULT_COOLING_OFF)).toBe(60);
    expect(coolingOffMinutes("message", DEFAULT_COOLING_OFF)).toBe(60);
  });

  it("rounds the time left up to whole minutes and never shows 0", () => {
    expect(remainingMinutes(12 * 60_000)).toBe(12);
    expect(remainingMinutes(11 * 60_000 + 1)).toBe(12);
    expect(remainingMinutes(1)).toBe(1);
  });
});

describe("eligible deciders", () => {
  it("are the active holders of the permission who made nothing of the proposal", () => {
    const people: TPerson[] = [
      founder,
      { id: "f2", role: "founder", active: true },
      { id: "f3", role: "founder", active: false },
      { id: "f4", role: "founder", active: true },
      csm,
      { id: "a1", role: "analyst", active: true },
    ];
    const ids = eligibleDeciders(people, "proposals:approve", { proposerId: "f1", lastEditorId: "f4" }).map(
      (p) => p.id,
    );
    expect(ids).toEqual(["f2"]);
  });
});

describe("sole approver", () => {
  it("lets a sole founder approve their own unfreeze only once the cooling-off has passed", () => {
    expect(soleApprover({ ...base, now: at(3) })).toEqual({
      status: "cooling_off",
      readyAt: at(15),
      remainingMs: 12 * 60_000,
    });
    expect(soleApprover({ ...base, now: at(14.99) }).status).toBe("cooling_off");
    expect(soleApprover({ ...base, now: at(15) })).toEqual({ status: "ready", readyAt: at(15) });
    expect(soleApprover({ ...base, kind: "message", now: at(59) }).status).toBe("cooling_off");
    expect(soleApprover({ ...base, kind: "message", now: at(60) }).status).toBe("ready");
  });

  it("is ready at once when the founders set the cooling-off to 0", () => {
    const zero = { unfreezeMinutes: 0, otherMinutes: 0 };
    expect(soleApprover({ ...base, coolingOff: zero, now: since }).status).toBe("ready");
  });

  it("disappears as soon as a second eligible person exists", () => {
    const people = [...base.people, { id: "f2", role: "founder", active: true }];
    expect(soleApprover({ ...base, people, now: at(600) })).toEqual({ status: "others_can_decide", others: 1 });
  });

  it("comes back when that second founder is disabled", () => {
    const people = [...base.people, { id: "f2", role: "founder", active: false }];
    expect(soleApprover({ ...base, people, now: at(600) }).status).toBe("ready");
  });

  it("does not concern someone who made nothing of the proposal", () => {
    expect(soleApprover({ ...base, viewer: { id: "f2", role: "founder", agent: false }, now: at(600) })).toEqual({
      status: "not_maker",
    });
  });

  it("never lets an agent or a person without the right decide, however long they wait", () => {
    const agent = { id: "tok-1", role: "founder" as const, agent: true };
    expect(soleApprover({ ...base, viewer: agent, makers: { proposerId: "tok-1" }, now: at(6000) }).status).toBe(
      "not_permitted",
    );
    const viewer = { id: "c1", role: "csm", agent: false };
    expect(soleApprover({ ...base, viewer, makers: { proposerId: "c1" }, people: [csm], now: at(6000) }).status).toBe(
      "not_permitted",
    );
  });

  it("treats the founder whose agent token proposed as its maker, with the same exception", () => {
    const makers = { proposerId: "tok-1", proposerTokenCreatorId: "f1" };
    expect(soleApprover({ ...base, kind: "message", makers, now: at(10) }).status).toBe("cooling_off");
    expect(soleApprover({ ...base, kind: "message", makers, now: at(60) }).status).toBe("ready");
  });

  it("counts the cooling-off from the last edit, so an editor cannot approve their own edit at once", () => {
    const makers = { proposerId: "c1", lastEditorId: "f1" };
    const edited = at(100);
    expect(soleApprover({ ...base, kind: "message", makers, since: edited, now: at(101) }).status).toBe("cooling_off");
    expect(soleApprover({ ...base, kind: "message", makers, since: edited, now: at(160) }).status).toBe("ready");
  });
});
