"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { createTicketAction } from "@/app/(console)/support/actions";
import { AccountCombobox } from "@/components/accounts/account-combobox";
import { FormStatus } from "@/components/settings/form-status";
import { Button } from "@/components/ui/button";
import { Field, Input, Select, controlClass } from "@/components/ui/field";
import type { TAccountOption } from "@/lib/domain/accounts/types";
import { CHANNELS, MAX_TICKET_BODY, MAX_TICKET_SUBJECT } from "@/lib/domain/support/input";

const EMPTY = { subject: "", body: "", channel: "email", received_at: "" };

// One key per submission, sent with it: the server runs a submission once however often it arrives.
const newKey = () => crypto.randomUUID();

/**
 * Creates a ticket for an account picked by name, then opens it. Submitting is blocked while a
 * submission is on its way (a ref, not only the disabled button: two clicks can land before React
 * re-renders), and the server is idempotent on the submission's key for whatever still gets through.
 */
export function TicketCreateForm({ account: initial }: { account?: TAccountOption }) {
  const t = useTranslations();
  const router = useRouter();
  const [account, setAccount] = useState<TAccountOption | null>(initial ?? null);
  const [v, setV] = useState(EMPTY);
  const [pending, start] = useTransition();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const key = useRef<string | null>(null);
  const inFlight = useRef(false);
  // The same as the ref, for rendering: the button stays disabled until an answer (or the next page).
  const [sent, setSent] = useState(false);
  const submit = () => {
    if (inFlight.current) return;
    if (!account) {
      setFields({ account_id: t("support.create.accountPick") });
      setError(null);
      return;
    }
    inFlight.current = true;
    setSent(true);
    key.current ??= newKey();
    start(async () => {
      const at = v.received_at ? new Date(v.received_at) : null;
      const input = {
        account_id: account.id,
        subject: v.subject,
        body: v.body,
        channel: v.channel,
        ...(at && !Number.isNaN(at.getTime()) ? { received_at: at.toISOString() } : {}),
      };
      const r = await createTicketAction(input, key.current).catch(() => ({
        ok: false as const,
        code: "internal" as const,
        fields: undefined,
      }));
      if (r.ok) {
        // Stay blocked: the page is leaving for the new ticket.
        router.push(`/support/${r.data.id}`);
        return;
      }
      // An answer came back: the next submission is a new one (corrected input, or a retry of a failure).
      key.current = null;
      inFlight.current = false;
      setSent(false);
      const f = Object.fromEntries(Object.entries(r.fields ?? {}).map(([k, code]) => [k, t(code)]));
      setFields(f);
      setError(t(`errors.${r.code}`));
    });
  };
  const busy = pending || sent;
  return (
    <form
      noValidate
      className="space-y-4"
      aria-busy={busy || undefined}
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
        <AccountCombobox
          id="t-account"
          value={account}
          onChange={(a) => {
            setAccount(a);
            if (a) setFields(({ account_id: _, ...rest }) => rest);
          }}
          invalid={!!fields.account_id}
          describedBy={fields.account_id ? "t-account-error" : "t-account-hint"}
        />
      </Field>
      <Field id="t-subject" label={t("support.create.subject")} error={fields.subject}>
        <Input
          id="t-subject"
          dir="auto"
          maxLength={MAX_TICKET_SUBJECT}
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
          maxLength={MAX_TICKET_BODY}
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
      <FormStatus error={error} ok={null} />
      <Button type="submit" disabled={busy}>
        {t("support.create.submit")}
      </Button>
    </form>
  );
}
