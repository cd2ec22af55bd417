"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { saveCoolingOffAction } from "@/app/(console)/settings/approvals/actions";
import { FormStatus } from "@/components/settings/form-status";
import { useActionForm } from "@/components/ui/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { MAX_COOLING_OFF_MINUTES, type TCoolingOff } from "@/lib/domain/proposals/sole-approver";

export function CoolingOffForm({ initial }: { initial: TCoolingOff }) {
  const t = useTranslations("approvals.settings");
  const [unfreeze, setUnfreeze] = useState(String(initial.unfreezeMinutes));
  const [other, setOther] = useState(String(initial.otherMinutes));
  const form = useActionForm(saveCoolingOffAction);
  return (
    <form
      className="grid max-w-xl gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        form.submit({ unfreeze_minutes: unfreeze, other_minutes: other });
      }}
    >
      {(
        [
          ["unfreeze_minutes", unfreeze, setUnfreeze, t("unfreeze")],
          ["other_minutes", other, setOther, t("other")],
        ] as const
      ).map(([name, value, set, label]) => (
        <Field key={name} id={name} label={label} hint={t("hint")} error={form.fields[name]}>
          <Input
            id={name}
            name={name}
            type="number"
            inputMode="numeric"
            min={0}
            max={MAX_COOLING_OFF_MINUTES}
            step={1}
            required
            value={value}
            onChange={(e) => set(e.target.value)}
            invalid={!!form.fields[name]}
          />
        </Field>
      ))}
      <div>
        <Button type="submit" disabled={form.pending}>
          {t("save")}
        </Button>
      </div>
      <FormStatus error={form.error} ok={form.ok ? t("saved") : null} />
    </form>
  );
}
