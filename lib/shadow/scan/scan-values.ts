import * as codes from "../../domain/shadow/codes";
import * as store from "../../domain/shadow/store";
import * as timestamp from "../../domain/shadow/timestamp";
import { ascii, words } from "./scan-keys";

/**
 * The value readers of the byte scanner (scan-line.ts): each starts at `p`, on the first byte of a
 * JSON value, and either reads it — setting the row field it feeds and moving `p` past it — or
 * returns false, leaving the line to the full parser. They stop at any byte below 0x20, so they never
 * run past the line's `\n`. Public where compiled shapes (scan-shape.ts) call them directly.
 */

// Copied once: bundlers compile imported bindings to getters, too slow to read per byte.
const { HEARTBEAT_REASONING, TEMPLATES, TIER_FREE, TIERS, TPL_NONE } = codes;
const { FNV_OFFSET, FNV_PRIME } = store;
const { parseIsoBytes } = timestamp;

export const QUOTE = 0x22;
export const BACKSLASH = 0x5c;
export const NEWLINE = 0x0a;
export const N = 0x6e; // the n of null
// Epoch seconds have 10 digits; 15 stays within exact doubles. Days fit in far fewer.
const RUN_ID_DIGITS = 15;
const DAYS_DIGITS = 6;

function byLength(names: readonly string[]): Int8Array {
  const table = new Int8Array(32).fill(-1);
  names.forEach((name, code) => {
    if (table[name.length]! >= 0) throw new Error(`scan-values: two values of length ${name.length}`);
    table[name.length] = code;
  });
  return table;
}
const TEMPLATE_BY_LENGTH = byLength(TEMPLATES);
const TEMPLATE_BYTES = TEMPLATES.map(ascii);
const TEMPLATE_WORDS = TEMPLATE_BYTES.map(words);
const TIER_BY_LENGTH = byLength(TIERS);
const TIER_BYTES = TIERS.map(ascii);
const TIER_WORDS = TIER_BYTES.map(words);
export const HEARTBEAT_BYTES = ascii(HEARTBEAT_REASONING);

// The characters JSON allows after a backslash (besides `u` + 4 hex digits).
const ESCAPABLE = new Uint8Array(256);
for (const c of '"\\/bfnrt') ESCAPABLE[c.charCodeAt(0)] = 1;
const isHex = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);

/** True when one of the 4 bytes of `x` is a quote, a backslash or below 0x20 (exact, SWAR). */
export function special(x: number): boolean {
  const q = x ^ 0x22222222;
  const s = x ^ 0x5c5c5c5c;
  return ((((q - 0x01010101) & ~q) | ((s - 0x01010101) & ~s) | ((x - 0x20202020) & ~x)) & 0x80808080) !== 0;
}

export function equalBytes(b: Uint8Array, s: number, e: number, expected: Uint8Array): boolean {
  if (e - s !== expected.length) return false;
  for (let i = 0; i < expected.length; i++) if (b[s + i] !== expected[i]) return false;
  return true;
}

/** Scanner state shared by the value readers and LineScanner; after a scan, the public fields describe the row. */
export class ValueScanner {
  ts = 0;
  /** UTF-8 bytes of organization_id are b[orgStart, orgEnd); orgStart -1 means null. */
  orgStart = -1;
  orgEnd = -1;
  orgHash = 0;
  template = TPL_NONE;
  tier = TIER_FREE;
  days = -1;
  bits = 0;
  /** Position in `b`. */
  p = 0;

  protected b: Uint8Array = new Uint8Array(0);
  protected view: DataView = new DataView(new ArrayBuffer(0));
  protected strStart = 0;
  protected strEnd = 0;
  protected reasonStart = -1;
  protected reasonEnd = -1;
  private readonly out = new Int32Array(1);

  /** Reads from `b` from now on. */
  protected use(b: Uint8Array): void {
    if (b === this.b) return;
    this.b = b;
    this.view = new DataView(b.buffer, b.byteOffset, b.length);
  }

