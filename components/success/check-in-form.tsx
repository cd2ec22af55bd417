"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { draftCheckInAction } from "@/app/(console)/tasks/actions";
import { CopyGuardLive } from "@/components/approvals/copy-guard-live";
import { FormStatus } from "@/components/settings/form-status";
import { useActionForm } from "@/components/settings/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, Input, controlClass } from "@/components/ui/field";

/**
 * The standard check-in, prefilled in the customer's language, editable before proposing; each field's
 * direction follows what it holds (`dir="auto"`), not the customer's language.
 */
export function CheckInForm({ accountId, draft }: { accountId: string; draft: { subject: string; body: string } }) {
  const t = useTranslations("cadence");
  const [v, setV] = useState(draft);
  const form = useActionForm(draftCheckInAction);
  return (
    <form
      noValidate
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        form.submit({ account_id: accountId, message: v });
      }}
    >
      <Field id="ci-subject" label={t("subject")} error={form.fields["message.subject"]}>
        <Input
          id="ci-subject"
          dir="auto"
          maxLength={200}
          value={v.subject}
          onChange={(e) => setV({ ...v, subject: e.target.value })}
          invalid={!!form.fields["message.subject"]}
        />
      </Field>
      <Field id="ci-body" label={t("body")} error={form.fields["message.body"]}>
        <textarea
          id="ci-body"
          dir="auto"
          rows={8}
          maxLength={20_000}
          value={v.body}
          onChange={(e) => setV({ ...v, body: e.target.value })}
          aria-invalid={!!form.fields["message.body"] || undefined}
          aria-describedby={form.fields["message.body"] ? "ci-body-error" : undefined}
          className={controlClass}
        />
      </Field>
      <CopyGuardLive fields={v} outcome={form.data} />
      <FormStatus error={form.error} ok={form.ok ? t("done") : null} />
      <Button type="submit" disabled={form.pending}>
        {t("submit")}
      </Button>
    </form>
  );
}
