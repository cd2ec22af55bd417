import "server-only";
import { z } from "zod";
import { prisma } from "../db";
import { existingAccountIds, existingImportKeys, insertTickets } from "../data/support";
import { getSupportSettings } from "../data/support-settings";
import type { Tx } from "../data/tx";
import { classify } from "../domain/support/classify";
import { MAX_IMPORT_BYTES, parseTicketCsv, type TImportRow } from "../domain/support/import";
import { AppError } from "../errors";
import { ESCALATION_PRIORITIES, escalationChanged } from "../journeys/escalations";
import { defineMutation } from "./mutation";

export type TImportPreview =
  | { ok: true; rows: (TImportRow & { priority: string | null })[]; valid: number; invalid: number }
  | { ok: false; error: string; detail?: string };

/**
 * Parses an import file and checks it against the database: unknown accounts and rows imported
 * before are row errors like the file's own. The preview and the commit both call this, so what the
 * preview shows is what the commit checks.
 */
export async function checkImport(
  text: string,
  now: Date,
  client: Pick<Tx, "account" | "supportTicket" | "supportSettings"> = prisma(),
): Promise<TImportPreview> {
  const parsed = parseTicketCsv(text, now);
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
  const rows = parsed.rows.map((r) => {
    const errors = [...r.errors];
    if (r.input && !accounts.has(r.input.account_id)) errors.push("unknown_account");
    if (r.key && imported.has(r.key) && !errors.includes("duplicate_in_file")) errors.push("already_imported");
    const priority = r.input ? classify(r.input.subject, r.input.body, settings.keywords).priority : null;
    return { ...r, errors, priority };
  });
  const invalid = rows.filter((r) => r.errors.length > 0).length;
  return { ok: true, rows, valid: rows.length - invalid, invalid };
}

/** All or nothing: any row error refuses the whole file (nothing is written) with `support.import.has_errors`. */
export const importTicketsMutation = defineMutation({
  name: "support.import_tickets",
  permission: "tickets:write",
  input: z.object({ csv: z.string().max(MAX_IMPORT_BYTES) }),
  async run({ tx, actor, input }) {
    const now = new Date();
    const check = await checkImport(input.csv, now, tx);
    if (!check.ok) throw new AppError("invalid_input", { csv: `support.import.file.${check.error}` });
    if (check.invalid > 0) throw new AppError("invalid_input", { csv: "support.import.file.has_errors" });
    const settings = await getSupportSettings(tx);
    const tickets = check.rows.map((r) => {
      const i = r.input!;
      return {
        accountId: i.account_id,
        subject: i.subject,
        body: i.body,
        channel: i.channel,
        receivedAt: new Date(i.received_at),
        classification: classify(i.subject, i.body, settings.keywords),
        createdBy: actor.type === "user" ? actor.id : null,
        actorLabel: actor.label,
        importKey: r.key,
      };
    });
    await insertTickets(tx, tickets, settings.calendar, now);
    const escalated = tickets.filter((t) => ESCALATION_PRIORITIES.includes(t.classification.priority));
    await escalationChanged(
      tx,
      escalated.map((t) => t.accountId),
      now,
    );
    return {
      result: { imported: check.rows.length },
      ledger: { target: "tickets:import", summary: `imported ${check.rows.length} tickets` },
    };
  },
});
