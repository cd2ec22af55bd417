import "server-only";
import { prisma } from "../db";
import type { TActor } from "../domain/auth/actor";
import { PROPOSAL_KINDS, sealPayload, type TProposalKind, type TProposalPayload } from "../domain/proposals/payloads";
import { checkApproval, effectiveState, expiresAt, type TProposalState } from "../domain/proposals/state-machine";
import type { TProposal, TProposalFilters } from "../domain/proposals/types";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { kindOf } from "../proposals/kinds/registry";
import { coolingOffMinutes, soleApprover } from "../domain/proposals/sole-approver";
import { lastEditor } from "./proposal-edits";
import { activeHolders, getCoolingOff } from "./sole-approver";
import type { Tx } from "./tx";

const SELECT = {
  id: true,
  kind: true,
  accountId: true,
  account: { select: { name: true } },
  payload: true,
  payloadHash: true,
  state: true,
  proposerType: true,
  proposerId: true,
  proposerLabel: true,
  proposerTokenId: true,
  proposerTokenCreatorId: true,
  reason: true,
  createdAt: true,
  expiresAt: true,
  decidedAt: true,
  decidedBy: true,
  decidedByLabel: true,
  decisionReason: true,
  // The latest outbox row says what really happened after approval (lib/domain/proposals/display-state.ts).
  outbox: { select: { state: true }, orderBy: { createdAt: "desc" }, take: 1 },
} as const;
type TRow = Prisma.ProposalGetPayload<{ select: typeof SELECT }>;

function toProposal(r: TRow, now = new Date()): TProposal {
  const state = effectiveState({ state: r.state as TProposalState, expiresAt: r.expiresAt }, now);
  return {
    id: r.id,
    kind: (PROPOSAL_KINDS as readonly string[]).includes(r.kind) ? (r.kind as TProposalKind) : "message",
    accountId: r.accountId,
    accountName: r.account?.name ?? null,
    payload: JSON.parse(r.payload) as unknown,
    payloadHash: r.payloadHash,
    state,
    proposer: {
      type: r.proposerType,
      id: r.proposerId,
      label: r.proposerLabel,
      tokenId: r.proposerTokenId,
      tokenCreatorId: r.proposerTokenCreatorId,
    },
    reason: r.reason,
    createdAt: r.createdAt,
    expiresAt: r.expiresAt,
    decidedAt: r.decidedAt,
    decidedBy: r.decidedBy,
    decidedByLabel: r.decidedByLabel,
    decisionReason: r.decisionReason,
    outboxState: r.outbox[0]?.state ?? null,
  };
}

/**
 * Stores a proposal with its payload sealed (canonical text + hash, which the approval will bind) and
 * the default expiry. Only `propose` (lib/proposals/propose.ts) calls it, after the kind's schema; a proposer acting through an API token
 * leaves the token and its creator on the row, for maker ≠ checker.
 */
export async function insertProposal(
  tx: Tx,
  p: { kind: TProposalKind; accountId: string | null; payload: TProposalPayload; reason: string; proposer: TActor },
): Promise<TProposal> {
  const sealed = sealPayload(p.payload);
  const row = await tx.proposal.create({
    data: {
      kind: p.kind,
      accountId: p.accountId,
      payload: sealed.text,
      payloadHash: sealed.hash,
      reason: p.reason,
      proposerType: p.proposer.type,
      proposerId: p.proposer.id,
      proposerLabel: p.proposer.label,
      proposerTokenId: p.proposer.token?.id ?? null,
      proposerTokenCreatorId: p.proposer.token?.createdBy ?? null,
      expiresAt: expiresAt(new Date()),
    },
    select: SELECT,
  });
  return toProposal(row);
}

export async function getProposal(id: string, client: Pick<Tx, "proposal"> = prisma()): Promise<TProposal | null> {
  const row = await client.proposal.findUnique({ where: { id }, select: SELECT });
  return row ? toProposal(row) : null;
}

