import type { TRandom } from "./random";
import type { TStory } from "./story";
import { MILESTONES } from "../accounts/milestones";
import type { TSeedEvent } from "./types";

const MIN_EVENTS = 3;
const MAX_EVENTS = 12;

// prettier-ignore
const NOTES = [
  "Check-in call: happy with the rollout so far", "Asked about adding screens in a second branch",
  "Shared the Arabic template pack", "Quarterly business review scheduled", "Requested an invoice in Arabic",
  "Training session held for the store managers", "Interested in the proof-of-play report",
  "Flagged slow uploads on the branch network",
] as const;
// prettier-ignore
const TICKETS = [
  ["Screen shows a black frame after reboot", "high"], ["How do I rotate a portrait screen?", "low"],
  ["Video upload stuck at 99%", "normal"], ["Schedule did not switch at midnight", "high"],
  ["Need a second admin login", "low"], ["Arabic text renders left to right on one player", "normal"],
] as const;
const PLAYLISTS = ["Main menu", "Ramadan offers", "Lobby loop", "Weekend promos", "Store front", "Welcome"] as const;

type TDraft = Omit<TSeedEvent, "id" | "accountId" | "occurredAt"> & { at: number; keep: number };

const capital = (word: string) => `${word[0]?.toUpperCase() ?? ""}${word.slice(1)}`;

/**
 * The account's timeline: its signup first, then the milestones, nudges and contract steps it actually
 * went through, topped up with logins, notes and tickets to 3–12 events. Every event lies in
 * [signupAt, now] and the list is sorted by time; `keep` ranks what survives the 12-event cap.
 */
export function buildTimeline(random: TRandom, story: TStory, accountId: string): TSeedEvent[] {
  const { signupAt, now, tier, csm } = story;
  const clamp = (t: number) => Math.min(now, Math.max(signupAt, t));
  const staff = csm?.email ?? "system";
  const drafts: TDraft[] = [
    {
      at: signupAt,
      keep: 9,
      type: "signup",
      actor: "customer",
      summary: `Signed up on the ${capital(tier)} plan`,
      data: { tier, source: random.pick(["web", "web", "referral", "partner"]) },
    },
  ];
  story.milestoneAt.forEach((at, step) => {
    if (at === null) return;
    const milestone = MILESTONES[step] ?? "welcomed";
    drafts.push({ at, keep: 8, type: `milestone.${milestone}`, ...milestoneText(random, story, milestone) });
  });
  for (const nudge of story.nudges) {
    const template = `onboarding_day${nudge.day}`;
    drafts.push({
      at: nudge.at,
      keep: 6,
      type: "nudge.sent",
      actor: "system",
      summary: `Day ${nudge.day} onboarding nudge sent`,
      data: { nudge: `day${nudge.day}`, channel: "email", template, locale: story.locale },
    });
  }
  for (const step of story.contract?.steps ?? []) {
    const at = clamp(Date.parse(step.date) + random.int(6, 14) * 3_600_000);
    const data = { start: step.start, end: step.end, screens: story.screens };
    if (step.kind === "signed") {
      const months = story.contract?.termMonths ?? 12;
      drafts.push({
        at,
        keep: 7,
        type: "contract.signed",
        actor: staff,
        summary: `Signed a ${months}-month ${capital(tier)} contract`,
        data: { ...data, termMonths: months },
      });
    } else if (step.kind === "renewed") {
      drafts.push({
        at,
        keep: 4,
        type: "contract.renewed",
        actor: staff,
        summary: `Renewed the ${capital(tier)} contract for 12 months`,
        data,
      });
    } else {
      drafts.push({
        at,
        keep: 7,
        type: "contract.ended",
        actor: "system",
        summary: "Contract ended without renewal",
        data,
      });
    }
  }
  const kept = drafts.sort((a, b) => b.keep - a.keep).slice(0, MAX_EVENTS);
  const target = Math.min(MAX_EVENTS, Math.max(MIN_EVENTS, kept.length + random.int(0, 2)));
  while (kept.length < target) kept.push(filler(random, story));
  kept.sort((a, b) => a.at - b.at || b.keep - a.keep);
  return kept.map((d) => ({
    id: random.uuid(),
    accountId,
    type: d.type,
    occurredAt: new Date(d.at),
    actor: d.actor,
    summary: d.summary,
    data: d.data,
  }));
}

function milestoneText(
  random: TRandom,
  story: TStory,
  milestone: (typeof MILESTONES)[number],
): Pick<TSeedEvent, "actor" | "summary" | "data"> {
  const actor = "customer";
  switch (milestone) {
    case "welcomed":
      return story.csm?.email && (story.tier === "pro" || story.tier === "enterprise")
        ? { actor: story.csm.email, summary: "Welcome call held", data: { channel: "call" } }
        : { actor: "system", summary: "Welcome email sent", data: { channel: "email", locale: story.locale } };
    case "screen_paired": {
      const screens = Math.max(1, Math.min(story.screens, random.int(1, 3)));
      return {
        actor,
        summary: `Paired ${screens === 1 ? "the first screen" : `${screens} screens`}`,
        data: { screens },
      };
    }
    case "content_uploaded": {
      const files = random.int(1, 40);
      return { actor, summary: `Uploaded ${files} media ${files === 1 ? "file" : "files"}`, data: { files } };
    }
    case "playlist_created": {
      const playlist = random.pick(PLAYLISTS);
      return { actor, summary: `Created the playlist "${playlist}"`, data: { playlist } };
    }
    case "schedule_created":
      return {
        actor,
        summary: "Published the first schedule",
        data: { repeat: random.pick(["daily", "weekdays", "weekends"]) },
      };
  }
}

function filler(random: TRandom, story: TStory): TDraft {
  const at = story.signupAt + Math.floor(random.next() * Math.max(1, story.activeUntil - story.signupAt));
  const kind = random.weighted([
    ["login", 5],
    ["support.ticket", 2],
    ["note", story.csm?.email ? 2 : 0],
  ] as const);
  if (kind === "note") {
    return { at, keep: 1, type: "note", actor: story.csm?.email ?? "system", summary: random.pick(NOTES), data: {} };
  }
  if (kind === "support.ticket") {
    const [subject, priority] = random.pick(TICKETS);
    const ticket = `T-${random.int(10_000, 99_999)}`;
    return {
      at,
      keep: 1,
      type: "support.ticket",
      actor: "customer",
      summary: `Opened ticket: ${subject}`,
      data: { ticket, priority, subject },
    };
  }
  const method = random.weighted([
    ["password", 8],
    ["sso", story.tier === "enterprise" ? 6 : 1],
  ] as const);
  return { at, keep: 1, type: "login", actor: "customer", summary: "Signed in to the dashboard", data: { method } };
}
