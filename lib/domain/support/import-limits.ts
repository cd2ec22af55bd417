// The import's limits, in a module of their own so the browser can check a file before sending it
// (lib/domain/support/import pulls in the CSV parser and hashing).
// One import is a day's backlog from another tool, not a migration: 2 000 rows keep the preview
// readable and the all-or-nothing commit one short transaction. 900 KiB (921 600 bytes of UTF-8) travels
// to the preview and commit server actions as text; next.config.ts sets the action body limit to fit it.
export const MAX_IMPORT_ROWS = 2_000;
export const MAX_IMPORT_BYTES = 900 * 1024;
