"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createIncidentAction } from "@/app/(console)/incidents/actions";
import { FormStatus } from "@/components/settings/form-status";
import { Button } from "@/components/ui/button";
import { Field, Input, controlClass } from "@/components/ui/field";
import { MAX_DESCRIPTION, MAX_TITLE } from "@/lib/domain/incidents/schemas";
import type { TResult } from "@/lib/errors";
import { TriageFields, toTriageInput, type TTriageValue } from "./triage-fields";

/** Opening an incident: what happened, who is affected, the triage answers; the server decides the severity. */
export function CreateIncidentForm() {
  const t = useTranslations("incidents.form");
  const tAll = useTranslations();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [v, setV] = useState({ title: "", description: "", accounts: "" });
  const [tri, setTri] = useState<TTriageValue>({
    data_leak: "no",
    unauthorized_send: "no",
    affected: "",
    unknown: false,
    unsure: false,
  });
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});

  function submit() {
    start(async () => {
      const r = await createIncidentAction({ ...v, triage: toTriageInput(tri) }).catch((): TResult<{ id: string }> => ({
        ok: false,
        code: "internal",
      }));
      if (r.ok) {
        router.push(`/incidents/${r.data.id}`);
        return;
      }
      const f = Object.fromEntries(Object.entries(r.fields ?? {}).map(([k, code]) => [k, tAll(code)]));
      setFields(f);
      setError(f._ ?? tAll(`errors.${r.code}`));
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
        hint={t("accountsHint")}
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
