/**
 * CSV for spreadsheets: RFC 4180 quoting, and cells that a spreadsheet would run as a formula
 * (starting with = + - @, tab or carriage return) prefixed with an apostrophe (OWASP CSV injection).
 * The file starts with a UTF-8 BOM so Excel shows Arabic correctly.
 */
export const CSV_BOM = "\uFEFF";

export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? "" : value instanceof Date ? value.toISOString() : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvRow = (cells: unknown[]): string => `${cells.map(csvCell).join(",")}\r\n`;
