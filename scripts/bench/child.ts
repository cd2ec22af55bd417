// Child processes for the benchmark: line-wise output forwarding and process-group shutdown.
import type { ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";

/** Calls `onLine` for each line the stream writes (stdout or stderr of a child). */
export function onLines(stream: Readable | null, onLine: (line: string) => void): void {
  if (!stream) return;
  createInterface({ input: stream, crlfDelay: Infinity }).on("line", onLine);
}

/** npm's own warnings about the calling shell's config (e.g. "Unknown env config") say nothing about the run. */
export const isNpmNoise = (line: string) => /^npm (warn|notice) /.test(line);

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
