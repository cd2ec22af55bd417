"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { proposeReplyAction } from "@/app/(console)/support/actions";
import { CopyGuardLive } from "@/components/approvals/copy-guard-live";
import { FormStatus } from "@/components/settings/form-status";
import { useActionForm } from "@/components/settings/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, Input, controlClass } from "@/components/ui/field";

/**
 * The first-response draft, prefilled from the priority's template in the customer's language; each
 * field's direction follows what it holds (`dir="auto"`), not the customer's language.
 */
export function ReplyForm({ ticketId, draft }: { ticketId: string; draft: { subject: string; body: string } }) {
  const t = useTranslations("support.reply");
  const [v, setV] = useState(draft);
  const form = useActionForm(proposeReplyAction);
  return (
    <form
      noValidate
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        form.submit({ ticket_id: ticketId, message: v });
      }}
    >
      <Field id="r-subject" label={t("subject")} error={form.fields["message.subject"]}>
        <Input
          id="r-subject"
          dir="auto"
          maxLength={200}
          value={v.subject}
          onChange={(e) => setV({ ...v, subject: e.target.value })}
          invalid={!!form.fields["message.subject"]}
        />
      </Field>
      <Field id="r-body" label={t("body")} error={form.fields["message.body"]}>
        <textarea
          id="r-body"
          dir="auto"
          rows={8}
          maxLength={20_000}
          value={v.body}
          onChange={(e) => setV({ ...v, body: e.target.value })}
          aria-invalid={!!form.fields["message.body"] || undefined}
          aria-describedby={form.fields["message.body"] ? "r-body-error" : undefined}
          className={controlClass}
        />
      </Field>
      <CopyGuardLive fields={v} outcome={form.data} />
      <FormStatus error={form.fields.ticket_id ?? form.error} ok={form.ok ? t("done") : null} />
      <Button type="submit" disabled={form.pending || form.ok}>
        {t("submit")}
      </Button>
    </form>
  );
}
