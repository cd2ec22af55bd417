"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { createTokenAction } from "@/app/(console)/settings/tokens/actions";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { FormStatus } from "./form-status";
import { TokenSecret } from "./token-secret";
import { useActionForm } from "@/components/ui/use-action-form";

type TKind = "personal" | "agent";
const EMPTY = { kind: "personal" as TKind, name: "", scopes: [] as string[] };

/**
 * Personal (acts as the signed-in user: nobody else can be chosen, see `mayCreatePersonalTokenFor`) or
 * agent (scope checkboxes); the secret is shown once on success.
 */
export function TokenCreateForm({ selfEmail, scopes }: { selfEmail: string; scopes: string[] }) {
  const t = useTranslations("tokens");
  const [value, setValue] = useState(EMPTY);
  const [secret, setSecret] = useState<string | null>(null);
  const form = useActionForm(async (input) => {
    const r = await createTokenAction(input);
    if (!r.ok) return r;
    setSecret(r.data.secret);
    return { ok: true, data: null };
  });
  const input =
    value.kind === "personal"
      ? { kind: value.kind, name: value.name }
      : { kind: value.kind, name: value.name, scopes: value.scopes };
  const scopeError = form.fields.scopes ?? Object.entries(form.fields).find(([k]) => k.startsWith("scopes."))?.[1];
  const toggle = (scope: string, on: boolean) =>
    setValue({ ...value, scopes: on ? [...value.scopes, scope] : value.scopes.filter((s) => s !== scope) });

  if (secret) return <TokenSecret secret={secret} onDone={() => setSecret(null)} />;
  return (
    <form
      noValidate
      className="grid gap-4 sm:grid-cols-2"
      onSubmit={(e) => {
        e.preventDefault();
        form.submit(input, () => setValue(EMPTY));
      }}
    >
      <fieldset className="space-y-2 sm:col-span-2">
        <legend className="text-sm font-medium text-slate-800 dark:text-slate-200">{t("kind")}</legend>
        <div className="flex flex-wrap gap-x-6 gap-y-2">
          {(["personal", "agent"] as const).map((k) => (
            <label key={k} className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name="token-kind"
                value={k}
                checked={value.kind === k}
                onChange={() => setValue({ ...value, kind: k })}
                className="size-4 accent-brand-700"
              />
              {t(`kinds.${k}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <Field id="token-name" label={t("name")} error={form.fields.name} hint={t("nameHint")}>
        <Input
          id="token-name"
          dir="auto"
          value={value.name}
          maxLength={80}
          invalid={!!form.fields.name}
          onChange={(e) => setValue({ ...value, name: e.target.value })}
        />
      </Field>
      {value.kind === "personal" ? (
        <div className="space-y-1 text-sm">
          <p className="font-medium text-slate-800 dark:text-slate-200">{t("user")}</p>
          <p className="text-slate-600 dark:text-slate-400">
            {t.rich("personalForSelf", { email: selfEmail, bdi: (x) => <bdi dir="ltr">{x}</bdi> })}
          </p>
          {form.fields.user_email ? (
            <p role="alert" className="text-red-700 dark:text-red-400">
              {form.fields.user_email}
            </p>
          ) : null}
        </div>
      ) : (
        <fieldset className="space-y-2" aria-describedby={scopeError ? "token-scopes-error" : undefined}>
          <legend className="text-sm font-medium text-slate-800 dark:text-slate-200">{t("scopes")}</legend>
          {scopes.map((s) => {
            const help = `scopeHelp.${s.replace(":", "_")}`;
            return (
              <label key={s} className="flex items-start gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={value.scopes.includes(s)}
                  onChange={(e) => toggle(s, e.target.checked)}
                  className="mt-0.5 size-4 accent-brand-700"
                />
                <span>
                  <code dir="ltr">{s}</code>
                  {t.has(help) ? (
                    <span className="block text-xs text-slate-600 dark:text-slate-400">{t(help)}</span>
                  ) : null}
                </span>
              </label>
            );
          })}
          {scopeError ? (
            <p id="token-scopes-error" role="alert" className="text-sm text-red-700 dark:text-red-400">
              {scopeError}
            </p>
          ) : null}
        </fieldset>
      )}
      <div className="space-y-3 sm:col-span-2">
        <FormStatus error={form.error} ok={null} />
        <Button type="submit" disabled={form.pending}>
          {form.pending ? t("creating") : t("create")}
        </Button>
      </div>
    </form>
  );
}
