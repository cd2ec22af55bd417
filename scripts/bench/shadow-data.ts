// Deterministic shadow + heuristic JSONL logs for the agreement benchmark (issue 4): 10 000 orgs ×
// 100 ticks each, about 450 bytes a row (about 0.9 GB together), ~85 % agreement, known divergences
// (the agent skips a nudge already sent), a heartbeat every 30 minutes over 8+ days, a few orgs the
// heuristic never saw, a few malformed lines and a partial last line. The expected figures are
// computed while generating and saved in meta.json, so the benchmark can check the answer too.
//
//   npx tsx scripts/bench/shadow-data.ts [DIR]      (default: a cache directory under the OS temp dir)
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  decideNudge,
  decideNudgeSendAware,
  NUDGE_TEMPLATES,
  type TNudgeTemplate,
} from "../../lib/domain/nudges/heuristic";
import { HEARTBEAT_REASONING, TIERS } from "../../lib/domain/shadow/codes";
import { createRandom, type TRandom } from "../../lib/domain/seed/random";

export type TShadowDataParams = { orgs: number; ticksPerOrg: number; seed: number };
export const DEFAULT_SHADOW_DATA: TShadowDataParams = { orgs: 10_000, ticksPerOrg: 100, seed: 7 };
// Bump when the generated content changes, so cached files are not reused by mistake.
const FORMAT_VERSION = 1;

export type TShadowDataMeta = TShadowDataParams & {
  version: number;
  shadowPath: string;
  heuristicPath: string;
  bytes: number;
  shadowRows: number;
  heuristicRows: number;
  expected: {
    decisions: number;
    agree: number;
    disagree: number;
    known_divergence: number;
    unmatched: number;
    heartbeats: number;
    malformed_lines: number[];
    heuristic_malformed_lines: number[];
  };
  generateSeconds: number;
};

const TICK_MS = 30 * 60_000;
const DAY_MS = 86_400_000;
const START_MS = Date.UTC(2025, 2, 1);
const AGENT_FOLLOWS = 0.86; // the agent picks its send-aware decision this often, something else otherwise
const FLUSH_BYTES = 8 << 20;

const REASONS: Record<TNudgeTemplate, string[]> = {
  "day1-pair-screen": [
    "Signed up yesterday and no screen is paired yet; pairing is the first step, so the day-1 nudge about pairing fits.",
    "Day one or two with no paired screen: without a screen nothing can play, so a pairing reminder is the useful nudge.",
  ],
  "day3-upload-content": [
    "Screen paired but nothing uploaded by day three; an upload nudge points them at the next step of onboarding now.",
    'No content after three days although the screen works; the "upload your first file" nudge is the right one here.',
  ],
  "day7-create-schedule": [
    "A week in, content is there but no schedule exists, so playback is manual; the schedule nudge closes that gap well.",
    "Day seven to ten without a schedule: they upload but never plan playback, so the create-schedule nudge applies.",
  ],
  none: [
    "Outside every nudge window, or the step the window asks for is already done; nothing useful to send this time.",
    "The nudge for this window was already sent earlier, so sending it again would only be noise; no nudge this tick.",
    "لا حاجة لتذكير الآن: الخطوة المطلوبة في هذه المرحلة مكتملة بالفعل أو لا توجد نافذة تذكير مناسبة لهذا اليوم.",
  ],
};
// Serialized once: JSON.stringify per row was a visible part of generating a gigabyte.
const REASONS_JSON = Object.fromEntries(
  Object.entries(REASONS).map(([template, texts]) => [template, texts.map((text) => JSON.stringify(text))]),
) as Record<TNudgeTemplate, string[]>;
const TIER_WEIGHTS = TIERS.map((tier, i) => [tier, [50, 25, 15, 10][i]!] as const);

type TOrg = {
  id: string;
  tier: string;
  signupMs: number;
  milestoneDay: number[]; // welcomed, screen, content, playlist, schedule (Infinity = never)
  sendsNudge: boolean[]; // whether the cron sends day1 / day3 / day7 once due
  firstDue: number[]; // tick when each nudge first came due, -1 before
  inHeuristic: boolean;
};

function makeOrg(i: number, seed: number, firstTickMs: number): TOrg {
  const r = createRandom(seed, i);
  const screen = r.chance(0.85) ? r.next() * 6 : Infinity;
  const content = r.chance(0.8) ? screen + r.next() * 5 : Infinity;
  const schedule = r.chance(0.7) ? content + r.next() * 8 : Infinity;
  return {
    id: r.uuid(),
    tier: r.weighted(TIER_WEIGHTS),
    signupMs: firstTickMs - r.int(0, 26 * 24) * 3_600_000 - r.int(0, 3_599_999),
    milestoneDay: [0, screen, content, content + r.next() * 2, schedule],
    sendsNudge: [r.chance(0.7), r.chance(0.7), r.chance(0.7)],
    firstDue: [-1, -1, -1],
    // About one org in a thousand never reached the heuristic log: its shadow rows are unmatched.
    inHeuristic: i % 1000 !== 999,
  };
}

