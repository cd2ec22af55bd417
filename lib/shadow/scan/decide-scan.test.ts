import { describe, expect, it } from "vitest";
import { decideDocument } from "../../domain/nudges/decide-document";
import { scanDecideDocument } from "./decide-scan";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

// Deterministic candidates over days 0–40 with every flag and sent bit varied.
function candidates(n: number, seed = 1) {
  let state = seed;
  const bit = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 16) % 2 === 1;
  };
  const tiers = ["free", "starter", "pro", "enterprise"];
  return Array.from({ length: n }, (_, i) => ({
    organization_id: `org-${i}-${"x".repeat(i % 7)}`,
    tier: tiers[i % 4],
    days_since_signup: i % 41,
    milestone_flags: {
      welcomed: bit(),
      screen_paired: bit(),
      content_uploaded: bit(),
      playlist_created: bit(),
      schedule_created: bit(),
    },
    nudges_sent: { day1: bit(), day3: bit(), day7: bit() },
  }));
}

/** What the full path prints for `text` (lines joined, newline-terminated), or its error. */
function expected(text: string, sendAware = false): string {
  const r = decideDocument(text, { sendAware });
  if (!r.ok) return `error: ${r.error}`;
  return r.lines.map((l) => `${l}\n`).join("");
}

const scan = (text: string, sendAware = false) => {
  const out = scanDecideDocument(encoder.encode(text), { sendAware });
  return out === null ? null : decoder.decode(out);
};

// Keys of every object in reverse order: the same document, laid out differently.
const reversed = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(reversed)
    : value && typeof value === "object"
      ? Object.fromEntries(
          Object.entries(value)
            .reverse()
            .map(([k, v]) => [k, reversed(v)]),
        )
      : value;

describe("scanDecideDocument", () => {
  const doc = { candidates: candidates(300), total: 300 };

  it.each([
    ["compact", JSON.stringify(doc)],
    ["pretty-printed", JSON.stringify(doc, null, 2)],
    ["tabs and CRLF", JSON.stringify(doc, null, "\t").replace(/\n/g, "\r\n")],
    ["keys in another order", JSON.stringify(reversed(doc))],
    ["a byte-order mark and surrounding space", `\uFEFF \n${JSON.stringify(doc)}\n\n`],
    ["total before candidates", JSON.stringify({ total: 300, candidates: doc.candidates })],
    ["no candidates", '{"candidates":[],"total":0}'],
    ["no candidates, spaced", '{ "candidates" : [ ] , "total" : 7 }'],
  ])("prints exactly what the full parser prints (%s), reference and send-aware", (_, text) => {
    for (const sendAware of [false, true]) {
      const out = scan(text, sendAware);
      expect(out).not.toBeNull();
      expect(out).toBe(expected(text, sendAware));
    }
  });

  it("decides every rule boundary as the heuristic does", () => {
    const text = JSON.stringify({ candidates: candidates(2000, 7), total: 2000 });
    expect(scan(text)).toBe(expected(text));
    expect(scan(text, true)).toBe(expected(text, true));
  });

  const one = (over: Record<string, unknown>) =>
    JSON.stringify({ candidates: [{ ...candidates(1)[0], ...over }], total: 1 });

  it.each([
    ["an empty input", ""],
    ["not JSON", "{"],
    ["a truncated document", JSON.stringify(doc).slice(0, -10)],
    ["trailing bytes", `${JSON.stringify(doc)}x`],
    ["a trailing comma", '{"candidates":[],"total":0,}'],
    ["an array at the top", "[]"],
    ["a missing total", '{"candidates":[]}'],
    ["a negative total", '{"candidates":[],"total":-1}'],
    ["a fractional total", '{"candidates":[],"total":1.5}'],
    ["a repeated key", '{"candidates":[],"candidates":[],"total":0}'],
    ["an extra document key", '{"candidates":[],"total":0,"next":null}'],
    ["an unknown tier (read as free by the schema)", one({ tier: "platinum" })],
    ["a tier that is not a string", one({ tier: 7 })],
    ["an escaped id", one({ organization_id: 'a"b' })],
    ["a non-ASCII id", one({ organization_id: "مؤسسة" })],
    ["an empty id", one({ organization_id: "" })],
    ["days written 3.0", one({ days_since_signup: 3 }).replace('"days_since_signup":3', '"days_since_signup":3.0')],
    [
      "days with an exponent",
      one({ days_since_signup: 3 }).replace('"days_since_signup":3', '"days_since_signup":3e0'),
    ],
    ["negative days", one({ days_since_signup: -3 })],
    ["a leading zero", one({ days_since_signup: 3 }).replace('"days_since_signup":3', '"days_since_signup":03')],
    ["null flags", one({ milestone_flags: null })],
    ["a flag missing", one({ milestone_flags: { welcomed: true } })],
    ["a flag that is a string", one({ nudges_sent: { day1: "yes", day3: false, day7: false } })],
    ["an extra candidate key", one({ region: "riyadh" })],
    ["a missing candidate key", JSON.stringify({ candidates: [{ organization_id: "a" }], total: 1 })],
  ])("leaves %s to the full parser (null), which then decides or words the error", (_, text) => {
    expect(scan(text)).toBeNull();
    expect(typeof expected(text)).toBe("string");
  });
});
