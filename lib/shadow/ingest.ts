import "server-only";
import { closeSync, openSync } from "node:fs";
import { join } from "node:path";
import {
  ingestedSentInputs,
  ingestedState,
  ingestLogFile,
  readIngestedLog,
  type TIngestedLog,
  type TIngestSummary,
} from "../data/shadow-logs";
import { templateCode, tierCode } from "../domain/shadow/codes";
import { compareLogs, type TAgreementReport, type THeuristicLog, type TShadowLog } from "../domain/shadow/report";
import { compareWithSent, type TSentReport } from "../domain/shadow/sent";
import { HeuristicRows, OrgInterner, ShadowRows } from "../domain/shadow/store";
import { log } from "../log";
import { attachReasoning } from "./read";
import { HEURISTIC_LOG_FILE, SHADOW_LOG_FILE, shadowLogDir } from "./paths";

/**
 * The agreement report from the ingested logs: ingest what was appended (cheap when nothing was),
 * then read the report's figures from the database instead of parsing the files again. Used by the
 * Shadow page, the cut-over proposal and the lifecycle tick (lib/jobs/shadow-ingest.ts).
 *
 * The one write during rendering that stays: the Shadow page ingests on view. It is a read-through
 * cache of files the agent appends to between ticks (ingest is idempotent, keyed by each log's byte
 * cursor), and e2e/shadow-and-agents.spec.ts asserts that a line appended to the log shows on the next
 * view; ingesting only on the tick would show it up to 30 minutes later.
 */

export type TReportLogs = { dir: string; shadowName: string; heuristicName: string };

const logName = (file: string) => file.replace(/\.jsonl$/, "");

/** The two logs the report compares: `<SHADOW_LOG_DIR>/customer-lifecycle-{shadow,heuristic}.jsonl`. */
export const reportLogs = (): TReportLogs => ({
  dir: shadowLogDir(),
  shadowName: logName(SHADOW_LOG_FILE),
  heuristicName: logName(HEURISTIC_LOG_FILE),
});

const pathOf = (logs: TReportLogs, name: string) => join(logs.dir, `${name}.jsonl`);

/** Ingests both logs (one after the other: each holds only its own cursor's lock). */
export async function ingestReportLogs(logs: TReportLogs = reportLogs()): Promise<TIngestSummary[]> {
  return [
    await ingestLogFile(logs.shadowName, pathOf(logs, logs.shadowName), "shadow"),
    await ingestLogFile(logs.heuristicName, pathOf(logs, logs.heuristicName), "heuristic"),
  ];
}

export type TIngestedReport = { report: TAgreementReport; sent: TSentReport };

/**
 * Both comparisons over the ingested logs, after ingesting what is new. Null while either log file
 * does not exist (nothing to compare yet).
 */
export async function ingestedReport(
  logs: TReportLogs = reportLogs(),
  o: { sampleLimit?: number } = {},
): Promise<TIngestedReport | null> {
  try {
    await ingestReportLogs(logs);
  } catch (error) {
    // An unreadable log (permissions, I/O): the report shows what was ingested before, and says so in the log.
    log.warn("shadow log ingestion failed", { error: (error as Error).message });
  }
  const report = await logReport(logs, o.sampleLimit);
  if (!report) return null;
  // What was sent changes without the logs changing: comparison 2 is read afresh on every call.
  const sent = compareWithSent(await ingestedSentInputs(logs.shadowName), o);
  return { report, sent };
}

// The last comparison 1 per process, with the ingested state it was computed from: most views come
// when nothing was appended since (the agent and the tick write every 30 minutes), and then the report
// is the same — reading every row back and matching them again would be wasted.
const memo = globalThis as typeof globalThis & { __shadowReportMemo?: { key: string; report: TAgreementReport } };

async function logReport(logs: TReportLogs, sampleLimit: number | undefined): Promise<TAgreementReport | null> {
  const key = `${sampleLimit ?? ""}|${await ingestedState([logs.shadowName, logs.heuristicName])}`;
  const cached = memo.__shadowReportMemo;
  if (cached?.key === key) return structuredClone(cached.report);
  const [shadow, heuristic] = await Promise.all([
    readIngestedLog(logs.shadowName),
    readIngestedLog(logs.heuristicName),
  ]);
  if (!shadow || !heuristic) return null;
  const interner = new OrgInterner();
  const shadowLog = asShadowLog(shadow, interner);
  const report = compareLogs(shadowLog, asHeuristicLog(heuristic, interner), { sampleLimit });
  withReasoning(report, shadowLog.rows, pathOf(logs, logs.shadowName));
  memo.__shadowReportMemo = { key, report: structuredClone(report) };
  return report;
}

function stats(log: TIngestedLog) {
  return {
    lines: log.lines,
    blank: log.blank,
    malformed: log.malformed,
    malformedLines: log.malformedLines.map((m) => m.line),
    malformedReasons: log.malformedLines.slice(0, 20).map(({ line, reason }) => ({ line, reason })),
    // A partial last line is waiting for its newline: not malformed (yet), only noted.
    partialLastLine: log.pendingBytes > 0,
  };
}

function asShadowLog(log: TIngestedLog, interner: OrgInterner): TShadowLog {
  const r = log.rows;
  const rows = new ShadowRows(r.line.length);
  for (let i = 0; i < r.line.length; i++) {
    const org = interner.internString(r.org[i]!);
    rows.push(
      org,
      r.ts[i]!,
      templateCode(r.template[i]!),
      tierCode(r.tier[i]!),
      r.days[i]!,
      r.bits[i]!,
      r.line[i]!,
      r.offset[i]!,
    );
  }
  return {
    rows,
    orgNames: interner.names,
    stats: stats(log),
    heartbeats: { count: log.heartbeats, first: log.firstHeartbeat, last: log.lastHeartbeat },
  };
}

function asHeuristicLog(log: TIngestedLog, interner: OrgInterner): THeuristicLog {
  const r = log.rows;
  const rows = new HeuristicRows(r.line.length);
  for (let i = 0; i < r.line.length; i++)
    rows.push(interner.internString(r.org[i]!), r.ts[i]!, templateCode(r.template[i]!));
  return {
    rows,
    orgNames: interner.names,
    stats: stats(log),
    replayed: log.replayed,
    replayMismatches: log.replayMismatches,
  };
}

function withReasoning(report: TAgreementReport, rows: ShadowRows, path: string): void {
  if (report.disagreement_samples.length === 0) return;
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch {
    return; // gone since it was ingested: the samples stay without their reasoning
  }
  try {
    attachReasoning(report, rows, fd);
  } finally {
    closeSync(fd);
  }
}
