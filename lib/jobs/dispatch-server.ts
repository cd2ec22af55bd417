import "server-only";
import { ConfigError } from "../env";
import { log } from "../log";
import { dispatchConfig, transportFor } from "../dispatch/config";
import { startDispatcher } from "./dispatch-loop";

/** The in-server dispatcher (instrumentation.ts): on unless DISPATCHER=off; a bad configuration sends nothing. */
export function startServerDispatcher(): void {
  try {
    const config = dispatchConfig();
    if (config.DISPATCHER === "off") {
      log.info("dispatcher off (DISPATCHER=off): run `npm run dispatch` elsewhere");
      return;
    }
    startDispatcher({
      transport: transportFor(config),
      intervalMs: config.DISPATCH_INTERVAL_MS,
      from: config.MAIL_FROM,
    });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    log.error("dispatcher not started: nothing will be sent", { error: error.message });
  }
}
