import { z } from "zod";
import { isUuid } from "../ids";
import { MAX_LINKED_ACCOUNTS, ZCreateIncident } from "./schemas";

// Account names are short (company names); a longer line is refused rather than looked up. The whole
// text is capped so one request cannot make the server split and look up megabytes.
export const MAX_ACCOUNT_LINE = 200;
export const MAX_ACCOUNTS_TEXT = MAX_LINKED_ACCOUNTS * (MAX_ACCOUNT_LINE + 1);

/** The form's "one account name or id per line" text as trimmed, non-empty, distinct lines. */
export const accountLines = (text: string): string[] => [
  ...new Set(
    text
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean),
  ),
];

/**
 * How a line is matched: an id exactly, a name by normalised equality (NFC, trimmed, lower case), never
 * by pattern, so `%` or `_` in a line are ordinary characters.
 */
export const isAccountId = (line: string): boolean => isUuid(line);
export const normaliseAccountName = (name: string): string => name.normalize("NFC").trim().toLowerCase();

/**
 * The create-incident form: accounts as text lines (resolved to ids inside the mutation, after the
 * session), and the ticket it was opened from, if any (its account is added, the two are linked).
 */
export const ZCreateIncidentForm = ZCreateIncident.omit({ account_ids: true }).extend({
  ticket_id: z.uuid().optional(),
  accounts: z
    .string()
    .max(MAX_ACCOUNTS_TEXT)
    .default("")
    .transform(accountLines)
    .pipe(
      z
        .array(z.string())
        .max(MAX_LINKED_ACCOUNTS)
        .refine((lines) => lines.every((l) => l.length <= MAX_ACCOUNT_LINE)),
    ),
});
