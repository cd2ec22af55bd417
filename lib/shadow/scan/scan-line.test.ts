import { describe, expect, it } from "vitest";
import { FLAG_SCREEN_PAIRED, HAS_MILESTONES, SENT_DAY1, TPL_DAY1, TPL_NONE } from "../../domain/shadow/codes";
import { LineScanner } from "./scan-line";
import {
  heartbeatRow,
  heuristicRow,
  heuristicRowsOf,
  readHeuristic,
  readShadow,
  shadowRow,
  shadowRowsOf,
} from "./test-fixtures";

// The byte scanner must never accept a line the full parser (JSON.parse + zod) would reject, nor read
// different values from it. Each case is read both ways — alone, and inside a log where the scanner
// has learned the common shape — and the results must be identical.

const canonical = shadowRow({ org: "org-1", minute: 0 });
const reorder = (line: string) => JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(line)).reverse()));
const spaced = (line: string) => JSON.stringify(JSON.parse(line), null, 1).replace(/\n\s*/g, " ");
const replace = (from: string, to: string) => canonical.replace(from, to);

const SHADOW_CASES: Record<string, string> = {
  canonical,
  "keys in another order": reorder(canonical),
  "spaces between tokens": spaced(canonical),
  "CRLF ending": `${canonical}\r`,
  "leading whitespace": `  ${canonical}`,
  "a nudge, sent flags": shadowRow({ org: "org-2", minute: 1, template: "day1-pair-screen", sent: { day1: true } }),
  "null template": shadowRow({ org: "org-3", minute: 2, template: null }),
  "missing template": replace(',"hermes_template":"none"', ""),
  "null tier and days": shadowRow({ org: "org-4", minute: 3, tier: null, days: null }),
  "unknown tier reads as free": shadowRow({ org: "org-4", minute: 4, tier: "platinum" }),
  "escaped tier": replace('"tier":"pro"', '"tier":"pr\\u006f"'),
  "escaped organization id": replace('"org-1"', '"org\\u002d1"'),
  "escaped reasoning": shadowRow({ org: "org-5", minute: 5, reasoning: 'said "hi"\\ \u00e9 \n tab\t' }),
  "unicode reasoning": shadowRow({ org: "org-5", minute: 6, reasoning: "لا حاجة لتذكير الآن" }),
  "input_signals null": replace(/"input_signals":\{.*\}\}$/.exec(canonical)![0], '"input_signals":null}'),
  "milestone_flags null": canonical.replace(/"milestone_flags":\{[^}]*\}/, '"milestone_flags":null'),
  "some flags missing": canonical.replace('"welcomed":true,', ""),
  "numeric run_id": replace(/"run_id":"\d+"/.exec(canonical)![0], '"run_id":1740823200'),
  "fractional run_id": replace(/"run_id":"\d+"/.exec(canonical)![0], '"run_id":1.5'),
  "days written 3.0": replace('"days_since_signup":3', '"days_since_signup":3.0'),
  "days written 1e1": replace('"days_since_signup":3', '"days_since_signup":1e1'),
  "timestamp with an offset": replace(
    /"timestamp":"[^"]+"/.exec(canonical)![0],
    '"timestamp":"2025-03-01T11:00:00+01:00"',
  ),
  "timestamp with 6 fraction digits": replace(".000Z", ".000123Z"),
  "an unknown key": replace('{"timestamp"', '{"extra":[1,{"a":null}],"timestamp"'),
  "a duplicate key (the last wins)": replace(
    '"organization_id":"org-1"',
    '"organization_id":"org-x","organization_id":"org-1"',
  ),
  heartbeat: heartbeatRow(7),
  "heartbeat, keys reordered": reorder(heartbeatRow(8)),
  // malformed
  truncated: canonical.slice(0, 120),
  "missing closing brace": canonical.slice(0, -1),
  "not an object": "[1,2,3]",
  "a bare string": '"hello"',
  null: "null",
  "empty object": "{}",
  "garbage after the object": `${canonical} x`,
  "two objects": `${canonical}${canonical}`,
  "days as a string": replace('"days_since_signup":3', '"days_since_signup":"3"'),
  "negative days": replace('"days_since_signup":3', '"days_since_signup":-1'),
  "days with a leading zero": replace('"days_since_signup":3', '"days_since_signup":03'),
  "unknown template": replace('"hermes_template":"none"', '"hermes_template":"day2-welcome"'),
  "template a number": replace('"hermes_template":"none"', '"hermes_template":4'),
  "organization id a number": replace('"organization_id":"org-1"', '"organization_id":17'),
  "empty organization id": replace('"organization_id":"org-1"', '"organization_id":""'),
  "missing organization id": replace('"organization_id":"org-1",', ""),
  "null org without heartbeat text": replace('"organization_id":"org-1"', '"organization_id":null'),
  "missing timestamp": replace(/"timestamp":"[^"]+",/.exec(canonical)![0], ""),
  "timestamp without zone": replace(".000Z", ".000"),
  "impossible date": replace("2025-03-01", "2025-02-30"),
  "flag a string": replace('"welcomed":true', '"welcomed":"yes"'),
  "flag null": replace('"welcomed":true', '"welcomed":null'),
  "raw tab in a string": replace('"looks fine"', '"looks\tfine"'),
  "bad escape": replace('"looks fine"', '"looks \\x fine"'),
  "bad unicode escape": replace('"looks fine"', '"looks \\u12 fine"'),
  "trailing comma": replace("}}}", "},}}"),
  "unquoted key": replace('{"timestamp"', "{timestamp"),
  "single quotes": canonical.replace(/"/g, "'"),
  blank: "   ",
};

