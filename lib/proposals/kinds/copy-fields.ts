import { DEFAULT_LISTS, type TGuardLists } from "../../domain/copy-guard/default-lists";
import { checkCopy, compileGuard, type TCopyVerdict } from "../../domain/copy-guard/guard";
import type { TProposalKind } from "../../domain/proposals/payloads";
import { kindOf } from "./registry";

/**
 * Which payload fields of a kind a customer reads (its module's `copyFields`): the outbound copy guard
 * checks them before approval, and they are what a proposer may edit while the proposal is pending.
 * Internal kinds have none.
 */
export const copyFieldsOf = (kind: TProposalKind): readonly string[] => kindOf(kind).copyFields;

/** The customer-facing text of a payload, by field (missing or non-text fields read as empty). */
export function copyTextOf(kind: TProposalKind, payload: unknown): Record<string, string> {
  const p = (payload ?? {}) as Record<string, unknown>;
  return Object.fromEntries(copyFieldsOf(kind).map((f) => [f, typeof p[f] === "string" ? (p[f] as string) : ""]));
}

/**
 * The guard's verdict on a proposal with the lists in force (lib/data/copy-guard-settings.ts reads
 * them; the code's defaults otherwise); kinds without customer-facing text always pass.
 */
export const guardProposal = (
  kind: TProposalKind,
  payload: unknown,
  lists: TGuardLists = DEFAULT_LISTS,
): TCopyVerdict => checkCopy(copyTextOf(kind, payload), compileGuard(lists));
