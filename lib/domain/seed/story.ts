import { companyName, personName, type TCompanyName, type TPersonName } from "./names";
import type { TRandom } from "./random";
import { MILESTONES } from "../accounts/milestones";
import type { TTier } from "../accounts/tiers";
import { DAY_MS } from "../time/days";
import type { TRegion } from "./types";

export { DAY_MS };

// Share of accounts that signed up in the last 30 days; the rest spread over two years. Dense recent
// signups keep every day of the onboarding window (0..30) populated for the onboarding board.
const RECENT_EVERY = 3;
const WINDOW_DAYS = 31;
const HISTORY_DAYS = 730;

const TIER_WEIGHTS = [
  ["free", 40],
  ["starter", 30],
  ["pro", 20],
  ["enterprise", 10],
] as const;
// prettier-ignore
const REGIONS_AR = [["riyadh", 30], ["jeddah", 20], ["dammam", 12], ["makkah", 5], ["madinah", 4], ["dubai", 8],
  ["doha", 4], ["kuwait", 4], ["manama", 2], ["muscat", 2], ["cairo", 7], ["amman", 4]] as const;
// prettier-ignore
const REGIONS_EN = [["dubai", 25], ["riyadh", 18], ["london", 18], ["jeddah", 8], ["dammam", 5], ["doha", 6],
  ["kuwait", 4], ["manama", 4], ["cairo", 5], ["amman", 3], ["muscat", 4]] as const;
// Typical days between consecutive milestones for a "steady" customer (from signup for the first).
const STEP_MEAN_DAYS = [0.2, 1.5, 2, 1.5, 3] as const;
const PACE = [
  [0.5, 3],
  [1, 4],
  [2.5, 2],
] as const;
// Where an account stops engaging: MILESTONES.length means it never stalls (most customers finish).
const STALL = [
  [5, 80],
  [0, 2],
  [1, 6],
  [2, 5],
  [3, 4],
  [4, 3],
] as const;
// Each nudge goes out on its day only to accounts behind the milestone expected by then (index into
// MILESTONES): paired a screen by day 1, built a playlist by day 3, published a schedule by day 7.
const NUDGE_DAYS = [1, 3, 7] as const;
const EXPECTED_BY: Record<(typeof NUDGE_DAYS)[number], number> = { 1: 1, 3: 3, 7: 4 };
// Nudges that fell due in the last two days are mostly still waiting for approval in the console.
const PENDING_WINDOW_MS = 2 * DAY_MS;
const CONTRACT_CHANCE: Record<TTier, number> = { free: 0, starter: 0.85, pro: 0.92, enterprise: 1 };
const RENEWAL_CHANCE = 0.85;

export type TContractStep = { kind: "signed" | "renewed" | "ended"; date: string; start: string; end: string };

/** Everything decided about one account before it becomes rows. Times are epoch milliseconds. */
export type TStory = {
  now: number;
  signupAt: number;
  tier: TTier;
  company: TCompanyName;
  contact: TPersonName;
  region: TRegion;
  locale: "ar" | "en";
  csm: { id: string; email: string | null } | null;
  screens: number;
  milestoneAt: (number | null)[];
  completedAt: number | null;
  nudges: { day: (typeof NUDGE_DAYS)[number]; at: number }[];
  contract: { start: string; end: string; termMonths: number; steps: TContractStep[] } | null;
  /** Customer activity stops here (contract ended), otherwise `now`. */
  activeUntil: number;
};

export const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const addMonths = (date: string, months: number) => {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return isoDate(Date.UTC(y, m - 1 + months, d));
};
const expDays = (random: TRandom, mean: number) => -Math.log(1 - random.next()) * mean * DAY_MS;

function signupAge(random: TRandom, index: number): number {
  if (index % RECENT_EVERY === 0) {
    const day = Math.floor(index / RECENT_EVERY) % WINDOW_DAYS;
    return day * DAY_MS + random.int(1, DAY_MS - 1);
  }
  // Skewed towards recent months: the business grew over the two years.
  return WINDOW_DAYS * DAY_MS + Math.floor(random.next() ** 1.5 * (HISTORY_DAYS - WINDOW_DAYS) * DAY_MS);
}

function screensFor(random: TRandom, tier: TTier): number {
  if (tier === "free") return random.int(1, 2);
  if (tier === "starter") return random.int(1, 5);
  if (tier === "pro") return random.int(3, 25);
  return random.int(20, 300);
}

