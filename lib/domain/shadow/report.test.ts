import { describe, expect, it } from "vitest";
import { compareChunks } from "../../shadow/scan/compare-chunks";
import { formatReportText } from "./format-text";
import { heartbeatRow, heuristicRow, shadowRow } from "../../shadow/scan/test-fixtures";

const log = (...lines: string[]) => [new TextEncoder().encode(`${lines.join("\n")}\n`)];

// Heuristic: org A every 30 minutes (day1 nudge at 0 and 30, none at 60); org B: day7 at 0.
const HEURISTIC = log(
  heuristicRow({ org: "A", minute: 0, template: "day1-pair-screen", days: 1, flags: { screen_paired: false } }),
  heuristicRow({ org: "A", minute: 30, template: "day1-pair-screen", days: 1, flags: { screen_paired: false } }),
  heuristicRow({ org: "A", minute: 60, template: "none", days: 1 }),
  heuristicRow({ org: "B", minute: 0, template: "day7-create-schedule", days: 8 }),
);

describe("compareLogs via compareChunks", () => {
  it("classifies agree, disagree, known divergence and unmatched; heartbeats are not decisions", async () => {
    const report = await compareChunks(
      log(
        heartbeatRow(-60),
        // 1: agrees with A@0
        shadowRow({ org: "A", minute: 2, template: "day1-pair-screen", days: 1, flags: { screen_paired: false } }),
        // 2: none vs day1 already sent → known divergence
        shadowRow({ org: "A", minute: 29, template: "none", days: 1, sent: { day1: true } }),
        // 3: none vs day1 not sent → disagree
        shadowRow({ org: "A", minute: 31, template: null, days: 1 }),
        // 4: B, a different nudge → disagree
        shadowRow({ org: "B", minute: 5, template: "day3-upload-content", days: 8 }),
        // 5: C has no heuristic row → unmatched
        shadowRow({ org: "C", minute: 5, template: "none" }),
        heartbeatRow(60),
        heartbeatRow(120),
      ),
      HEURISTIC,
    );
    expect(report).toMatchObject({
      decisions: 5,
      matched: 4,
      agree: 1,
      disagree: 2,
      known_divergence: 1,
      unmatched: 1,
      malformed: 0,
      malformed_lines: [],
      heartbeats: 3,
    });
    expect(report.agreement_pct).toBeCloseTo(100 / 3, 10);
    expect(report.confusion["day1-pair-screen"]!["day1-pair-screen"]).toBe(1);
    expect(report.confusion.none!["day1-pair-screen"]).toBe(1);
    expect(report.confusion["day3-upload-content"]!["day7-create-schedule"]).toBe(1);
    expect(report.known_divergence_by_template["day1-pair-screen"]).toBe(1);
    // 3 heartbeats over 3 hours: 2 intervals / 3 h
    expect(report.firing_rate_per_hour).toBeCloseTo(2 / 3, 10);
    expect(report.heartbeat_span_days).toBeCloseTo(3 / 24, 10);
    expect(report.disagreement_samples.map((s) => s.line)).toEqual([4, 5]);
    expect(report.disagreement_samples[0]).toMatchObject({
      organization_id: "A",
      shadow_template: "none",
      heuristic_template: "day1-pair-screen",
      heuristic_timestamp: "2025-03-01T10:30:00.000Z",
    });
  });

  it("counts per org by the latest decision", async () => {
    const report = await compareChunks(
      log(
        shadowRow({ org: "A", minute: 0, template: "none" }), // disagree (A@0 is day1)
        shadowRow({ org: "A", minute: 61, template: "none" }), // latest for A: agrees with A@60
        shadowRow({ org: "B", minute: 1, template: "day7-create-schedule" }), // agree
        shadowRow({ org: "B", minute: 2, template: "none" }), // latest for B: disagree
      ),
      HEURISTIC,
    );
    expect(report.per_org).toMatchObject({ orgs: 2, agree: 1, disagree: 1, known_divergence: 0, unmatched: 0 });
    expect(report.per_org.agreement_pct).toBe(50);
  });

  it("breaks down by tier, day window and day, and replays the heuristic for the noise floor", async () => {
    const report = await compareChunks(
      log(
        shadowRow({
          org: "A",
          minute: 1,
          template: "day1-pair-screen",
          tier: "enterprise",
          days: 1,
          flags: { screen_paired: false },
        }),
        shadowRow({ org: "B", minute: 1, template: "none", tier: "weird", days: 8 }),
        shadowRow({ org: "A", minute: 60 * 24, template: "none", tier: null, days: null }),
      ),
      HEURISTIC,
    );
    expect(report.by_tier.enterprise).toMatchObject({ decisions: 1, agree: 1 });
    expect(report.by_tier.free).toMatchObject({ decisions: 2, agree: 1, disagree: 1 });
    expect(report.by_day_window["days 1–2"]).toMatchObject({ decisions: 1, agree: 1 });
    expect(report.by_day_window["days 7–10"]).toMatchObject({ decisions: 1, disagree: 1 });
    expect(report.by_day_window.unknown).toMatchObject({ decisions: 1, agree: 1 });
    expect(report.trend.map((d) => [d.day, d.decisions])).toEqual([
      ["2025-03-01", 2],
      ["2025-03-02", 1],
    ]);
    // Replaying on the shadow rows' own signals: A day 1 unpaired → day1 (= A@0); B day 8 with no
    // schedule → day7 (= B@0). The row without days is not replayed.
    expect(report.noise_floor).toMatchObject({ compared: 2, agree: 2, disagree: 0, agreement_pct: 100 });
    expect(report.noise_floor.heuristic_self_replay).toEqual({ rows: 4, mismatches: 0 });
  });

  it("reports malformed shadow and heuristic lines apart, with line numbers", async () => {
    const report = await compareChunks(
      log(
        shadowRow({ org: "A", minute: 0 }),
        "{oops",
        shadowRow({ org: "A", minute: 1 }).replace('"tier":"pro"', '"tier":1'),
      ),
      [new TextEncoder().encode(`${new TextDecoder().decode(HEURISTIC[0])}{"broken"\n`)],
    );
    expect(report).toMatchObject({ decisions: 1, malformed: 2, malformed_lines: [2, 3] });
    expect(report.inputs.heuristic).toMatchObject({ rows: 4, malformed: 1, malformed_lines: [5] });
  });

  it("caps disagreement samples", async () => {
    const lines = Array.from({ length: 50 }, (_, i) => shadowRow({ org: "B", minute: i, template: "none" }));
    const report = await compareChunks(log(...lines), HEURISTIC, { sampleLimit: 7 });
    expect(report.disagree).toBe(50);
    expect(report.disagreement_samples).toHaveLength(7);
  });

  it("empty logs give an empty report with failing gates, not an error", async () => {
    const report = await compareChunks([], []);
    expect(report).toMatchObject({ decisions: 0, agreement_pct: null, kappa: null, firing_rate_per_hour: null });
    expect(report.gates.map((g) => g.pass)).toEqual([false, false, false, false]);
    expect(formatReportText(report, { shadow: "s", heuristic: "h" })).toContain("FAIL  shadow_decisions");
  });

  it("formats a readable text report", async () => {
    const report = await compareChunks(
      log(shadowRow({ org: "A", minute: 2, template: "none" }), heartbeatRow(0)),
      HEURISTIC,
    );
    const text = formatReportText(report, { shadow: "shadow.jsonl", heuristic: "heuristic.jsonl" });
    expect(text).toContain("shadow log     shadow.jsonl: 2 lines, 1 decisions, 1 heartbeats, 0 malformed");
    expect(text).toContain("agreement 0.00 %");
    expect(text).toMatch(/FAIL {2}founder_sign_off/);
    expect(text).toContain(
      "line 1  2025-03-01T10:02:00.000Z  org A (pro, day 3): shadow none, heuristic day1-pair-screen",
    );
  });
});
