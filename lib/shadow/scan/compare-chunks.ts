import { HeuristicLogReader, ShadowLogReader } from "./log-readers";
import { compareLogs, type TAgreementReport } from "../../domain/shadow/report";
import { ROW_CHECKS } from "../../domain/shadow/schemas";
import { compareWithSent, latestSuggestions, type TSentFileReport, type TSentState } from "../../domain/shadow/sent";
import { OrgInterner } from "../../domain/shadow/store";

/**
 * The agreement report from two logs given as byte chunks (an uploaded file's stream, ingested log
 * segments, a Buffer): the single-threaded form of lib/shadow/read.ts `compareFiles`, for callers
 * that do not have a file path. Chunks may split lines anywhere.
 */
export type TChunks = Iterable<Uint8Array> | AsyncIterable<Uint8Array>;

export async function compareChunks(
  shadow: TChunks,
  heuristic: TChunks,
  options: { sampleLimit?: number } = {},
): Promise<TAgreementReport> {
  const interner = new OrgInterner();
  const heuristicReader = new HeuristicLogReader({ interner, checks: ROW_CHECKS });
  const shadowReader = new ShadowLogReader({ interner, checks: ROW_CHECKS });
  for await (const chunk of heuristic) heuristicReader.push(chunk);
  heuristicReader.end();
  for await (const chunk of shadow) shadowReader.push(chunk);
  shadowReader.end();
  return compareLogs(shadowReader.log(), heuristicReader.log(), options);
}

/**
 * Comparison 2 for a shadow log given as byte chunks (a file stream): its latest suggestion per
 * organization against `lookup`'s sent-at times, asked once for all of the log's organizations.
 * `lookup` leaves out organizations that are not accounts; its keys are lower-case ids.
 */
export async function compareChunksWithSent(
  chunks: TChunks,
  lookup: (organizationIds: string[]) => Promise<Map<string, TSentState>>,
  options: { sampleLimit?: number } = {},
): Promise<TSentFileReport> {
  const reader = new ShadowLogReader({ checks: ROW_CHECKS });
  for await (const chunk of chunks) reader.push(chunk);
  reader.end();
  const log = reader.log();
  const suggestions = latestSuggestions(log.rows, log.orgNames);
  const states = await lookup([...suggestions.keys()]);
  const inputs = [...suggestions].map(([organization_id, shadow_template]) => ({
    organization_id,
    shadow_template,
    sent: states.get(organization_id.toLowerCase()) ?? null,
  }));
  return {
    ...compareWithSent(inputs, options),
    shadow: {
      lines: log.stats.lines,
      decisions: log.rows.length,
      malformed: log.stats.malformed,
      malformed_lines: log.stats.malformedLines,
      partial_last_line: log.stats.partialLastLine,
    },
  };
}