function onboarding(random: TRandom, signupAt: number, now: number) {
  const pace = random.weighted(PACE);
  const stallAt = random.weighted(STALL);
  const milestoneAt: (number | null)[] = [];
  let t = signupAt;
  for (let step = 0; step < MILESTONES.length; step++) {
    t += Math.floor(expDays(random, (STEP_MEAN_DAYS[step] ?? 1) * pace)) + 60_000;
    milestoneAt.push(step < stallAt && t <= now ? t : null);
  }
  const last = milestoneAt[MILESTONES.length - 1];
  return { milestoneAt, completedAt: last ?? null };
}

function nudgesFor(random: TRandom, signupAt: number, now: number, milestoneAt: (number | null)[]) {
  const nudges: TStory["nudges"] = [];
  for (const day of NUDGE_DAYS) {
    const due = signupAt + day * DAY_MS;
    const reached = milestoneAt[EXPECTED_BY[day]] ?? null;
    if (due > now || (reached !== null && reached <= due)) continue;
    const sendChance = now - due > PENDING_WINDOW_MS ? 0.92 : 0.35;
    const at = due + random.int(5 * 60_000, 3 * 3_600_000);
    if (random.chance(sendChance) && at <= now) nudges.push({ day, at });
  }
  return nudges;
}

// Enterprise signs multi-year deals more often; renewals are always for 12 months.
const ENTERPRISE_TERMS = [
  [12, 5],
  [24, 3],
  [36, 2],
] as const;
function termFor(random: TRandom, tier: TTier): number {
  if (tier === "enterprise") return random.weighted(ENTERPRISE_TERMS);
  return tier === "pro" && random.chance(0.2) ? 24 : 12;
}

function contractFor(random: TRandom, tier: TTier, signupAt: number, now: number): TStory["contract"] {
  if (!random.chance(CONTRACT_CHANCE[tier])) return null;
  const today = isoDate(now);
  const termMonths = termFor(random, tier);
  let start = isoDate(Math.min(now, signupAt + random.int(0, 14) * DAY_MS));
  let end = addMonths(start, termMonths);
  const steps: TContractStep[] = [{ kind: "signed", date: start, start, end }];
  while (end < today) {
    if (!random.chance(RENEWAL_CHANCE)) {
      steps.push({ kind: "ended", date: end, start, end });
      break;
    }
    start = end;
    end = addMonths(start, 12);
    steps.push({ kind: "renewed", date: start, start, end });
  }
  return { start, end, termMonths, steps };
}

/** Decides one account from its own random stream; `index` fixes where its signup falls. */
export function draftStory(
  random: TRandom,
  index: number,
  now: number,
  csms: readonly { id: string; email: string | null }[],
): TStory {
  const signupAt = now - signupAge(random, index);
  const tier = random.weighted(TIER_WEIGHTS);
  const language = random.chance(0.5) ? "ar" : "en";
  const company = companyName(random, language);
  const script = language === "ar" ? (random.chance(0.85) ? "ar" : "ar-latin") : random.chance(0.6) ? "en" : "ar-latin";
  const contact = personName(random, script);
  const region = random.weighted(language === "ar" ? REGIONS_AR : REGIONS_EN);
  const locale = language === "ar" ? (random.chance(0.9) ? "ar" : "en") : random.chance(0.88) ? "en" : "ar";
  const assignChance = { free: 0.5, starter: 0.8, pro: 0.95, enterprise: 1 }[tier];
  const csm = csms.length > 0 && random.chance(assignChance) ? random.pick(csms) : null;
  const { milestoneAt, completedAt } = onboarding(random, signupAt, now);
  const nudges = nudgesFor(random, signupAt, now, milestoneAt);
  const contract = contractFor(random, tier, signupAt, now);
  const ended = contract?.steps.at(-1)?.kind === "ended";
  const activeUntil = ended && contract ? Math.max(signupAt, Math.min(now, Date.parse(contract.end))) : now;
  const screens = screensFor(random, tier);
  return {
    now,
    signupAt,
    tier,
    company,
    contact,
    region,
    locale,
    csm,
    screens,
    milestoneAt,
    completedAt,
    nudges,
    contract,
    activeUntil,
  };
}
