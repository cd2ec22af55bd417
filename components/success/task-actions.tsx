"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { completeTaskAction, skipTaskAction } from "@/app/(console)/tasks/actions";
import { FormStatus } from "@/components/settings/form-status";
import { useActionForm } from "@/components/ui/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";

/** Complete in one click; skipping asks for a reason first (the next reader should know why). */
export function TaskActions({ id, task, account }: { id: string; task: string; account: string }) {
  const t = useTranslations("tasks");
  const complete = useActionForm(completeTaskAction);
  const skip = useActionForm(skipTaskAction);
  const [skipping, setSkipping] = useState(false);
  const [note, setNote] = useState("");
  const pending = complete.pending || skip.pending;
  if (skipping)
    return (
      <form
        noValidate
        className="flex min-w-56 flex-col gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          skip.submit({ id, note }, () => setSkipping(false));
        }}
      >
        <Field id={`skip-${id}`} label={t("skipReason")} error={skip.fields.note}>
          <Input
            id={`skip-${id}`}
            dir="auto"
            maxLength={1000}
            value={note}
            autoFocus
            onChange={(e) => setNote(e.target.value)}
            invalid={!!skip.fields.note}
          />
        </Field>
        <FormStatus error={skip.fields.note ? null : skip.error} ok={null} />
        <div className="flex gap-2">
          <Button type="submit" variant="secondary" disabled={pending}>
            {t("confirmSkip")}
          </Button>
          <Button variant="ghost" onClick={() => setSkipping(false)}>
            {t("cancel")}
          </Button>
        </div>
      </form>
    );
  return (
    <div className="flex flex-col gap-2">
      <div className="flex gap-2">
        <Button
          disabled={pending}
          aria-label={t("completeTask", { task, account })}
          onClick={() => complete.submit({ id })}
        >
          {t("complete")}
        </Button>
        <Button
          variant="secondary"
          disabled={pending}
          aria-label={t("skipTask", { task, account })}
          onClick={() => setSkipping(true)}
        >
          {t("skip")}
        </Button>
      </div>
      <FormStatus error={complete.error} ok={null} />
    </div>
  );
}
