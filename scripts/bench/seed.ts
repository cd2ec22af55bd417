// Seeds one engine in a child process (the environment, and so the engine, is fixed once per
// process) and times it from the outside: the wall-clock time a person running db:seed waits.
import { spawn } from "node:child_process";
import { exited, isNpmNoise, onLines } from "./child";

export type TSeedTiming = {
  /** Whole command, process start to exit (tsx start-up, migrations, seeding). */
  wallS: number;
  /** What the db:seed CLI itself reports ("done in Xs": migrations + seeding). */
  cliS: number | null;
  summary: string;
};

export async function timeSeed(options: {
  accounts: number;
  seed: number;
  env: NodeJS.ProcessEnv;
  print: (line: string) => void;
}): Promise<TSeedTiming> {
  const args = [
    "tsx",
    "--conditions=react-server",
    "scripts/db-seed.ts",
    "--accounts",
    String(options.accounts),
    "--seed",
    String(options.seed),
  ];
  options.print(`$ npx ${args.join(" ")}`);
  const started = performance.now();
  const child = spawn("npx", args, { cwd: process.cwd(), env: options.env, stdio: ["ignore", "pipe", "pipe"] });
  let summary = "";
  const errors: string[] = [];
  onLines(child.stdout, (line) => {
    if (isNpmNoise(line)) return;
    if (line.startsWith("done in ")) summary = line;
    options.print(`  ${line}`);
  });
  onLines(child.stderr, (line) => {
    if (isNpmNoise(line)) return;
    errors.push(line);
    options.print(`  ${line}`);
  });
  const code = await exited(child);
  const wallS = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`db:seed exited with ${code}: ${errors.at(-1) ?? "no error output"}`);
  const cli = /^done in ([\d.]+)s/.exec(summary);
  return { wallS, cliS: cli ? Number(cli[1]) : null, summary };
}
