/**
 * The one UUID check for ids that arrive as text (a URL segment, a form line, a shadow log's
 * organization id, a CLI flag): the 8-4-4-4-12 hex shape, any version, either case. Text that fails it
 * names nothing, so callers answer "not found" without asking the database. Mutation inputs use zod's
 * `z.uuid()` in their schemas instead, which also checks the version and variant bits.
 */
export const UUID_PATTERN = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";
const UUID = new RegExp(UUID_PATTERN);

export const isUuid = (text: string): boolean => UUID.test(text);
