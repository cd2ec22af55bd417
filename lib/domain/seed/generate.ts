import { normalizeForSearch } from "../accounts/search";
import { createRandom } from "./random";
import { draftStory } from "./story";
import { buildTimeline } from "./timeline";
import type { TSeedAccount, TSeedBatch, TSeedContact, TSeedEvent } from "./types";

export type TGenerateOptions = {
  /** How many accounts; 0 yields nothing. */
  accounts: number;
  seed: number;
  /** Every timestamp lies at or before this instant; signups spread over the two years before it. */
  now: Date;
  /** CSM user ids accounts may be assigned to; order matters for determinism. Empty: all unassigned. */
  csmIds: readonly string[];
  /** CSM e-mail by id, used as the `actor` of their notes and calls ("system" when missing). */
  csmEmails?: Readonly<Record<string, string>>;
  /** Accounts per yielded batch (default 1000). Does not change the data, only how it is chunked. */
  batchSize?: number;
};

/**
 * Deterministic demo data: the same (accounts, seed, now, csmIds) always yields identical rows,
 * ids included (v4-format UUIDs drawn from the seed). Each account has its own random stream keyed
 * by (seed, index), so account i is the same whatever the batch size or total count. Yields batches
 * so 100 000 accounts never need all their events in memory at once. Throws RangeError on bad input.
 */
export function* generateDemoData(options: TGenerateOptions): Generator<TSeedBatch> {
  const { accounts, seed, now, csmIds, csmEmails = {}, batchSize = 1000 } = options;
  if (!Number.isInteger(accounts) || accounts < 0) throw new RangeError("accounts must be a non-negative integer");
  if (!Number.isInteger(seed)) throw new RangeError("seed must be an integer");
  if (Number.isNaN(now.getTime())) throw new RangeError("now must be a valid date");
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError("batchSize must be a positive integer");
  const csms = csmIds.map((id) => ({ id, email: csmEmails[id] ?? null }));

  for (let from = 0; from < accounts; from += batchSize) {
    const batch: TSeedBatch = { accounts: [], contacts: [], events: [] };
    for (let index = from; index < Math.min(accounts, from + batchSize); index++) {
      const { account, contact, events } = generateAccount(seed, index, now.getTime(), csms);
      batch.accounts.push(account);
      batch.contacts.push(contact);
      for (const event of events) batch.events.push(event);
    }
    yield batch;
  }
}

function generateAccount(
  seed: number,
  index: number,
  now: number,
  csms: readonly { id: string; email: string | null }[],
): { account: TSeedAccount; contact: TSeedContact; events: TSeedEvent[] } {
  const random = createRandom(seed, index);
  const id = random.uuid();
  const story = draftStory(random, index, now, csms);
  const events = buildTimeline(random, story, id);
  const signupAt = new Date(story.signupAt);
  const lastCustomerEvent = events.findLast((e) => e.actor === "customer");
  const at = (step: number) => story.milestoneAt[step] !== null;
  const nudgeAt = (day: number) => {
    const nudge = story.nudges.find((n) => n.day === day);
    return nudge ? new Date(nudge.at) : null;
  };
  const latest = Math.max(story.signupAt, ...events.map((e) => e.occurredAt.getTime()));
  const account: TSeedAccount = {
    id,
    name: story.company.name,
    searchName: normalizeForSearch(story.company.name),
    tier: story.tier,
    signupAt,
    contractStart: story.contract?.start ?? null,
    contractEnd: story.contract?.end ?? null,
    region: story.region,
    preferredLocale: story.locale,
    csmId: story.csm?.id ?? null,
    welcomed: at(0),
    screenPaired: at(1),
    contentUploaded: at(2),
    playlistCreated: at(3),
    scheduleCreated: at(4),
    onboardingCompletedAt: story.completedAt === null ? null : new Date(story.completedAt),
    nudgeDay1SentAt: nudgeAt(1),
    nudgeDay3SentAt: nudgeAt(3),
    nudgeDay7SentAt: nudgeAt(7),
    lastActivityAt: lastCustomerEvent ? lastCustomerEvent.occurredAt : signupAt,
    createdAt: signupAt,
    updatedAt: new Date(latest),
  };
  const contact: TSeedContact = {
    id: random.uuid(),
    accountId: id,
    name: story.contact.name,
    email: `${story.contact.emailLocal}@${story.company.domain}`,
    role: "admin",
    createdAt: signupAt,
  };
  return { account, contact, events };
}
