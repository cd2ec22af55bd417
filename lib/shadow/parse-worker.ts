// Worker thread of compareFiles (read.ts): claims units of the two logs from a shared counter, reads
// them, and posts each result with the organization ids it interned since its last message (its
// numbering is local; the main thread maps it to its own). Started by read.ts, not meant to run alone.
import { closeSync, openSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import type { TRowChecks } from "./scan/log-readers";
import { OrgInterner } from "../domain/shadow/store";
import { readUnit, transferables, type TUnit, type TUnitResult } from "./units";

export type TWorkerData = {
  paths: [string, string];
  sizes: [number, number];
  units: TUnit[];
  counter: SharedArrayBuffer;
  /** Int32 per worker: units it has claimed (read.ts stops workers that never claimed one). */
  claims: SharedArrayBuffer;
  bufferBytes: number;
};

export type TWorkerMessage = { type: "unit"; unit: number; result: TUnitResult; names: string[] } | { type: "done" };

// The full parser (zod) takes ~90 ms to load and most logs hardly need it: load it on first use.
type TSchemas = typeof import("../domain/shadow/schemas");
let schemas: TSchemas | undefined;
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy, synchronous load is the point (see above)
const load = () => (schemas ??= require("../domain/shadow/schemas") as TSchemas);
const checks: TRowChecks = {
  shadow: (value) => load().checkShadowRow(value),
  heuristic: (value) => load().checkHeuristicRow(value),
};

function main(data: TWorkerData & { slot: number }): void {
  const port = parentPort!;
  const counter = new Int32Array(data.counter);
  const claims = new Int32Array(data.claims);
  const interner = new OrgInterner();
  const ctx = { interner, buffer: new Uint8Array(data.bufferBytes), probe: new Uint8Array(64 << 10), checks };
  const fds = data.paths.map((path) => openSync(path, "r"));
  let named = 0;
  try {
    for (let u = Atomics.add(counter, 0, 1); u < data.units.length; u = Atomics.add(counter, 0, 1)) {
      Atomics.add(claims, data.slot, 1);
      const unit = data.units[u]!;
      const result = readUnit(fds[unit.kind]!, unit, data.sizes[unit.kind], ctx);
      const names = interner.names.slice(named);
      named = interner.names.length;
      port.postMessage({ type: "unit", unit: u, result, names } satisfies TWorkerMessage, transferables(result));
    }
  } finally {
    for (const fd of fds) closeSync(fd);
  }
  port.postMessage({ type: "done" } satisfies TWorkerMessage);
}

if (parentPort) main(workerData as TWorkerData & { slot: number });
