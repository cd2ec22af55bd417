import {
  FLAG_CONTENT_UPLOADED,
  FLAG_SCHEDULE_CREATED,
  FLAG_SCREEN_PAIRED,
  HAS_MILESTONES,
  SENT_DAY1,
  SENT_DAY3,
  SENT_DAY7,
  templateCode,
  TIER_FREE,
  tierCode,
  TPL_NONE,
} from "../../domain/shadow/codes";
import { LineReader, type TLineReaderOptions } from "./line-reader";
import * as replay from "../../domain/shadow/replay";
import type { THeuristicLog, TShadowLog } from "../../domain/shadow/report";
import { LineScanner } from "./scan-line";
import type { THeuristicLogRow, TRowCheck, TShadowLogRow } from "../../domain/shadow/schemas";
import { HeuristicRows, OrgInterner, ShadowRows } from "../../domain/shadow/store";
import { parseIsoTimestamp } from "../../domain/shadow/timestamp";

/**
 * The two log readers: JSONL bytes in (see LineReader for feeding them), compact rows out. Each line
 * is tried on the byte scanner first and on JSON.parse + the zod schemas otherwise; both paths end in
 * the same `push` with the same codes. Rows refer to organizations by interned number: logs read
 * with one shared OrgInterner compare directly, others are renumbered by compareLogs.
 */

// Copied once: bundlers compile imported bindings to getters, and this runs once per row.
const { replayTemplate } = replay;

type TFlags = { screen_paired?: boolean; content_uploaded?: boolean; schedule_created?: boolean } | null | undefined;
type TSent = { day1?: boolean; day3?: boolean; day7?: boolean } | null | undefined;

function signalBits(flags: TFlags, sent: TSent): number {
  let bits = 0;
  if (flags) {
    bits |= HAS_MILESTONES;
    if (flags.screen_paired) bits |= FLAG_SCREEN_PAIRED;
    if (flags.content_uploaded) bits |= FLAG_CONTENT_UPLOADED;
    if (flags.schedule_created) bits |= FLAG_SCHEDULE_CREATED;
  }
  if (sent?.day1) bits |= SENT_DAY1;
  if (sent?.day3) bits |= SENT_DAY3;
  if (sent?.day7) bits |= SENT_DAY7;
  return bits;
}

/**
 * The full validation of lines the byte scanner leaves (schemas.ts `checkShadowRow` /
 * `checkHeuristicRow`). Passed in rather than imported, so a worker that rarely needs it can load
 * zod (~90 ms) on first use instead of at start.
 */
export type TRowChecks = {
  shadow: (value: unknown) => TRowCheck<TShadowLogRow>;
  heuristic: (value: unknown) => TRowCheck<THeuristicLogRow>;
};

export type TReaderOptions = TLineReaderOptions & {
  checks: TRowChecks;
  interner?: OrgInterner;
  capacity?: number;
  /** Tests: skip the byte scanner, so every line takes the full parser. */
  slowOnly?: boolean;
};

export class ShadowLogReader extends LineReader {
  readonly rows: ShadowRows;
  readonly interner: OrgInterner;
  heartbeats = 0;
  firstHeartbeat = Infinity;
  lastHeartbeat = -Infinity;
  private readonly scanner = new LineScanner();
  private readonly slowOnly: boolean;
  private readonly check: TRowChecks["shadow"];

  constructor(options: TReaderOptions) {
    super(options);
    this.interner = options.interner ?? new OrgInterner();
    this.rows = new ShadowRows(options.capacity);
    this.check = options.checks.shadow;
    this.slowOnly = options.slowOnly ?? false;
  }

  protected fastLine(b: Uint8Array, start: number, line: number, offset: number): number {
    const s = this.scanner;
    const end = this.slowOnly ? -1 : s.shadow(b, start);
    if (end < 0) return -1;
    if (s.heartbeat) this.heartbeat(s.ts);
    else {
      const org = this.interner.intern(b, s.orgStart, s.orgEnd, s.orgHash);
      this.rows.push(org, s.ts, s.template, s.tier, s.days, s.bits, line, offset);
    }
    return end;
  }

  protected slowLine(value: unknown, line: number, offset: number): void {
    const checked = this.check(value);
    if (!checked.ok) return this.reject(line, checked.reason);
    const row = checked.row;
    const ts = parseIsoTimestamp(row.timestamp);
    if (row.organization_id === null) return this.heartbeat(ts);
    const template = row.hermes_template ? templateCode(row.hermes_template) : TPL_NONE;
    const tier = typeof row.tier === "string" ? tierCode(row.tier) : TIER_FREE;
    const signals = row.input_signals;
    const bits = signalBits(signals?.milestone_flags, signals?.nudges_sent);
    const org = this.interner.internString(row.organization_id);
    this.rows.push(org, ts, template, tier, row.days_since_signup ?? -1, bits, line, offset);
  }

  /** Everything read so far; call after `end()`. */
  log(): TShadowLog {
    const count = this.heartbeats;
    return {
      rows: this.rows,
      orgNames: this.interner.names,
      stats: this.stats(),
      heartbeats: { count, first: count ? this.firstHeartbeat : null, last: count ? this.lastHeartbeat : null },
    };
  }

  private heartbeat(ts: number): void {
    this.heartbeats++;
    if (ts < this.firstHeartbeat) this.firstHeartbeat = ts;
    if (ts > this.lastHeartbeat) this.lastHeartbeat = ts;
  }
}

export class HeuristicLogReader extends LineReader {
  readonly rows: HeuristicRows;
  readonly interner: OrgInterner;
  /** The heuristic replayed on each row's own logged signals (rows with days and milestone flags). */
  replayed = 0;
  replayMismatches = 0;
  private readonly scanner = new LineScanner();
  private readonly slowOnly: boolean;
  private readonly check: TRowChecks["heuristic"];

  constructor(options: TReaderOptions) {
    super(options);
    this.interner = options.interner ?? new OrgInterner();
    this.rows = new HeuristicRows(options.capacity);
    this.check = options.checks.heuristic;
    this.slowOnly = options.slowOnly ?? false;
  }

  protected fastLine(b: Uint8Array, start: number): number {
    const s = this.scanner;
    const end = this.slowOnly ? -1 : s.heuristic(b, start);
    if (end < 0) return -1;
    this.add(this.interner.intern(b, s.orgStart, s.orgEnd, s.orgHash), s.ts, s.template, s.days, s.bits);
    return end;
  }

  protected slowLine(value: unknown, line: number): void {
    const checked = this.check(value);
    if (!checked.ok) return this.reject(line, checked.reason);
    const row = checked.row;
    const bits = signalBits(row.input_signals?.milestone_flags, undefined);
    const org = this.interner.internString(row.organization_id);
    const template = templateCode(row.heuristic_template);
    this.add(org, parseIsoTimestamp(row.timestamp), template, row.days_since_signup ?? -1, bits);
  }

  /** Everything read so far; call after `end()`. */
  log(): THeuristicLog {
    return {
      rows: this.rows,
      orgNames: this.interner.names,
      stats: this.stats(),
      replayed: this.replayed,
      replayMismatches: this.replayMismatches,
    };
  }

  private add(org: number, ts: number, template: number, days: number, bits: number): void {
    this.rows.push(org, ts, template);
    if (days < 0 || (bits & HAS_MILESTONES) === 0) return;
    this.replayed++;
    if (replayTemplate(days, bits) !== template) this.replayMismatches++;
  }
}
