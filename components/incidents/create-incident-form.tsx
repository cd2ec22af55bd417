"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { createIncidentAction } from "@/app/(console)/incidents/actions";
import { FormStatus } from "@/components/settings/form-status";
import { Button } from "@/components/ui/button";
import { Field, Input, controlClass } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import type { TIncidentDraft } from "@/lib/domain/incidents/from-ticket";
import { MAX_DESCRIPTION, MAX_TITLE } from "@/lib/domain/incidents/schemas";
import { TriageFields, toTriageInput, type TTriageValue } from "./triage-fields";

/** The ticket an incident is opened from: shown above the form; its account is always included. */
export type TSourceTicket = { id: string; subject: string; accountName: string };

/**
 * Opening an incident: what happened, who is affected, the triage answers; the server decides the
 * severity. Opened from a ticket, it starts from the ticket's draft (lib/domain/incidents/from-ticket)
 * and sends the ticket along, so the two are linked; a ticket that already has an incident leads there.
 */
export function CreateIncidentForm({ draft, ticket }: { draft?: TIncidentDraft; ticket?: TSourceTicket } = {}) {
  const t = useTranslations("incidents.form");
  const router = useRouter();
  const { submit: run, pending, error, fields } = useActionForm(createIncidentAction);
  const [v, setV] = useState({ title: draft?.title ?? "", description: draft?.description ?? "", accounts: "" });
  const [tri, setTri] = useState<TTriageValue>({
    data_leak: draft?.triage.data_leak ?? "no",
    unauthorized_send: draft?.triage.unauthorized_send ?? "no",
    affected: draft ? String(draft.triage.affected) : "",
    unknown: false,
    unsure: draft?.triage.unsure ?? false,
  });
  function submit() {
    const input = { ...v, triage: toTriageInput(tri), ...(ticket ? { ticket_id: ticket.id } : {}) };
    run(input, (d) => {
      router.push(`/incidents/${d.id}`);
      return "navigated";
    });
  }

  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {ticket ? (
        <p className="rounded-md bg-slate-50 p-3 text-sm dark:bg-slate-950" data-testid="incident-source-ticket">
          {t.rich("fromTicket", {
            subject: ticket.subject,
            account: ticket.accountName,
            bdi: (c) => <bdi className="font-medium">{c}</bdi>,
          })}
        </p>
      ) : null}
      <Field id="i-title" label={t("title")} error={fields.title} hint={t("titleHint")}>
        <Input
          id="i-title"
          dir="auto"
          maxLength={MAX_TITLE}
          value={v.title}
          onChange={(e) => setV({ ...v, title: e.target.value })}
          invalid={!!fields.title}
        />
      </Field>
      <Field id="i-description" label={t("description")} error={fields.description}>
        <textarea
          id="i-description"
          dir="auto"
          rows={4}
          maxLength={MAX_DESCRIPTION}
          value={v.description}
          onChange={(e) => setV({ ...v, description: e.target.value })}
          aria-invalid={!!fields.description || undefined}
          className={controlClass}
        />
      </Field>
      <Field
        id="i-accounts"
        label={t("accounts")}
        error={fields.accounts ?? fields.account_ids}
        hint={ticket ? t("accountsHintTicket") : t("accountsHint")}
      >
        <textarea
          id="i-accounts"
          dir="auto"
          rows={3}
          value={v.accounts}
          onChange={(e) => setV({ ...v, accounts: e.target.value })}
          aria-invalid={!!fields.accounts || undefined}
          className={controlClass}
        />
      </Field>
      <fieldset className="space-y-2 rounded-md border border-slate-200 p-3 dark:border-slate-800">
        <legend className="px-1 text-sm font-semibold">{t("triage")}</legend>
        <TriageFields value={tri} onChange={setTri} idPrefix="create" errors={fields} />
      </fieldset>
      <FormStatus error={error} ok={null} />
      <Button type="submit" disabled={pending}>
        {t("submit")}
      </Button>
    </form>
  );
}
