import * as codes from "../../domain/shadow/codes";
import * as keys from "./scan-keys";
import { compileShape, NO_SHAPE, type TCompiledShape } from "./scan-shape";
import * as values from "./scan-values";
import { ValueScanner } from "./scan-values";

/**
 * The fast path of the log readers: reads one JSONL line straight from its UTF-8 bytes without making
 * strings. It accepts only the common shape — an object of known keys (any order, optional
 * whitespace), strings without escapes, the timestamp `toISOString` writes — and returns -1 for
 * anything else, so that line goes to JSON.parse + the zod schemas (schemas.ts), which alone decide
 * what is malformed. Invariant: whatever this accepts, the schemas accept with the same values
 * (scan-line.test.ts runs lines through both).
 *
 * Two speeds. The first line is read key by key (`object`), and the bytes between its values — keys,
 * colons, commas, braces — are remembered as the log's "shape". Later lines are first compared with
 * that shape four bytes at a time, reading only the values (`shaped`); a line that differs in any
 * structural byte is read key by key again, and becomes the new shape.
 *
 * The caller passes only complete lines: the byte after every line is `\n`, and every loop here stops
 * at a byte below 0x20 (or checks its bounds), so a scan never runs past its line.
 */

// Bundlers (esbuild under tsx, webpack in Next) compile imported bindings to getter calls; read per
// line, those cost more than the scan itself. The hot code reads these module constants instead.
const { HAS_MILESTONES } = codes;
const { SHADOW_REQUIRED, HEURISTIC_REQUIRED, QUOTED_KEYS, QUOTED_KEY_WORDS, VALUE_KIND, BIT_FOR_KEY } = keys;
const { NULLABLE_KEYS, CONTAINER_KEYS, keyId } = keys;
const { V_TIMESTAMP, V_ORG, V_RUN_ID, V_TIER, V_DAYS, V_TEMPLATE, V_REASONING, V_TEXT } = keys;
const { V_SIGNALS, V_MILESTONES, V_SENT } = keys;
const KEY_COUNT = keys.KEYS.length;
const { equalBytes, HEARTBEAT_BYTES, N, NEWLINE, QUOTE } = values;

const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN = 0x7b;
const CLOSE = 0x7d;
// A shape with more values than this is not learned (the logs have about 20).
const MAX_SLOTS = 48;

// Nesting levels the scanner walks, and the keys each may hold.
const TOP_SHADOW = 0;
const TOP_HEURISTIC = 1;
const SIGNALS = 2;
const MILESTONES = 3;
const SENT = 4;
const ALLOWED = [keys.SHADOW_ROW_KEYS, keys.HEURISTIC_ROW_KEYS, keys.SIGNALS_KEYS, keys.MILESTONE_KEYS, keys.SENT_KEYS];

/** One reusable scanner per log; after a successful `shadow` or `heuristic` call its public fields describe the row. */
export class LineScanner extends ValueScanner {
  heartbeat = false;

  private seen = 0;
  // Key id expected after key k (or at the start of nesting level l, at KEY_COUNT + l); -1 unknown.
  private readonly predict = new Int8Array(KEY_COUNT + ALLOWED.length).fill(-1);
  // The learned shape, compiled (compileShape), and what a line of that shape implies. The slot
  // arrays record, while a line is read key by key, where each value starts and ends.
  private shapeLevel = -1;
  private shapeSeen = 0;
  private compiled: TCompiledShape = NO_SHAPE;
  private shapeBits = 0; // bits set by the shape's structure itself (milestone_flags being an object)
  private slots = 0;
  private slotKey = new Int8Array(MAX_SLOTS);
  private slotStart = new Int32Array(MAX_SLOTS);
  private slotEnd = new Int32Array(MAX_SLOTS);

  /** Scans a shadow-log line starting at b[start]; the index of its `\n`, or -1 for the full parser. */
  shadow(b: Uint8Array, start: number): number {
    const end = this.row(b, start, TOP_SHADOW);
    if (end < 0 || (this.seen & SHADOW_REQUIRED) !== SHADOW_REQUIRED) return -1;
    this.heartbeat = this.orgStart < 0;
    // A null organization is only a heartbeat with the exact heartbeat text; anything else is for the schema to judge.
    if (this.heartbeat && (this.reasonStart < 0 || !equalBytes(b, this.reasonStart, this.reasonEnd, HEARTBEAT_BYTES))) {
      return -1;
    }
    return end;
  }

  /** Scans a heuristic-log line starting at b[start]; the index of its `\n`, or -1 for the full parser. */
  heuristic(b: Uint8Array, start: number): number {
    const end = this.row(b, start, TOP_HEURISTIC);
    if (end < 0 || (this.seen & HEURISTIC_REQUIRED) !== HEURISTIC_REQUIRED || this.orgStart < 0) return -1;
    return end;
  }

