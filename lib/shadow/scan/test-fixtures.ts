import { HEARTBEAT_REASONING } from "../../domain/shadow/codes";
import { HeuristicLogReader, ShadowLogReader } from "./log-readers";
import { ROW_CHECKS } from "../../domain/shadow/schemas";
import { OrgInterner } from "../../domain/shadow/store";

/** Log lines and readers for the shadow tests (not a test file itself). */

export const T0 = Date.UTC(2025, 2, 1, 10);
export const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

type TFlags = Partial<
  Record<"welcomed" | "screen_paired" | "content_uploaded" | "playlist_created" | "schedule_created", boolean>
>;
type TSent = Partial<Record<"day1" | "day3" | "day7", boolean>>;

export function shadowRow(o: {
  org: string;
  minute: number;
  template?: string | null;
  tier?: string | null;
  days?: number | null;
  reasoning?: string | null;
  flags?: TFlags;
  sent?: TSent;
}): string {
  return JSON.stringify({
    timestamp: at(o.minute),
    run_id: String(Math.floor((T0 + o.minute * 60_000) / 1000)),
    organization_id: o.org,
    tier: o.tier === undefined ? "pro" : o.tier,
    days_since_signup: o.days === undefined ? 3 : o.days,
    hermes_template: o.template === undefined ? "none" : o.template,
    hermes_reasoning: o.reasoning === undefined ? "looks fine" : o.reasoning,
    input_signals: {
      milestone_flags: {
        welcomed: true,
        screen_paired: true,
        content_uploaded: false,
        playlist_created: false,
        schedule_created: false,
        ...o.flags,
      },
      nudges_sent: { day1: false, day3: false, day7: false, ...o.sent },
    },
  });
}

export const heartbeatRow = (minute: number) =>
  JSON.stringify({
    timestamp: at(minute),
    run_id: "1",
    organization_id: null,
    tier: null,
    days_since_signup: null,
    hermes_template: null,
    hermes_reasoning: HEARTBEAT_REASONING,
    input_signals: null,
  });

export function heuristicRow(o: {
  org: string;
  minute: number;
  template: string;
  days?: number;
  flags?: TFlags;
}): string {
  return JSON.stringify({
    timestamp: at(o.minute),
    run_id: Math.floor((T0 + o.minute * 60_000) / 1000),
    organization_id: o.org,
    tier: "pro",
    days_since_signup: o.days ?? 3,
    heuristic_template: o.template,
    heuristic_action: o.template === "none" ? "none" : "send_nudge",
    heuristic_reason: "reason",
    input_signals: {
      milestone_flags: {
        welcomed: true,
        screen_paired: true,
        content_uploaded: false,
        playlist_created: false,
        schedule_created: false,
        ...o.flags,
      },
    },
  });
}

const bytes = (text: string) => new TextEncoder().encode(text);

/** Reads `text` as a shadow log, in chunks of `chunk` bytes (all at once by default). */
type TReadOptions = {
  chunk?: number;
  slowOnly?: boolean;
  interner?: OrgInterner;
  bufferBytes?: number;
  maxLineBytes?: number;
};

export function readShadow(text: string, o: TReadOptions = {}) {
  const reader = new ShadowLogReader({ checks: ROW_CHECKS, ...o });
  feed(reader, bytes(text), o.chunk);
  return reader;
}

export function readHeuristic(text: string, o: TReadOptions = {}) {
  const reader = new HeuristicLogReader({ checks: ROW_CHECKS, ...o });
  feed(reader, bytes(text), o.chunk);
  return reader;
}

function feed(reader: { push(c: Uint8Array): void; end(): void }, data: Uint8Array, chunk = data.length || 1): void {
  for (let i = 0; i < data.length; i += chunk) reader.push(data.subarray(i, i + chunk));
  reader.end();
}

/** Rows of a shadow reader as plain objects (org names, not numbers), for comparing two readers. */
export function shadowRowsOf(reader: ShadowLogReader) {
  const r = reader.rows;
  return Array.from({ length: r.length }, (_, i) => ({
    org: reader.interner.names[r.org[i]!],
    ts: r.ts[i],
    template: r.template[i],
    tier: r.tier[i],
    days: r.days[i],
    bits: r.bits[i],
    line: r.line[i],
    offset: r.offset[i],
  }));
}

export function heuristicRowsOf(reader: HeuristicLogReader) {
  const r = reader.rows;
  return Array.from({ length: r.length }, (_, i) => ({
    org: reader.interner.names[r.org[i]!],
    ts: r.ts[i],
    template: r.template[i],
  }));
}
