/**
 * ISO-8601 timestamps of the logs, to epoch milliseconds. The logs write `YYYY-MM-DDTHH:MM:SS.sssZ`
 * (`Date#toISOString`); the byte parser reads exactly that shape (fraction of 1–3 digits optional) and
 * gives up on anything else, which then goes through `parseIsoTimestamp` (offsets, longer fractions).
 * Both reject impossible dates (February 30, hour 24) rather than letting them roll over.
 */

const MS_PER_DAY = 86_400_000;
const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/** Epoch ms of an ISO-8601 date-time with a zone (`Z` or `±HH:MM`); NaN when it is not one or is impossible. */
export function parseIsoTimestamp(text: string): number {
  const m = ISO.exec(text);
  if (!m) return NaN;
  if (!validParts(+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!, m[6] === undefined ? 0 : +m[6])) return NaN;
  return Date.parse(text);
}

function validParts(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo) && h <= 23 && mi <= 59 && s <= 59;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

const digit = (b: Uint8Array, i: number): number => {
  const v = b[i]! - 48;
  return v >= 0 && v <= 9 ? v : -1000; // poisons any sum it enters
};
const two = (b: Uint8Array, i: number): number => digit(b, i) * 10 + digit(b, i + 1);

/**
 * Parses the JSON string starting at `b[p]` (the opening quote) as `"YYYY-MM-DDTHH:MM:SS[.s{1,3}]Z"`.
 * Returns the epoch ms and writes the position after the closing quote to `out[0]`; NaN when the
 * bytes are not exactly that shape (the caller falls back to the full parser). Never reads past a
 * byte that does not match, so it stops at the line's newline.
 */
export function parseIsoBytes(b: Uint8Array, p: number, out: Int32Array): number {
  const y = digit(b, p + 1) * 1000 + digit(b, p + 2) * 100 + two(b, p + 3);
  if (y < 0 || b[p + 5] !== 0x2d) return NaN;
  const mo = two(b, p + 6);
  if (mo < 0 || b[p + 8] !== 0x2d) return NaN;
  const d = two(b, p + 9);
  if (d < 0 || b[p + 11] !== 0x54) return NaN;
  const h = two(b, p + 12);
  if (h < 0 || b[p + 14] !== 0x3a) return NaN;
  const mi = two(b, p + 15);
  if (mi < 0 || b[p + 17] !== 0x3a) return NaN;
  const s = two(b, p + 18);
  if (s < 0 || !validParts(y, mo, d, h, mi, s)) return NaN;
  let q = p + 20;
  let ms = 0;
  if (b[q] === 0x2e) {
    let scale = 100;
    q++;
    for (let n = 0; n < 3; n++, q++) {
      const v = b[q]! - 48;
      if (v < 0 || v > 9) break;
      ms += v * scale;
      scale /= 10;
    }
    if (q === p + 21) return NaN; // "." without digits
  }
  if (b[q] !== 0x5a || b[q + 1] !== 0x22) return NaN; // more than 3 fraction digits lands here too
  out[0] = q + 2;
  return daysFromCivil(y, mo, d) * MS_PER_DAY + ((h * 60 + mi) * 60 + s) * 1000 + ms;
}

/** UTC day number (days since 1970-01-01) of an epoch-ms instant. */
export const utcDay = (ms: number): number => Math.floor(ms / MS_PER_DAY);

export { MS_PER_DAY };
