import "server-only";
import { AppError, isConnectionError } from "../errors";
import { log } from "../log";
import { dispatchOnce, type TDispatchReport } from "./dispatch";
import type { TTransport } from "../dispatch/transport";

export type TDispatcher = { stop(): Promise<void> };

// One loop per process, also across dev reloads that re-run the module.
const holder = globalThis as typeof globalThis & { __lifecycleDispatcher?: TDispatcher };

const busy = (r: TDispatchReport) => r.expired + r.interrupted + r.delivered + r.retrying + r.failed > 0;

/**
 * Runs `dispatchOnce` every `intervalMs` (the next run is scheduled when the previous one ends, so
 * runs never overlap). Errors are logged and the loop carries on; `stop()` waits for a run in progress.
 */
export function startDispatcher(o: {
  transport: TTransport;
  intervalMs?: number;
  limit?: number;
  from?: string;
  onlyIds?: readonly string[];
}): TDispatcher {
  if (holder.__lifecycleDispatcher) return holder.__lifecycleDispatcher;
  const intervalMs = o.intervalMs ?? 5_000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let wasFrozen = false;

  const tick = async () => {
    try {
      const r = await dispatchOnce({ transport: o.transport, limit: o.limit, from: o.from, onlyIds: o.onlyIds });
      if (busy(r)) log.info("dispatch", { transport: o.transport.name, ...r });
      if (r.frozen !== wasFrozen) log.info(r.frozen ? "dispatch paused: frozen" : "dispatch resumed: unfrozen");
      wasFrozen = r.frozen;
    } catch (error) {
      const unavailable =
        isConnectionError(error) || (error instanceof AppError && error.code === "database_unavailable");
      log[unavailable ? "warn" : "error"]("dispatch run failed", { error: (error as Error)?.message ?? String(error) });
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick().finally(schedule);
    }, intervalMs);
  };

  log.info("dispatcher started", { transport: o.transport.name, mode: o.transport.mode, intervalMs });
  running = tick().finally(schedule);
  const handle: TDispatcher = {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      await o.transport.close?.();
      if (holder.__lifecycleDispatcher === handle) holder.__lifecycleDispatcher = undefined;
      log.info("dispatcher stopped");
    },
  };
  holder.__lifecycleDispatcher = handle;
  return handle;
}
