import type { TLeakKind } from "../support/leak";
import { MAX_DESCRIPTION, MAX_TITLE } from "./schemas";
import type { TAnswer } from "./triage";

/** What the incident form starts with when it is opened from a ticket. The person can change any of it. */
export type TIncidentDraft = {
  title: string;
  description: string;
  triage: { data_leak: TAnswer; unauthorized_send: TAnswer; affected: number; unsure: boolean };
};

const ELLIPSIS = "…";
const cut = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}${ELLIPSIS}`);

/**
 * The incident a ticket reports: title from the subject (else the body's first line), description
 * from the body, both cut to the incident's limits (a ticket's subject may hold 200 characters, a
 * title 120). The leak kind answers its triage question "yes" (SEV1 by the triage rule); the
 * affected count is the ticket's one account. Without a leak kind both answers start at "no".
 */
export function incidentDraftFromTicket(t: { subject: string; body: string }, kind: TLeakKind | null): TIncidentDraft {
  const subject = t.subject.trim();
  const firstLine = t.body.trim().split(/\r?\n/, 1)[0]?.trim() ?? "";
  return {
    title: cut(subject || firstLine, MAX_TITLE),
    description: cut(t.body.trim(), MAX_DESCRIPTION),
    triage: {
      data_leak: kind === "data_leak" ? "yes" : "no",
      unauthorized_send: kind === "unauthorized_send" ? "yes" : "no",
      affected: 1,
      unsure: false,
    },
  };
}
