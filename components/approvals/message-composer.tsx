"use client";

import { useState, type ReactNode } from "react";
import { CopyGuardLive } from "@/components/approvals/copy-guard-live";
import { FormStatus } from "@/components/settings/form-status";
import { Button } from "@/components/ui/button";
import { Field, Input, controlClass } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import type { TResult } from "@/lib/errors";

export type TMessageDraft = { subject: string; body: string };

const EMPTY: TMessageDraft = { subject: "", body: "" };

type Props<D> = {
  /** Prefix of the fields' ids, unique on the page. */
  id: string;
  action: (input: unknown) => Promise<TResult<D>>;
  /** The action's input around the message (the account, the ticket, a reason…). */
  input: (message: TMessageDraft) => unknown;
  initial?: TMessageDraft;
  labels: { subject: string; body: string; submit: string; done: string };
  rows?: number;
  /** After a success: `clear` starts a new message, `lock` keeps it and allows no second one, `keep` both. */
  after?: "clear" | "lock" | "keep";
  /** A field error shown in the banner, for a field the form has no slot for (e.g. the ticket). */
  bannerField?: string;
  onSent?: () => void;
  /** Extra fields between the message and the copy guard (e.g. the proposer's reason), given the field errors. */
  children?: (fieldErrors: Record<string, string>) => ReactNode;
};

/**
 * The one draft-a-message form (a message to a contact, a check-in, a ticket reply): subject and
 * body whose direction follows what is typed (`dir="auto"`; a textarea takes each paragraph's own),
 * never the recipient's language, as the preview and e-mail do; the copy guard's findings live while
 * drafting and the server's verdict after proposing.
 */
export function MessageComposer<D>({
  id,
  action,
  input,
  initial = EMPTY,
  labels,
  rows = 8,
  after = "keep",
  bannerField,
  onSent,
  children,
}: Props<D>) {
  const [v, setV] = useState(initial);
  const form = useActionForm(action);
  const subjectError = form.fields["message.subject"];
  const bodyError = form.fields["message.body"];
  return (
    <form
      noValidate
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        form.submit(input(v), () => {
          if (after === "clear") setV(EMPTY);
          onSent?.();
        });
      }}
    >
      <Field id={`${id}-subject`} label={labels.subject} error={subjectError}>
        <Input
          id={`${id}-subject`}
          dir="auto"
          maxLength={200}
          value={v.subject}
          onChange={(e) => setV({ ...v, subject: e.target.value })}
          invalid={!!subjectError}
        />
      </Field>
      <Field id={`${id}-body`} label={labels.body} error={bodyError}>
        <textarea
          id={`${id}-body`}
          dir="auto"
          rows={rows}
          maxLength={20_000}
          value={v.body}
          onChange={(e) => setV({ ...v, body: e.target.value })}
          aria-invalid={!!bodyError || undefined}
          aria-describedby={bodyError ? `${id}-body-error` : undefined}
          className={controlClass}
        />
      </Field>
      {children?.(form.fields)}
      <CopyGuardLive fields={v} outcome={form.data} />
      <FormStatus error={(bannerField && form.fields[bannerField]) || form.error} ok={form.ok ? labels.done : null} />
      <Button type="submit" disabled={form.pending || (after === "lock" && form.ok)}>
        {labels.submit}
      </Button>
    </form>
  );
}
