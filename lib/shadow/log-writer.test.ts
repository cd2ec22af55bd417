import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkShadowRow } from "../domain/shadow/schemas";
import { appendShadowRow, shadowLogFile } from "./log-writer";

const row = (org: string) => ({
  organization_id: org,
  tier: "starter",
  days_since_signup: 3,
  hermes_template: "day3-upload-content",
  hermes_reasoning: "no content yet",
  input_signals: {
    milestone_flags: {
      welcomed: true,
      screen_paired: true,
      content_uploaded: false,
      playlist_created: false,
      schedule_created: false,
    },
    nudges_sent: { day1: true, day3: false, day7: false },
  },
});

let dir: string;
const previous = process.env.SHADOW_LOG_DIR;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "shadow-log-"));
  process.env.SHADOW_LOG_DIR = join(dir, "nested", "logs"); // created on demand
});
afterAll(async () => {
  if (previous === undefined) delete process.env.SHADOW_LOG_DIR;
  else process.env.SHADOW_LOG_DIR = previous;
  await rm(dir, { recursive: true, force: true });
});

const lines = async (name: "customer-lifecycle-shadow" | "customer-lifecycle-live") =>
  (await readFile(shadowLogFile(name), "utf8")).split("\n");

describe("appendShadowRow", () => {
  it("appends one line, returns what it wrote and the line count", async () => {
    const now = new Date("2026-11-21T10:00:00.000Z");
    const first = await appendShadowRow({ logName: "customer-lifecycle-live", fields: row("a"), now });
    const second = await appendShadowRow({ logName: "customer-lifecycle-live", fields: row("b"), now });
    expect(first).toEqual({
      ok: true,
      value: { written: true, line_count: 1, timestamp: now.toISOString(), run_id: String(now.getTime() / 1000) },
    });
    expect(second.ok && second.value.line_count).toBe(2);
    const [a, b, end] = await lines("customer-lifecycle-live");
    expect(JSON.parse(a!)).toMatchObject({ timestamp: now.toISOString(), organization_id: "a" });
    expect(JSON.parse(b!)).toMatchObject({ organization_id: "b" });
    expect(end).toBe("");
  });

  it("writes nothing for invalid input", async () => {
    const now = new Date();
    const bad = await appendShadowRow({ logName: "../../etc/passwd", fields: row("x"), now });
    expect(!bad.ok && bad.error.code).toBe("invalid_input");
    const extra = await appendShadowRow({ logName: "customer-lifecycle-live", fields: { ...row("x"), x: 1 }, now });
    expect(!extra.ok && extra.error.key).toBe("fields.x");
    expect(await lines("customer-lifecycle-live")).toHaveLength(3);
  });

  it("closes a partial last line left by a crash so the new row stays intact", async () => {
    const file = shadowLogFile("customer-lifecycle-live");
    await writeFile(file, '{"timestamp":"2026-11', { flag: "a" });
    const old = new Date(Date.now() - 60_000);
    await utimes(file, old, old); // a crash remnant, not a line another writer is still writing
    const r = await appendShadowRow({ logName: "customer-lifecycle-live", fields: row("c"), now: new Date() });
    expect(r.ok && r.value.line_count).toBe(4);
    const all = await lines("customer-lifecycle-live");
    expect(all[2]).toBe('{"timestamp":"2026-11');
    expect(JSON.parse(all[3]!)).toMatchObject({ organization_id: "c" });
  });

  it("8 processes appending 1 000 rows each at once leave 8 000 intact lines", async () => {
    const writer = pathToFileURL(join(__dirname, "log-writer.ts")).href;
    // Each child appends as fast as it can; all start together (the file does not exist yet).
    const script = `
      const m = await import(${JSON.stringify(writer)}); const { appendShadowRow } = m.default ?? m;
      const id = process.argv.at(-1);
      for (let i = 0; i < 1000; i++) {
        const r = await appendShadowRow({ logName: "customer-lifecycle-shadow", now: new Date(), fields: {
          organization_id: "p" + id + "-" + i + "-" + "x".repeat((i * 37) % 2000), tier: "pro", days_since_signup: i,
          hermes_template: "none", hermes_reasoning: "child " + id,
          input_signals: { milestone_flags: { welcomed: true, screen_paired: true, content_uploaded: true,
            playlist_created: true, schedule_created: true }, nudges_sent: { day1: false, day3: false, day7: false } } } });
        if (!r.ok) { console.error(JSON.stringify(r.error)); process.exit(2); }
      }`;
    const run = (id: number) =>
      new Promise<number>((resolve, reject) => {
        const child = spawn(
          process.execPath,
          ["--import", "tsx", "--conditions=react-server", "--input-type=module", "-e", script, String(id)],
          { env: process.env, stdio: ["ignore", "ignore", "inherit"] },
        );
        child.on("error", reject);
        child.on("exit", (code) => resolve(code ?? -1));
      });
    const codes = await Promise.all(Array.from({ length: 8 }, (_, i) => run(i)));
    expect(codes).toEqual(Array(8).fill(0));
    const all = await lines("customer-lifecycle-shadow");
    expect(all.pop()).toBe("");
    expect(all).toHaveLength(8000);
    const seen = new Set<string>();
    for (const line of all) {
      const parsed = checkShadowRow(JSON.parse(line));
      expect(parsed.ok).toBe(true);
      if (parsed.ok) seen.add(parsed.row.organization_id!.split("-x")[0]!.replace(/-x*$/, ""));
    }
    expect(seen.size).toBe(8000);
    const next = await appendShadowRow({ logName: "customer-lifecycle-shadow", fields: row("z"), now: new Date() });
    expect(next.ok && next.value.line_count).toBe(8001);
  }, 120_000);
});
