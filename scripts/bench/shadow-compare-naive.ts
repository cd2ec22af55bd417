// The straightforward agreement script the benchmark compares against (issue 4: "read both files
// whole, parse every line, scan each org's rows for the closest timestamp"). Same matching rules as
// lib/domain/shadow, none of the engineering in lib/shadow/scan. Prints one `RESULT {…}` line like shadow-compare-run.ts.
//
//   node --max-old-space-size=8192 --import tsx scripts/bench/shadow-compare-naive.ts SHADOW HEURISTIC
import { readFileSync } from "node:fs";

type TRow = Record<string, unknown>;

// Whole files in memory; one string each would exceed V8's string limit, so lines are decoded one by one.
function readLines(path: string): string[] {
  const buffer = readFileSync(path);
  const lines: string[] = [];
  for (let start = 0; start < buffer.length;) {
    const nl = buffer.indexOf(10, start);
    if (nl < 0) break; // partial last line: skipped
    lines.push(buffer.toString("utf8", start, nl));
    start = nl + 1;
  }
  return lines;
}

function parse(lines: string[]): { rows: TRow[]; malformed: number[] } {
  const rows: TRow[] = [];
  const malformed: number[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === "") return;
    try {
      const row = JSON.parse(line) as unknown;
      if (row && typeof row === "object" && !Array.isArray(row)) rows.push(row as TRow);
      else malformed.push(i + 1);
    } catch {
      malformed.push(i + 1);
    }
  });
  return { rows, malformed };
}

function main(): void {
  const [shadowPath, heuristicPath] = process.argv.slice(2);
  if (!shadowPath || !heuristicPath) throw new Error("usage: shadow-compare-naive.ts SHADOW HEURISTIC");
  const started = performance.now();
  const shadow = parse(readLines(shadowPath));
  const heuristic = parse(readLines(heuristicPath));

  const byOrg = new Map<string, { ts: number; template: string }[]>();
  for (const row of heuristic.rows) {
    const org = String(row.organization_id);
    let list = byOrg.get(org);
    if (!list) byOrg.set(org, (list = []));
    list.push({ ts: Date.parse(String(row.timestamp)), template: String(row.heuristic_template) });
  }

  const counts = { decisions: 0, agree: 0, disagree: 0, known_divergence: 0, unmatched: 0, heartbeats: 0 };
  const sentKey: Record<string, string> = {
    "day1-pair-screen": "day1",
    "day3-upload-content": "day3",
    "day7-create-schedule": "day7",
  };
  for (const row of shadow.rows) {
    if (row.organization_id === null) {
      counts.heartbeats++;
      continue;
    }
    counts.decisions++;
    const ts = Date.parse(String(row.timestamp));
    let best: { ts: number; template: string } | undefined;
    for (const h of byOrg.get(String(row.organization_id)) ?? []) {
      const d = Math.abs(h.ts - ts);
      if (!best || d < Math.abs(best.ts - ts) || (d === Math.abs(best.ts - ts) && h.ts < best.ts)) best = h;
    }
    if (!best) {
      counts.unmatched++;
      continue;
    }
    const mine = (row.hermes_template as string | null) ?? "none";
    const sent = (row.input_signals as { nudges_sent?: Record<string, boolean> } | null)?.nudges_sent ?? {};
    if (mine === best.template) counts.agree++;
    else if (mine === "none" && sent[sentKey[best.template] ?? ""]) counts.known_divergence++;
    else counts.disagree++;
  }
  const seconds = (performance.now() - started) / 1000;
  const rssMb = process.resourceUsage().maxRSS / 1024;
  console.log(`RESULT ${JSON.stringify({ seconds, rssMb, counts, malformed: shadow.malformed.length })}`);
}

main();
