import "server-only";
import { setImmediate } from "node:timers/promises";
import { parse as csvStream } from "csv-parse";
import { z } from "zod";
// eslint-disable-next-line import/no-restricted-paths -- raw database access in an action; moves into lib/data (issue 11 item 2)
import { prisma } from "../db";
import { existingAccountIds, existingImportKeys, insertTickets } from "../data/support";
import { getSupportSettings } from "../data/support-settings";
import type { Tx } from "../data/tx";
import type { TCalendar } from "../domain/support/calendar";
import { classify, type TClassification, type TKeywordLists } from "../domain/support/classify";
import {
  CSV_OPTIONS,
  MAX_IMPORT_BYTES,
  checkRecord,
  refuseRecords,
  refuseFile,
  type TImportParse,
  type TImportRow,
} from "../domain/support/import";
import { AppError } from "../errors";
import { ESCALATION_PRIORITIES } from "../domain/journeys/guardrails";
import { escalationChanged } from "./journey-reevaluate";
import { defineMutation } from "./mutation";
import type { TImportPreview } from "../domain/support/types";
export type { TImportPreview };

// Classifying is CPU work on the event loop: done in chunks with a yield between them, so a 2 000-row
// file never holds other requests up for more than one chunk's worth (a few milliseconds).
const CLASSIFY_CHUNK = 200;

async function classifyAll(rows: TImportRow[], keywords: TKeywordLists): Promise<(TClassification | null)[]> {
  const out: (TClassification | null)[] = [];
  for (let i = 0; i < rows.length; i += CLASSIFY_CHUNK) {
    if (i > 0) await setImmediate();
    for (const r of rows.slice(i, i + CLASSIFY_CHUNK))
      out.push(r.input ? classify(r.input.subject, r.input.body, keywords) : null);
  }
  return out;
}

// Reading a 900 KB file in one synchronous parse held the loop for 100–200 ms (more under load); the
// streaming parser is fed slices of this many characters with a yield after each.
const READ_CHUNK = 32 * 1024;

/** parseTicketCsv (lib/domain/support/import), fed to csv-parse in slices so the event loop keeps turning. */
async function readTicketCsv(text: string, now: Date): Promise<TImportParse> {
  const refused = refuseFile(text);
  if (refused) return { ok: false, error: refused };
  const parser = csvStream(CSV_OPTIONS);
  const records: Record<string, string>[] = [];
  let failure: Error | null = null;
  parser.on("readable", () => {
    for (let r = parser.read(); r !== null; r = parser.read()) records.push(r as Record<string, string>);
  });
  const ended = new Promise<void>((resolve) => {
    parser.on("end", resolve);
    parser.on("error", (error) => {
      failure = error;
      resolve();
    });
  });
  for (let i = 0; i < text.length && !failure;) {
    let end = Math.min(i + READ_CHUNK, text.length);
    // Never split a surrogate pair: each slice is encoded on its own.
    if (end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1]!)) end++;
    parser.write(text.slice(i, end));
    i = end;
    await setImmediate();
  }
  if (!failure) parser.end();
  await ended;
  if (failure) return { ok: false, error: "malformed", detail: (failure as Error).message };
  const refusedRecords = refuseRecords(records);
  if (refusedRecords) return refusedRecords;
  const seen = new Set<string>();
  const rows: TImportRow[] = [];
  for (let i = 0; i < records.length; i += CLASSIFY_CHUNK) {
    await setImmediate();
    records.slice(i, i + CLASSIFY_CHUNK).forEach((rec, j) => rows.push(checkRecord(rec, i + j, now, seen)));
  }
  return { ok: true, rows };
}

type TChecked = TImportPreview & { classifications?: (TClassification | null)[]; calendar?: TCalendar };

/**
 * Parses an import file and checks it against the database: unknown accounts and rows imported
 * before are row errors like the file's own. The preview and the commit both call this, so what the
 * preview shows is what the commit checks. Reads are set-based (three queries whatever the size).
 */
async function check(
  text: string,
  now: Date,
  client: Pick<Tx, "account" | "supportTicket" | "supportSettings">,
): Promise<TChecked> {
  const parsed = await readTicketCsv(text, now);
  if (!parsed.ok) return parsed;
  const ok = parsed.rows.filter((r) => r.input);
  const [accounts, imported, settings] = await Promise.all([
    existingAccountIds(
      ok.map((r) => r.input!.account_id),
      client,
    ),
    existingImportKeys(
      ok.map((r) => r.key!),
      client,
    ),
    getSupportSettings(client),
  ]);
  const classifications = await classifyAll(parsed.rows, settings.keywords);
  const rows = parsed.rows.map((r, i) => {
    const errors = [...r.errors];
    if (r.input && !accounts.has(r.input.account_id)) errors.push("unknown_account");
    if (r.key && imported.has(r.key) && !errors.includes("duplicate_in_file")) errors.push("already_imported");
    return { ...r, errors, priority: classifications[i]?.priority ?? null };
  });
  const invalid = rows.filter((r) => r.errors.length > 0).length;
  return { ok: true, rows, valid: rows.length - invalid, invalid, classifications, calendar: settings.calendar };
}

/** The preview: the same check as the commit, without its working parts. */
export async function checkImport(
  text: string,
  now: Date,
  client: Pick<Tx, "account" | "supportTicket" | "supportSettings"> = prisma(),
): Promise<TImportPreview> {
  const checked = await check(text, now, client);
  if (!checked.ok) return checked;
  const { classifications: _c, calendar: _cal, ...preview } = checked;
  return preview;
}

/**
 * All or nothing: any row error refuses the whole file (nothing is written) with
 * `support.import.file.has_errors`. One transaction, but set-based inside it: three reads, two inserts
 * per chunk of tickets, one journey re-evaluation per account with a new P0/P1 ticket, yielding to the
 * event loop between chunks so a big file does not stop the server answering others.
 */
export const importTicketsMutation = defineMutation({
  name: "support.import_tickets",
  permission: "tickets:write",
  input: z.object({ csv: z.string().max(MAX_IMPORT_BYTES) }),
  async run({ tx, actor, input }) {
    const now = new Date();
    const checked = await check(input.csv, now, tx);
    if (!checked.ok) throw new AppError("invalid_input", { csv: `support.import.file.${checked.error}` });
    if (checked.invalid > 0) throw new AppError("invalid_input", { csv: "support.import.file.has_errors" });
    const tickets = checked.rows.map((r, i) => {
      const row = r.input!;
      return {
        accountId: row.account_id,
        subject: row.subject,
        body: row.body,
        channel: row.channel,
        receivedAt: new Date(row.received_at),
        classification: checked.classifications![i]!,
        createdBy: actor.type === "user" ? actor.id : null,
        actorLabel: actor.label,
        importKey: r.key,
      };
    });
    await insertTickets(tx, tickets, checked.calendar!, now);
    const escalated = new Set(
      tickets.filter((t) => ESCALATION_PRIORITIES.includes(t.classification.priority)).map((t) => t.accountId),
    );
    for (const accountId of escalated) {
      await escalationChanged(tx, [accountId], now);
      await setImmediate();
    }
    return {
      result: { imported: checked.rows.length },
      ledger: { target: "tickets:import", summary: `imported ${checked.rows.length} tickets` },
    };
  },
});
