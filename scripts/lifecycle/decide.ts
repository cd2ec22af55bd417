// npm run lifecycle -- decide [--send-aware] [FILE]
//   Reads a `{ "candidates": [...], "total": N }` document (the list_onboarding_candidates shape) from
//   FILE, or stdin when FILE is absent or "-", and prints one JSON line per candidate:
//   {"organization_id","template","reason","confidence","action"}. --send-aware turns nudges already
//   sent into `none`. Bad input (not JSON, a field wrong) → exit 2 naming `candidates[i].field`.
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { decideDocument } from "../../lib/domain/nudges/decide-document";
import { readStdin, UsageError } from "../cli";

const USAGE = "usage: npm run lifecycle -- decide [--send-aware] [FILE]   (FILE absent or - reads stdin)";

// Lines go out in chunks of about this many characters: one write per line is the slow part otherwise.
const CHUNK_CHARS = 1 << 20;

export async function run(argv: string[]): Promise<number> {
  const { file, sendAware } = parseDecideArgs(argv);
  const text = file === undefined ? await readInputFromStdin() : await readInputFile(file);
  const result = decideDocument(text, { sendAware });
  if (!result.ok) throw new UsageError(`${file ?? "stdin"}: ${result.error}`);
  await writeLines(process.stdout, result.lines);
  return 0;
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

async function readInputFromStdin(): Promise<string> {
  // readStdin() returns "" for a terminal; waiting for someone to type JSON is never what was meant.
  if (process.stdin.isTTY) throw new UsageError(`no input: pass FILE or pipe a candidates document\n${USAGE}`);
  return readStdin();
}

async function readInputFile(file: string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : (code ?? "unreadable");
    throw new UsageError(`cannot read ${file}: ${why}`);
  }
}

/** Writes `lines` newline-terminated in large chunks, waiting for each; a reader that quit (EPIPE) ends it quietly. */
async function writeLines(out: NodeJS.WritableStream, lines: string[]): Promise<void> {
  // A failed write also emits "error" on the stream (possibly a tick after the callback), which would
  // crash the process without a listener; the write callback is where the failure is handled, and
  // the listener stays on after one so the late event finds it.
  const onError = () => undefined;
  out.on("error", onError);
  let chunk = "";
  for (const line of lines) {
    chunk += line + "\n";
    if (chunk.length < CHUNK_CHARS) continue;
    if (!(await write(out, chunk))) return;
    chunk = "";
  }
  if (chunk && !(await write(out, chunk))) return;
  out.off("error", onError);
}

function write(out: NodeJS.WritableStream, chunk: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    out.write(chunk, (error) => {
      if (!error) return resolve(true);
      if ((error as NodeJS.ErrnoException).code === "EPIPE") return resolve(false);
      reject(error);
    });
  });
}
