"use client";

import { useTranslations } from "next-intl";
import { proposeReplyAction } from "@/app/(console)/support/actions";
import { MessageComposer, type TMessageDraft } from "@/components/approvals/message-composer";

/** The first-response draft, prefilled from the priority's template in the customer's language; one per ticket. */
export function ReplyForm({ ticketId, draft }: { ticketId: string; draft: TMessageDraft }) {
  const t = useTranslations("support.reply");
  return (
    <MessageComposer
      id="r"
      action={proposeReplyAction}
      input={(message) => ({ ticket_id: ticketId, message })}
      initial={draft}
      labels={{ subject: t("subject"), body: t("body"), submit: t("submit"), done: t("done") }}
      after="lock"
      bannerField="ticket_id"
    />
  );
}
