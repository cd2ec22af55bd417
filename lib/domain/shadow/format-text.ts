import { TEMPLATES } from "./codes";
import type { TAgreementReport, TOutcomeCounts } from "./report";
import type { TSentFileReport } from "./sent";

/**
 * The agreement report as plain text for a terminal (`npm run lifecycle -- compare` without --json).
 * English only, like the other CLIs; the page renders the same report object in both languages.
 */

const SHOWN_MALFORMED_LINES = 20;

const int = (n: number) => Math.round(n).toLocaleString("en-US").replace(/,/g, " ");
const pct = (n: number | null) => (n === null ? "—" : `${n.toFixed(2)} %`);
const fixed = (n: number | null, digits: number) => (n === null ? "—" : n.toFixed(digits));

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].map((l) => `  ${l}`);
}

const countsRow = (label: string, c: TOutcomeCounts) => [
  label,
  int(c.decisions),
  int(c.agree),
  int(c.disagree),
  int(c.known_divergence),
  int(c.unmatched),
  pct(c.agreement_pct),
];
const COUNTS_HEADER = ["decisions", "agree", "disagree", "known div.", "unmatched", "agreement"];

function lineList(lines: number[], total: number): string {
  if (total === 0) return "";
  const shown = lines.slice(0, SHOWN_MALFORMED_LINES).join(", ");
  return ` (line${total === 1 ? "" : "s"} ${shown}${total > SHOWN_MALFORMED_LINES ? ", …" : ""})`;
}

/** Renders the whole report; `files` names the inputs in the header. */
export function formatReportText(r: TAgreementReport, files: { shadow: string; heuristic: string }): string {
  const s = r.inputs.shadow;
  const h = r.inputs.heuristic;
  const out: string[] = ["Shadow agreement report", ""];
  out.push(
    `  shadow log     ${files.shadow}: ${int(s.lines)} lines, ${int(r.decisions)} decisions, ${int(r.heartbeats)} heartbeats, ${int(r.malformed)} malformed${lineList(r.malformed_lines, r.malformed)}`,
    `  heuristic log  ${files.heuristic}: ${int(h.lines)} lines, ${int(h.rows)} rows, ${int(h.malformed)} malformed${lineList(h.malformed_lines, h.malformed)}`,
  );
  for (const [name, log] of [
    ["shadow", s],
    ["heuristic", h],
  ] as const) {
    if (log.partial_last_line) out.push(`  ${name} log ends with a partial line (no newline): skipped and counted`);
    for (const m of log.malformed_reasons.slice(0, 5)) out.push(`    ${name} line ${m.line}: ${m.reason}`);
  }

  out.push("", "Decisions (each shadow row against the heuristic row of the same org closest in time)");
  out.push(
    `  matched ${int(r.matched)}   agree ${int(r.agree)}   disagree ${int(r.disagree)}   known divergence ${int(r.known_divergence)}   unmatched ${int(r.unmatched)}`,
    `  agreement ${pct(r.agreement_pct)}  (agree / (agree + disagree); known divergences apart)`,
    `  Cohen's kappa ${fixed(r.kappa, 3)}`,
    `  per org (latest decision): ${int(r.per_org.orgs)} orgs, agree ${int(r.per_org.agree)}, disagree ${int(r.per_org.disagree)}, known divergence ${int(r.per_org.known_divergence)}, unmatched ${int(r.per_org.unmatched)}, agreement ${pct(r.per_org.agreement_pct)}`,
  );

  out.push("", "Confusion (rows: shadow template, columns: heuristic template; known divergences excluded)");
  out.push(
    ...table(
      ["shadow \\ heuristic", ...TEMPLATES],
      TEMPLATES.map((shadow) => [shadow, ...TEMPLATES.map((heuristic) => int(r.confusion[shadow]?.[heuristic] ?? 0))]),
    ),
  );
  const known = TEMPLATES.filter((t) => (r.known_divergence_by_template[t] ?? 0) > 0);
  if (known.length) {
    out.push(
      `  known divergences (shadow none, nudge already sent): ${known.map((t) => `${t} ${int(r.known_divergence_by_template[t]!)}`).join(", ")}`,
    );
  }

  out.push("", "By tier");
  out.push(
    ...table(
      ["tier", ...COUNTS_HEADER],
      Object.entries(r.by_tier).map(([k, c]) => countsRow(k, c)),
    ),
  );
  out.push("", "By day window (days since signup)");
  out.push(
    ...table(
      ["window", ...COUNTS_HEADER],
      Object.entries(r.by_day_window)
        .filter(([, c]) => c.decisions > 0)
        .map(([k, c]) => countsRow(k, c)),
    ),
  );
  out.push("", "Trend per day (UTC)");
  out.push(
    ...table(
      ["day", ...COUNTS_HEADER],
      r.trend.map((d) => countsRow(d.day, d)),
    ),
  );

  out.push("", "Heartbeats");
  out.push(
    r.heartbeats === 0
      ? "  none"
      : `  ${int(r.heartbeats)} between ${r.first_heartbeat} and ${r.last_heartbeat} (${fixed(r.heartbeat_span_days, 2)} days); firing rate ${fixed(r.firing_rate_per_hour, 2)} per hour (about 2 expected)`,
  );

  const nf = r.noise_floor;
  out.push("", "Noise floor");
  out.push(
    `  heuristic replayed on the shadow rows' own signals: agreement ${pct(nf.agreement_pct)}, kappa ${fixed(nf.kappa, 3)} (${int(nf.compared)} rows)`,
    `  heuristic log replayed on its own signals: ${int(nf.heuristic_self_replay.mismatches)} mismatches in ${int(nf.heuristic_self_replay.rows)} rows`,
  );

  out.push("", `Disagreement samples (first ${r.disagreement_samples.length})`);
  for (const x of r.disagreement_samples) {
    const days = x.days_since_signup === null ? "?" : String(x.days_since_signup);
    out.push(
      `  line ${x.line}  ${x.timestamp}  org ${x.organization_id} (${x.tier}, day ${days}): shadow ${x.shadow_template}, heuristic ${x.heuristic_template}`,
    );
    if (x.hermes_reasoning) out.push(`      “${x.hermes_reasoning}”`);
  }

  out.push("", "Cut-over gates");
  for (const g of r.gates) {
    const value =
      typeof g.value === "number"
        ? Number.isInteger(g.value)
          ? int(g.value)
          : g.value.toFixed(2)
        : String(g.value ?? "—");
    out.push(`  ${g.pass ? "PASS" : "FAIL"}  ${g.name.padEnd(20)} ${value.padStart(14)}   (${g.threshold})`);
  }
  return out.join("\n");
}

