import { ESCALATION_WORD } from "./classify";
import { isPriority, type TPriority } from "./targets";

/**
 * First-response drafts per priority, in the customer's language. They are drafts: a CSM may edit
 * them and every reply goes to a founder for approval as a `ticket_reply` proposal. Promises stay
 * inside the targets table (P0: a reply within 30 minutes); the P3 reply names the escalation word,
 * which classification treats as P1 (lib/domain/support/classify.ts).
 */
type TDraft = { subject: string; body: string };

const EN: Record<TPriority, (name: string) => string> = {
  P0: (n) =>
    `Hello ${n},\n\nWe have received your report and treated it as our highest priority. A member of our team is on it now, and we will reply with an update within 30 minutes.\n\nThank you for telling us straight away.`,
  P1: (n) =>
    `Hello ${n},\n\nThank you for your report. We have raised it as urgent, our on-call team is looking into it, and we will come back to you within 2 hours.`,
  P2: (n) =>
    `Hello ${n},\n\nThank you for getting in touch. We have logged your request and our team will reply within one business day (Sunday to Thursday, 9:00 to 17:00 Riyadh time).`,
  P3: (n) =>
    `Hello ${n},\n\nThank you for your message. We will reply within 24 business hours. If this is blocking your work, reply with the word "${ESCALATION_WORD.en}" and we will treat it as urgent.`,
};

const AR: Record<TPriority, (name: string) => string> = {
  P0: (n) =>
    `مرحباً ${n}،\n\nاستلمنا بلاغك وعاملناه بأعلى أولوية. أحد أعضاء فريقنا يعمل عليه الآن، وسنرد عليك بتحديث خلال 30 دقيقة.\n\nشكراً لإبلاغنا فوراً.`,
  P1: (n) => `مرحباً ${n}،\n\nشكراً لبلاغك. صنّفناه عاجلاً ويعمل عليه فريق المناوبة، وسنعود إليك خلال ساعتين.`,
  P2: (n) =>
    `مرحباً ${n}،\n\nشكراً لتواصلك. سجّلنا طلبك وسيرد فريقنا خلال يوم عمل واحد (من الأحد إلى الخميس، من 9:00 إلى 17:00 بتوقيت الرياض).`,
  P3: (n) =>
    `مرحباً ${n}،\n\nشكراً لرسالتك. سنرد خلال 24 ساعة عمل. إن كان الأمر يعطّل عملك فأرسل كلمة "${ESCALATION_WORD.ar}" وسنعامله كأمر عاجل.`,
};

const MAX_SUBJECT = 200;

/** The draft for a ticket: "Re: <subject>" and the priority's body; unknown priorities get P3's. */
export function draftFirstResponse(
  priority: string,
  locale: "en" | "ar",
  contactName: string,
  subject: string,
): TDraft {
  const p = isPriority(priority) ? priority : "P3";
  const prefix = locale === "ar" ? "رد: " : "Re: ";
  const name = contactName.trim() || (locale === "ar" ? "عميلنا العزيز" : "there");
  return {
    subject: `${prefix}${subject.trim() || (locale === "ar" ? "طلب الدعم" : "your support request")}`.slice(
      0,
      MAX_SUBJECT,
    ),
    body: (locale === "ar" ? AR : EN)[p](name),
  };
}
