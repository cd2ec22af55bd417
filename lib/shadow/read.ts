import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { compareLogs, type TAgreementReport } from "../domain/shadow/report";
import { ROW_CHECKS } from "../domain/shadow/schemas";
import type { ShadowRows } from "../domain/shadow/store";
import { OrgInterner } from "../domain/shadow/store";
import { mergeHeuristic, mergeShadow } from "./merge";
import type { TWorkerData, TWorkerMessage } from "./parse-worker";
import {
  HEURISTIC,
  planUnits,
  readUnit,
  SHADOW,
  type THeuristicUnitResult,
  type TShadowUnitResult,
  type TUnitResult,
} from "./units";

/**
 * The agreement report for two log files (`npm run lifecycle -- compare`, the benchmark). Streams:
 * neither file is held in memory, only compact rows (~45 bytes per row). Both files are cut into
 * units that all threads — this one and `threads − 1` workers — claim from a shared counter until
 * none is left, so a worker that starts late (or not at all) only means this thread reads more.
 */

export type TCompareFilesOptions = {
  /** Threads that read, this one included (default: the machine's available parallelism, at most 4). */
  threads?: number;
  unitBytes?: number;
  bufferBytes?: number;
  sampleLimit?: number;
};

export type TCompareFilesResult = {
  report: TAgreementReport;
  timings: { readSeconds: number; compareSeconds: number; totalSeconds: number; threads: number; workerUnits: number };
};

/** A log file that cannot be read; `reason` is short and safe to print (no stack, no contents). */
export class ShadowFileError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`cannot read ${path}: ${reason}`);
  }
}

const DEFAULT_UNIT_BYTES = 16 << 20;
const DEFAULT_BUFFER_BYTES = 4 << 20;
const MAX_DEFAULT_THREADS = 4;
// A worker takes ~0.2 s to start and warm up; below this much input one thread finishes sooner.
const MIN_BYTES_FOR_WORKERS = 256 << 20;
const SAMPLE_LINE_BYTES = 16 << 10;

function openLog(path: string): { fd: number; size: number } {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ShadowFileError(
      path,
      code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : (code ?? "unreadable"),
    );
  }
  const stat = fstatSync(fd);
  if (!stat.isFile()) {
    closeSync(fd);
    throw new ShadowFileError(path, stat.isDirectory() ? "is a directory" : "not a regular file");
  }
  return { fd, size: stat.size };
}

/**
 * Reads both logs (in parallel where the machine allows) and compares them. Throws ShadowFileError
 * for a missing or unreadable file; malformed lines never throw, they are counted in the report.
 * Files are read up to their size when the call starts, so a log still being appended is a snapshot.
 */
export async function compareFiles(
  shadowPath: string,
  heuristicPath: string,
  options: TCompareFilesOptions = {},
): Promise<TCompareFilesResult> {
  const started = performance.now();
  const shadow = openLog(shadowPath);
  let heuristic: { fd: number; size: number };
  try {
    heuristic = openLog(heuristicPath);
  } catch (error) {
    closeSync(shadow.fd);
    throw error;
  }
  const fds = [shadow.fd, heuristic.fd];
  try {
    const sizes: [number, number] = [shadow.size, heuristic.size];
    const units = planUnits(sizes, options.unitBytes ?? DEFAULT_UNIT_BYTES);
    const defaultThreads =
      shadow.size + heuristic.size < MIN_BYTES_FOR_WORKERS ? 1 : Math.min(availableParallelism(), MAX_DEFAULT_THREADS);
    const threads = Math.max(1, Math.min(options.threads ?? defaultThreads, units.length));
    const bufferBytes = options.bufferBytes ?? DEFAULT_BUFFER_BYTES;
    const counter = new SharedArrayBuffer(4);
    const claimsBuffer = new SharedArrayBuffer(4 * threads);
    const interner = new OrgInterner();
    const results: (TUnitResult | undefined)[] = new Array(units.length);
    const data = {
      paths: [shadowPath, heuristicPath] as [string, string],
      sizes,
      units,
      counter,
      claims: claimsBuffer,
      bufferBytes,
    };
    const workers = Array.from({ length: threads - 1 }, (_, k) => startWorker(data, k, interner, results));

    const ctx = { interner, buffer: new Uint8Array(bufferBytes), probe: new Uint8Array(64 << 10), checks: ROW_CHECKS };
    const claims = new Int32Array(counter);
    try {
      for (let u = Atomics.add(claims, 0, 1); u < units.length; u = Atomics.add(claims, 0, 1)) {
        results[u] = readUnit(fds[units[u]!.kind]!, units[u]!, sizes[units[u]!.kind], ctx);
      }
    } catch (error) {
      for (const w of workers) w.stop();
      throw error;
    }
    // Every unit is claimed now. A worker still starting up has none and can get none: stop it
    // without waiting for it (a thread busy loading code can take a while to notice).
    const counts = await Promise.all(
      workers.map((w) => {
        if (w.claimed() > 0) return w.finished;
        w.stop();
        return 0;
      }),
    );
    const workerUnits = counts.reduce((n, k) => n + k, 0);
    // A worker that failed after claiming a unit leaves a hole: read it here.
    results.forEach((r, u) => {
      if (!r) results[u] = readUnit(fds[units[u]!.kind]!, units[u]!, sizes[units[u]!.kind], ctx);
    });
    const read = performance.now();

    const ofKind = <T extends TUnitResult>(kind: number) =>
      results.filter((r): r is T => r!.kind === kind).sort((a, b) => a.index - b.index);
    const shadowLog = mergeShadow(ofKind<TShadowUnitResult>(SHADOW), interner.names);
    const heuristicLog = mergeHeuristic(ofKind<THeuristicUnitResult>(HEURISTIC), interner.names);
    const report = compareLogs(shadowLog, heuristicLog, { sampleLimit: options.sampleLimit });
    attachReasoning(report, shadowLog.rows, shadow.fd);
    const done = performance.now();
    return {
      report,
      timings: {
        readSeconds: (read - started) / 1000,
        compareSeconds: (done - read) / 1000,
        totalSeconds: (done - started) / 1000,
        threads,
        workerUnits,
      },
    };
  } finally {
    for (const fd of fds) closeSync(fd);
  }
}

