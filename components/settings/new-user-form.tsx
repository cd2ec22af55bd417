"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { createUserAction } from "@/app/(console)/settings/actions";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { ROLES } from "@/lib/domain/auth/permissions";
import { FormStatus } from "./form-status";
import { useActionForm } from "@/components/ui/use-action-form";

const EMPTY = { name: "", email: "", role: "csm", password: "" };

export function NewUserForm() {
  const t = useTranslations("settings");
  const tRoles = useTranslations("roles");
  const [value, setValue] = useState(EMPTY);
  const form = useActionForm(createUserAction);
  const set = (k: keyof typeof EMPTY) => (e: { target: { value: string } }) =>
    setValue({ ...value, [k]: e.target.value });
  return (
    <form
      noValidate
      className="grid gap-4 sm:grid-cols-2"
      onSubmit={(e) => {
        e.preventDefault();
        form.submit(value, () => setValue(EMPTY));
      }}
    >
      <Field id="new-name" label={t("name")} error={form.fields.name}>
        <Input
          id="new-name"
          dir="auto"
          value={value.name}
          onChange={set("name")}
          invalid={!!form.fields.name}
          maxLength={120}
        />
      </Field>
      <Field id="new-email" label={t("email")} error={form.fields.email}>
        <Input
          id="new-email"
          type="email"
          dir="ltr"
          value={value.email}
          onChange={set("email")}
          invalid={!!form.fields.email}
        />
      </Field>
      <Field id="new-role" label={t("role")} error={form.fields.role}>
        <Select id="new-role" value={value.role} onChange={set("role")}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {tRoles(r)}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="new-password" label={t("password")} error={form.fields.password} hint={t("passwordHint")}>
        <Input
          id="new-password"
          type="password"
          dir="ltr"
          autoComplete="new-password"
          value={value.password}
          onChange={set("password")}
          invalid={!!form.fields.password}
        />
      </Field>
      <div className="space-y-3 sm:col-span-2">
        <FormStatus error={form.error} ok={form.ok ? t("created") : null} />
        <Button type="submit" disabled={form.pending}>
          {t("create")}
        </Button>
      </div>
    </form>
  );
}
