/**
 * Compact row storage: a million log rows as parallel typed arrays (about 30 bytes a shadow row,
 * 13 a heuristic row) instead of a million objects, and organization ids interned to small integers
 * straight from the bytes of the line, so no string is made per row.
 */

type TTyped = Int32Array | Float64Array | Uint8Array | Int16Array;

function grown<T extends TTyped>(array: T, capacity: number): T {
  const next = new (array.constructor as new (n: number) => T)(capacity);
  next.set(array);
  return next;
}

/** Shadow decision rows; `length` are in use. `days` is -1 when missing; `bits` are codes.ts SENT_/FLAG_ bits. */
export class ShadowRows {
  length = 0;
  org = new Int32Array(0);
  ts = new Float64Array(0);
  template = new Uint8Array(0);
  tier = new Uint8Array(0);
  days = new Int16Array(0);
  bits = new Uint8Array(0);
  line = new Int32Array(0);
  // Byte offset of the line in its file, so a few sample lines can be read again for their text.
  offset = new Float64Array(0);

  constructor(capacity = 1024) {
    this.reserve(capacity);
  }

  reserve(capacity: number): void {
    if (capacity <= this.org.length) return;
    this.org = grown(this.org, capacity);
    this.ts = grown(this.ts, capacity);
    this.template = grown(this.template, capacity);
    this.tier = grown(this.tier, capacity);
    this.days = grown(this.days, capacity);
    this.bits = grown(this.bits, capacity);
    this.line = grown(this.line, capacity);
    this.offset = grown(this.offset, capacity);
  }

  push(
    org: number,
    ts: number,
    template: number,
    tier: number,
    days: number,
    bits: number,
    line: number,
    offset: number,
  ) {
    const i = this.length;
    if (i === this.org.length) this.reserve(Math.max(1024, i * 2));
    this.org[i] = org;
    this.ts[i] = ts;
    this.template[i] = template;
    this.tier[i] = tier;
    this.days[i] = days > 32_767 ? 32_767 : days;
    this.bits[i] = bits;
    this.line[i] = line;
    this.offset[i] = offset;
    this.length = i + 1;
  }
}

/** Heuristic log rows: what matching needs (org, time, template), nothing else. */
export class HeuristicRows {
  length = 0;
  org = new Int32Array(0);
  ts = new Float64Array(0);
  template = new Uint8Array(0);

  constructor(capacity = 1024) {
    this.reserve(capacity);
  }

  reserve(capacity: number): void {
    if (capacity <= this.org.length) return;
    this.org = grown(this.org, capacity);
    this.ts = grown(this.ts, capacity);
    this.template = grown(this.template, capacity);
  }

  push(org: number, ts: number, template: number): void {
    const i = this.length;
    if (i === this.org.length) this.reserve(Math.max(1024, i * 2));
    this.org[i] = org;
    this.ts[i] = ts;
    this.template[i] = template;
    this.length = i + 1;
  }
}

export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/**
 * FNV-1a over b[start, end) taken as little-endian 4-byte words, then the last 1–3 bytes one by one:
 * the hash `OrgInterner.intern` expects (scan-line.ts computes the same while it scans).
 */
export function hashBytes(b: Uint8Array, start: number, end: number): number {
  const view = new DataView(b.buffer, b.byteOffset, b.length);
  let h = FNV_OFFSET;
  let i = start;
  for (; i + 4 <= end; i += 4) h = Math.imul(h ^ view.getUint32(i, true), FNV_PRIME);
  for (; i < end; i++) h = Math.imul(h ^ b[i]!, FNV_PRIME);
  return h;
}

const utf8 = new TextDecoder();
const encoder = new TextEncoder();

/**
 * Organization ids → dense integers 0…n-1 in order of first sight. Open addressing over the raw
 * UTF-8 bytes; a hit is confirmed byte for byte, so two ids never share an integer.
 */
export class OrgInterner {
  readonly names: string[] = [];
  private hashes = new Int32Array(1024);
  private starts = new Int32Array(1024);
  private arena = new Uint8Array(1 << 16);
  private arenaView: DataView = new DataView(this.arena.buffer);
  private input: Uint8Array = new Uint8Array(0);
  private inputView: DataView = new DataView(new ArrayBuffer(0));
  private used = 0;
  private table = new Int32Array(2048).fill(-1);

  get size(): number {
    return this.names.length;
  }

  /** Id of the organization whose id is the UTF-8 bytes b[start, end); `hash` = hashBytes(b, start, end). */
  intern(b: Uint8Array, start: number, end: number, hash: number): number {
    const mask = this.table.length - 1;
    const len = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = this.table[slot]!;
      if (id < 0) return this.add(b, start, len, hash, slot);
      if (this.hashes[id] === hash && this.same(id, b, start, len)) return id;
    }
  }

  /** Id of an organization id given as a string (the slow path). */
  internString(name: string): number {
    const bytes = encoder.encode(name);
    return this.intern(bytes, 0, bytes.length, hashBytes(bytes, 0, bytes.length));
  }

  // Byte-for-byte check of a hash hit, four bytes at a time.
  private same(id: number, b: Uint8Array, start: number, len: number): boolean {
    const s = this.starts[id]!;
    const end = id + 1 < this.names.length ? this.starts[id + 1]! : this.used;
    if (end - s !== len) return false;
    if (b !== this.input) {
      this.input = b;
      this.inputView = new DataView(b.buffer, b.byteOffset, b.length);
    }
    const mine = this.arenaView;
    const theirs = this.inputView;
    let i = 0;
    for (; i + 4 <= len; i += 4) if (mine.getUint32(s + i, true) !== theirs.getUint32(start + i, true)) return false;
    const arena = this.arena;
    for (; i < len; i++) if (arena[s + i] !== b[start + i]) return false;
    return true;
  }

  private add(b: Uint8Array, start: number, len: number, hash: number, slot: number): number {
    const id = this.names.length;
    if (id + 2 > this.starts.length) {
      this.starts = grown(this.starts, this.starts.length * 2);
      this.hashes = grown(this.hashes, this.hashes.length * 2);
    }
    if (this.used + len > this.arena.length) {
      this.arena = grown(this.arena, Math.max(this.arena.length * 2, this.used + len));
      this.arenaView = new DataView(this.arena.buffer);
    }
    this.arena.set(b.subarray(start, start + len), this.used);
    this.starts[id] = this.used;
    this.hashes[id] = hash;
    this.used += len;
    this.names.push(utf8.decode(b.subarray(start, start + len)));
    this.table[slot] = id;
    if ((id + 1) * 2 > this.table.length) this.rehash();
    return id;
  }

  private rehash(): void {
    const table = new Int32Array(this.table.length * 2).fill(-1);
    const mask = table.length - 1;
    for (let id = 0; id < this.names.length; id++) {
      let slot = this.hashes[id]! & mask;
      while (table[slot]! >= 0) slot = (slot + 1) & mask;
      table[slot] = id;
    }
    this.table = table;
  }
}
