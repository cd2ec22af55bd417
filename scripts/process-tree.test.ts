import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { forwardSignals, isRunning, stopTree } from "./process-tree";

/** A shell that starts two grandchildren (like npx → next → next-server) and reports their pids. */
function family(script: string) {
  const child = spawn("sh", ["-c", script], { stdio: ["ignore", "pipe", "ignore"] });
  const pids = new Promise<number[]>((resolve) => {
    let out = "";
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const found = out.split("\n").filter((l) => /^\d+$/.test(l));
      if (found.length >= 2) resolve(found.map(Number));
    });
  });
  return { child, pids };
}

const twoSleepers = "sleep 30 & echo $!; sleep 30 & echo $!; wait";

describe("process tree", () => {
  it("signalling only the leader (what npm start did) leaves the grandchildren running", async () => {
    const { child, pids } = family(twoSleepers);
    const grandchildren = await pids;
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
    expect(grandchildren.filter(isRunning)).toEqual(grandchildren);
    grandchildren.forEach((pid) => process.kill(pid, "SIGKILL"));
  });

  it("stopping the leader with SIGTERM stops the grandchildren too", async () => {
    const { child, pids } = family(twoSleepers);
    const grandchildren = await pids;
    expect(grandchildren.every(isRunning)).toBe(true);
    await stopTree(child, "SIGTERM", 5_000);
    expect(grandchildren.filter(isRunning)).toEqual([]);
  });

  it("a group that ignores SIGTERM is killed after the grace period", async () => {
    const { child, pids } = family(`trap '' TERM; ${twoSleepers}`);
    const grandchildren = await pids;
    const started = Date.now();
    await stopTree(child, "SIGTERM", 300);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(grandchildren.filter(isRunning)).toEqual([]);
    expect(isRunning(child.pid!)).toBe(false);
  });

  it("SIGTERM to this process is forwarded to the group, and exit follows the child's", async () => {
    const { child, pids } = family(twoSleepers);
    const grandchildren = await pids;
    const parent = new EventEmitter();
    const exited = new Promise<number>((exit) => forwardSignals(child, { graceMs: 5_000, exit, parent }));
    parent.emit("SIGTERM");
    expect(typeof (await exited)).toBe("number");
    expect(grandchildren.filter(isRunning)).toEqual([]);
  });
});
