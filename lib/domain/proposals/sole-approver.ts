import { can, type TPermission } from "../auth/permissions";
import type { TProposalKind } from "./payloads";
import { DEFAULT_EXPIRY_DAYS, isMaker, type TMakers } from "./state-machine";

/**
 * Sole approver (spec: approvals-and-ledger.md, "Sole approver"): maker ≠ checker must never lock a team
 * out of its own console. When no other active person holds the right to decide a proposal, a maker of
 * it who holds that right may approve it after a cooling-off period, with a typed reason. An agent
 * never decides; a person whose token proposed (or who last edited the text) is a maker like the
 * proposer (`isMaker`) and gets the same exception, or a one-founder company could never approve
 * anything its agent drafts.
 */

/** Cooling-off minutes by founder setting; the spec's defaults: 15 for unfreeze, 60 for every other kind. */
export type TCoolingOff = { unfreezeMinutes: number; otherMinutes: number };
export const DEFAULT_COOLING_OFF: TCoolingOff = { unfreezeMinutes: 15, otherMinutes: 60 };
// A cooling-off longer than the expiry would let a proposal expire before it could ever be decided.
export const MAX_COOLING_OFF_MINUTES = DEFAULT_EXPIRY_DAYS * 24 * 60 - 1;

export function coolingOffMinutes(kind: TProposalKind, s: TCoolingOff): number {
  return kind === "unfreeze" ? s.unfreezeMinutes : s.otherMinutes;
}

/** A person who might decide: from the users table (active = not disabled). */
export type TPerson = { id: string; role: string; active: boolean };

/** Active people holding `permission` who are not makers of the proposal: those the normal rule lets decide. */
export function eligibleDeciders(people: readonly TPerson[], permission: TPermission, makers: TMakers): TPerson[] {
  return people.filter((p) => p.active && can(p.role, permission) && !isMaker(p.id, makers));
}

export type TSoleApprover =
  /** The viewer is no maker: the normal rule applies to them. */
  | { status: "not_maker" }
  /** The viewer lacks the right to decide (an agent, a CSM): someone who holds it decides. */
  | { status: "not_permitted" }
  /** Someone else may decide it, so the maker may not (maker ≠ checker). */
  | { status: "others_can_decide"; others: number }
  | { status: "cooling_off"; readyAt: Date; remainingMs: number }
  | { status: "ready"; readyAt: Date };

/**
 * Whether `viewer` may decide this proposal as its sole approver, and from when. `since` is when the
 * proposal took its current text (created, or last edited): an edit restarts the cooling-off, so an
 * edit cannot be approved by its editor at once. Failure mode: anything but `ready` means no.
 */
export function soleApprover(input: {
  viewer: { id: string; role: string; agent: boolean };
  makers: TMakers;
  kind: TProposalKind;
  permission: TPermission;
  since: Date;
  people: readonly TPerson[];
  coolingOff: TCoolingOff;
  now: Date;
}): TSoleApprover {
  const { viewer, makers } = input;
  if (!isMaker(viewer.id, makers)) return { status: "not_maker" };
  if (viewer.agent || !can(viewer.role, input.permission)) return { status: "not_permitted" };
  const others = eligibleDeciders(input.people, input.permission, makers).length;
  if (others > 0) return { status: "others_can_decide", others };
  const readyAt = new Date(input.since.getTime() + coolingOffMinutes(input.kind, input.coolingOff) * 60_000);
  const remainingMs = readyAt.getTime() - input.now.getTime();
  return remainingMs > 0 ? { status: "cooling_off", readyAt, remainingMs } : { status: "ready", readyAt };
}

/** Whole minutes left, rounded up, so "in 1 minute" shows until the very end and never "in 0 minutes". */
export const remainingMinutes = (ms: number): number => Math.max(1, Math.ceil(ms / 60_000));
