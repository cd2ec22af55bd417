// npm run lifecycle -- compare --shadow FILE --heuristic FILE [--json]
//   The agreement report between a shadow log and a heuristic log (spec "Agreement", comparison 1):
//   readable text, or with --json one JSON object (decisions, matched, agree, disagree,
//   known_divergence, unmatched, malformed, malformed_lines, agreement_pct, kappa, confusion,
//   heartbeats, firing_rate_per_hour, gates, and the breakdowns). Malformed lines are counted with their
//   line numbers, never fatal. A missing or unreadable file → exit 2 naming it.
// npm run lifecycle -- compare --shadow FILE --sent [--json]
//   Comparison 2: per organisation, the shadow's latest suggested nudge against the latest nudge sent
//   to that account (read from the database): orgs, agree, pending, disagree, unmatched, agreement_pct,
//   confusion (shadow → sent → orgs), disagreement_samples, and what was read from the file.
import { createReadStream, statSync } from "node:fs";
import { parseArgs } from "node:util";
import { formatReportText, formatSentText } from "../../lib/domain/shadow/format-text";
import type { TSentState } from "../../lib/domain/shadow/sent";
import { compareChunksWithSent } from "../../lib/shadow/scan/compare-chunks";
import { compareFiles, ShadowFileError } from "../../lib/shadow/read";
import { UsageError } from "../cli";

const USAGE = `usage: npm run lifecycle -- compare --shadow FILE --heuristic FILE [--json]
       npm run lifecycle -- compare --shadow FILE --sent [--json]`;

export type TCompareArgs = { shadow: string; heuristic: string | null; sent: boolean; json: boolean };

/** Parses the arguments; throws UsageError (exit 2) with the usage line for anything wrong or missing. */
export function parseCompareArgs(argv: string[]): TCompareArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: false,
      strict: true,
      options: {
        shadow: { type: "string" },
        heuristic: { type: "string" },
        sent: { type: "boolean" },
        json: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  const { values } = parsed;
  if (values.help) throw new UsageError(USAGE);
  const sent = values.sent ?? false;
  if (sent && values.heuristic) throw new UsageError(`--heuristic and --sent are two comparisons: pick one\n${USAGE}`);
  const missing = (["shadow", "heuristic"] as const).filter((name) => !values[name] && !(name === "heuristic" && sent));
  if (missing.length) {
    const list = missing.map((m) => `--${m} FILE`).join(" and ");
    throw new UsageError(`missing ${list}${missing.includes("heuristic") ? " (or --sent)" : ""}\n${USAGE}`);
  }
  return { shadow: values.shadow!, heuristic: values.heuristic ?? null, sent, json: values.json ?? false };
}

type TSentLookup = (organizationIds: string[]) => Promise<Map<string, TSentState>>;

// The database is opened only for --sent (the file comparison needs none).
const databaseLookup: TSentLookup = async (ids) => (await import("../../lib/data/shadow-logs")).sentStates(ids);

/** `lookup` answers comparison 2's sent-at times (tests pass their own; by default the database). */
export async function run(argv: string[], lookup: TSentLookup = databaseLookup): Promise<number> {
  const args = parseCompareArgs(argv);
  if (args.sent) return runSent(args, lookup);
  let result;
  try {
    result = await compareFiles(args.shadow, args.heuristic!);
  } catch (error) {
    if (error instanceof ShadowFileError) throw new UsageError(error.message);
    throw error;
  }
  const text = args.json
    ? JSON.stringify(result.report)
    : formatReportText(result.report, { shadow: args.shadow, heuristic: args.heuristic! });
  await write(process.stdout, `${text}\n`);
  return 0;
}

async function runSent(args: TCompareArgs, lookup: TSentLookup): Promise<number> {
  try {
    const stat = statSync(args.shadow);
    if (!stat.isFile())
      throw new ShadowFileError(args.shadow, stat.isDirectory() ? "is a directory" : "not a regular file");
  } catch (error) {
    if (error instanceof ShadowFileError) throw new UsageError(error.message);
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read ${args.shadow}: ${code === "ENOENT" ? "no such file" : (code ?? "unreadable")}`);
  }
  const report = await compareChunksWithSent(createReadStream(args.shadow, { highWaterMark: 4 << 20 }), lookup);
  const text = args.json ? JSON.stringify(report) : formatSentText(report, args.shadow);
  await write(process.stdout, `${text}\n`);
  return 0;
}

/** Resolves once written; a reader that quit (EPIPE, e.g. `| head`) ends the output quietly. */
function write(out: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    out.write(text, (error) => {
      if (!error || (error as NodeJS.ErrnoException).code === "EPIPE") return resolve();
      reject(error);
    });
  });
}
