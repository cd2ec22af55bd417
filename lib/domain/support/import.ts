import { parse } from "csv-parse/sync";
import type { z } from "zod";
import { sha256Hex } from "../ledger/chain";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "./import-limits";
import { MAX_TICKET_BODY, RECEIVED_AT_RANGE_CODE, ZTicketInput, receivedAt, type TTicketInput } from "./input";
import { CONTROL_CHARACTERS_CODE } from "../text/safe-text";

export { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS };
export const IMPORT_COLUMNS = ["account_id", "subject", "body", "channel", "received_at", "external_id"] as const;
const REQUIRED = ["account_id", "subject", "body", "channel", "received_at"] as const;

/** Row problems are codes under `support.import.errors.*`. */
export type TImportError =
  | "account_id"
  | "subject"
  | "body_too_long"
  | "channel"
  | "received_at"
  | "received_in_future"
  | "received_out_of_range"
  | "subject_control_characters"
  | "body_control_characters"
  | "duplicate_in_file"
  | "already_imported"
  | "unknown_account";

export type TImportRow = {
  line: number;
  input: (TTicketInput & { received_at: string }) | null;
  key: string | null;
  errors: TImportError[];
  raw: { account_id: string; subject: string };
};
export type TImportParse = { ok: true; rows: TImportRow[] } | { ok: false; error: TImportFileError; detail?: string };

/**
 * The import key that makes re-imports idempotent: the account plus the source's `external_id` when
 * given, else the account, received-at, subject and body (a ticket is the same ticket if all match).
 */
export function importKey(r: {
  account_id: string;
  external_id?: string;
  received_at: string;
  subject: string;
  body: string;
}): string {
  const id = r.external_id?.trim();
  return sha256Hex(
    id
      ? `ext\u0000${r.account_id}\u0000${id}`
      : `row\u0000${r.account_id}\u0000${new Date(r.received_at).toISOString()}\u0000${r.subject}\u0000${r.body}`,
  );
}

// csv-parse's options for an import file; the chunked reader in lib/actions/support-import uses the same.
export const CSV_OPTIONS = {
  bom: true,
  columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
  skip_empty_lines: true,
  relax_column_count: false,
  trim: false,
} as const;

export type TImportFileError = "empty" | "too_large" | "too_many_rows" | "malformed" | "missing_columns";

/** The checks made before a file is read at all: size and emptiness. Null when it may be read. */
export function refuseFile(text: string): TImportFileError | null {
  if (new TextEncoder().encode(text).byteLength > MAX_IMPORT_BYTES) return "too_large";
  if (text.replace(/^\uFEFF/, "").trim() === "") return "empty";
  return null;
}

/**
 * Parses an import file (UTF-8, optional BOM, header row) into rows with per-row errors: invalid
 * fields and duplicates within the file. Unknown accounts and already-imported rows are checked
 * against the database by the caller (it adds `unknown_account` / `already_imported`).
 */
export function parseTicketCsv(text: string, now: Date): TImportParse {
  const refused = refuseFile(text);
  if (refused) return { ok: false, error: refused };
  let records: Record<string, string>[];
  try {
    records = parse(text, CSV_OPTIONS);
  } catch (error) {
    return { ok: false, error: "malformed", detail: (error as Error).message };
  }
  return checkRecords(records, now);
}

/** The rows of a read file, checked (see parseTicketCsv); the part after csv-parse. */
export function checkRecords(records: Record<string, string>[], now: Date): TImportParse {
  const refused = refuseRecords(records);
  if (refused) return refused;
  const seen = new Set<string>();
  return { ok: true, rows: records.map((rec, i) => checkRecord(rec, i, now, seen)) };
}

/** Whole-file problems of read records (no rows, missing columns, too many rows); null when none. */
export function refuseRecords(records: Record<string, string>[]): Extract<TImportParse, { ok: false }> | null {
  if (records.length === 0) return { ok: false, error: "empty" };
  const header = Object.keys(records[0] ?? {});
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length) return { ok: false, error: "missing_columns", detail: missing.join(", ") };
  if (records.length > MAX_IMPORT_ROWS) return { ok: false, error: "too_many_rows" };
  return null;
}

/**
 * One record (index `i`, after the header) checked; `seen` holds the import keys of the records before
 * it, for `duplicate_in_file`, and gains this one's. Records are checked in file order.
 */
export function checkRecord(rec: Record<string, string>, i: number, now: Date, seen: Set<string>): TImportRow {
  const raw = { account_id: rec.account_id ?? "", subject: rec.subject ?? "" };
  const parsed = ZTicketInput.safeParse({ ...rec, received_at: rec.received_at?.trim() || undefined });
  const errors: TImportError[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const code = importErrorOf(issue);
      if (!errors.includes(code)) errors.push(code);
    }
  }
  if (!rec.received_at?.trim() && !errors.includes("received_at")) errors.push("received_at");
  const line = i + 2; // the header is line 1
  if (!parsed.success || errors.length) return { line, input: null, key: null, errors, raw };
  const at = receivedAt(parsed.data, now);
  if (!at) return { line, input: null, key: null, errors: ["received_in_future"], raw };
  const input = { ...parsed.data, received_at: at.toISOString() };
  const key = importKey({ ...input, external_id: rec.external_id });
  if (seen.has(key)) return { line, input, key, errors: ["duplicate_in_file"], raw };
  seen.add(key);
  return { line, input, key, errors: [], raw };
}

export { MAX_TICKET_BODY };

/** The row error a schema issue stands for: a refused character or date first, then the field's own. */
function importErrorOf(issue: z.core.$ZodIssue): TImportError {
  const field = String(issue.path[0]);
  if (issue.message === CONTROL_CHARACTERS_CODE && (field === "subject" || field === "body"))
    return `${field}_control_characters`;
  if (issue.message === RECEIVED_AT_RANGE_CODE) return "received_out_of_range";
  if (field === "body") return "body_too_long";
  if (field === "account_id" || field === "subject" || field === "channel") return field;
  return "received_at";
}