function whereOf(f: Omit<TProposalFilters, "limit" | "cursor">, now: Date): Prisma.ProposalWhereInput {
  // "pending" means still decidable: a pending row past expiry reads as expired.
  const state =
    f.state === "pending"
      ? { state: "pending", expiresAt: { gt: now } }
      : f.state === "expired"
        ? { OR: [{ state: "expired" }, { state: "pending", expiresAt: { lte: now } }] }
        : f.state
          ? { state: f.state }
          : {};
  return {
    ...state,
    ...(f.kind ? { kind: f.kind } : {}),
    ...(f.accountId ? { accountId: f.accountId } : {}),
    ...(f.proposerId ? { proposerId: f.proposerId } : f.excludeProposerId ? { proposerId: { not: f.excludeProposerId } } : {}),
    ...(f.olderThanHours ? { createdAt: { lte: new Date(now.getTime() - f.olderThanHours * 3_600_000) } } : {}),
  };
}

/** Newest first, cursor-paginated (cursor = last id seen), with the total for the same filters. */
export async function listProposals(f: TProposalFilters, now = new Date()): Promise<{ items: TProposal[]; total: number; nextCursor: string | null }> {
  const where = whereOf(f, now);
  const [rows, total] = await prisma().$transaction([
    prisma().proposal.findMany({
      where,
      select: SELECT,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: f.limit + 1,
      ...(f.cursor ? { cursor: { id: f.cursor }, skip: 1 } : {}),
    }),
    prisma().proposal.count({ where }),
  ]);
  const items = rows.slice(0, f.limit).map((r) => toProposal(r, now));
  return { items, total, nextCursor: rows.length > f.limit ? (items.at(-1)?.id ?? null) : null };
}

/** The kind of each of these proposals that exists (a kind never changes once proposed). */
export async function kindsOf(ids: readonly string[]): Promise<Map<string, TProposalKind>> {
  const rows = await prisma().proposal.findMany({ where: { id: { in: [...ids] } }, select: { id: true, kind: true } });
  return new Map(rows.map((r) => [r.id, (PROPOSAL_KINDS as readonly string[]).includes(r.kind) ? (r.kind as TProposalKind) : "message"]));
}

/** Pending proposals (all, or only those `proposerId` made). */
export function countPending(now = new Date(), proposerId?: string): Promise<number> {
  return prisma().proposal.count({
    where: { state: "pending", expiresAt: { gt: now }, ...(proposerId ? { proposerId } : {}) },
  });
}

/**
 * The navigation badge: what the viewer can act on. Someone who cannot decide (a CSM, an agent) counts
 * their own pending proposals, the list they follow. Someone who can counts the pending proposals they
 * made nothing of (not its proposer nor its token's creator), or all of them when nobody else may
 * decide (they are then its sole approver, after the cooling-off). A last editor is not told apart here.
 */
export async function countActionable(viewer: { id: string; canDecide: boolean }, now = new Date()): Promise<number> {
  if (!viewer.canDecide) return countPending(now, viewer.id);
  const others = (await activeHolders("proposals:approve")).filter((p) => p.id !== viewer.id).length;
  return prisma().proposal.count({
    where: {
      state: "pending",
      expiresAt: { gt: now },
      ...(others === 0
        ? {}
        : {
            proposerId: { not: viewer.id },
            OR: [{ proposerTokenCreatorId: null }, { proposerTokenCreatorId: { not: viewer.id } }],
          }),
    },
  });
}

/**
 * Locks the proposal row for this transaction. Concurrent deciders queue here, so exactly one of
 * them sees it pending; the others then get `already_decided`.
 */
