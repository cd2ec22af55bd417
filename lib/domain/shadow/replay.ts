import { decideNudge } from "../nudges/heuristic";
import { FLAG_CONTENT_UPLOADED, FLAG_SCHEDULE_CREATED, FLAG_SCREEN_PAIRED, templateCode } from "./codes";

/**
 * The reference heuristic (lib/domain/nudges `decideNudge`) replayed on a row's own signals — the
 * noise floor. The rules read only the day count and three milestone flags, so every answer is
 * computed once by decideNudge itself into a table (the heuristic stays the single source of truth)
 * and a million replays are a lookup each.
 */

// Past this many days no rule distinguishes one day from the next (the last window ends at day 30).
const TABLE_DAYS = 366;
const FLAG_MASK = FLAG_SCREEN_PAIRED | FLAG_CONTENT_UPLOADED | FLAG_SCHEDULE_CREATED;

function buildTable(): Uint8Array {
  const table = new Uint8Array(TABLE_DAYS * (FLAG_MASK + 1));
  for (let days = 0; days < TABLE_DAYS; days++) {
    for (let bits = 0; bits <= FLAG_MASK; bits += FLAG_SCREEN_PAIRED) {
      const template = decideNudge({
        days_since_signup: days,
        milestone_flags: {
          screen_paired: (bits & FLAG_SCREEN_PAIRED) !== 0,
          content_uploaded: (bits & FLAG_CONTENT_UPLOADED) !== 0,
          schedule_created: (bits & FLAG_SCHEDULE_CREATED) !== 0,
        },
      }).template;
      table[days * (FLAG_MASK + 1) + bits] = templateCode(template);
    }
  }
  return table;
}

let table: Uint8Array | undefined;

/**
 * Template code the reference heuristic gives for `days` (≥ 0) and the codes.ts FLAG_ bits in `bits`
 * (other bits are ignored). Call only for rows that carried milestone flags.
 */
export function replayTemplate(days: number, bits: number): number {
  table ??= buildTable();
  return table[(days < TABLE_DAYS ? days : TABLE_DAYS - 1) * (FLAG_MASK + 1) + (bits & FLAG_MASK)]!;
}
