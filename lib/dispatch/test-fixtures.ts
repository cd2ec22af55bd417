// Shared set-up for the dispatch and reliability integration tests: an account with a contact, and a
// message proposal taken through the real mutations. Each call makes its own rows, so tests running
// in parallel on one PostgreSQL database never share state.
import { randomUUID } from "node:crypto";
import { runMutation } from "../actions/mutation";
import { approveProposalMutation, createProposalMutation } from "../actions/proposals";
import { db } from "../db";
import type { TActor } from "../domain/auth/actor";
import type { TEmail } from "../domain/dispatch/email";
import type { TTransport } from "./transport";

export const csm = (): TActor => ({ type: "user", id: randomUUID(), role: "csm", label: "csm@test" });
export const founder = (): TActor => ({ type: "user", id: randomUUID(), role: "founder", label: "founder@test" });

export async function createAccount(locale: "en" | "ar" = "ar"): Promise<string> {
  const id = randomUUID();
  const name = locale === "ar" ? "مؤسسة الإرسال" : "Dispatch Test Co";
  await db().prisma.account.create({
    data: {
      id,
      name,
      searchName: name.toLowerCase(),
      tier: "pro",
      signupAt: new Date(),
      region: "riyadh",
      preferredLocale: locale,
      contacts: {
        create: [
          {
            id: randomUUID(),
            name: locale === "ar" ? "ريم" : "Sam",
            email: `${locale}-${id.slice(0, 8)}@example.test`,
          },
        ],
      },
    },
  });
  return id;
}

export async function proposeMessage(
  accountId: string,
  proposer = csm(),
  body = "أهلا بكم في المنصة",
  subject = "مرحبا",
) {
  const created = await runMutation(createProposalMutation, proposer, {
    kind: "message",
    account_id: accountId,
    reason: "welcome",
    message: { subject, body },
  });
  if (!created.ok) throw new Error(`create failed: ${created.code}`);
  return created.data;
}

/** A message proposal approved by a founder: returns its ids (the outbox row is queued). */
export async function approvedMessage(locale: "en" | "ar" = "ar", body?: string, subject?: string) {
  const proposal = await proposeMessage(await createAccount(locale), csm(), body, subject);
  const approved = await runMutation(approveProposalMutation, founder(), {
    id: proposal.id,
    payload_hash: proposal.payloadHash,
  });
  if (!approved.ok) throw new Error(`approve failed: ${approved.code}`);
  const row = await db().prisma.outbox.findFirstOrThrow({ where: { proposalId: proposal.id, state: "queued" } });
  return { proposalId: proposal.id, outboxId: row.id, payloadHash: proposal.payloadHash };
}

/** An external transport that records what it was asked to send and fails as told. */
export function recordingTransport(fail?: () => Error | null): TTransport & { sent: { key: string; email: TEmail }[] } {
  const sent: { key: string; email: TEmail }[] = [];
  return {
    name: "recording",
    mode: "live",
    effect: "external",
    sent,
    async send(email, key) {
      sent.push({ key, email });
      const error = fail?.();
      if (error) throw error;
      return { ref: `ref-${key}` };
    },
  };
}

export const outboxRow = (id: string) => db().prisma.outbox.findUniqueOrThrow({ where: { id } });
export const proposalState = async (id: string) =>
  (await db().prisma.proposal.findUniqueOrThrow({ where: { id }, select: { state: true } })).state;
export const ledgerFor = (proposalId: string) =>
  db().prisma.ledgerEntry.findMany({ where: { target: `proposal:${proposalId}` }, orderBy: { seq: "asc" } });
