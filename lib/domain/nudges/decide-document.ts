import { isWellFormedCandidate, parseCandidatesDocument, type TNudgeCandidate } from "./candidate";
import { DECISIONS, decideNudge, decideNudgeSendAware, type TNudgeDecision } from "./heuristic";

/**
 * The pure core of `npm run lifecycle -- decide`: the text of a `{ candidates, total }` document in,
 * one JSON line per candidate out (`organization_id, template, reason, confidence`, then `action`).
 */

export type TDecideDocument = { ok: true; lines: string[] } | { ok: false; error: string };

// Decisions are a handful of shared objects, so each one's serialized tail is built once, not per line.
const TAILS = new Map<TNudgeDecision, string>(
  Object.values(DECISIONS).map((d) => {
    const tail = JSON.stringify({ template: d.template, reason: d.reason, confidence: d.confidence, action: d.action });
    return [d, tail.slice(1)];
  }),
);

/** What follows the organization id in a line: `"template":…,"reason":…,"confidence":…,"action":…}`. */
export function decisionTail(decision: TNudgeDecision): string {
  return TAILS.get(decision) ?? JSON.stringify(decision).slice(1);
}

/** One output line, without the newline: `{"organization_id":…,"template":…,"reason":…,"confidence":…,"action":…}`. */
export function decisionLine(organizationId: string, decision: TNudgeDecision): string {
  return `{"organization_id":${JSON.stringify(organizationId)},${decisionTail(decision)}`;
}

/**
 * Decides every candidate of the document. Never throws: input that is not JSON gives
 * `not JSON: <parser message>`; a schema failure names the candidate and field
 * (`candidates[3].days_since_signup: …`). No candidates → no lines. `total` is not compared with the
 * number of candidates (the listing is paged).
 */
export function decideDocument(text: string, options: { sendAware?: boolean } = {}): TDecideDocument {
  // A UTF-8 byte-order mark is what some editors put first; it is not a reason to refuse the file.
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (source.trim() === "") return { ok: false, error: "not JSON: empty input" };
  let parsed: unknown;
  try {
    parsed = JSON.parse(source);
  } catch (error) {
    return { ok: false, error: `not JSON: ${(error as Error).message}` };
  }
  let candidates = wellFormedCandidates(parsed);
  if (!candidates) {
    const result = parseCandidatesDocument(parsed);
    if (!result.ok) return result;
    candidates = result.document.candidates;
  }
  const decide = options.sendAware ? decideNudgeSendAware : decideNudge;
  const lines = new Array<string>(candidates.length);
  for (let i = 0; i < candidates.length; i++) {
    const candidate = candidates[i]!;
    lines[i] = decisionLine(candidate.organization_id, decide(candidate));
  }
  return { ok: true, lines };
}

// The fast path for a clean listing (the usual case): about a third of the time otherwise goes to the
// schema. Anything unusual — an unknown tier to normalise, a bad field to name — goes to the schema.
function wellFormedCandidates(parsed: unknown): TNudgeCandidate[] | undefined {
  if (typeof parsed !== "object" || parsed === null) return undefined;
  const { candidates, total } = parsed as Record<string, unknown>;
  if (!Array.isArray(candidates) || !Number.isSafeInteger(total) || (total as number) < 0) return undefined;
  for (let i = 0; i < candidates.length; i++) if (!isWellFormedCandidate(candidates[i])) return undefined;
  return candidates as TNudgeCandidate[];
}