async function lockProposal(tx: Tx, id: string): Promise<TRow> {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM proposals WHERE id = ${id}::uuid FOR UPDATE`;
  if (locked.length === 0) throw new AppError("not_found", undefined, undefined, `proposal:${id}`);
  return tx.proposal.findUniqueOrThrow({ where: { id }, select: SELECT });
}

const REFUSAL_TO_CODE = { not_pending: "already_decided", expired: "expired", own_proposal: "own_proposal", stale_payload: "stale_payload" } as const;

/**
 * Approves under the row lock. Maker ≠ checker compares the approver with the proposer, the creator of
 * the token it was proposed through and its last editor (`isMaker`); a refusal is `own_proposal`.
 */
export async function approveProposal(tx: Tx, id: string, approver: TActor, seenPayloadHash: string, now: Date): Promise<TProposal> {
  const row = await lockProposal(tx, id);
  const editor = await lastEditor(tx, id);
  const refusal = checkApproval(
    {
      state: row.state as TProposalState,
      expiresAt: row.expiresAt,
      payloadHash: row.payloadHash,
      proposerId: row.proposerId,
      proposerTokenCreatorId: row.proposerTokenCreatorId,
      lastEditorId: editor?.id ?? null,
    },
    { id: approver.id, seenPayloadHash },
    now,
  );
  if (refusal) throw new AppError(REFUSAL_TO_CODE[refusal], undefined, undefined, `proposal:${id}`);
  const updated = await tx.proposal.update({
    where: { id },
    data: { state: "approved", decidedAt: now, decidedBy: approver.id, decidedByLabel: approver.label, approvedPayloadHash: row.payloadHash },
    select: SELECT,
  });
  return toProposal(updated, now);
}

const SOLE_REFUSAL = {
  not_maker: "sole_approver_not_allowed",
  not_permitted: "forbidden",
  others_can_decide: "sole_approver_not_allowed",
  cooling_off: "sole_approver_waiting",
} as const;

/**
 * Approves as the sole approver (lib/domain/proposals/sole-approver.ts), under the row lock: the
 * approver is a maker of the proposal, no other active person may decide it, and its cooling-off
 * (counted from its creation or last edit) has passed. The typed reason is stored as the decision's
 * reason. Everyone who may decide is read in this transaction, so a second founder added a moment ago
 * already ends the exception. Returns the proposal and the cooling-off that applied, in minutes.
 */
export async function approveAsSoleApprover(
  tx: Tx,
  a: { id: string; approver: TActor; seenPayloadHash: string; reason: string; now: Date },
): Promise<{ p: TProposal; coolingOffMinutes: number }> {
  const { id, approver, now } = a;
  const target = `proposal:${id}`;
  const row = await lockProposal(tx, id);
  const state = effectiveState({ state: row.state as TProposalState, expiresAt: row.expiresAt }, now);
  if (state === "expired") throw new AppError("expired", undefined, undefined, target);
  if (state !== "pending") throw new AppError("already_decided", undefined, undefined, target);
  if (row.payloadHash !== a.seenPayloadHash) throw new AppError("stale_payload", undefined, undefined, target);
  const kind = toProposal(row, now).kind;
  const permission = kindOf(kind).decide.permission;
  const [editor, people, coolingOff] = await Promise.all([
    lastEditor(tx, id),
    activeHolders(permission, tx),
    getCoolingOff(tx),
  ]);
  const verdict = soleApprover({
    viewer: { id: approver.id, role: approver.role, agent: approver.scopes !== undefined },
    makers: { proposerId: row.proposerId, proposerTokenCreatorId: row.proposerTokenCreatorId, lastEditorId: editor?.id ?? null },
    kind,
    permission,
    since: editor && editor.at > row.createdAt ? editor.at : row.createdAt,
    people,
    coolingOff,
    now,
  });
  if (verdict.status !== "ready") throw new AppError(SOLE_REFUSAL[verdict.status], undefined, verdict.status, target);
  const updated = await tx.proposal.update({
    where: { id },
    data: {
      state: "approved",
      decidedAt: now,
      decidedBy: approver.id,
      decidedByLabel: approver.label,
      decisionReason: a.reason,
      approvedPayloadHash: row.payloadHash,
    },
    select: SELECT,
  });
  return { p: toProposal(updated, now), coolingOffMinutes: coolingOffMinutes(kind, coolingOff) };
}

export async function rejectProposal(tx: Tx, id: string, decider: TActor, reason: string, now: Date): Promise<TProposal> {
  const row = await lockProposal(tx, id);
  const state = effectiveState({ state: row.state as TProposalState, expiresAt: row.expiresAt }, now);
  if (state === "expired") throw new AppError("expired", undefined, undefined, `proposal:${id}`);
  if (state !== "pending") throw new AppError("already_decided", undefined, undefined, `proposal:${id}`);
  const updated = await tx.proposal.update({
    where: { id },
    data: { state: "rejected", decidedAt: now, decidedBy: decider.id, decidedByLabel: decider.label, decisionReason: reason },
    select: SELECT,
  });
  return toProposal(updated, now);
}

/** What a delivery effect reads of a proposal (lib/proposals/effects.ts); null if there is none. */
export async function proposalForDelivery(
  tx: Tx,
  id: string,
): Promise<{ id: string; kind: string; accountId: string | null; payloadText: string } | null> {
  const p = await tx.proposal.findUnique({ where: { id }, select: { kind: true, accountId: true, payload: true } });
  return p ? { id, kind: p.kind, accountId: p.accountId, payloadText: p.payload } : null;
}

/** Moves a proposal along the state machine (dispatcher and internal kinds). */
export async function setProposalState(tx: Tx, id: string, state: TProposalState): Promise<void> {
  await tx.proposal.update({ where: { id }, data: { state } });
}

/** Re-queue (founders): failed → pending, with a fresh expiry; the approval must be given again. */
export async function requeueProposal(tx: Tx, id: string, expiresAt: Date): Promise<TProposal> {
  const row = await lockProposal(tx, id);
  if (row.state !== "failed") throw new AppError("already_decided", undefined, undefined, `proposal:${id}`);
  const updated = await tx.proposal.update({
    where: { id },
    data: { state: "pending", expiresAt, decidedAt: null, decidedBy: null, decidedByLabel: null, approvedPayloadHash: null },
    select: SELECT,
  });
  return toProposal(updated);
}

/** Records expiry for pending proposals past their time; returns their ids (for the ledger). */
export async function expireDue(tx: Tx, now: Date, limit = 500): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    UPDATE proposals SET state = 'expired', updated_at = ${now}
    WHERE id IN (SELECT id FROM proposals WHERE state = 'pending' AND expires_at <= ${now} ORDER BY expires_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING id`;
  return rows.map((r) => r.id);
}

