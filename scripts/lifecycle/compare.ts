// npm run lifecycle -- compare --shadow FILE --heuristic FILE [--json]
//   The agreement report between a shadow log and a heuristic log (spec "Agreement", comparison 1):
//   readable text, or with --json one JSON object (decisions, matched, agree, disagree,
//   known_divergence, unmatched, malformed, malformed_lines, agreement_pct, kappa, confusion,
//   heartbeats, firing_rate_per_hour, gates, and the breakdowns). Malformed lines are counted with their
//   line numbers, never fatal. A missing or unreadable file → exit 2 naming it.
import { parseArgs } from "node:util";
import { formatReportText } from "../../lib/domain/shadow/format-text";
import { compareFiles, ShadowFileError } from "../../lib/shadow/read";
import { UsageError } from "../cli";

const USAGE = "usage: npm run lifecycle -- compare --shadow FILE --heuristic FILE [--json]";

export type TCompareArgs = { shadow: string; heuristic: string; json: boolean };

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
        json: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  const { values } = parsed;
  if (values.help) throw new UsageError(USAGE);
  const missing = (["shadow", "heuristic"] as const).filter((name) => !values[name]);
  if (missing.length) throw new UsageError(`missing ${missing.map((m) => `--${m} FILE`).join(" and ")}\n${USAGE}`);
  return { shadow: values.shadow!, heuristic: values.heuristic!, json: values.json ?? false };
}

export async function run(argv: string[]): Promise<number> {
  const args = parseCompareArgs(argv);
  let result;
  try {
    result = await compareFiles(args.shadow, args.heuristic);
  } catch (error) {
    if (error instanceof ShadowFileError) throw new UsageError(error.message);
    throw error;
  }
  const text = args.json
    ? JSON.stringify(result.report)
    : formatReportText(result.report, { shadow: args.shadow, heuristic: args.heuristic });
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
