"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { proposeAction } from "@/app/(console)/approvals/actions";
import { MessageComposer } from "@/components/approvals/message-composer";
import { Field, Input } from "@/components/ui/field";

/** A message to the account's contact, with the proposer's reason for the approver. */
export function ProposeMessageForm({ accountId }: { accountId: string }) {
  const t = useTranslations("propose");
  const [reason, setReason] = useState("");
  return (
    <MessageComposer
      id="p"
      action={proposeAction}
      input={(message) => ({ kind: "message", account_id: accountId, reason, message })}
      labels={{ subject: t("subject"), body: t("body"), submit: t("submit"), done: t("done") }}
      rows={6}
      after="clear"
      onSent={() => setReason("")}
    >
      {(errors) => (
        <Field id="p-reason" label={t("reason")} error={errors.reason}>
          <Input id="p-reason" dir="auto" maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Field>
      )}
    </MessageComposer>
  );
}
