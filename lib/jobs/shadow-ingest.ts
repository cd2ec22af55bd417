import "server-only";
import { log } from "../log";
import { ingestReportLogs, reportLogs } from "../shadow/ingest";

/**
 * The tick keeps the report's ingested logs current, so the Shadow page has little left to read. A
 * failure here is logged and left to the next tick or page view: it must not stop the proposals.
 *
 * The Shadow page still ingests on view (lib/shadow/ingest.ts `ingestedReport`): a read-through cache
 * of the agent's log, which grows between ticks; e2e/shadow-and-agents.spec.ts asserts that a line
 * appended to the log shows on the next view, so that stays.
 */
export async function ingestShadowLogs(logDir: string | undefined): Promise<void> {
  try {
    await ingestReportLogs({ ...reportLogs(), ...(logDir ? { dir: logDir } : {}) });
  } catch (error) {
    log.warn("lifecycle tick: shadow log ingestion failed", { error: (error as Error).message });
  }
}
