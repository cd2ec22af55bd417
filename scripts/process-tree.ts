// Stopping a child together with everything it started. `npx next start` runs npx, which runs next,
// which runs next-server: a signal to the first alone left next-server running after `npm start` was
// stopped. The child stays in our process group (so whoever stops `npm start` by group — a terminal,
// Playwright, the bench — still reaches all of it); on SIGTERM/SIGINT the whole tree is signalled.
import type { ChildProcess } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";

const statOf = (pid: number): string | null => {
  try {
    return readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return null;
  }
};
// /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces and parentheses, so read after the last ")".
const fieldsAfterComm = (stat: string) => stat.slice(stat.lastIndexOf(")") + 2).split(" ");

/** Whether a process still runs (an exited, not yet reaped one counts as gone). */
export function isRunning(pid: number): boolean {
  const stat = statOf(pid);
  if (stat !== null) return fieldsAfterComm(stat)[0] !== "Z";
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Every process below `pid` (children, grandchildren, …), from /proc; empty where there is no /proc. */
export function descendants(pid: number): number[] {
  let entries: string[];
  try {
    entries = readdirSync("/proc").filter((e) => /^\d+$/.test(e));
  } catch {
    return [];
  }
  const children = new Map<number, number[]>();
  for (const e of entries) {
    const stat = statOf(Number(e));
    if (!stat) continue;
    const ppid = Number(fieldsAfterComm(stat)[1]);
    children.set(ppid, [...(children.get(ppid) ?? []), Number(e)]);
  }
  const out: number[] = [];
  const walk = (p: number) => (children.get(p) ?? []).forEach((c) => (out.push(c), walk(c)));
  walk(pid);
  return out;
}

const signal = (pids: Iterable<number>, sig: NodeJS.Signals) => {
  for (const pid of pids)
    try {
      process.kill(pid, sig);
    } catch {
      // ESRCH: already gone.
    }
};

const exitOf = (child: ChildProcess): Promise<number> =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve(child.exitCode ?? 1)
    : new Promise((resolve) => child.once("exit", (code) => resolve(code ?? 1)));

/**
 * Sends `sig` to the child and all its descendants and waits for the child to exit; after `graceMs`
 * whatever is left of the tree gets SIGKILL. Descendants are remembered before the child exits (they
 * are re-parented then), so a forked server that outlives its parent is still stopped. Resolves with
 * the child's exit code.
 */
export async function stopTree(child: ChildProcess, sig: NodeJS.Signals, graceMs: number): Promise<number> {
  if (!child.pid) return exitOf(child);
  const tree = new Set([child.pid, ...descendants(child.pid)]);
  const exited = exitOf(child);
  signal(tree, sig);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), graceMs);
  });
  const deadline = Date.now() + graceMs;
  const first = await Promise.race([exited, timedOut]);
  clearTimeout(timer);
  // Stragglers: members that ignored the signal or were forked meanwhile get until the deadline.
  const left = () => [...tree].filter(isRunning);
  while (first !== "timeout" && left().length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  signal(left(), "SIGKILL");
  // SIGKILL is delivered asynchronously; return once the tree is really gone (the port is free).
  for (let i = 0; i < 40 && left().length > 0; i++) await new Promise((r) => setTimeout(r, 50));
  return exited;
}

/**
 * Forwards SIGINT and SIGTERM received by this process (`parent`) to the child's tree, then calls
 * `exit` with the child's code once the tree has stopped (SIGKILL after `graceMs`).
 */
export function forwardSignals(
  child: ChildProcess,
  o: { graceMs: number; exit: (code: number) => void; parent?: NodeJS.EventEmitter },
): void {
  const parent = o.parent ?? process;
  let stopping = false;
  for (const sig of ["SIGINT", "SIGTERM"] as const)
    parent.on(sig, () => {
      if (stopping) return;
      stopping = true;
      void stopTree(child, sig, o.graceMs).then(o.exit);
    });
}
