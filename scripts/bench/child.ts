// Child processes for the benchmark: line-wise output forwarding and process-group shutdown.
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";

/** Calls `onLine` for each line the stream writes (stdout or stderr of a child). */
export function onLines(stream: Readable | null, onLine: (line: string) => void): void {
  if (!stream) return;
  createInterface({ input: stream, crlfDelay: Infinity }).on("line", onLine);
}

/** npm's own warnings about the calling shell's config (e.g. "Unknown env config") say nothing about the run. */
export const isNpmNoise = (line: string) => /^npm (warn|notice) /.test(line);

/**
 * Runs one `scripts/bench/<name>-run.ts` measurement in its own process (so its memory and event loop
 * are its own), forwards what it prints and returns the object on its `RESULT {…}` line; throws naming
 * `label` with the child's last error line when it fails or prints no result.
 */
export async function runBenchScript<T>(
  script: string,
  label: string,
  o: { env: NodeJS.ProcessEnv; print: (line: string) => void },
): Promise<T> {
  const args = ["tsx", "--conditions=react-server", `scripts/bench/${script}`];
  o.print(`$ npx ${args.join(" ")}`);
  const child = spawn("npx", args, { cwd: process.cwd(), env: o.env, stdio: ["ignore", "pipe", "pipe"] });
  let result: T | undefined;
  const errors: string[] = [];
  onLines(child.stdout, (line) => {
    if (line.startsWith("RESULT ")) result = JSON.parse(line.slice(7)) as T;
    else if (!isNpmNoise(line)) o.print(line);
  });
  onLines(child.stderr, (line) => {
    if (isNpmNoise(line)) return;
    errors.push(line);
    o.print(`  ${line}`);
  });
  const code = await exited(child);
  if (code !== 0 || result === undefined)
    throw new Error(`${label} bench exited with ${code}: ${errors.at(-1) ?? "no result"}`);
  return result;
}

export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

/**
 * Stops a child spawned with `detached: true` together with everything it started (npx → tsx →
 * next start → next-server all share its process group): SIGTERM, then SIGKILL after `graceMs`.
 */
export async function killGroup(child: ChildProcess, graceMs = 10_000): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
      return true;
    } catch {
      return false; // the group is already gone
    }
  };
  if (!signalGroup("SIGTERM")) return;
  const done = exited(child);
  const timeout = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), graceMs).unref());
  if ((await Promise.race([done, timeout])) === "timeout") {
    signalGroup("SIGKILL");
    await done;
  }
  // Grandchildren may outlive the leader by a moment; make sure none is left holding the port.
  await new Promise((resolve) => setTimeout(resolve, 300));
  signalGroup("SIGKILL");
}
