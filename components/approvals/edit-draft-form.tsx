"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { editDraftAction } from "@/app/(console)/approvals/actions";
import { CopyGuardLive } from "@/components/approvals/copy-guard-live";
import { FormStatus } from "@/components/settings/form-status";
import { useActionForm } from "@/components/ui/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, controlClass } from "@/components/ui/field";

/**
 * Rewrites a pending draft's customer-facing fields, each field's direction following its text
 * (`dir="auto"`). Saving re-seals the payload: whoever approves must review the new text.
 */
export function EditDraftForm({
  id,
  payloadHash,
  fields,
}: {
  id: string;
  payloadHash: string;
  fields: Record<string, string>;
}) {
  const t = useTranslations("copyGuard");
  const [open, setOpen] = useState(false);
  const [v, setV] = useState(fields);
  const form = useActionForm(editDraftAction);
  if (!open)
    return (
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {t("edit")}
      </Button>
    );
  return (
    <form
      noValidate
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        form.submit({ id, payload_hash: payloadHash, text: v }, () => setOpen(false));
      }}
    >
      {Object.keys(fields).map((f) => (
        <Field
          key={f}
          id={`edit-${id}-${f}`}
          label={t(`fields.${f}`)}
          error={form.fields[`text.${f}`] ?? form.fields[f]}
        >
          <textarea
            id={`edit-${id}-${f}`}
            dir="auto"
            rows={f === "body" ? 6 : 1}
            maxLength={f === "subject" ? 200 : 20_000}
            value={v[f] ?? ""}
            onChange={(e) => setV({ ...v, [f]: e.target.value })}
            className={controlClass}
          />
        </Field>
      ))}
      <CopyGuardLive fields={v} />
      <FormStatus error={form.error} ok={null} />
      <div className="flex gap-2">
        <Button type="submit" disabled={form.pending}>
          {t("save")}
        </Button>
        <Button variant="secondary" onClick={() => setOpen(false)}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