// Workers run TypeScript through tsx's require hook (the CLIs run under tsx), resolved from here so
// the working directory does not matter. Without tsx there are no workers: this thread reads it all.
const WORKER_SOURCE = (() => {
  try {
    const tsx = createRequire(__filename).resolve("tsx/cjs/api");
    const file = join(__dirname, "parse-worker.ts");
    return `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(file)});`;
  } catch {
    return null;
  }
})();

type TWorkerRun = { claimed: () => number; finished: Promise<number>; stop: () => void };

/**
 * Starts one worker; `finished` resolves with how many units it read once it is done (0 if it could
 * not start). `claimed()` counts the units it has taken so far, from shared memory.
 */
function startWorker(
  data: TWorkerData,
  slot: number,
  interner: OrgInterner,
  results: (TUnitResult | undefined)[],
): TWorkerRun {
  const claims = new Int32Array(data.claims);
  let worker: Worker;
  try {
    if (!WORKER_SOURCE) throw new Error("no tsx to run a worker with");
    // No inherited loader flags: the require hook is enough and starts faster.
    worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { ...data, slot }, execArgv: [] });
  } catch {
    return { claimed: () => 0, finished: Promise.resolve(0), stop: () => undefined };
  }
  const remap: number[] = [];
  let read = 0;
  const finished = new Promise<number>((resolve) => {
    worker.on("message", (message: TWorkerMessage) => {
      if (message.type === "done") return resolve(read);
      for (const name of message.names) remap.push(interner.internString(name));
      const org = message.result.rows.org;
      for (let i = 0; i < message.result.rows.length; i++) org[i] = remap[org[i]!]!;
      results[message.unit] = message.result;
      read++;
    });
    // A worker that fails leaves its claimed units unread; the main thread reads them.
    worker.on("error", () => resolve(read));
    worker.on("exit", () => resolve(read));
  });
  const stop = () => {
    worker.removeAllListeners("message"); // whatever it still sends is not wanted
    worker.unref(); // never keeps the process alive
    void worker.terminate();
  };
  return { claimed: () => Atomics.load(claims, slot), finished, stop };
}

/**
 * Adds each disagreement sample's `hermes_reasoning`, read again from its line in the shadow file. A
 * line that is no longer the sample's (the file changed since it was read) leaves the sample without.
 */
export function attachReasoning(report: TAgreementReport, rows: ShadowRows, fd: number): void {
  const buffer = new Uint8Array(SAMPLE_LINE_BYTES);
  for (const sample of report.disagreement_samples) {
    const row = rowOfLine(rows, sample.line);
    if (row < 0) continue;
    const n = readSync(fd, buffer, 0, buffer.length, rows.offset[row]!);
    const end = buffer.subarray(0, n).indexOf(10);
    try {
      const value = JSON.parse(new TextDecoder().decode(buffer.subarray(0, end < 0 ? n : end))) as {
        hermes_reasoning?: unknown;
        organization_id?: unknown;
      };
      if (value.organization_id !== sample.organization_id) continue;
      sample.hermes_reasoning = typeof value.hermes_reasoning === "string" ? value.hermes_reasoning : null;
    } catch {
      // a line longer than the probe: leave the sample without its reasoning
    }
  }
}

// Rows are in file order, so their line numbers increase: binary search.
function rowOfLine(rows: ShadowRows, line: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rows.line[mid]! < line) lo = mid + 1;
    else hi = mid;
  }
  return lo < rows.length && rows.line[lo] === line ? lo : -1;
}
