import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { decideDocument } from "../../lib/domain/nudges/decide-document";
import { UsageError } from "../cli";
import { run } from "./decide";

const flags = (over: Record<string, boolean> = {}) => ({
  welcomed: true,
  screen_paired: false,
  content_uploaded: false,
  playlist_created: false,
  schedule_created: false,
  ...over,
});
const sent = (over: Record<string, boolean> = {}) => ({ day1: false, day3: false, day7: false, ...over });
const org = (id: string, days: number, over: Record<string, unknown> = {}) => ({
  organization_id: id,
  tier: "pro",
  days_since_signup: days,
  milestone_flags: flags(),
  nudges_sent: sent(),
  ...over,
});

const DOC = JSON.stringify({
  candidates: [
    org("org_a", 1, { nudges_sent: sent({ day1: true }) }),
    org("org_b", 3, { milestone_flags: flags({ content_uploaded: true }) }),
    org("org_c", 31),
  ],
  total: 3,
});

describe("decideDocument", () => {
  it("prints one line per candidate, keys in the documented order", () => {
    const r = decideDocument(DOC);
    expect(r).toEqual({
      ok: true,
      lines: [
        '{"organization_id":"org_a","template":"day1-pair-screen","reason":"no screen paired after day 1","confidence":0.9,"action":"send_nudge"}',
        '{"organization_id":"org_b","template":"none","reason":"no nudge window matched","confidence":1,"action":"none"}',
        '{"organization_id":"org_c","template":"none","reason":"onboarding window over (30+ days)","confidence":1,"action":"auto_complete"}',
      ],
    });
  });

  it("turns a nudge already sent into none when send-aware", () => {
    const r = decideDocument(DOC, { sendAware: true });
    if (!r.ok) throw new Error(r.error);
    expect(JSON.parse(r.lines[0]!)).toEqual({
      organization_id: "org_a",
      template: "none",
      reason: "day1 nudge already sent",
      confidence: 1,
      action: "none",
    });
  });

  it("escapes organization ids as JSON", () => {
    const r = decideDocument(JSON.stringify({ candidates: [org('a"b\\c\n', 0)], total: 1 }));
    if (!r.ok) throw new Error(r.error);
    expect(JSON.parse(r.lines[0]!).organization_id).toBe('a"b\\c\n');
  });

  it("prints nothing for an empty listing, whatever total says", () => {
    expect(decideDocument('{"candidates":[],"total":0}')).toEqual({ ok: true, lines: [] });
    expect(decideDocument('{"candidates":[],"total":40}')).toEqual({ ok: true, lines: [] });
  });

  it("reports input that is not JSON with the parser's message", () => {
    const r = decideDocument('{"candidates": [');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatch(/^not JSON: /);
    expect(r.error.length).toBeGreaterThan("not JSON: ".length);
    expect(decideDocument("")).toEqual({ ok: false, error: "not JSON: empty input" });
  });

  it("names the candidate index and field of a schema error", () => {
    const bad = JSON.stringify({ candidates: [org("a", 1), org("b", 2, { days_since_signup: -3 })], total: 2 });
    expect(decideDocument(bad)).toEqual({ ok: false, error: "candidates[1].days_since_signup: must be ≥ 0, got -3" });
  });

  it("reads an unknown tier as free and decides as usual", () => {
    const r = decideDocument(JSON.stringify({ candidates: [org("a", 2, { tier: "platinum" })], total: 1 }));
    if (!r.ok) throw new Error(r.error);
    expect(JSON.parse(r.lines[0]!).template).toBe("day1-pair-screen");
  });

  it("reads a file that starts with a byte-order mark", () => {
    expect(decideDocument(`\uFEFF${DOC}`).ok).toBe(true);
  });
});

describe("lifecycle decide (run)", () => {
  const dir = mkdtempSync(join(tmpdir(), "decide-test-"));
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  afterEach(() => vi.restoreAllMocks());

  function captureStdout(): () => string {
    let out = "";
    vi.spyOn(process.stdout, "write").mockImplementation(((
      chunk: string | Uint8Array,
      cb?: (e?: Error | null) => void,
    ) => {
      out += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
      cb?.();
      return true;
    }) as typeof process.stdout.write);
    return () => out;
  }

  it("writes newline-terminated lines for a file and exits 0", async () => {
    const output = captureStdout();
    expect(await run(["--send-aware", file("doc.json", DOC)])).toBe(0);
    const lines = output().split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe("");
    expect(lines.slice(0, 3).map((l) => JSON.parse(l).template)).toEqual(["none", "none", "none"]);
  });

  it("prints the same bytes through the full parser when the scanner steps aside (a non-ASCII id)", async () => {
    const doc = JSON.stringify({ candidates: [org("مؤسسة", 1), org("org_d", 3)], total: 2 });
    const output = captureStdout();
    expect(await run([file("arabic.json", doc)])).toBe(0);
    const r = decideDocument(doc);
    expect(output()).toBe(r.ok ? `${r.lines.join("\n")}\n` : "");
    expect(output()).toContain('{"organization_id":"مؤسسة","template":"day1-pair-screen"');
  });

  it("writes nothing for an empty listing", async () => {
    const output = captureStdout();
    expect(await run([file("empty.json", '{"candidates":[],"total":0}')])).toBe(0);
    expect(output()).toBe("");
  });

  it("fails with a usage error naming the file and the field", async () => {
    const path = file("bad.json", JSON.stringify({ candidates: [org("a", 1, { tier: 7 })], total: 1 }));
    await expect(run([path])).rejects.toThrow(
      new UsageError(`${path}: candidates[0].tier: expected string, got number`),
    );
    await expect(run([file("broken.json", "{")])).rejects.toThrow(/: not JSON: /);
  });

  it("refuses unknown options, two files and a missing file", async () => {
    await expect(run(["--sendaware"])).rejects.toBeInstanceOf(UsageError);
    await expect(run(["a.json", "b.json"])).rejects.toThrow(/at most one FILE/);
    await expect(run([join(dir, "nope.json")])).rejects.toThrow(/no such file/);
  });
});
