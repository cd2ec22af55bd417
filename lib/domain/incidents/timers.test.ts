import { describe, expect, it } from "vitest";
import { incidentTimers, updateOverdue, type TTimerInput } from "./timers";

const opened = new Date("2026-11-21T10:00:00Z");
const at = (min: number) => new Date(opened.getTime() + min * 60_000);
const base: TTimerInput = {
  severity: "SEV1",
  status: "open",
  openedAt: opened,
  firstActionAt: null,
  lastUpdateAt: null,
  mitigatedAt: null,
  closedAt: null,
  leak: false,
  leakNotifiedAt: null,
};

describe("incident timers", () => {
  it.each([
    ["SEV1", 15],
    ["SEV2", 30],
    ["SEV3", 120],
  ] as const)("%s first action is due after %i minutes; exactly at the edge is not overdue", (severity, min) => {
    const t = (now: Date) => incidentTimers({ ...base, severity }, now).firstAction;
    expect(t(at(min)).dueAt).toEqual(at(min));
    expect(t(at(min)).overdue).toBe(false);
    expect(t(new Date(at(min).getTime() + 1)).overdue).toBe(true);
  });

  it.each([
    ["SEV1", 30],
    ["SEV2", 60],
    ["SEV3", 240],
  ] as const)("%s updates are due every %i minutes from the last one", (severity, every) => {
    const i = { ...base, severity, firstActionAt: at(5), lastUpdateAt: at(20) };
    const due = at(20 + every);
    expect(incidentTimers(i, due).nextUpdate).toMatchObject({ dueAt: due, overdue: false });
    expect(incidentTimers(i, new Date(due.getTime() + 1)).nextUpdate?.overdue).toBe(true);
  });

  it("a first action done late is not overdue any more; the cadence runs from it", () => {
    const i = { ...base, firstActionAt: at(40) };
    const t = incidentTimers(i, at(60));
    expect(t.firstAction).toMatchObject({ done: true, overdue: false });
    expect(t.nextUpdate?.dueAt).toEqual(at(70));
    expect(updateOverdue(t)).toBe(false);
    expect(updateOverdue(incidentTimers(i, at(71)))).toBe(true);
  });

  it("a re-triage to a lower severity stretches the cadence from the same anchors", () => {
    const i = { ...base, firstActionAt: at(5) };
    expect(incidentTimers(i, at(36)).nextUpdate?.overdue).toBe(true);
    expect(incidentTimers({ ...i, severity: "SEV3" }, at(36)).nextUpdate?.overdue).toBe(false);
  });

  it("a closed incident owes no updates", () => {
    expect(incidentTimers({ ...base, status: "closed", closedAt: at(10) }, at(500)).nextUpdate).toBeNull();
  });

  it("a data leak has a 72-hour notification countdown that stops when notified", () => {
    const leak = { ...base, leak: true };
    expect(incidentTimers(base, at(0)).leakNotification).toBeNull();
    const t = incidentTimers(leak, at(60));
    expect(t.leakNotification?.dueAt).toEqual(at(72 * 60));
    expect(t.leakNotification?.remainingMs).toBe(71 * 3_600_000);
    expect(incidentTimers(leak, at(72 * 60)).leakNotification?.overdue).toBe(false);
    expect(incidentTimers(leak, new Date(at(72 * 60).getTime() + 1)).leakNotification?.overdue).toBe(true);
    expect(incidentTimers({ ...leak, leakNotifiedAt: at(100) }, at(80 * 60)).leakNotification).toMatchObject({
      done: true,
      overdue: false,
    });
  });

  it("the post-mortem is due 24 h (SEV1) or 48 h (SEV2) after mitigation; SEV3 has none", () => {
    expect(incidentTimers({ ...base, mitigatedAt: at(60) }, at(61)).postmortem?.dueAt).toEqual(at(60 + 24 * 60));
    expect(
      incidentTimers({ ...base, severity: "SEV2", closedAt: at(60), status: "closed" }, at(61)).postmortem?.dueAt,
    ).toEqual(at(60 + 48 * 60));
    expect(incidentTimers({ ...base, severity: "SEV3", mitigatedAt: at(60) }, at(61)).postmortem).toBeNull();
    expect(incidentTimers(base, at(61)).postmortem).toBeNull();
  });
});