/** The admin contact a message goes to (personal data: used to render the payload, never exposed to agents). */
export async function primaryContact(tx: Tx, accountId: string) {
  const account = await tx.account.findUnique({
    where: { id: accountId },
    select: { id: true, preferredLocale: true, contacts: { select: { name: true, email: true }, orderBy: { createdAt: "asc" }, take: 1 } },
  });
  if (!account) throw new AppError("not_found", { account_id: "validation.unknown_account" });
  const contact = account.contacts[0];
  if (!contact) throw new AppError("invalid_input", { account_id: "validation.no_contact" });
  return { contact, locale: account.preferredLocale === "ar" ? ("ar" as const) : ("en" as const) };
}

/**
 * The contacts (name, e-mail) of these accounts, by account id: only so an agent's view of proposals
 * can hide them wherever they appear (lib/api/dto.ts). Empty for no ids.
 */
export async function contactsOfAccounts(accountIds: readonly (string | null)[]): Promise<Map<string, { name: string; email: string }[]>> {
  const ids = [...new Set(accountIds.filter((id): id is string => id !== null))];
  const out = new Map<string, { name: string; email: string }[]>();
  if (ids.length === 0) return out;
  const rows = await prisma().accountContact.findMany({
    where: { accountId: { in: ids } },
    select: { accountId: true, name: true, email: true },
  });
  for (const r of rows) out.set(r.accountId, [...(out.get(r.accountId) ?? []), { name: r.name, email: r.email }]);
  return out;
}

/** The latest cut-over sign-off and its state (delivered = signed off), or null. */
export async function latestCutover(): Promise<{ id: string; state: string; decidedByLabel: string | null; decidedAt: Date | null } | null> {
  return prisma().proposal.findFirst({
    where: { kind: "cutover_signoff", state: { in: ["pending", "approved", "dispatched", "delivered"] } },
    orderBy: { createdAt: "desc" },
    select: { id: true, state: true, decidedByLabel: true, decidedAt: true },
  });
}
