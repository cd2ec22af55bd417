"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { updateProfileAction } from "@/app/(console)/settings/actions";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import { LOCALE_CODES, LOCALES } from "@/lib/i18n/locales";
import { FormStatus } from "./form-status";
import { useActionForm } from "@/components/ui/use-action-form";

export function ProfileForm({ locale, timeZone, zones }: { locale: string; timeZone: string; zones: string[] }) {
  const t = useTranslations("settings");
  const [value, setValue] = useState({ locale, timeZone });
  const form = useActionForm(updateProfileAction);
  return (
    <form
      className="max-w-md space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        form.submit(value, () => window.location.reload());
      }}
    >
      <Field id="locale" label={t("language")} error={form.fields.locale}>
        <Select id="locale" value={value.locale} onChange={(e) => setValue({ ...value, locale: e.target.value })}>
          {LOCALE_CODES.map((c) => (
            <option key={c} value={c} lang={c}>
              {LOCALES[c].label}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="timeZone" label={t("timeZone")} error={form.fields.timeZone}>
        <Select
          id="timeZone"
          value={value.timeZone}
          onChange={(e) => setValue({ ...value, timeZone: e.target.value })}
          dir="ltr"
        >
          {zones.map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </Select>
      </Field>
      <FormStatus error={form.error} ok={form.ok ? t("saved") : null} />
      <Button type="submit" disabled={form.pending}>
        {form.pending ? t("saving") : t("save")}
      </Button>
    </form>
  );
}
