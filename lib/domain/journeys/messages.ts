/**
 * What automated (system) touchpoints say to the customer, in the customer's language. They become
 * `message` proposals, so a founder reads exactly this before anything is sent.
 */

type TDraft = { subject: string; body: string };
const T: Record<string, Record<"en" | "ar", (name: string) => TDraft>> = {
  welcome_sequence: {
    en: (n) => ({
      subject: "Welcome aboard",
      body: `Hello ${n},\n\nWelcome! Your customer success manager will be in touch to plan your kickoff. Reply to this email with any question.`,
    }),
    ar: (n) => ({
      subject: "أهلاً بكم",
      body: `مرحباً ${n}،\n\nيسعدنا انضمامكم. سيتواصل معكم مدير نجاح العملاء لترتيب جلسة الانطلاق. يمكنكم الرد على هذه الرسالة بأي سؤال.`,
    }),
  },
  first_milestone: {
    en: (n) => ({
      subject: "Your first milestone",
      body: `Hello ${n},\n\nTwo weeks in: here is how to reach your first milestone and see value quickly.`,
    }),
    ar: (n) => ({
      subject: "إنجازكم الأول",
      body: `مرحباً ${n}،\n\nمضى أسبوعان على البداية: إليكم طريقة الوصول إلى أول إنجاز ورؤية القيمة بسرعة.`,
    }),
  },
  feature_tips: {
    en: (n) => ({
      subject: "Tips for the features you use",
      body: `Hello ${n},\n\nYou are using the product well; here are a few tips to get more from it.`,
    }),
    ar: (n) => ({
      subject: "نصائح للميزات التي تستخدمونها",
      body: `مرحباً ${n}،\n\nاستخدامكم للمنتج ممتاز؛ إليكم بعض النصائح للاستفادة منه أكثر.`,
    }),
  },
  re_engagement: {
    en: (n) => ({
      subject: "We are here to help",
      body: `Hello ${n},\n\nWe noticed you have used the product less lately. Can we help with anything?`,
    }),
    ar: (n) => ({
      subject: "نحن هنا للمساعدة",
      body: `مرحباً ${n}،\n\nلاحظنا انخفاض استخدامكم للمنتج مؤخراً. هل يمكننا المساعدة في شيء؟`,
    }),
  },
  csat_survey: {
    en: (n) => ({
      subject: "How did we do?",
      body: `Hello ${n},\n\nYour support request was resolved. Would you tell us how we did? One click is enough.`,
    }),
    ar: (n) => ({
      subject: "ما رأيكم في خدمتنا؟",
      body: `مرحباً ${n}،\n\nتم حل طلب الدعم الخاص بكم. هل تخبروننا برأيكم في الخدمة؟ نقرة واحدة تكفي.`,
    }),
  },
  seat_expansion: {
    en: (n) => ({
      subject: "Room for your growing team",
      body: `Hello ${n},\n\nYour team is growing. Adding seats takes a minute; reply if you would like help.`,
    }),
    ar: (n) => ({
      subject: "مساحة لفريقكم المتنامي",
      body: `مرحباً ${n}،\n\nفريقكم يكبر. إضافة مقاعد تستغرق دقيقة؛ ردّوا إن رغبتم في المساعدة.`,
    }),
  },
};

/** The draft for a system touchpoint; a key added in Settings without its own text gets a generic note. */
export function touchpointMessage(key: string, locale: "en" | "ar", name: string): TDraft {
  const t = T[key];
  if (t) return t[locale](name);
  return locale === "ar"
    ? { subject: "متابعة من فريق نجاح العملاء", body: `مرحباً ${name}،\n\nنتواصل معكم للاطمئنان على تجربتكم.` }
    : {
        subject: "A note from your success team",
        body: `Hello ${name},\n\nWe are checking in on how things are going.`,
      };
}
