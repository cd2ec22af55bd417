// npm run dispatch                        the dispatcher loop as its own process (PostgreSQL deployments;
//                                         start the console with DISPATCHER=off then, or run both: claims never collide)
// npm run dispatch -- --once [--only ID]  one pass, print what it did, exit
// options: --interval-ms N (default DISPATCH_INTERVAL_MS or 5000), --limit N (sends per pass, default 50)
import { parseArgs } from "node:util";
import { db } from "../lib/db";
import { dispatchConfig, transportFor } from "../lib/dispatch/config";
import { DEFAULT_LIMIT, dispatchOnce } from "../lib/jobs/dispatch";
import { startDispatcher } from "../lib/jobs/dispatch-loop";
import { databaseLabel } from "../lib/env";
import { runCli, UsageError } from "./cli";
import { isUuid } from "../lib/domain/ids";

const USAGE = "usage: npm run dispatch [-- --once] [--only OUTBOX_ID ...] [--interval-ms N] [--limit N]";

const positiveInt = (value: string | undefined, name: string, fallback: number) => {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${name} must be a positive whole number\n${USAGE}`);
  return n;
};

void runCli(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      once: { type: "boolean", default: false },
      only: { type: "string", multiple: true },
      "interval-ms": { type: "string" },
      limit: { type: "string" },
    },
  });
  if (positionals.length > 0) throw new UsageError(USAGE);
  const onlyIds = values.only;
  if (onlyIds?.some((id) => !isUuid(id))) throw new UsageError(`--only takes outbox ids (uuids)\n${USAGE}`);
  const config = dispatchConfig();
  const limit = positiveInt(values.limit, "--limit", DEFAULT_LIMIT);
  const intervalMs = positiveInt(values["interval-ms"], "--interval-ms", config.DISPATCH_INTERVAL_MS);

  // Opening the database first: on the embedded one this fails clearly while the console holds it.
  const { engine } = db();
  if (engine === "pglite" && !values.once) {
    throw new UsageError(
      "the console dispatches by itself on the embedded database (npm start). A separate dispatcher needs PostgreSQL (DATABASE_URL); use --once only while the console is stopped.",
    );
  }
  const transport = transportFor(config);
  console.log(`dispatching from ${databaseLabel()} through ${transport.name} (${transport.mode})`);

  if (values.once) {
    try {
      const report = await dispatchOnce({ transport, limit, onlyIds, from: config.MAIL_FROM });
      console.log(JSON.stringify(report));
      return 0;
    } finally {
      await transport.close?.();
    }
  }

  const dispatcher = startDispatcher({ transport, intervalMs, limit, onlyIds, from: config.MAIL_FROM });
  await new Promise<void>((resolve) => {
    for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => resolve());
  });
  await dispatcher.stop();
  return 0;
});
