import { describe, expect, it } from "vitest";
import { HEARTBEAT_REASONING } from "./codes";
import { checkLifecycleFields, checkLogName, MAX_LINE_BYTES, prepareLogRow } from "./log-row";
import { checkShadowRow } from "./schemas";

const now = new Date("2026-11-21T04:05:06.789Z");

const row = () => ({
  organization_id: "org-1",
  tier: "pro",
  days_since_signup: 2,
  hermes_template: "day1-pair-screen",
  hermes_reasoning: "no screen paired yet",
  input_signals: {
    milestone_flags: {
      welcomed: true,
      screen_paired: false,
      content_uploaded: false,
      playlist_created: false,
      schedule_created: false,
    },
    nudges_sent: { day1: false, day3: false, day7: false },
  },
});

const heartbeat = () => ({
  organization_id: null,
  tier: null,
  days_since_signup: null,
  hermes_template: null,
  hermes_reasoning: HEARTBEAT_REASONING,
  input_signals: null,
});

const errorOf = (fields: unknown) => {
  const r = checkLifecycleFields(fields);
  if (r.ok) throw new Error("expected a rejection");
  return r.error;
};

describe("checkLogName", () => {
  it("accepts the allowlist only", () => {
    expect(checkLogName("customer-lifecycle-shadow").ok).toBe(true);
    expect(checkLogName("customer-lifecycle-live").ok).toBe(true);
  });
  it.each([
    "customer-lifecycle-heuristic",
    "../etc/passwd",
    "customer-lifecycle-shadow/../x",
    "a/b",
    "x\\y",
    "",
    7,
    null,
  ])("rejects %j as invalid input", (name) => {
    const r = checkLogName(name);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: "invalid_input", key: "log_name" });
  });
});

describe("checkLifecycleFields", () => {
  it("accepts a decision row and returns only the six keys, in order", () => {
    const r = checkLifecycleFields({ ...row(), timestamp: "sent", run_id: "sent" });
    expect(r.ok).toBe(true);
    if (r.ok) expect(Object.keys(r.value)).toEqual(Object.keys(row()));
  });
  it("accepts a heartbeat row", () => {
    expect(checkLifecycleFields(heartbeat())).toEqual({ ok: true, value: heartbeat() });
  });
  it.each([null, [], "x", 3, true])("rejects fields that are not an object: %j", (f) => {
    expect(errorOf(f).key).toBe("fields");
  });
  it("names an extra key", () => {
    expect(errorOf({ ...row(), email: "a@b.c" })).toMatchObject({
      key: "fields.email",
      message: "fields.email: unknown key",
    });
  });
  it("names a missing key", () => {
    const { tier: _tier, ...rest } = row();
    expect(errorOf(rest).key).toBe("fields.tier");
  });
  it.each([
    ["organization_id", 5],
    ["organization_id", ""],
    ["organization_id", null],
    ["tier", "gold"],
    ["days_since_signup", -1],
    ["days_since_signup", 1.5],
    ["days_since_signup", "3"],
    ["hermes_template", "day2-anything"],
    ["hermes_reasoning", 4],
    ["hermes_reasoning", "x".repeat(121)],
    ["input_signals", []],
  ])("names the mistyped key %s = %j", (key, value) => {
    expect(errorOf({ ...row(), [key]: value }).key).toBe(`fields.${key}`);
  });
  it("accepts 120 characters of reasoning, counted as characters", () => {
    expect(checkLifecycleFields({ ...row(), hermes_reasoning: "ش".repeat(120) }).ok).toBe(true);
  });
  it("names nested keys: extra, missing and mistyped flags", () => {
    const r = row();
    expect(errorOf({ ...r, input_signals: { ...r.input_signals, extra: 1 } }).key).toBe("fields.input_signals.extra");
    expect(errorOf({ ...r, input_signals: { milestone_flags: r.input_signals.milestone_flags } }).key).toBe(
      "fields.input_signals.nudges_sent",
    );
    const flags = { ...r.input_signals.milestone_flags, screen_paired: "no" };
    expect(errorOf({ ...r, input_signals: { ...r.input_signals, milestone_flags: flags } }).key).toBe(
      "fields.input_signals.milestone_flags.screen_paired",
    );
    const sent = { day1: true, day3: false };
    expect(errorOf({ ...r, input_signals: { ...r.input_signals, nudges_sent: sent } }).key).toBe(
      "fields.input_signals.nudges_sent.day7",
    );
  });
  it("rejects a heartbeat with any other value set, or with other reasoning", () => {
    expect(errorOf({ ...heartbeat(), tier: "pro" }).key).toBe("fields.organization_id");
    expect(errorOf({ ...heartbeat(), hermes_reasoning: "nothing to do" }).key).toBe("fields.organization_id");
  });
});

describe("prepareLogRow", () => {
  it("sets timestamp and run_id, overriding the agent's, and writes a line the report reads", () => {
    const r = prepareLogRow("customer-lifecycle-shadow", { ...row(), timestamp: "x", run_id: "y" }, now);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.timestamp).toBe("2026-11-21T04:05:06.789Z");
    expect(r.value.run_id).toBe(String(Math.floor(now.getTime() / 1000)));
    expect(r.value.line.endsWith("\n")).toBe(true);
    const parsed = JSON.parse(r.value.line) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(["timestamp", "run_id", ...Object.keys(row())]);
    expect(parsed).toMatchObject({ timestamp: r.value.timestamp, run_id: r.value.run_id });
    expect(checkShadowRow(parsed).ok).toBe(true);
    const hb = prepareLogRow("customer-lifecycle-live", heartbeat(), now);
    expect(hb.ok && checkShadowRow(JSON.parse(hb.value.line)).ok).toBe(true);
  });
  it("rejects a line over 4096 bytes with its size, and accepts one of exactly 4096", () => {
    const base = prepareLogRow("customer-lifecycle-shadow", { ...row(), organization_id: "" + "o" }, now);
    if (!base.ok) throw new Error("base row");
    const fits = "o".repeat(1 + MAX_LINE_BYTES - base.value.bytes);
    const exact = prepareLogRow("customer-lifecycle-shadow", { ...row(), organization_id: fits }, now);
    expect(exact.ok && exact.value.bytes).toBe(MAX_LINE_BYTES);
    const over = prepareLogRow("customer-lifecycle-shadow", { ...row(), organization_id: `${fits}o` }, now);
    expect(over.ok).toBe(false);
    if (!over.ok) {
      expect(over.error.code).toBe("payload_too_large");
      expect(over.error.message).toContain(`${MAX_LINE_BYTES + 1} bytes`);
    }
  });
  it("checks the log name before the fields", () => {
    const r = prepareLogRow("../x", null, now);
    expect(!r.ok && r.error.key).toBe("log_name");
  });
});

describe("control characters (issue 10)", () => {
  it("refuses NUL, CR/LF and other controls in the organization id and the reasoning, naming the key", () => {
    expect(errorOf({ ...row(), organization_id: "org\u0000" })).toMatchObject({ key: "fields.organization_id" });
    expect(errorOf({ ...row(), hermes_reasoning: 'line\r\n{"forged":1}' })).toMatchObject({
      key: "fields.hermes_reasoning",
    });
    expect(errorOf({ ...row(), hermes_reasoning: "bell\u0007" }).message).toContain("control characters");
    expect(checkLifecycleFields({ ...row(), hermes_reasoning: "لا شاشة بعد — no screen yet" }).ok).toBe(true);
  });
});