/** Comparison 2 as plain text (`npm run lifecycle -- compare --shadow FILE --sent`). */
export function formatSentText(r: TSentFileReport, file: string): string {
  const s = r.shadow;
  const out: string[] = ["Shadow against what was sent", ""];
  out.push(
    `  shadow log  ${file}: ${int(s.lines)} lines, ${int(s.decisions)} decisions, ${int(s.malformed)} malformed${lineList(s.malformed_lines, s.malformed)}`,
  );
  if (s.partial_last_line) out.push("  the shadow log ends with a partial line (no newline): skipped and counted");
  out.push(
    "",
    "Per organisation: the shadow's latest suggested nudge against the latest nudge sent (or none)",
    `  organisations ${int(r.orgs)}   agree ${int(r.agree)}   pending ${int(r.pending)}   disagree ${int(r.disagree)}   unmatched ${int(r.unmatched)}`,
    `  agreement ${pct(r.agreement_pct)}  (agree / (agree + disagree); pending: suggested, not sent yet; unmatched: no such account)`,
    "",
    "Suggested against sent (rows: shadow, columns: sent)",
    ...table(
      ["shadow \\ sent", ...TEMPLATES],
      TEMPLATES.map((shadow) => [shadow, ...TEMPLATES.map((sent) => int(r.confusion[shadow]?.[sent] ?? 0))]),
    ),
    "",
    `Disagreement samples (first ${r.disagreement_samples.length})`,
  );
  for (const x of r.disagreement_samples) {
    out.push(
      `  org ${x.organization_id}: shadow ${x.shadow_template}, sent ${x.sent_template}${x.sent_at ? ` at ${x.sent_at}` : ""}`,
    );
  }
  return out.join("\n");
}
