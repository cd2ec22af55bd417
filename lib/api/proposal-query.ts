import { z } from "zod";
import type { TActor } from "../domain/auth/actor";
import { PROPOSAL_KINDS } from "../domain/proposals/payloads";
import { PROPOSAL_STATES } from "../domain/proposals/state-machine";
import type { TProposalFilters } from "../domain/proposals/types";
import { fieldErrors } from "../domain/validation";
import { CONTROL_CHARACTERS_CODE, hasControlCharacters, zLine } from "../domain/text/safe-text";

// 200 rows of proposals with full payloads is about a megabyte: the most one response should carry.
export const MAX_LIMIT = 200;
export const DEFAULT_LIMIT = 50;

const ZListQuery = z.object({
  state: z.enum(PROPOSAL_STATES).optional(),
  kind: z.enum(PROPOSAL_KINDS).optional(),
  account_id: z.uuid().optional(),
  proposer: zLine(200).min(1).optional(),
  older_than_hours: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 366)
    .optional(),
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT),
  cursor: z.uuid().optional(),
});

/**
 * Query string → list filters. `proposer=me` means the caller. People see every proposal (founders
 * decide, CSMs work together, analysts read); an agent token sees only what it proposed itself.
 */
export function parseProposalQuery(
  params: URLSearchParams,
  viewer: TActor,
): { ok: true; filters: TProposalFilters } | { ok: false; fields: Record<string, string> } {
  // A control character in any parameter, known or not, is refused by name (issue 10: ?proposer=%00 gave 500).
  const controls = [...params.entries()].filter(([, v]) => hasControlCharacters(v));
  if (controls.length)
    return { ok: false, fields: Object.fromEntries(controls.map(([k]) => [k, CONTROL_CHARACTERS_CODE])) };
  const raw = Object.fromEntries([...params.entries()].filter(([, v]) => v !== ""));
  const parsed = ZListQuery.safeParse(raw);
  if (!parsed.success) return { ok: false, fields: fieldErrors(parsed.error, raw) };
  const q = parsed.data;
  const proposer = viewer.scopes ? viewer.id : q.proposer === "me" ? viewer.id : q.proposer;
  return {
    ok: true,
    filters: {
      state: q.state,
      kind: q.kind,
      accountId: q.account_id,
      proposerId: proposer,
      olderThanHours: q.older_than_hours,
      limit: q.limit,
      cursor: q.cursor,
    },
  };
}

/** Whether `viewer` may see this proposal at all (the same rule as the list). */
export function canView(viewer: TActor, proposerId: string): boolean {
  return !viewer.scopes || viewer.id === proposerId;
}
