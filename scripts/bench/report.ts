// Plain-text report formatting: section headings, aligned tables, PASS/FAIL against targets.

export function heading(title: string): void {
  console.log(`\n=== ${title} ${"=".repeat(Math.max(3, 76 - title.length))}`);
}

export const ms = (value: number) => `${value.toFixed(1)} ms`;
export const seconds = (value: number) => `${value.toFixed(1)} s`;

/** PASS when `value` is at or under `max`. */
export const verdict = (value: number, max: number) => (value <= max ? "PASS" : "FAIL");

/** A left-aligned first column, then right-aligned figures. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].map((l) => `  ${l}`).join("\n");
}
