// npm run lifecycle -- decide [--send-aware] [FILE]
//   Reads a `{ "candidates": [...], "total": N }` document (the list_onboarding_candidates shape) from
//   FILE, or stdin when FILE is absent or "-", and prints one JSON line per candidate:
//   {"organization_id","template","reason","confidence","action"}. --send-aware turns nudges already
//   sent into `none`. Bad input (not JSON, a field wrong) → exit 2 naming `candidates[i].field`.
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { decideDocument } from "../../lib/domain/nudges/decide-document";
import { scanDecideDocument } from "../../lib/shadow/scan/decide-scan";
import { UsageError } from "../cli";

const USAGE = "usage: npm run lifecycle -- decide [--send-aware] [FILE]   (FILE absent or - reads stdin)";

export async function run(argv: string[]): Promise<number> {
  const { file, sendAware } = parseDecideArgs(argv);
  const bytes = file === undefined ? await readInputFromStdin() : await readInputFile(file);
  await writeOnce(process.stdout, decideBytes(bytes, sendAware, file ?? "stdin"));
  return 0;
}

/**
 * The whole output for a document's bytes: the byte scanner for a plain listing, else the full
 * parser on the UTF-8 text (which also words every error). Both give the same bytes.
 */
export function decideBytes(bytes: Buffer, sendAware: boolean, source: string): Uint8Array | string {
  const fast = scanDecideDocument(bytes, { sendAware });
  if (fast) return fast;
  const result = decideDocument(bytes.toString("utf8"), { sendAware });
  if (!result.ok) throw new UsageError(`${source}: ${result.error}`);
  return result.lines.length ? `${result.lines.join("\n")}\n` : "";
}

function parseDecideArgs(argv: string[]): { file: string | undefined; sendAware: boolean } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { "send-aware": { type: "boolean" }, help: { type: "boolean", short: "h" } },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) throw new UsageError(USAGE);
  if (positionals.length > 1) throw new UsageError(`expected at most one FILE, got ${positionals.length}\n${USAGE}`);
  const file = positionals[0] === "-" ? undefined : positionals[0];
  return { file, sendAware: values["send-aware"] ?? false };
}

async function readInputFromStdin(): Promise<Buffer> {
  // Waiting for someone to type JSON at a terminal is never what was meant.
  if (process.stdin.isTTY) throw new UsageError(`no input: pass FILE or pipe a candidates document\n${USAGE}`);
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function readInputFile(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : (code ?? "unreadable");
    throw new UsageError(`cannot read ${file}: ${why}`);
  }
}

/** Writes the whole output in one write and waits for it; a reader that quit (EPIPE) ends it quietly. */
async function writeOnce(out: NodeJS.WritableStream, data: Uint8Array | string): Promise<void> {
  if (data.length === 0) return;
  // A failed write also emits "error" on the stream (possibly a tick after the callback), which would
  // crash the process without a listener; the write callback is where the failure is handled, and
  // the listener stays on after one so the late event finds it.
  const onError = () => undefined;
  out.on("error", onError);
  if (!(await write(out, data))) return;
  out.off("error", onError);
}

function write(out: NodeJS.WritableStream, chunk: Uint8Array | string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    out.write(chunk, (error) => {
      if (!error) return resolve(true);
      if ((error as NodeJS.ErrnoException).code === "EPIPE") return resolve(false);
      reject(error);
    });
  });
}
