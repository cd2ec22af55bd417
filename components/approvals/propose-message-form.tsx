"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { proposeAction } from "@/app/(console)/approvals/actions";
import { CopyGuardLive } from "@/components/approvals/copy-guard-live";
import { FormStatus } from "@/components/settings/form-status";
import { useActionForm } from "@/components/settings/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, Input, controlClass } from "@/components/ui/field";

const EMPTY = { subject: "", body: "", reason: "" };

/**
 * A message to the account's contact. Each field's direction follows what is typed (`dir="auto"`; a
 * textarea takes each paragraph's own), never the recipient's language, as the preview and e-mail do.
 */
export function ProposeMessageForm({ accountId }: { accountId: string }) {
  const t = useTranslations("propose");
  const [v, setV] = useState(EMPTY);
  const form = useActionForm(proposeAction);
  return (
    <form
      noValidate
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        form.submit(
          { kind: "message", account_id: accountId, reason: v.reason, message: { subject: v.subject, body: v.body } },
          () => setV(EMPTY),
        );
      }}
    >
      <Field id="p-subject" label={t("subject")} error={form.fields["message.subject"]}>
        <Input
          id="p-subject"
          dir="auto"
          maxLength={200}
          value={v.subject}
          onChange={(e) => setV({ ...v, subject: e.target.value })}
          invalid={!!form.fields["message.subject"]}
        />
      </Field>
      <Field id="p-body" label={t("body")} error={form.fields["message.body"]}>
        <textarea
          id="p-body"
          dir="auto"
          rows={6}
          maxLength={20_000}
          value={v.body}
          onChange={(e) => setV({ ...v, body: e.target.value })}
          aria-invalid={!!form.fields["message.body"] || undefined}
          aria-describedby={form.fields["message.body"] ? "p-body-error" : undefined}
          className={controlClass}
        />
      </Field>
      <Field id="p-reason" label={t("reason")} error={form.fields.reason}>
        <Input
          id="p-reason"
          dir="auto"
          maxLength={1000}
          value={v.reason}
          onChange={(e) => setV({ ...v, reason: e.target.value })}
        />
      </Field>
      <CopyGuardLive fields={{ subject: v.subject, body: v.body }} outcome={form.data} />
      <FormStatus error={form.error} ok={form.ok ? t("done") : null} />
      <Button type="submit" disabled={form.pending}>
        {t("submit")}
      </Button>
    </form>
  );
}
