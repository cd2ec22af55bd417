"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState, useTransition } from "react";
import { createTicketAction } from "@/app/(console)/support/actions";
import { FormStatus } from "@/components/settings/form-status";
import { Button } from "@/components/ui/button";
import { Field, Input, Select, controlClass } from "@/components/ui/field";
import type { TCreatedTicket } from "@/lib/domain/support/types";
import { CHANNELS } from "@/lib/domain/support/input";

const EMPTY = { account_id: "", subject: "", body: "", channel: "email", received_at: "" };

/** Creates a ticket and shows the priority the keyword lists gave it, with a link to it. */
export function TicketCreateForm({ accountId }: { accountId?: string }) {
  const t = useTranslations();
  const [v, setV] = useState({ ...EMPTY, account_id: accountId ?? "" });
  const [pending, start] = useTransition();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<TCreatedTicket | null>(null);
  const submit = () =>
    start(async () => {
      const at = v.received_at ? new Date(v.received_at) : null;
      const input = {
        account_id: v.account_id.trim(),
        subject: v.subject,
        body: v.body,
        channel: v.channel,
        ...(at && !Number.isNaN(at.getTime()) ? { received_at: at.toISOString() } : {}),
      };
      const r = await createTicketAction(input).catch(() => ({
        ok: false as const,
        code: "internal" as const,
        fields: undefined,
      }));
      if (r.ok) {
        setCreated(r.data);
        setFields({});
        setError(null);
        return;
      }
      const f = Object.fromEntries(Object.entries(r.fields ?? {}).map(([k, code]) => [k, t(code)]));
      setFields(f);
      setError(t(`errors.${r.code}`));
    });
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Field
        id="t-account"
        label={t("support.create.account")}
        hint={t("support.create.accountHint")}
        error={fields.account_id}
      >
        <Input
          id="t-account"
          dir="ltr"
          value={v.account_id}
          onChange={(e) => setV({ ...v, account_id: e.target.value })}
          invalid={!!fields.account_id}
        />
      </Field>
      <Field id="t-subject" label={t("support.create.subject")} error={fields.subject}>
        <Input
          id="t-subject"
          dir="auto"
          maxLength={200}
          value={v.subject}
          onChange={(e) => setV({ ...v, subject: e.target.value })}
          invalid={!!fields.subject}
        />
      </Field>
      <Field id="t-body" label={t("support.create.body")} error={fields.body}>
        <textarea
          id="t-body"
          dir="auto"
          rows={6}
          maxLength={20_000}
          value={v.body}
          onChange={(e) => setV({ ...v, body: e.target.value })}
          aria-invalid={!!fields.body || undefined}
          aria-describedby={fields.body ? "t-body-error" : undefined}
          className={controlClass}
        />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="t-channel" label={t("support.create.channel")} error={fields.channel}>
          <Select id="t-channel" value={v.channel} onChange={(e) => setV({ ...v, channel: e.target.value })}>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`support.channels.${c}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          id="t-received"
          label={t("support.create.receivedAt")}
          hint={t("support.create.receivedAtHint")}
          error={fields.received_at}
        >
          <Input
            id="t-received"
            type="datetime-local"
            value={v.received_at}
            onChange={(e) => setV({ ...v, received_at: e.target.value })}
            invalid={!!fields.received_at}
          />
        </Field>
      </div>
      <FormStatus error={error} ok={created ? t("support.create.created", { priority: created.priority }) : null} />
      {created ? (
        <p>
          <Link href={`/support/${created.id}`} className="font-medium text-brand-700 underline dark:text-brand-100">
            {t("support.create.open")}
          </Link>
        </p>
      ) : null}
      <Button type="submit" disabled={pending}>
        {t("support.create.submit")}
      </Button>
    </form>
  );
}
