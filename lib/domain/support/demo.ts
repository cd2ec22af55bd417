import { addBusinessMs, businessMsBetween, type TCalendar } from "./calendar";
import { classify } from "./classify";
import { validateEvents, type TTicketEvent } from "./events";
import { runsAroundTheClock, targetsFor, type TPriority } from "./targets";
import type { TRandom } from "../seed/random";

/**
 * Demo tickets (pure): what a small support team's last quarter looks like, in Arabic and English.
 * Most tickets were answered and resolved within their targets; a few were late; a handful are open
 * now (answered and running, waiting on the customer, fresh, one or two near breach or overdue). So
 * the SLA health verdict at rest is healthy or watch, not critical (issue 12 item 8), and a fresh
 * console does not propose freezing live actions on its first tick. The seeder stores each ticket
 * through the data functions an import and a person use (lib/data/support-seed.ts): the priority
 * comes from the text, the clocks from the events.
 */
const TEXTS: Record<"ar" | "en", Record<TPriority, [string, string][]>> = {
  ar: {
    P0: [
      ["تسريب بيانات العملاء", "لاحظنا أن بيانات بعض العملاء ظهرت لجهة أخرى، نرجو التحقق فوراً."],
      ["أرسل بدون موافقة", "النظام أرسل رسالة لعملائنا بدون موافقتي صباح اليوم."],
    ],
    P1: [
      ["الخدمة معطلة في الفروع", "خدمة معطلة منذ الساعة الثامنة في كل الفروع."],
      ["الوضع حرج", "الشاشات لا تعرض المحتوى الجديد، والوضع حرج قبل الافتتاح."],
    ],
    P2: [
      ["مشكلة في ربط gmail", "لا يتم ربط حساب gmail مع المنصة بعد التحديث."],
      ["إعداد calendar", "المواعيد لا تظهر في calendar منذ أمس."],
    ],
    P3: [
      ["سؤال عن الفواتير", "كيف أحصل على نسخة من فاتورة الشهر الماضي؟"],
      ["إضافة مستخدم جديد", "نريد إضافة موظف جديد إلى الحساب، ما الخطوات؟"],
      ["تغيير الشعار", "لا حرج، خذوا وقتكم: نريد تغيير الشعار في التقارير."],
    ],
  },
  en: {
    P0: [
      ["Possible data leak", "A customer sent us a screenshot of another company's data. Please check right away."],
      ["Screens completely down", "All screens in our Jeddah stores are completely down since 10am."],
    ],
    P1: [
      ["Pilot stopped", "Our pilot stopped showing content yesterday evening."],
      ["Service down at two branches", "The service is down at our two Dammam branches."],
    ],
    P2: [
      ["Calendar connector not syncing", "The calendar connector stopped syncing after we changed our password."],
      ["Gmail sign-in", "Gmail asks us to sign in again every morning."],
    ],
    P3: [
      ["Invoice address", "Could you change the billing address on our next invoice?"],
      ["How do I add a user?", "We have a new colleague; how do we give them access?"],
      ["Report colours", "Not critical at all: could the monthly report use our brand colours?"],
    ],
  },
};

// How often each priority comes in: leaks and outages are rare, questions common.
const PRIORITY_WEIGHTS: [TPriority, number][] = [
  ["P0", 4],
  ["P1", 12],
  ["P2", 30],
  ["P3", 54],
];

/**
 * Where each ticket stands now, per 100 tickets: resolved on time, resolved late (a target missed),
 * answered and running, waiting on the customer, unanswered and fresh, near breach, overdue.
 */
const SITUATIONS = [
  ["on_time", 84],
  ["late", 3],
  ["running", 6],
  ["waiting", 3],
  ["fresh", 2],
  ["near", 1],
  ["overdue", 1],
] as const;
type TSituation = (typeof SITUATIONS)[number][0];

/** Resolved tickets are spread over this many days back, so every health period has some. */
const SPREAD_DAYS = 90;

export type TDemoTicket = {
  index: number;
  accountId: string;
  subject: string;
  body: string;
  channel: string;
  priority: TPriority;
  situation: TSituation;
  receivedAt: Date;
  /** The history after `opened` (which comes with the ticket). */
  events: TTicketEvent[];
};

/** The instant before `end` from which `share` of `targetMs` counted time lies up to `end`. */
function countedBack(priority: string, targetMs: number, share: number, end: Date, cal: TCalendar): Date {
  const want = targetMs * share;
  if (runsAroundTheClock(priority)) return new Date(end.getTime() - want);
  // Counted time grows as the start moves back: widen the window until it holds enough (walking a
  // short window is cheap, 400 days is not), then bisect to the minute.
  let hi = end.getTime();
  let span = want;
  while (span < 400 * 86_400_000 && businessMsBetween(new Date(hi - span), end, cal) < want) span *= 2;
  let lo = hi - span;
  while (hi - lo > 60_000) {
    const mid = Math.floor((lo + hi) / 2);
    if (businessMsBetween(new Date(mid), end, cal) >= want) lo = mid;
    else hi = mid;
  }
  return new Date(lo);
}

