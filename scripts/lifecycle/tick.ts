// npm run lifecycle -- tick [--cap N] [--log-dir DIR] [--json]
//   Runs one lifecycle tick now: heuristic log rows, stored decisions, nudge and auto-complete
//   proposals (at most N nudges, default 50). Needs a database a second process may open: PostgreSQL,
//   or the embedded one while the console is stopped (while it runs, the console ticks on its own).
import { parseArgs } from "node:util";
import { db } from "../../lib/db";
import { DEFAULT_TICK_CAP } from "../../lib/domain/nudges/tick-plan";
import { runTick } from "../../lib/jobs/lifecycle-tick";
import { UsageError } from "../cli";

const USAGE = "usage: npm run lifecycle -- tick [--cap N] [--log-dir DIR] [--json]";

export async function run(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      options: {
        cap: { type: "string" },
        "log-dir": { type: "string" },
        json: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  const { values } = parsed;
  if (values.help) throw new UsageError(USAGE);
  const cap = values.cap === undefined ? DEFAULT_TICK_CAP : Number(values.cap);
  if (!Number.isInteger(cap) || cap < 0) throw new UsageError(`--cap must be a whole number ≥ 0\n${USAGE}`);
  // Opening the database first: on the embedded one this throws DatabaseInUseError while the console runs.
  db();
  const s = await runTick({ cap, logDir: values["log-dir"] });
  if (values.json) {
    console.log(JSON.stringify(s));
    return 0;
  }
  const byTemplate = Object.entries(s.decisions)
    .map(([t, n]) => `${t} ${n}`)
    .join(", ");
  console.log(`tick ${s.run_id}: ${s.candidates} candidates (${byTemplate})`);
  console.log(`  heuristic log: ${s.log_file}`);
  console.log(
    `  nudges: ${s.proposals_created} proposed, ${s.already_proposed} already proposed, ${s.skipped_by_cap} held back by the cap of ${cap}` +
      (s.failed ? `, ${s.failed} failed` : ""),
  );
  console.log(
    `  auto-complete: ${s.auto_complete_proposed} proposed, ${s.auto_complete_skipped_by_cap} held back by the cap`,
  );
  return 0;
}
