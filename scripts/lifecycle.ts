// npm run lifecycle -- <command> [...]
//   decide [--send-aware] [FILE]                     heuristic decisions for a candidates document (file or stdin)
//   compare --shadow FILE --heuristic FILE [--json]  agreement report between a shadow log and a heuristic log
//   tick [--cap N] [--log-dir DIR] [--json]          one lifecycle tick now (PostgreSQL, or the embedded database while the console is stopped)
import { runCli, UsageError } from "./cli";

const USAGE = `usage: npm run lifecycle -- decide [--send-aware] [FILE]
       npm run lifecycle -- compare --shadow FILE --heuristic FILE [--json]
       npm run lifecycle -- compare --shadow FILE --sent [--json]
       npm run lifecycle -- tick [--cap N] [--log-dir DIR] [--json]`;

const COMMANDS: Record<string, () => Promise<{ run: (argv: string[]) => Promise<number> }>> = {
  decide: () => import("./lifecycle/decide"),
  compare: () => import("./lifecycle/compare"),
  tick: () => import("./lifecycle/tick"),
};

void runCli(async () => {
  const [command, ...rest] = process.argv.slice(2);
  const load = command ? COMMANDS[command] : undefined;
  if (!load) throw new UsageError(USAGE);
  return (await load()).run(rest);
});