function compareBothWays(text: string) {
  const fast = readShadow(text);
  const slow = readShadow(text, { slowOnly: true });
  expect(shadowRowsOf(fast)).toEqual(shadowRowsOf(slow));
  expect(fast.stats()).toEqual(slow.stats());
  expect([fast.heartbeats, fast.firstHeartbeat, fast.lastHeartbeat]).toEqual([
    slow.heartbeats,
    slow.firstHeartbeat,
    slow.lastHeartbeat,
  ]);
  return fast;
}

describe("shadow lines: byte scanner and full parser agree", () => {
  it.each(Object.entries(SHADOW_CASES))("%s (alone)", (_, line) => {
    compareBothWays(`${line}\n`);
  });

  it("all cases in one log, each after the common shape has been learned", () => {
    const text = Object.values(SHADOW_CASES)
      .flatMap((line, i) => [
        shadowRow({ org: `o${i}`, minute: i, template: i % 2 ? "day3-upload-content" : null }),
        line,
      ])
      .join("\n");
    const reader = compareBothWays(`${text}\n`);
    const names = Object.keys(SHADOW_CASES);
    const malformed = names.slice(names.indexOf("truncated")).filter((name) => name !== "blank");
    expect(reader.malformed).toBe(malformed.length);
    expect(reader.blank).toBe(1);
  });

  it("reads the values of an escaped organization id and tier like JSON.parse", () => {
    const reader = readShadow(`${SHADOW_CASES["escaped organization id"]}\n${SHADOW_CASES["escaped tier"]}\n`);
    // One organization: the full parser's id (from the escaped text) and the scanner's hash alike.
    expect(reader.interner.size).toBe(1);
    expect(shadowRowsOf(reader).map((r) => [r.org, r.tier])).toEqual([
      ["org-1", 2],
      ["org-1", 2],
    ]);
  });
});

describe("heuristic lines: byte scanner and full parser agree", () => {
  const line = heuristicRow({ org: "org-1", minute: 0, template: "day1-pair-screen" });
  const cases = [
    line,
    reorder(line),
    spaced(line),
    line.replace('"heuristic_template":"day1-pair-screen"', '"heuristic_template":null'),
    line.replace(',"heuristic_template":"day1-pair-screen"', ""),
    line.replace('"organization_id":"org-1"', '"organization_id":null'),
    line.replace('"heuristic_action":"send_nudge"', '"heuristic_action":null'),
    line.replace('"heuristic_reason":"reason"', '"heuristic_reason":"a \\"quoted\\" reason"'),
    line.replace(/"input_signals":.*\}\}$/, '"input_signals":{"milestone_flags":null,"nudges_sent":{"day1":true}}}'),
    line.replace(/"run_id":\d+/, '"run_id":"123"'),
    line.slice(0, 90),
  ];
  it.each(cases.map((c, i) => [i, c]))("case %i", (_, text) => {
    const fast = readHeuristic(`${text}\n`);
    const slow = readHeuristic(`${text}\n`, { slowOnly: true });
    expect(heuristicRowsOf(fast)).toEqual(heuristicRowsOf(slow));
    expect(fast.stats()).toEqual(slow.stats());
    expect([fast.replayed, fast.replayMismatches]).toEqual([slow.replayed, slow.replayMismatches]);
  });

  it("all cases in one log", () => {
    const text = cases.flatMap((c) => [line, c]).join("\n");
    const fast = readHeuristic(`${text}\n`);
    const slow = readHeuristic(`${text}\n`, { slowOnly: true });
    expect(heuristicRowsOf(fast)).toEqual(heuristicRowsOf(slow));
    expect(fast.stats()).toEqual(slow.stats());
  });
});

describe("LineScanner fast path", () => {
  const scan = (line: string, scanner = new LineScanner()) => {
    const b = new TextEncoder().encode(`${line}\n`);
    return { end: scanner.shadow(b, 0), length: b.length - 1, scanner };
  };

  it("takes the common shape itself and reports the row's codes", () => {
    const line = shadowRow({ org: "org-9", minute: 0, template: "day1-pair-screen", days: 2, sent: { day1: true } });
    const { end, length, scanner } = scan(line);
    expect(end).toBe(length);
    expect(scanner.template).toBe(TPL_DAY1);
    expect(scanner.days).toBe(2);
    expect(scanner.bits & (SENT_DAY1 | FLAG_SCREEN_PAIRED | HAS_MILESTONES)).toBe(
      SENT_DAY1 | FLAG_SCREEN_PAIRED | HAS_MILESTONES,
    );
    expect(scanner.heartbeat).toBe(false);
  });

  it("keeps reading later lines by the learned shape, with values of other lengths and nulls", () => {
    const scanner = new LineScanner();
    scan(shadowRow({ org: "a", minute: 0 }), scanner);
    const second = scan(shadowRow({ org: "a-much-longer-id", minute: 1, template: null, days: 12345 }), scanner);
    expect(second.end).toBe(second.length);
    expect(scanner.template).toBe(TPL_NONE);
    expect(scanner.days).toBe(12345);
    expect(scanner.bits & HAS_MILESTONES).toBe(HAS_MILESTONES);
  });

  it("leaves escaped identifiers, offsets and unknown keys to the full parser", () => {
    expect(scan(SHADOW_CASES["escaped organization id"]!).end).toBe(-1);
    expect(scan(SHADOW_CASES["timestamp with an offset"]!).end).toBe(-1);
    expect(scan(SHADOW_CASES["an unknown key"]!).end).toBe(-1);
  });
});
