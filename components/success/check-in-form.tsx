"use client";

import { useTranslations } from "next-intl";
import { draftCheckInAction } from "@/app/(console)/tasks/actions";
import { MessageComposer, type TMessageDraft } from "@/components/approvals/message-composer";

/** The standard check-in, prefilled in the customer's language, editable before proposing. */
export function CheckInForm({ accountId, draft }: { accountId: string; draft: TMessageDraft }) {
  const t = useTranslations("cadence");
  return (
    <MessageComposer
      id="ci"
      action={draftCheckInAction}
      input={(message) => ({ account_id: accountId, message })}
      initial={draft}
      labels={{ subject: t("subject"), body: t("body"), submit: t("submit"), done: t("done") }}
    />
  );
}
