import { isPriority, PRIORITIES } from "./targets";

/**
 * The order of every ticket list (spec "Support tickets and SLA": "Lists are ordered by what needs a
 * person first"). The same rule is written once more as generated columns of `support_tickets`
 * (migration 20261204121700_ticket_queue_order), because lists are paginated in SQL; an integration
 * test (lib/data/support-list.integration.test.ts) holds the two to the same result.
 *
 * 1. Open tickets (anything not resolved) by priority P0, P1, P2, P3; an unknown priority ranks
 *    with P3, whose targets it uses.
 * 2. Within a priority, by the due time that matters now: the first-response due time while
 *    unanswered, else the resolution due time. Earliest first, so the longest-passed come first and
 *    then the nearest.
 * 3. A ticket waiting on the customer whose clock stopped before its target has no due time: it
 *    needs nobody until the customer answers, so it follows the running tickets of its priority,
 *    least time left first. (One paused after its due time keeps that past due time: it is overdue.)
 * 4. Then resolved tickets, most recently resolved first.
 * Ties: oldest received first, then id, so pages never overlap.
 */
export type TQueueFields = {
  id: string;
  status: string;
  priority: string;
  receivedAt: Date;
  resolvedAt: Date | null;
  firstResponseAt: Date | null;
  firstResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
  firstResponseTargetMs: number;
  firstResponseElapsedMs: number;
  resolutionTargetMs: number;
  resolutionElapsedMs: number;
};

/** Rank of resolved tickets: after every priority. */
export const RESOLVED_RANK = PRIORITIES.length;

export type TQueueKey = { rank: number; dueAt: Date | null; leftMs: number | null };

/** The sort key of one ticket (what the generated columns hold). */
export function queueKey(t: TQueueFields): TQueueKey {
  if (t.status === "resolved") return { rank: RESOLVED_RANK, dueAt: null, leftMs: null };
  const rank = isPriority(t.priority) ? PRIORITIES.indexOf(t.priority) : PRIORITIES.indexOf("P3");
  const answered = t.firstResponseAt !== null;
  return answered
    ? { rank, dueAt: t.resolutionDueAt, leftMs: t.resolutionTargetMs - t.resolutionElapsedMs }
    : { rank, dueAt: t.firstResponseDueAt, leftMs: t.firstResponseTargetMs - t.firstResponseElapsedMs };
}

// Ascending with nulls last, like PostgreSQL's default ASC.
const ascNullsLast = (a: number | null, b: number | null) => {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a - b;
};
const descNullsLast = (a: number | null, b: number | null) => {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return b - a;
};
const time = (d: Date | null) => (d ? d.getTime() : null);

/** Negative when `a` needs a person before `b`; a total order (ties end on the id). */
export function compareQueue(a: TQueueFields, b: TQueueFields): number {
  const ka = queueKey(a);
  const kb = queueKey(b);
  return (
    ka.rank - kb.rank ||
    ascNullsLast(time(ka.dueAt), time(kb.dueAt)) ||
    ascNullsLast(ka.leftMs, kb.leftMs) ||
    descNullsLast(time(a.resolvedAt), time(b.resolvedAt)) ||
    a.receivedAt.getTime() - b.receivedAt.getTime() ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}
