"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { deactivatePlanAction, savePlanAction } from "@/app/(console)/tasks/actions";
import { FormStatus } from "@/components/settings/form-status";
import { useActionForm } from "@/components/ui/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { CADENCE_TYPES, type TCadenceType } from "@/lib/domain/cadence/types";

type Props = {
  accountId: string;
  initial: { types: readonly TCadenceType[]; ownerCsmId: string; anchorDate: string; active: boolean; exists: boolean };
  owners: { id: string; name: string }[];
};

/** Create or edit the account's plan; the server regenerates its tasks in the same transaction. */
export function PlanForm({ accountId, initial, owners }: Props) {
  const t = useTranslations("cadence");
  const [types, setTypes] = useState<TCadenceType[]>([...initial.types]);
  const [owner, setOwner] = useState(initial.ownerCsmId);
  const [anchor, setAnchor] = useState(initial.anchorDate);
  const save = useActionForm(savePlanAction);
  const stop = useActionForm(deactivatePlanAction);
  const toggle = (type: TCadenceType, on: boolean) =>
    setTypes((cur) =>
      on ? CADENCE_TYPES.filter((x) => x === type || cur.includes(x)) : cur.filter((x) => x !== type),
    );
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        save.submit({ account_id: accountId, owner_csm_id: owner, anchor_date: anchor, types });
      }}
    >
      <fieldset className="space-y-2" aria-describedby={save.fields.types ? "plan-types-error" : undefined}>
        <legend className="text-sm font-medium text-slate-800 dark:text-slate-200">{t("typesLabel")}</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {CADENCE_TYPES.map((type) => (
            <label key={type} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                className="size-4"
                checked={types.includes(type)}
                onChange={(e) => toggle(type, e.target.checked)}
              />
              {t(`types.${type}`)}
            </label>
          ))}
        </div>
        {save.fields.types ? (
          <p id="plan-types-error" role="alert" className="text-sm text-red-700 dark:text-red-400">
            {save.fields.types}
          </p>
        ) : null}
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="plan-owner" label={t("owner")} error={save.fields.owner_csm_id}>
          <Select id="plan-owner" value={owner} onChange={(e) => setOwner(e.target.value)}>
            {owners.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="plan-anchor" label={t("anchor")} hint={t("anchorHint")} error={save.fields.anchor_date}>
          <Input
            id="plan-anchor"
            type="date"
            value={anchor}
            onChange={(e) => setAnchor(e.target.value)}
            invalid={!!save.fields.anchor_date}
            aria-describedby={save.fields.anchor_date ? "plan-anchor-error" : "plan-anchor-hint"}
          />
        </Field>
      </div>
      <FormStatus error={save.error ?? stop.error} ok={save.ok ? t("saved") : stop.ok ? t("deactivated") : null} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={save.pending || stop.pending}>
          {t("save")}
        </Button>
        {initial.exists && initial.active ? (
          <Button
            variant="secondary"
            disabled={save.pending || stop.pending}
            onClick={() => stop.submit({ account_id: accountId })}
          >
            {t("deactivate")}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
