import type { TRiskReasonCode } from "../risk/score";

// The CS team works on Riyadh time (spec default calendar): "today" for due dates is a Riyadh day.
export const TEAM_TIME_ZONE = "Asia/Riyadh";

/**
 * A check-in email in the recipient's language, written to be edited: a friendly question and an
 * offer to help, nothing promised. When the account is at risk for inactivity or a missing proof
 * pack, it offers the matching help (a short call, a results summary). Pure; names are used as given.
 */
export function checkInDraft(
  locale: "en" | "ar",
  o: { contactName: string; accountName: string; senderName: string; reasons?: readonly TRiskReasonCode[] },
): { subject: string; body: string } {
  const quiet = o.reasons?.includes("inactive") ?? false;
  const proof = o.reasons?.includes("proof_pack") ?? false;
  if (locale === "ar") {
    const lines = [
      `مرحبًا ${o.contactName}،`,
      "",
      `أردت الاطمئنان على سير العمل لدى ${o.accountName} ومعرفة ما إذا كان هناك ما يمكننا المساعدة فيه.`,
      ...(quiet ? ["لاحظنا أن الاستخدام خفّ مؤخرًا؛ هل يناسبكم اتصال قصير هذا الأسبوع لمراجعة الإعداد معًا؟"] : []),
      ...(proof ? ["يسعدني أيضًا أن أرسل لكم ملخصًا لنتائج الفترة الأخيرة."] : []),
      "",
      "مع التحية،",
      o.senderName,
    ];
    return { subject: `متابعة مع ${o.accountName}`, body: lines.join("\n") };
  }
  const lines = [
    `Hi ${o.contactName},`,
    "",
    `I wanted to check in on how things are going at ${o.accountName} and whether there is anything we can help with.`,
    ...(quiet
      ? [
          "It has been quiet on your account lately; would a short call this week to review the setup together suit you?",
        ]
      : []),
    ...(proof ? ["I would also be glad to send you a summary of recent results."] : []),
    "",
    "Best regards,",
    o.senderName,
  ];
  return { subject: `Checking in with ${o.accountName}`, body: lines.join("\n") };
}