const iso = (ms: number) => new Date(ms).toISOString();
const flag = (b: boolean) => (b ? "true" : "false");

// Lines are encoded straight into one large buffer, written when full: no string is kept past its line.
class Sink {
  private readonly buffer = Buffer.allocUnsafe(FLUSH_BYTES);
  private used = 0;
  lines = 0;
  bytes = 0;
  constructor(private readonly fd: number) {}
  line(text: string, newline = true): void {
    if (this.used + text.length * 3 + 1 > this.buffer.length) this.flush();
    this.used += this.buffer.write(text, this.used);
    if (newline) this.buffer[this.used++] = 0x0a;
    this.lines++;
  }
  flush(): void {
    this.bytes += writeSync(this.fd, this.buffer, 0, this.used);
    this.used = 0;
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

/** Writes shadow.jsonl and heuristic.jsonl into `dir`; returns what it wrote and the figures compare should report. */
export function generateShadowData(dir: string, params: TShadowDataParams = DEFAULT_SHADOW_DATA): TShadowDataMeta {
  const started = performance.now();
  mkdirSync(dir, { recursive: true });
  const shadowPath = join(dir, "shadow.jsonl");
  const heuristicPath = join(dir, "heuristic.jsonl");
  const shadow = new Sink(openSync(`${shadowPath}.tmp`, "w"));
  const heuristic = new Sink(openSync(`${heuristicPath}.tmp`, "w"));
  const r = createRandom(params.seed, 1_000_000_007);
  const expected = { decisions: 0, agree: 0, disagree: 0, known_divergence: 0, unmatched: 0, heartbeats: 0 };
  const malformedShadow: number[] = [];
  const malformedHeuristic: number[] = [];
  const ticks = params.ticksPerOrg * 4;
  // A few damaged lines wherever the size: every 250 000th decision at full size.
  const damagedEvery = Math.max(100, Math.floor((params.orgs * params.ticksPerOrg) / 4));
  const startTick = (i: number) => Math.floor((i * (ticks - params.ticksPerOrg)) / params.orgs);
  const orgs: (TOrg | undefined)[] = new Array(params.orgs);
  let first = 0;
  let next = 0;

  for (let t = 0; t < ticks; t++) {
    const tickMs = START_MS + t * TICK_MS;
    const runId = String(tickMs / 1000);
    for (; next < params.orgs && startTick(next) <= t; next++) orgs[next] = makeOrg(next, params.seed, tickMs);
    for (; first < next && startTick(first) + params.ticksPerOrg <= t; first++) orgs[first] = undefined;
    shadow.line(
      `{"timestamp":"${iso(tickMs + 10_000)}","run_id":"${runId}","organization_id":null,"tier":null,"days_since_signup":null,"hermes_template":null,"hermes_reasoning":"${HEARTBEAT_REASONING}","input_signals":null}`,
    );
    expected.heartbeats++;
    for (let i = first; i < next; i++) {
      const org = orgs[i]!;
      const shadowMs = tickMs + r.int(20_000, 300_000);
      const days = Math.floor((shadowMs - org.signupMs) / DAY_MS);
      const age = (tickMs - org.signupMs) / DAY_MS;
      const m = org.milestoneDay.map((d) => age >= d);
      const signals = {
        days_since_signup: days,
        milestone_flags: { screen_paired: m[1]!, content_uploaded: m[2]!, schedule_created: m[4]! },
      };
      const reference = decideNudge(signals).template;
      const due = ["day1-pair-screen", "day3-upload-content", "day7-create-schedule"].indexOf(reference);
      if (due >= 0 && org.firstDue[due]! < 0) org.firstDue[due] = t;
      // The cron sends a due nudge on the tick after it first came due (when this org gets it at all).
      const sent = org.firstDue.map((at, k) => at >= 0 && t > at && org.sendsNudge[k]!);
      const sendAware = decideNudgeSendAware({
        ...signals,
        nudges_sent: { day1: sent[0]!, day3: sent[1]!, day7: sent[2]! },
      }).template;
      const agent = r.chance(AGENT_FOLLOWS) ? sendAware : otherTemplate(r, sendAware);
      expected.decisions++;
      if (!org.inHeuristic) expected.unmatched++;
      else if (agent === reference) expected.agree++;
      else if (agent === "none" && due >= 0 && sent[due]) expected.known_divergence++;
      else expected.disagree++;

      const milestones = `{"welcomed":${flag(m[0]!)},"screen_paired":${flag(m[1]!)},"content_uploaded":${flag(m[2]!)},"playlist_created":${flag(m[3]!)},"schedule_created":${flag(m[4]!)}}`;
      const common = `"organization_id":"${org.id}","tier":"${org.tier}","days_since_signup":${days}`;
      const reasoning = r.pick(REASONS_JSON[agent]);
      const line = `{"timestamp":"${iso(shadowMs)}","run_id":"${runId}",${common},"hermes_template":"${agent}","hermes_reasoning":${reasoning},"input_signals":{"milestone_flags":${milestones},"nudges_sent":{"day1":${flag(sent[0]!)},"day3":${flag(sent[1]!)},"day7":${flag(sent[2]!)}}}}`;
      shadow.line(line);
      if (expected.decisions % damagedEvery === 1 && t > 0) {
        // Damaged lines next to good ones: cut short, not an object, a mistyped and an unknown value.
        for (const bad of [
          line.slice(0, 180),
          "[1,2,3]",
          line.replace(`"days_since_signup":${days}`, `"days_since_signup":"${days}"`),
          line.replace(`"hermes_template":"${agent}"`, `"hermes_template":"day2-welcome"`),
        ]) {
          shadow.line(bad);
          malformedShadow.push(shadow.lines);
        }
      }
      if (!org.inHeuristic) continue;
      const decision = decideNudge(signals);
      const hLine = `{"timestamp":"${iso(tickMs + r.int(500, 4_000))}","run_id":${runId},${common},"heuristic_template":"${decision.template}","heuristic_action":"${decision.action}","heuristic_reason":"${decision.reason}","input_signals":{"milestone_flags":${milestones}}}`;
      heuristic.line(hLine);
      if (heuristic.lines % (damagedEvery * 1.6) === 0) {
        heuristic.line(hLine.slice(0, 200));
        malformedHeuristic.push(heuristic.lines);
      }
    }
  }
  // A crash mid-append leaves a last line without its newline.
  shadow.line(`{"timestamp":"${iso(START_MS + ticks * TICK_MS)}","run_id":"`, false);
  malformedShadow.push(shadow.lines);
  shadow.close();
  heuristic.close();
  renameSync(`${shadowPath}.tmp`, shadowPath);
  renameSync(`${heuristicPath}.tmp`, heuristicPath);

  const meta: TShadowDataMeta = {
    ...params,
    version: FORMAT_VERSION,
    shadowPath,
    heuristicPath,
    bytes: shadow.bytes + heuristic.bytes,
    shadowRows: shadow.lines,
    heuristicRows: heuristic.lines,
    expected: { ...expected, malformed_lines: malformedShadow, heuristic_malformed_lines: malformedHeuristic },
    generateSeconds: (performance.now() - started) / 1000,
  };
  writeFileSync(join(dir, "meta.json"), JSON.stringify(meta, null, 2));
  return meta;
}

function otherTemplate(r: TRandom, not: TNudgeTemplate): TNudgeTemplate {
  const others = NUDGE_TEMPLATES.filter((t) => t !== not);
  return r.pick(others);
}

/** The cache directory for these parameters (under the OS temp dir, named so it is easy to find and delete). */
export const shadowDataDir = (params: TShadowDataParams = DEFAULT_SHADOW_DATA) =>
  join(tmpdir(), `lifecycle-shadow-bench-v${FORMAT_VERSION}-${params.orgs}x${params.ticksPerOrg}-seed${params.seed}`);

/** Reuses the files in `dir` when meta.json says they were made with the same parameters; generates them otherwise. */
export function ensureShadowData(
  params: TShadowDataParams = DEFAULT_SHADOW_DATA,
  dir = shadowDataDir(params),
): TShadowDataMeta & { reused: boolean } {
  const metaPath = join(dir, "meta.json");
  if (existsSync(metaPath)) {
    try {
      const meta = JSON.parse(readFileSync(metaPath, "utf8")) as TShadowDataMeta;
      const same =
        meta.version === FORMAT_VERSION &&
        meta.orgs === params.orgs &&
        meta.ticksPerOrg === params.ticksPerOrg &&
        meta.seed === params.seed;
      if (same && existsSync(meta.shadowPath) && existsSync(meta.heuristicPath)) return { ...meta, reused: true };
    } catch {
      // unreadable meta: generate again
    }
  }
  return { ...generateShadowData(dir, params), reused: false };
}

if (process.argv[1] && /shadow-data\.ts$/.test(process.argv[1])) {
  const meta = ensureShadowData(DEFAULT_SHADOW_DATA, process.argv[2] ?? shadowDataDir());
  console.log(JSON.stringify({ ...meta, expected: { ...meta.expected } }, null, 2));
}
