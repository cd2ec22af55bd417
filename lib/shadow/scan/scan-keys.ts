import * as codes from "../../domain/shadow/codes";

/**
 * The JSON keys the byte scanner knows, and a perfect hash that names a key from three of its bytes
 * and its length (then confirmed byte for byte). Built once at load; a collision throws at load, so
 * adding a key that breaks the hash cannot go unnoticed.
 */

export const KEYS = [
  "timestamp",
  "run_id",
  "organization_id",
  "tier",
  "days_since_signup",
  "hermes_template",
  "hermes_reasoning",
  "input_signals",
  "heuristic_template",
  "heuristic_action",
  "heuristic_reason",
  "milestone_flags",
  "nudges_sent",
  "welcomed",
  "screen_paired",
  "content_uploaded",
  "playlist_created",
  "schedule_created",
  "day1",
  "day3",
  "day7",
] as const;

const id = (key: (typeof KEYS)[number]) => KEYS.indexOf(key);
export const K_TIMESTAMP = id("timestamp");
export const K_RUN_ID = id("run_id");
export const K_ORG = id("organization_id");
export const K_TIER = id("tier");
export const K_DAYS = id("days_since_signup");
export const K_HERMES_TEMPLATE = id("hermes_template");
export const K_HERMES_REASONING = id("hermes_reasoning");
export const K_INPUT_SIGNALS = id("input_signals");
export const K_HEURISTIC_TEMPLATE = id("heuristic_template");
export const K_HEURISTIC_ACTION = id("heuristic_action");
export const K_HEURISTIC_REASON = id("heuristic_reason");
export const K_MILESTONE_FLAGS = id("milestone_flags");
export const K_NUDGES_SENT = id("nudges_sent");
export const K_WELCOMED = id("welcomed");
export const K_SCREEN_PAIRED = id("screen_paired");
export const K_CONTENT_UPLOADED = id("content_uploaded");
export const K_PLAYLIST_CREATED = id("playlist_created");
export const K_SCHEDULE_CREATED = id("schedule_created");
export const K_DAY1 = id("day1");
export const K_DAY3 = id("day3");
export const K_DAY7 = id("day7");

const mask = (...keys: number[]) => keys.reduce((m, k) => m | (1 << k), 0);

// Which keys each object may hold (an unknown key sends the line to the full parser).
export const SHADOW_ROW_KEYS = mask(
  K_TIMESTAMP,
  K_RUN_ID,
  K_ORG,
  K_TIER,
  K_DAYS,
  K_HERMES_TEMPLATE,
  K_HERMES_REASONING,
  K_INPUT_SIGNALS,
);
export const HEURISTIC_ROW_KEYS = mask(
  K_TIMESTAMP,
  K_RUN_ID,
  K_ORG,
  K_TIER,
  K_DAYS,
  K_HEURISTIC_TEMPLATE,
  K_HEURISTIC_ACTION,
  K_HEURISTIC_REASON,
  K_INPUT_SIGNALS,
);
export const SIGNALS_KEYS = mask(K_MILESTONE_FLAGS, K_NUDGES_SENT);
export const MILESTONE_KEYS = mask(
  K_WELCOMED,
  K_SCREEN_PAIRED,
  K_CONTENT_UPLOADED,
  K_PLAYLIST_CREATED,
  K_SCHEDULE_CREATED,
);
export const SENT_KEYS = mask(K_DAY1, K_DAY3, K_DAY7);
export const SHADOW_REQUIRED = mask(K_TIMESTAMP, K_ORG);
export const HEURISTIC_REQUIRED = mask(K_TIMESTAMP, K_ORG, K_HEURISTIC_TEMPLATE);

export const ascii = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));
export const KEY_BYTES = KEYS.map(ascii);

const signature = (len: number, first: number, middle: number, last: number) =>
  (len << 24) ^ (first << 16) ^ (middle << 8) ^ last;
const SLOT_SHIFT = 24; // 256 slots

/** Signature of the key bytes b[s, s+len); `len` ≥ 1. */
export const keySignature = (b: Uint8Array, s: number, len: number): number =>
  signature(len, b[s]!, b[s + ((len * 5) >> 3)]!, b[s + len - 1]!);

const KEY_COUNT = KEYS.length;

// Each key with its quotes, as the predicted-key check compares it: little-endian 32-bit words, then
// the remaining bytes.
export const QUOTED_KEYS = KEYS.map((key) => ascii(`"${key}"`));
export const QUOTED_KEY_WORDS = QUOTED_KEYS.map(words);

