import { AppError } from "../errors";

// Proposals carry at most a 20 000-character message (lib/domain/proposals/payloads.ts); 64 KiB fits
// that in any script with room to spare and keeps a pasted file out.
export const MAX_BODY_BYTES = 64 * 1024;

const invalid = (message: string) => new AppError("invalid_input", undefined, message);
const tooLarge = (max: number) =>
  new AppError("payload_too_large", undefined, `The request body is larger than ${max} bytes.`);

/**
 * Reads a JSON object body, refusing more than `max` bytes without buffering them (the declared
 * Content-Length first, then the bytes actually read). Throws AppError `payload_too_large` (413) or
 * `invalid_input` (422) with an English message saying what is wrong.
 */
export async function readJsonObject(request: Request, max = MAX_BODY_BYTES): Promise<Record<string, unknown>> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > max) throw tooLarge(max);
  const bytes = await readCapped(request, max);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw invalid("The request body is not valid UTF-8.");
  }
  if (text.trim() === "") throw invalid("The request body is empty; send a JSON object.");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw invalid(`The request body is not valid JSON: ${(error as Error).message}`);
  }
  if (!value || typeof value !== "object" || Array.isArray(value))
    throw invalid("The request body must be a JSON object.");
  return value as Record<string, unknown>;
}

async function readCapped(request: Request, max: number): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(max);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