/** Each situation's count out of `count`, by largest remainder, in a seeded order. */
function situations(count: number, rand: TRandom): TSituation[] {
  const total = SITUATIONS.reduce((s, [, w]) => s + w, 0);
  const exact = SITUATIONS.map(([s, w]) => ({ s, n: Math.floor((count * w) / total), r: (count * w) % total }));
  let left = count - exact.reduce((s, e) => s + e.n, 0);
  for (const e of [...exact].sort((a, b) => b.r - a.r)) if (left-- > 0) e.n += 1;
  const list = exact.flatMap((e) => Array<TSituation>(e.n).fill(e.s));
  for (let i = list.length - 1; i > 0; i--) {
    const j = rand.int(0, i);
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}

function history(priority: TPriority, situation: TSituation, rand: TRandom, now: Date, cal: TCalendar) {
  const t = targetsFor(priority);
  const add = (from: Date, ms: number) =>
    runsAroundTheClock(priority) ? new Date(from.getTime() + ms) : addBusinessMs(from, ms, cal);
  const between = (lo: number, hi: number) => lo + rand.next() * (hi - lo);
  if (situation === "on_time" || situation === "late") {
    // Placed from the resolution back, so it is resolved by now whatever the priority's targets. Most
    // tickets close well inside the target (a question in a day or two, not in three weeks), and
    // always after their first response.
    const lateResponse = situation === "late" && rand.chance(0.5);
    const respondMs = t.firstResponseMs * (lateResponse ? between(1.2, 2) : between(0.2, 0.7));
    const resolveShare = situation === "late" && !lateResponse ? between(1.1, 1.6) : between(0.05, 0.45);
    const resolvedAt = new Date(now.getTime() - rand.int(60, SPREAD_DAYS * 24 * 60) * 60_000);
    const opened = countedBack(
      priority,
      t.resolutionMs,
      Math.max(resolveShare, (respondMs * 1.5) / t.resolutionMs),
      resolvedAt,
      cal,
    );
    const events: TTicketEvent[] = [
      { type: "first_response", at: add(opened, respondMs) },
      { type: "resolved", at: resolvedAt },
    ];
    return { opened, events };
  }
  if (situation === "running" || situation === "waiting") {
    const respondMs = t.firstResponseMs * between(0.2, 0.6);
    const share = Math.max(between(0.05, 0.3), (respondMs * 1.5) / t.resolutionMs);
    const opened = countedBack(priority, t.resolutionMs, share, now, cal);
    const responded = add(opened, respondMs);
    const events: TTicketEvent[] = [{ type: "first_response", at: responded }];
    // Asked the customer something after answering; waiting since.
    if (situation === "waiting")
      events.push({ type: "paused", at: new Date((responded.getTime() + now.getTime()) / 2) });
    return { opened, events };
  }
  const share = situation === "fresh" ? between(0.05, 0.4) : situation === "near" ? 0.85 : between(1.5, 2.5);
  return { opened: countedBack(priority, t.firstResponseMs, share, now, cal), events: [] as TTicketEvent[] };
}

/**
 * `count` demo tickets over `accounts` as of `now` on `cal`, deterministic for a random stream. Every
 * history is valid (lib/domain/support/events) and ends by `now`. The priority is what `classify`
 * makes of the text (the texts are chosen per priority and a test holds them to it).
 */
export const DEMO_TEXTS = TEXTS;

export function demoTickets(
  accounts: readonly { id: string; locale: "ar" | "en" }[],
  count: number,
  rand: TRandom,
  now: Date,
  cal: TCalendar,
): TDemoTicket[] {
  if (accounts.length === 0) return [];
  let overdue = 0;
  return situations(count, rand).flatMap((situation, index) => {
    const account = accounts[index % accounts.length]!;
    // The few overdue tickets include a data leak, so the queue's order shows on page 1.
    const wanted = situation === "overdue" && overdue++ === 0 ? "P0" : rand.weighted(PRIORITY_WEIGHTS);
    const [subject, body] = rand.pick(TEXTS[account.locale][wanted]);
    const priority = classify(subject, body).priority;
    const { opened, events } = history(priority, situation, rand, now, cal);
    const all = [{ type: "opened" as const, at: opened }, ...events];
    if (!validateEvents(all).ok || all.some((e) => e.at.getTime() > now.getTime())) return [];
    return [
      {
        index,
        accountId: account.id,
        subject,
        body,
        channel: rand.pick(["email", "whatsapp", "phone", "chat"] as const),
        priority,
        situation,
        receivedAt: opened,
        events,
      },
    ];
  });
}
