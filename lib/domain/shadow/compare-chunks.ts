import { HeuristicLogReader, ShadowLogReader } from "./log-readers";
import { compareLogs, type TAgreementReport } from "./report";
import { ROW_CHECKS } from "./schemas";
import { OrgInterner } from "./store";

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
