import { describe, expect, it } from "vitest";
import { BLOCKING_KEYS, CONNECTORS, CONNECTOR_COUNT } from "./connectors";
import {
  CONNECTOR_STATES,
  IllegalTransitionError,
  TRANSITIONS,
  allowedFrom,
  assertTransition,
  needsApproval,
} from "./state-machine";
import { summarize } from "./summary";

describe("connectors table", () => {
  it("holds the spec's eleven connectors with mode, phase and blocking", () => {
    expect(CONNECTOR_COUNT).toBe(11);
    expect(CONNECTORS.map((c) => `${c.key}:${c.mode}:${c.phase}:${c.blocking}`)).toEqual([
      "gmail:draft_only:1:false",
      "google_calendar:draft_only:1:false",
      "google_sheets:approved_execute:1:false",
      "moyasar:manual:1:false",
      "whatsapp_cloud:draft_only:1:true",
      "website_forms:approved_execute:1:false",
      "linkedin_lead_forms:ingest_only:2:false",
      "google_business_profile:draft_only:2:false",
      "crm_generic:draft_only:2:false",
      "google_meet:ingest_only:2:false",
      "instagram_graph:ingest_only:3:false",
    ]);
    expect(BLOCKING_KEYS).toEqual(["whatsapp_cloud"]);
  });
});

describe("connector state machine", () => {
  const legal = [
    ["not_started", "configuring"],
    ["configuring", "connected_draft_only"],
    ["configuring", "connected_approved_execute"],
    ["configuring", "failed"],
    ["configuring", "skipped"],
    ["failed", "configuring"],
  ];

  it("allows exactly the spec's six transitions and refuses the other thirty", () => {
    let refused = 0;
    for (const from of CONNECTOR_STATES)
      for (const to of CONNECTOR_STATES) {
        const isLegal = legal.some(([f, t]) => f === from && t === to);
        if (isLegal) expect(() => assertTransition(from, to)).not.toThrow();
        else {
          expect(() => assertTransition(from, to)).toThrow(IllegalTransitionError);
          refused += 1;
        }
      }
    expect(refused).toBe(36 - 6);
    expect(Object.values(TRANSITIONS).flat()).toHaveLength(6);
  });

  it("names both states in the error, including unknown ones and self-loops", () => {
    expect(() => assertTransition("not_started", "connected_draft_only")).toThrow(
      'connector cannot move from "not_started" to "connected_draft_only"',
    );
    expect(() => assertTransition("skipped", "skipped")).toThrow('from "skipped" to "skipped"');
    try {
      assertTransition("bogus", "configuring");
    } catch (e) {
      expect(e).toMatchObject({ from: "bogus", to: "configuring" });
    }
    expect(() => assertTransition("bogus", "configuring")).toThrow(IllegalTransitionError);
  });

  it("gates only approved-execute behind approval; terminal states allow nothing", () => {
    expect(CONNECTOR_STATES.filter(needsApproval)).toEqual(["connected_approved_execute"]);
    expect(allowedFrom("skipped")).toEqual([]);
    expect(allowedFrom("connected_draft_only")).toEqual([]);
    expect(allowedFrom("failed")).toEqual(["configuring"]);
  });
});

describe("connector summary", () => {
  it("treats missing rows as not started: nothing connected, blocking missing, not ready", () => {
    const s = summarize({});
    expect(s).toMatchObject({ connected: 0, connectedPercent: 0, blockingMissing: ["whatsapp_cloud"] });
    expect(s.byState.not_started).toBe(11);
    expect(s.readyForFirstService).toBe(false);
  });

  it("is ready with the blocking connector connected in either mode", () => {
    expect(summarize({ whatsapp_cloud: "connected_draft_only" })).toMatchObject({
      connected: 1,
      connectedPercent: 9.1,
      blockingMissing: [],
      readyForFirstService: true,
    });
    expect(summarize({ whatsapp_cloud: "connected_approved_execute" }).readyForFirstService).toBe(true);
  });

  it("counts a skipped blocking connector as missing, however much else is connected", () => {
    const s = summarize({
      whatsapp_cloud: "skipped",
      gmail: "connected_draft_only",
      website_forms: "connected_approved_execute",
    });
    expect(s).toMatchObject({ connected: 2, connectedPercent: 18.2, blockingMissing: ["whatsapp_cloud"] });
    expect(s.readyForFirstService).toBe(false);
    expect(summarize({ whatsapp_cloud: "failed" }).blockingMissing).toEqual(["whatsapp_cloud"]);
    expect(summarize({ whatsapp_cloud: "configuring" }).readyForFirstService).toBe(false);
  });

  it("counts every state and reaches 100% with all eleven connected", () => {
    const all = Object.fromEntries(CONNECTORS.map((c) => [c.key, "connected_draft_only"]));
    expect(summarize(all)).toMatchObject({ connected: 11, connectedPercent: 100, readyForFirstService: true });
    const mixed = summarize({ gmail: "failed", moyasar: "skipped", crm_generic: "configuring" });
    expect(mixed.byState).toEqual({
      not_started: 8,
      configuring: 1,
      connected_draft_only: 0,
      connected_approved_execute: 0,
      failed: 1,
      skipped: 1,
    });
  });

  it("throws on unknown connectors and states instead of miscounting", () => {
    expect(() => summarize({ telegram: "configuring" })).toThrow('unknown connector "telegram"');
    expect(() => summarize({ gmail: "connected" })).toThrow('unknown connector state "connected"');
  });
});
