import type { TNudgeTemplate } from "./heuristic";

/**
 * The onboarding nudge emails, one per heuristic template, in English and Arabic. Pure: the template,
 * the language and the recipient's name in; subject and body out. The proposal stores the rendered
 * text, so what a founder approves is exactly what the customer receives.
 */

export const NUDGE_EMAIL_TEMPLATES = ["day1-pair-screen", "day3-upload-content", "day7-create-schedule"] as const;
export type TNudgeEmailTemplate = Exclude<TNudgeTemplate, "none">;

export const isNudgeEmailTemplate = (value: unknown): value is TNudgeEmailTemplate =>
  (NUDGE_EMAIL_TEMPLATES as readonly unknown[]).includes(value);

/** Which `nudges_sent` flag (and `nudge_dayN_sent_at` column) a template sets once it went out. */
export const NUDGE_SENT_KEY = {
  "day1-pair-screen": "day1",
  "day3-upload-content": "day3",
  "day7-create-schedule": "day7",
} as const satisfies Record<TNudgeEmailTemplate, "day1" | "day3" | "day7">;

export type TNudgeLocale = "en" | "ar";
type TText = { subject: string; body: (name: string) => string };

// Warm, one concrete next step each, and an offer of help; the product is digital signage.
export const NUDGE_TEXTS: Record<TNudgeEmailTemplate, Record<TNudgeLocale, TText>> = {
  "day1-pair-screen": {
    en: {
      subject: "Let's get your first screen showing",
      body: (name) =>
        `Hi ${name},\n\nWelcome aboard! The quickest way to see your signage come alive is to pair your first screen. ` +
        `Turn on the screen's player, note the pairing code it shows, and enter it under Screens → Pair a screen ` +
        `in your dashboard. It takes about two minutes.\n\nIf anything gets in the way, just reply to this email ` +
        `and we'll walk you through it.\n\nThe onboarding team`,
    },
    ar: {
      subject: "لنشغّل شاشتك الأولى",
      body: (name) =>
        `مرحبًا ${name}،\n\nأهلًا بك معنا! أسرع طريقة لترى لوحاتك الرقمية تعمل هي ربط شاشتك الأولى. ` +
        `شغّل مشغّل الشاشة، ودوّن رمز الربط الظاهر عليها، ثم أدخله من «الشاشات ← ربط شاشة» في لوحة التحكم. ` +
        `لن يستغرق ذلك أكثر من دقيقتين.\n\nإن واجهك أي عائق، ردّ على هذه الرسالة وسنرشدك خطوة بخطوة.\n\nفريق التهيئة`,
    },
  },
  "day3-upload-content": {
    en: {
      subject: "Your screen is ready for its first content",
      body: (name) =>
        `Hi ${name},\n\nYour screens are waiting for something to show. Upload an image, a video or a PDF menu under ` +
        `Content → Upload; common formats are converted for your screens automatically. A logo and one promotion ` +
        `are a great start.\n\nWant a hand choosing what to show first? Reply and we'll share ideas that work ` +
        `well for businesses like yours.\n\nThe onboarding team`,
    },
    ar: {
      subject: "شاشتك جاهزة لأول محتوى",
      body: (name) =>
        `مرحبًا ${name}،\n\nشاشاتك بانتظار ما تعرضه. ارفع صورة أو فيديو أو قائمة بصيغة PDF من «المحتوى ← رفع»، ` +
        `وسنحوّل الصيغ الشائعة لتناسب شاشاتك تلقائيًا. شعارك وعرض ترويجي واحد بداية ممتازة.\n\n` +
        `هل تودّ مساعدة في اختيار أول ما تعرضه؟ ردّ على هذه الرسالة وسنشاركك أفكارًا تناسب نشاطك.\n\nفريق التهيئة`,
    },
  },
  "day7-create-schedule": {
    en: {
      subject: "Put your screens on autopilot with a schedule",
      body: (name) =>
        `Hi ${name},\n\nYou're one step away from hands-free signage. Create a schedule under Schedules → New ` +
        `schedule to decide what plays when: breakfast offers in the morning, a different playlist after ` +
        `hours. Once it's set, your screens update themselves.\n\nIf you'd like us to set up the first schedule ` +
        `with you, reply and we'll book a short call.\n\nThe onboarding team`,
    },
    ar: {
      subject: "اجعل شاشاتك تعمل تلقائيًا بجدول عرض",
      body: (name) =>
        `مرحبًا ${name}،\n\nبقيت خطوة واحدة لتعمل لوحاتك دون تدخل منك. أنشئ جدول عرض من «الجداول ← جدول جديد» ` +
        `لتحدد ما يُعرض ومتى: عروض الإفطار صباحًا، وقائمة تشغيل أخرى بعد ساعات العمل. وبعد ضبطه تتحدّث شاشاتك ` +
        `من تلقاء نفسها.\n\nإن رغبت أن نُعدّ الجدول الأول معك، ردّ على هذه الرسالة وسنحدد مكالمة قصيرة.\n\nفريق التهيئة`,
    },
  },
};

/**
 * The nudge email for `template` in `locale`, greeting `name`. An empty name falls back to a neutral
 * greeting rather than "Hi ,". Never throws for a known template and locale (the types guarantee both).
 */
export function renderNudgeEmail(
  template: TNudgeEmailTemplate,
  locale: TNudgeLocale,
  name: string,
): { subject: string; body: string } {
  const text = NUDGE_TEXTS[template][locale];
  const who = name.trim() || (locale === "ar" ? "عميلنا العزيز" : "there");
  return { subject: text.subject, body: text.body(who) };
}