  /** Back to the values a line with every optional key missing or null reads as. */
  protected resetRow(): void {
    this.orgStart = -1;
    this.template = TPL_NONE;
    this.tier = TIER_FREE;
    this.days = -1;
    this.bits = 0;
    this.reasonStart = -1;
  }

  ws(): void {
    const b = this.b;
    let p = this.p;
    let c = b[p];
    while (c === 0x20 || c === 0x09 || c === 0x0d) c = b[++p];
    this.p = p;
  }
  vTimestamp(): boolean {
    if (this.b[this.p] !== QUOTE) return false;
    const ts = parseIsoBytes(this.b, this.p, this.out);
    if (ts !== ts) return false; // NaN: not the common shape
    this.ts = ts;
    this.p = this.out[0]!;
    return true;
  }
  vOrg(): boolean {
    return this.b[this.p] === QUOTE && this.organization();
  }
  vRunId(): boolean {
    return this.b[this.p] === QUOTE ? this.text() : this.integer(RUN_ID_DIGITS) >= 0;
  }
  vTier(): boolean {
    if (this.b[this.p] !== QUOTE || !this.string()) return false;
    this.tier = this.lookup(TIER_BY_LENGTH, TIER_BYTES, TIER_WORDS);
    if (this.tier < 0) this.tier = TIER_FREE; // spec: any other tier reads as free
    return true;
  }
  vDays(): boolean {
    this.days = this.integer(DAYS_DIGITS);
    return this.days >= 0;
  }
  vTemplate(): boolean {
    if (this.b[this.p] !== QUOTE || !this.string()) return false;
    this.template = this.lookup(TEMPLATE_BY_LENGTH, TEMPLATE_BYTES, TEMPLATE_WORDS);
    return this.template >= 0;
  }
  // Only compared with the heartbeat text, byte for byte: an escaped heartbeat text does not match
  // and goes to the full parser, so escapes elsewhere may stay undecoded.
  vReasoning(): boolean {
    if (this.b[this.p] !== QUOTE || !this.text()) return false;
    this.reasonStart = this.strStart;
    this.reasonEnd = this.strEnd;
    return true;
  }
  vText(): boolean {
    return this.b[this.p] === QUOTE && this.text();
  }
  vBoolean(bit: number): boolean {
    const b = this.b;
    const p = this.p;
    if (b[p] === 0x74 && b[p + 1] === 0x72 && b[p + 2] === 0x75 && b[p + 3] === 0x65) {
      this.bits |= bit;
      this.p = p + 4;
      return true;
    }
    if (b[p] === 0x66 && b[p + 1] === 0x61 && b[p + 2] === 0x6c && b[p + 3] === 0x73 && b[p + 4] === 0x65) {
      this.p = p + 5;
      return true;
    }
    return false;
  }
  // At `"`: the string's bytes go to strStart..strEnd, the position to after the closing quote.
  // Escapes and control characters are left to the full parser.
  protected string(): boolean {
    const b = this.b;
    let p = this.p + 1;
    this.strStart = p;
    let c = b[p]!;
    while (c !== QUOTE) {
      if (!(c >= 0x20) || c === BACKSLASH) return false;
      c = b[++p]!;
    }
    this.strEnd = p;
    this.p = p + 1;
    return true;
  }
  // At `"`: a string whose value is not used, so JSON escapes are checked but not decoded.
  private text(): boolean {
    const b = this.b;
    const view = this.view;
    const last = b.length - 4;
    let p = this.p + 1;
    this.strStart = p;
    for (;;) {
      // Four bytes at a time while none is a quote, a backslash or a control character.
      while (p <= last && !special(view.getUint32(p, true))) p += 4;
      let c = b[p]!;
      while (c !== QUOTE && c >= 0x20 && c !== BACKSLASH) c = b[++p]!;
      if (c === QUOTE) break;
      if (c !== BACKSLASH) return false; // a control character, or the end of the buffer
      const e = b[p + 1]!;
      if (e === 0x75) {
        if (!(isHex(b[p + 2]!) && isHex(b[p + 3]!) && isHex(b[p + 4]!) && isHex(b[p + 5]!))) return false;
        p += 6;
      } else if (ESCAPABLE[e] === 1) p += 2;
      else return false;
    }
    this.strEnd = p;
    this.p = p + 1;
    return true;
  }
  // At `"`: organization_id, hashed in the same pass exactly as store.ts hashBytes does (whole
  // 4-byte words from the start, then the last bytes one by one). Empty is for the schema to reject.
  private organization(): boolean {
    const b = this.b;
    const view = this.view;
    const last = b.length - 4;
    const start = this.p + 1;
    let p = start;
    let h = FNV_OFFSET;
    for (;;) {
      if (p > last) return false; // too near the end of the buffer to hash by words: full parser
      const word = view.getUint32(p, true);
      if (special(word)) break;
      h = Math.imul(h ^ word, FNV_PRIME);
      p += 4;
    }
    let c = b[p]!;
    while (c !== QUOTE) {
      if (!(c >= 0x20) || c === BACKSLASH) return false;
      h = Math.imul(h ^ c, FNV_PRIME);
      c = b[++p]!;
    }
    if (p === start) return false;
    this.orgStart = start;
    this.orgEnd = p;
    this.orgHash = h;
    this.p = p + 1;
    return true;
  }
  // A non-negative JSON integer of at most `maxDigits` digits; -1 for anything else (sign, fraction,
  // exponent, leading zero), which the full parser then judges.
  private integer(maxDigits: number): number {
    const b = this.b;
    let p = this.p;
    let c = b[p]! - 48;
    if (c < 0 || c > 9) return -1;
    let n = c;
    c = b[++p]! - 48;
    if (n === 0 && c >= 0 && c <= 9) return -1; // leading zero: not JSON
    while (c >= 0 && c <= 9) {
      if (p - this.p >= maxDigits) return -1;
      n = n * 10 + c;
      c = b[++p]! - 48;
    }
    c += 48;
    if (c === 0x2e || c === 0x65 || c === 0x45) return -1;
    this.p = p;
    return n;
  }
  nullLiteral(): boolean {
    const b = this.b;
    const p = this.p;
    if (b[p] !== N || b[p + 1] !== 0x75 || b[p + 2] !== 0x6c || b[p + 3] !== 0x6c) return false;
    this.p = p + 4;
    return true;
  }
  // Code of the value whose bytes the last string holds (the values differ in length), or -1.
  private lookup(byLength: Int8Array, values: Uint8Array[], valueWords: Uint32Array[]): number {
    const s = this.strStart;
    const len = this.strEnd - s;
    const code = len < byLength.length ? byLength[len]! : -1;
    if (code < 0) return -1;
    const w = valueWords[code]!;
    const view = this.view;
    for (let i = 0; i < w.length; i++) if (view.getUint32(s + i * 4, true) !== w[i]) return -1;
    const bytes = values[code]!;
    const b = this.b;
    for (let i = w.length * 4; i < len; i++) if (b[s + i] !== bytes[i]) return -1;
    return code;
  }
  // True, and past them, when the next bytes are exactly `bytes` (`w` = their words; 4 bytes a compare).
  protected literal(bytes: Uint8Array, w: Uint32Array): boolean {
    const p = this.p;
    const n = bytes.length;
    if (p + n > this.b.length) return false;
    const view = this.view;
    for (let i = 0; i < w.length; i++) if (view.getUint32(p + i * 4, true) !== w[i]) return false;
    const b = this.b;
    for (let i = w.length * 4; i < n; i++) if (b[p + i] !== bytes[i]) return false;
    this.p = p + n;
    return true;
  }
}
