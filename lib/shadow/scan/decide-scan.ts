import { decisionTail } from "../../domain/nudges/decide-document";
import { decideNudge, decideNudgeSendAware, type TNudgeDecision } from "../../domain/nudges/heuristic";
import type { TNudgeCandidate } from "../../domain/nudges/candidate";
import { MILESTONES } from "../../domain/accounts/milestones";
import { TIERS } from "../../domain/accounts/tiers";

/**
 * The fast path of `lifecycle decide`: a byte scanner for the one shape a candidates listing has
 * (`{"candidates":[{organization_id, tier, days_since_signup, milestone_flags{5}, nudges_sent{3}}…],
 * "total":N}`, keys in any order, any JSON whitespace) that decides while it scans and writes the
 * output bytes straight into one buffer — no JSON.parse, no object per candidate, no string per line.
 *
 * It only says yes when it is sure: anything it does not fully understand — an escape or a non-ASCII
 * byte in a string, an unknown or repeated key, an unknown tier, a number that is not a plain
 * non-negative integer, null, trailing bytes — returns null, and the caller takes the full path
 * (JSON.parse + schema), which decides the same document or words the error. So the output is
 * byte-for-byte that of `decideDocument` and the errors are exactly its errors.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const ZERO = 0x30;
const NINE = 0x39;
// 15 digits stay below 2^53: every such number is a safe integer, as the schema requires.
const MAX_DIGITS = 15;

const encoder = new TextEncoder();
const ascii = (text: string) => encoder.encode(text);

// Key ids. Document: candidates, total. Candidate: 5 keys. Flags: 5 keys. Sent: 3 keys.
const DOC_KEYS = [ascii("candidates"), ascii("total")];
const CANDIDATE_KEYS = ["organization_id", "tier", "days_since_signup", "milestone_flags", "nudges_sent"].map(ascii);
const FLAG_KEYS = MILESTONES.map(ascii);
const SENT_KEYS = ["day1", "day3", "day7"].map(ascii);
// An unknown tier (read as `free`) goes to the full path.
const TIER_NAMES = TIERS.map(ascii);

const PREFIX = ascii('{"organization_id":"');
const CANDIDATE_KEY_ORG = ascii('"organization_id":');

// The compact layout a listing has (JSON.stringify of the tool's rows): literal bytes between the
// values, tried first; a candidate laid out any other way is read by the general path.
const LAYOUT = [
  '","tier":"',
  '","days_since_signup":',
  ',"milestone_flags":{"welcomed":',
  ',"screen_paired":',
  ',"content_uploaded":',
  ',"playlist_created":',
  ',"schedule_created":',
  '},"nudges_sent":{"day1":',
  ',"day3":',
  ',"day7":',
  "}}",
].map(ascii);
// A literal as little-endian 32-bit words, and its last 0–3 bytes.
type TLiteral = { words: Int32Array; rest: Uint8Array; length: number };
function literalOf(bytes: Uint8Array): TLiteral {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const words = Int32Array.from({ length: bytes.length >> 2 }, (_, w) => view.getInt32(w * 4, true));
  return { words, rest: bytes.slice(words.length * 4), length: bytes.length };
}
const [L_TIER, L_DAYS, L_WELCOMED, L_PAIRED, L_UPLOADED, L_PLAYLIST, L_SCHEDULE, L_DAY1, L_DAY3, L_DAY7, L_END] =
  LAYOUT.map(literalOf) as [
    TLiteral,
    TLiteral,
    TLiteral,
    TLiteral,
    TLiteral,
    TLiteral,
    TLiteral,
    TLiteral,
    TLiteral,
    TLiteral,
    TLiteral,
  ];
const L_ORG = literalOf(CANDIDATE_KEY_ORG);
const AFTER_ID = ascii('",');

class Bail extends Error {}
const BAIL = new Bail();

class Scanner {
  p = 0;
  private out: Uint8Array;
  private o = 0;
  private readonly tails = new Map<TNudgeDecision, Uint8Array>();
  private readonly view: DataView;
  private readonly candidate: TNudgeCandidate = {
    organization_id: "",
    tier: "free",
    days_since_signup: 0,
    milestone_flags: {
      welcomed: false,
      screen_paired: false,
      content_uploaded: false,
      playlist_created: false,
      schedule_created: false,
    },
    nudges_sent: { day1: false, day3: false, day7: false },
  };
  private readonly flags = new Array<boolean>(5).fill(false);
  private readonly sent = new Array<boolean>(3).fill(false);
  // Where the string just read starts and ends (exclusive), without its quotes.
  private s0 = 0;
  private s1 = 0;

  constructor(
    private readonly b: Uint8Array,
    private readonly decide: (c: TNudgeCandidate) => TNudgeDecision,
  ) {
    // A line out is shorter than its candidate in (for ids under ~100 bytes), so this rarely grows.
    this.out = new Uint8Array(Math.max(1024, b.length));
    this.view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  }

  document(): Uint8Array {
    const b = this.b;
    if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) this.p = 3;
    this.ws();
    this.expect(OPEN_OBJECT);
    let seen = 0;
    for (;;) {
      this.ws();
      const key = this.key(DOC_KEYS);
      if (seen & (1 << key)) throw BAIL;
      seen |= 1 << key;
      this.ws();
      this.expect(COLON);
      this.ws();
      if (key === 0) this.candidates();
      else this.uint();
      this.ws();
      if (this.next() === CLOSE_OBJECT) break;
      this.back(COMMA);
    }
    if (seen !== 3) throw BAIL;
    this.ws();
    if (this.p !== b.length) throw BAIL;
    return this.out.subarray(0, this.o);
  }

  private candidates(): void {
    this.expect(OPEN_ARRAY);
    this.ws();
    if (this.b[this.p] === CLOSE_ARRAY) {
      this.p++;
      return;
    }
    for (;;) {
      this.ws();
      this.oneCandidate();
      this.ws();
      if (this.next() === CLOSE_ARRAY) return;
      this.back(COMMA);
    }
  }

  private oneCandidate(): void {
    const start = this.p;
    if (this.compactCandidate()) return;
    this.p = start;
    this.expect(OPEN_OBJECT);
    let seen = 0;
    let idStart = 0;
    let idEnd = 0;
    for (;;) {
      this.ws();
      const key = this.key(CANDIDATE_KEYS);
      if (seen & (1 << key)) throw BAIL;
      seen |= 1 << key;
      this.ws();
      this.expect(COLON);
      this.ws();
      switch (key) {
        case 0:
          this.string();
          if (this.s1 === this.s0) throw BAIL; // empty: the schema words that error
          idStart = this.s0;
          idEnd = this.s1;
          break;
        case 1:
          this.string();
          this.oneOf(TIER_NAMES);
          break;
        case 2:
          this.candidate.days_since_signup = this.uint();
          break;
        case 3:
          this.booleans(FLAG_KEYS, this.flags);
          break;
        default:
          this.booleans(SENT_KEYS, this.sent);
      }
      this.ws();
      if (this.next() === CLOSE_OBJECT) break;
      this.back(COMMA);
    }
    if (seen !== 31) throw BAIL;
    const c = this.candidate;
    const f = c.milestone_flags;
    const flags = this.flags;
    f.welcomed = flags[0]!;
    f.screen_paired = flags[1]!;
    f.content_uploaded = flags[2]!;
    f.playlist_created = flags[3]!;
    f.schedule_created = flags[4]!;
    c.nudges_sent.day1 = this.sent[0]!;
    c.nudges_sent.day3 = this.sent[1]!;
    c.nudges_sent.day7 = this.sent[2]!;
    this.emit(idStart, idEnd, this.decide(c));
  }

  // The candidate in the compact layout, decided and written; false (p anywhere) when it is not.
  private compactCandidate(): boolean {
    const b = this.b;
    if (b[this.p] !== OPEN_OBJECT || b[this.p + 1] !== QUOTE) return false;
    this.p++;
    if (!this.literal(L_ORG)) return false;
    if (b[this.p] !== QUOTE) return false;
    this.string();
    const idStart = this.s0;
    const idEnd = this.s1;
    if (idEnd === idStart) return false;
    this.p--; // back onto the closing quote, which the next literal starts with
    if (!this.literal(L_TIER)) return false;
    this.p--;
    this.string();
    this.oneOf(TIER_NAMES);
    this.p--;
    if (!this.literal(L_DAYS)) return false;
    const c = this.candidate;
    c.days_since_signup = this.uint();
    const f = c.milestone_flags;
    const sent = c.nudges_sent;
    if (!this.literal(L_WELCOMED)) return false;
    f.welcomed = this.boolean();
    if (!this.literal(L_PAIRED)) return false;
    f.screen_paired = this.boolean();
    if (!this.literal(L_UPLOADED)) return false;
    f.content_uploaded = this.boolean();
    if (!this.literal(L_PLAYLIST)) return false;
    f.playlist_created = this.boolean();
    if (!this.literal(L_SCHEDULE)) return false;
    f.schedule_created = this.boolean();
    if (!this.literal(L_DAY1)) return false;
    sent.day1 = this.boolean();
    if (!this.literal(L_DAY3)) return false;
    sent.day3 = this.boolean();
    if (!this.literal(L_DAY7)) return false;
    sent.day7 = this.boolean();
    if (!this.literal(L_END)) return false;
    this.emit(idStart, idEnd, this.decide(c));
    return true;
  }

  // The bytes at p are exactly `bytes`: moves past them. Four bytes at a time, then the rest.
  private literal(literal: TLiteral): boolean {
    const b = this.b;
    const p = this.p;
    const len = literal.length;
    if (p + len > b.length) return false;
    const words = literal.words;
    const view = this.view;
    let i = 0;
    for (let w = 0; w < words.length; w++, i += 4) if (view.getInt32(p + i, true) !== words[w]) return false;
    const rest = literal.rest;
    for (let r = 0; r < rest.length; r++, i++) if (b[p + i] !== rest[r]) return false;
    this.p = p + len;
    return true;
  }

  // `{"organization_id":"<id>",<tail>\n`, as decisionLine writes it (the id needs no escaping: checked).
  private emit(idStart: number, idEnd: number, decision: TNudgeDecision): void {
    let tail = this.tails.get(decision);
    if (!tail) this.tails.set(decision, (tail = ascii(decisionTail(decision))));
    const need = PREFIX.length + (idEnd - idStart) + AFTER_ID.length + tail.length + 1;
    if (this.o + need > this.out.length) {
      const bigger = new Uint8Array(Math.max(this.out.length * 2, this.o + need));
      bigger.set(this.out.subarray(0, this.o));
      this.out = bigger;
    }
    const out = this.out;
    const b = this.b;
    let o = this.o;
    for (let i = 0; i < PREFIX.length; i++) out[o++] = PREFIX[i]!;
    for (let i = idStart; i < idEnd; i++) out[o++] = b[i]!;
    out[o++] = AFTER_ID[0]!;
    out[o++] = AFTER_ID[1]!;
    for (let i = 0; i < tail.length; i++) out[o++] = tail[i]!;
    out[o++] = 0x0a;
    this.o = o;
  }

  // An object of exactly these boolean keys, each once, in any order.
  private booleans(keys: Uint8Array[], into: boolean[]): void {
    this.expect(OPEN_OBJECT);
    let seen = 0;
    for (;;) {
      this.ws();
      const key = this.key(keys);
      if (seen & (1 << key)) throw BAIL;
      seen |= 1 << key;
      this.ws();
      this.expect(COLON);
      this.ws();
      into[key] = this.boolean();
      this.ws();
      if (this.next() === CLOSE_OBJECT) break;
      this.back(COMMA);
    }
    if (seen !== (1 << keys.length) - 1) throw BAIL;
  }

  private boolean(): boolean {
    const b = this.b;
    const p = this.p;
    if (b[p] === 0x74 && b[p + 1] === 0x72 && b[p + 2] === 0x75 && b[p + 3] === 0x65) {
      this.p = p + 4;
      return true;
    }
    if (b[p] === 0x66 && b[p + 1] === 0x61 && b[p + 2] === 0x6c && b[p + 3] === 0x73 && b[p + 4] === 0x65) {
      this.p = p + 5;
      return false;
    }
    throw BAIL;
  }

  // A plain non-negative integer: digits, no leading zero, no fraction or exponent, at most 15 digits.
  private uint(): number {
    const b = this.b;
    const start = this.p;
    let p = start;
    let value = 0;
    while (p < b.length && b[p]! >= ZERO && b[p]! <= NINE) value = value * 10 + (b[p++]! - ZERO);
    const digits = p - start;
    if (digits === 0 || digits > MAX_DIGITS || (digits > 1 && b[start] === ZERO)) throw BAIL;
    const c = b[p];
    if (c === 0x2e || c === 0x65 || c === 0x45) throw BAIL; // . e E
    this.p = p;
    return value;
  }

  // A string of printable ASCII without escapes; sets s0/s1 to its contents.
  private string(): void {
    const b = this.b;
    if (b[this.p] !== QUOTE) throw BAIL;
    let p = this.p + 1;
    this.s0 = p;
    for (;;) {
      const c = b[p];
      if (c === QUOTE) break;
      if (c === undefined || c < 0x20 || c >= 0x80 || c === BACKSLASH) throw BAIL;
      p++;
    }
    this.s1 = p;
    this.p = p + 1;
  }

  // The index of the key in `keys` that the next string is; anything else bails.
  private key(keys: Uint8Array[]): number {
    this.string();
    return this.oneOf(keys);
  }

  private oneOf(names: Uint8Array[]): number {
    const b = this.b;
    const s0 = this.s0;
    const len = this.s1 - s0;
    outer: for (let k = 0; k < names.length; k++) {
      const name = names[k]!;
      if (name.length !== len) continue;
      for (let i = 0; i < len; i++) if (b[s0 + i] !== name[i]) continue outer;
      return k;
    }
    throw BAIL;
  }

  private ws(): void {
    const b = this.b;
    let p = this.p;
    for (;;) {
      const c = b[p];
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
      p++;
    }
    this.p = p;
  }

  private expect(byte: number): void {
    if (this.b[this.p] !== byte) throw BAIL;
    this.p++;
  }

  private next(): number | undefined {
    return this.b[this.p++];
  }

  // The byte just taken by next() must be `byte` (a separator).
  private back(byte: number): void {
    if (this.b[this.p - 1] !== byte) throw BAIL;
  }
}

/**
 * The output of `lifecycle decide` for the UTF-8 bytes of a candidates document — one line per
 * candidate, each ending in `\n` — or null when the document is anything but the plain listing
 * shape, for the caller to run `decideDocument` on its text instead.
 */
export function scanDecideDocument(bytes: Uint8Array, options: { sendAware?: boolean } = {}): Uint8Array | null {
  const scanner = new Scanner(bytes, options.sendAware ? decideNudgeSendAware : decideNudge);
  try {
    return scanner.document();
  } catch (error) {
    if (error === BAIL) return null;
    throw error;
  }
}
