import { addBusinessMs, businessMsBetween, type TCalendar } from "./calendar";
import { classify } from "./classify";
import { computeSla, type TSlaState } from "./clock";
import { statusOf, validateEvents, type TTicketEvent } from "./events";
import { runsAroundTheClock, targetsFor } from "./targets";
import type { TRandom } from "../seed/random";

/**
 * Demo tickets (pure): Arabic and English texts across P0–P3 in six situations (resolved on time,
 * breached, near breach, waiting on the customer, resolved late, answered and running), with their
 * events placed so each situation holds at `now` on `cal`. The seeder stores them as they are.
 */
const TEXTS: Record<"ar" | "en", [string, string][]> = {
  ar: [
    ["تسريب بيانات العملاء", "لاحظنا أن بيانات بعض العملاء ظهرت لجهة أخرى، نرجو التحقق فوراً."],
    ["أرسل بدون موافقة", "النظام أرسل رسالة لعملائنا بدون موافقتي صباح اليوم."],
    ["الخدمة معطلة في الفروع", "خدمة معطلة منذ الساعة الثامنة في كل الفروع."],
    ["مشكلة في ربط gmail", "لا يتم ربط حساب gmail مع المنصة بعد التحديث."],
    ["سؤال عن الفواتير", "كيف أحصل على نسخة من فاتورة الشهر الماضي؟"],
    ["إضافة مستخدم جديد", "نريد إضافة موظف جديد إلى الحساب، ما الخطوات؟"],
  ],
  en: [
    ["Possible data leak", "A customer sent us a screenshot of another company's data. Please check right away."],
    ["Screens completely down", "All screens in our Jeddah stores are completely down since 10am."],
    ["Pilot stopped", "Our pilot stopped showing content yesterday evening."],
    ["Calendar connector not syncing", "The calendar connector stopped syncing after we changed our password."],
    ["Invoice address", "Could you change the billing address on our next invoice?"],
    ["How do I add a user?", "We have a new colleague; how do we give them access?"],
  ],
};

export type TDemoTicket = {
  index: number;
  accountId: string;
  subject: string;
  body: string;
  channel: string;
  priority: string;
  matchedKeyword: string | null;
  reasonEn: string;
  reasonAr: string;
  receivedAt: Date;
  events: TTicketEvent[];
  status: "open" | "waiting_on_customer" | "resolved";
  sla: TSlaState;
};

const SITUATIONS = ["on_time", "breached", "near", "waiting", "late", "running"] as const;

/** Back from `now` until `share` of `targetMs` counted time lies between the start and now. */
function startFor(priority: string, targetMs: number, share: number, now: Date, cal: TCalendar): Date {
  const want = targetMs * share;
  if (runsAroundTheClock(priority)) return new Date(now.getTime() - want);
  // Counted time grows as the start moves back: bisect to the minute over the last 400 days.
  let lo = now.getTime() - 400 * 86_400_000;
  let hi = now.getTime();
  while (hi - lo > 60_000) {
    const mid = Math.floor((lo + hi) / 2);
    if (businessMsBetween(new Date(mid), now, cal) >= want) lo = mid;
    else hi = mid;
  }
  return new Date(lo);
}

export function demoTickets(
  accounts: readonly { id: string; locale: "ar" | "en" }[],
  count: number,
  rand: TRandom,
  now: Date,
  cal: TCalendar,
): TDemoTicket[] {
  const out: TDemoTicket[] = [];
  if (accounts.length === 0) return out;
  for (let index = 0; index < count; index++) {
    const account = accounts[index % accounts.length]!;
    const [subject, body] = TEXTS[account.locale][index % 6]!;
    const c = classify(subject, body);
    const t = targetsFor(c.priority);
    const situation = SITUATIONS[Math.floor(index / 6) % SITUATIONS.length]!;
    const add = (from: Date, ms: number) =>
      runsAroundTheClock(c.priority) ? new Date(from.getTime() + ms) : addBusinessMs(from, ms, cal);
    let opened: Date;
    const events: TTicketEvent[] = [];
    if (situation === "near") {
      opened = startFor(c.priority, t.firstResponseMs, 0.85, now, cal);
    } else if (situation === "breached") {
      opened = startFor(c.priority, t.firstResponseMs, 1.5 + rand.next(), now, cal);
    } else if (situation === "waiting" || situation === "running") {
      opened = startFor(c.priority, t.firstResponseMs, 0.3 + rand.next() * 0.4, now, cal);
    } else {
      // Resolved tickets spread over the last 60 days, so every health period has some.
      opened = new Date(now.getTime() - rand.int(1, 60) * 86_400_000 - rand.int(0, 86_399) * 1000);
    }
    events.push({ type: "opened", at: opened });
    if (situation === "on_time" || situation === "late") {
      const slow = situation === "late" ? 1.3 + rand.next() : 0.2 + rand.next() * 0.6;
      const responded = add(opened, Math.round(t.firstResponseMs * slow));
      const resolved = add(
        opened,
        Math.round(t.resolutionMs * (situation === "late" ? 1.2 + rand.next() : 0.3 + rand.next() * 0.5)),
      );
      if (responded.getTime() <= now.getTime()) {
        events.push({ type: "first_response", at: responded });
        if (resolved.getTime() <= now.getTime() && resolved > responded)
          events.push({ type: "resolved", at: resolved });
      }
    } else if (situation === "waiting" || situation === "running") {
      const responded = add(opened, Math.round(t.firstResponseMs * 0.2));
      if (responded.getTime() < now.getTime()) {
        events.push({ type: "first_response", at: responded });
        if (situation === "waiting")
          events.push({ type: "paused", at: new Date(Math.min(now.getTime(), responded.getTime() + 60_000)) });
      }
    }
    const checked = validateEvents(events);
    if (!checked.ok) continue; // never for these shapes; a demo never stores an invalid history
    out.push({
      index,
      accountId: account.id,
      subject,
      body,
      channel: rand.pick(["email", "whatsapp", "phone", "chat"] as const),
      priority: c.priority,
      matchedKeyword: c.matchedKeyword,
      reasonEn: c.reasonEn,
      reasonAr: c.reasonAr,
      receivedAt: opened,
      events,
      status: statusOf(checked.phase),
      sla: computeSla(c.priority, events, cal, now),
    });
  }
  return out;
}