/** The little-endian 32-bit words of `bytes` (a tail shorter than 4 bytes left out). */
export function words(bytes: Uint8Array): Uint32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  return Uint32Array.from({ length: bytes.length >> 2 }, (_, i) => view.getUint32(i * 4, true));
}

// How each key's value is read (scan-line.ts switches over these literals: a jump table).
export const V_TIMESTAMP = 0;
export const V_ORG = 1;
export const V_RUN_ID = 2;
export const V_TIER = 3;
export const V_DAYS = 4;
export const V_TEMPLATE = 5;
export const V_REASONING = 6;
export const V_TEXT = 7;
export const V_SIGNALS = 8;
export const V_MILESTONES = 9;
export const V_SENT = 10;
export const V_BOOLEAN = 11;
export const VALUE_KIND = new Uint8Array(KEY_COUNT).fill(V_BOOLEAN);
VALUE_KIND[K_TIMESTAMP] = V_TIMESTAMP;
VALUE_KIND[K_ORG] = V_ORG;
VALUE_KIND[K_RUN_ID] = V_RUN_ID;
VALUE_KIND[K_TIER] = V_TIER;
VALUE_KIND[K_DAYS] = V_DAYS;
VALUE_KIND[K_HERMES_TEMPLATE] = V_TEMPLATE;
VALUE_KIND[K_HEURISTIC_TEMPLATE] = V_TEMPLATE;
VALUE_KIND[K_HERMES_REASONING] = V_REASONING;
VALUE_KIND[K_HEURISTIC_ACTION] = V_TEXT;
VALUE_KIND[K_HEURISTIC_REASON] = V_TEXT;
VALUE_KIND[K_INPUT_SIGNALS] = V_SIGNALS;
VALUE_KIND[K_MILESTONE_FLAGS] = V_MILESTONES;
VALUE_KIND[K_NUDGES_SENT] = V_SENT;
/** Keys whose value is an object. */
export const CONTAINER_KEYS = mask(K_INPUT_SIGNALS, K_MILESTONE_FLAGS, K_NUDGES_SENT);

// The row bit a boolean key sets when true (welcomed and playlist_created set none: the rules ignore them).
export const BIT_FOR_KEY = new Uint8Array(KEY_COUNT);
BIT_FOR_KEY[K_SCREEN_PAIRED] = codes.FLAG_SCREEN_PAIRED;
BIT_FOR_KEY[K_CONTENT_UPLOADED] = codes.FLAG_CONTENT_UPLOADED;
BIT_FOR_KEY[K_SCHEDULE_CREATED] = codes.FLAG_SCHEDULE_CREATED;
BIT_FOR_KEY[K_DAY1] = codes.SENT_DAY1;
BIT_FOR_KEY[K_DAY3] = codes.SENT_DAY3;
BIT_FOR_KEY[K_DAY7] = codes.SENT_DAY7;

// Keys whose value may be null (schemas.ts: nullish / nullable): not the timestamp, not the
// heuristic's template, not a flag.
export const NULLABLE_KEYS =
  (SHADOW_ROW_KEYS | HEURISTIC_ROW_KEYS | SIGNALS_KEYS) & ~((1 << K_TIMESTAMP) | (1 << K_HEURISTIC_TEMPLATE));

function buildSlots(): { multiplier: number; slots: Int8Array } {
  const sigs = KEY_BYTES.map((k) => keySignature(k, 0, k.length));
  if (new Set(sigs).size !== sigs.length) throw new Error("scan-keys: two keys share a signature");
  for (let tries = 0, m = 0x9e3779b1; tries < 100_000; tries++, m = (m + 0x6d2b79f6) | 0) {
    const slots = new Int8Array(256).fill(-1);
    let clash = false;
    sigs.forEach((sig, i) => {
      const slot = Math.imul(sig, m) >>> SLOT_SHIFT;
      if (slots[slot]! >= 0) clash = true;
      slots[slot] = i;
    });
    if (!clash) return { multiplier: m, slots };
  }
  throw new Error("scan-keys: no perfect hash for the keys");
}

const { multiplier: MULTIPLIER, slots: SLOTS } = buildSlots();

/** Key id of the bytes b[s, s+len), or -1 when they are not one of KEYS. */
export function keyId(b: Uint8Array, s: number, len: number): number {
  if (len === 0 || len > 18) return -1;
  const k = SLOTS[Math.imul(keySignature(b, s, len), MULTIPLIER) >>> SLOT_SHIFT]!;
  if (k < 0) return -1;
  const bytes = KEY_BYTES[k]!;
  if (bytes.length !== len) return -1;
  for (let i = 0; i < len; i++) if (b[s + i] !== bytes[i]) return -1;
  return k;
}
