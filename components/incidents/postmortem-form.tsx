"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { savePostmortemAction } from "@/app/(console)/incidents/actions";
import { FormStatus } from "@/components/settings/form-status";
import { useActionForm } from "@/components/ui/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, Input, controlClass } from "@/components/ui/field";
import {
  MAX_ACTION_ITEMS,
  MAX_SECTION,
  POSTMORTEM_SECTIONS,
  type TPostmortemSection,
} from "@/lib/domain/incidents/schemas";

type TItem = { action: string; owner: string; due: string };
export type TPostmortemValue = Record<TPostmortemSection, string> & { action_items: TItem[] };

/** The spec's template: six sections and action items with owners. Saving again replaces it (ledgered). */
export function PostmortemForm({
  incidentId,
  initial,
  canWrite,
}: {
  incidentId: string;
  initial: TPostmortemValue;
  canWrite: boolean;
}) {
  const t = useTranslations("incidents.postmortem");
  const [v, setV] = useState(initial);
  const form = useActionForm(savePostmortemAction);
  const setItem = (i: number, patch: Partial<TItem>) =>
    setV({ ...v, action_items: v.action_items.map((it, j) => (j === i ? { ...it, ...patch } : it)) });
  return (
    <form
      noValidate
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        form.submit({ id: incidentId, ...v });
      }}
    >
      {POSTMORTEM_SECTIONS.map((s) => (
        <Field key={s} id={`pm-${s}`} label={t(`sections.${s}`)} error={form.fields[s]}>
          <textarea
            id={`pm-${s}`}
            dir="auto"
            rows={s === "timeline" ? 4 : 2}
            maxLength={MAX_SECTION}
            readOnly={!canWrite}
            value={v[s]}
            onChange={(e) => setV({ ...v, [s]: e.target.value })}
            className={controlClass}
          />
        </Field>
      ))}
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t("actionItems")}</legend>
        {v.action_items.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">{t("noItems")}</p>
        ) : null}
        {v.action_items.map((it, i) => (
          <div key={i} className="grid grid-cols-1 gap-2 sm:grid-cols-[2fr_1fr_auto_auto] sm:items-end">
            <Field id={`pm-a-${i}`} label={t("action")} error={form.fields[`action_items.${i}.action`]}>
              <Input
                id={`pm-a-${i}`}
                dir="auto"
                maxLength={500}
                readOnly={!canWrite}
                value={it.action}
                onChange={(e) => setItem(i, { action: e.target.value })}
              />
            </Field>
            <Field id={`pm-o-${i}`} label={t("owner")} error={form.fields[`action_items.${i}.owner`]}>
              <Input
                id={`pm-o-${i}`}
                dir="auto"
                maxLength={120}
                readOnly={!canWrite}
                value={it.owner}
                onChange={(e) => setItem(i, { owner: e.target.value })}
              />
            </Field>
            <Field id={`pm-d-${i}`} label={t("due")}>
              <Input
                id={`pm-d-${i}`}
                type="date"
                readOnly={!canWrite}
                value={it.due}
                onChange={(e) => setItem(i, { due: e.target.value })}
              />
            </Field>
            {canWrite ? (
              <Button
                variant="ghost"
                onClick={() => setV({ ...v, action_items: v.action_items.filter((_, j) => j !== i) })}
              >
                {t("remove")}
              </Button>
            ) : null}
          </div>
        ))}
        {canWrite && v.action_items.length < MAX_ACTION_ITEMS ? (
          <Button
            variant="secondary"
            onClick={() => setV({ ...v, action_items: [...v.action_items, { action: "", owner: "", due: "" }] })}
          >
            {t("addItem")}
          </Button>
        ) : null}
      </fieldset>
      <FormStatus error={form.error} ok={form.ok ? t("saved") : null} />
      {canWrite ? (
        <Button type="submit" disabled={form.pending}>
          {t("save")}
        </Button>
      ) : null}
    </form>
  );
}