  private row(b: Uint8Array, start: number, level: number): number {
    this.use(b);
    if (this.shapeLevel === level) {
      this.resetRow();
      const end = this.shaped(start);
      if (end >= 0) return end;
    }
    this.resetRow();
    this.p = start;
    this.slots = 0;
    if (b[start]! <= 0x20) this.ws();
    if (b[this.p] !== OPEN || !this.object(level)) return -1;
    const close = this.p;
    if (b[this.p] !== NEWLINE) this.ws();
    if (b[this.p] !== NEWLINE) return -1;
    this.learn(level, start, close);
    return this.p;
  }

  // Remembers the structural bytes around the values just read as the shape for the next lines.
  private learn(level: number, start: number, close: number): void {
    const n = this.slots;
    if (n === 0 || n > MAX_SLOTS) return;
    const b = this.b;
    const bytes: Uint8Array[] = [];
    let from = start;
    for (let i = 0; i < n; i++) {
      bytes.push(b.subarray(from, this.slotStart[i]!));
      from = this.slotEnd[i]!;
    }
    bytes.push(b.subarray(from, close));
    this.compiled = compileShape(bytes, this.slotKey.subarray(0, n));
    this.shapeSeen = this.seen;
    this.shapeBits = this.bits & HAS_MILESTONES;
    this.shapeLevel = level;
  }

  // Reads a line against the learned shape; -1 as soon as a structural byte differs.
  private shaped(start: number): number {
    this.bits = this.shapeBits;
    const end = this.compiled(this, this.b, this.view, start);
    if (end >= 0) this.seen = this.shapeSeen;
    return end;
  }

  // At `{`: reads an object key by key. Leaves `seen` as its keys (the top level's is written last).
  private object(level: number): boolean {
    const b = this.b;
    const allowed = ALLOWED[level]!;
    const predict = this.predict;
    let previous = KEY_COUNT + level;
    let seen = 0;
    this.p++;
    if (b[this.p]! <= 0x20) this.ws();
    if (b[this.p] === CLOSE) {
      this.p++;
      this.seen = 0;
      return true;
    }
    for (;;) {
      if (b[this.p] !== QUOTE) return false;
      // Lines of one log share their key order: try the key that followed `previous` last time.
      let key = predict[previous]!;
      if (key < 0 || !this.literal(QUOTED_KEYS[key]!, QUOTED_KEY_WORDS[key]!)) {
        if (!this.string()) return false;
        key = keyId(b, this.strStart, this.strEnd - this.strStart);
        if (key < 0) return false;
        predict[previous] = key;
      }
      previous = key;
      const bit = 1 << key;
      if ((allowed & bit) === 0 || (seen & bit) !== 0) return false;
      seen |= bit;
      if (b[this.p] !== COLON) {
        this.ws();
        if (b[this.p] !== COLON) return false;
      }
      this.p++;
      if (b[this.p]! <= 0x20) this.ws();
      const start = this.p;
      const isNull = b[start] === N;
      if (isNull) {
        if ((NULLABLE_KEYS & bit) === 0 || !this.nullLiteral()) return false;
      } else if (!this.value(key)) return false;
      if (isNull || (CONTAINER_KEYS & bit) === 0) this.slot(key, start);
      let c = b[this.p];
      if (c! <= 0x20) {
        this.ws();
        c = b[this.p];
      }
      if (c === COMMA) {
        this.p++;
        if (b[this.p]! <= 0x20) this.ws();
      } else if (c === CLOSE) {
        this.p++;
        this.seen = seen;
        return true;
      } else return false;
    }
  }

  private slot(key: number, start: number): void {
    const i = this.slots++;
    if (i >= MAX_SLOTS) return;
    this.slotKey[i] = key;
    this.slotStart[i] = start;
    this.slotEnd[i] = this.p;
  }

  // Reads a non-null value (scan-values.ts); the row fields it feeds keep their null defaults otherwise.
  private value(key: number): boolean {
    switch (VALUE_KIND[key]) {
      case V_TIMESTAMP:
        return this.vTimestamp();
      case V_ORG:
        return this.vOrg();
      case V_RUN_ID:
        return this.vRunId();
      case V_TIER:
        return this.vTier();
      case V_DAYS:
        return this.vDays();
      case V_TEMPLATE:
        return this.vTemplate();
      case V_REASONING:
        return this.vReasoning();
      case V_TEXT:
        return this.vText();
      case V_SIGNALS:
        return this.b[this.p] === OPEN && this.object(SIGNALS);
      case V_MILESTONES:
        if (this.b[this.p] !== OPEN) return false;
        this.bits |= HAS_MILESTONES;
        return this.object(MILESTONES);
      case V_SENT:
        return this.b[this.p] === OPEN && this.object(SENT);
      default:
        return this.vBoolean(BIT_FOR_KEY[key]!);
    }
  }
}
