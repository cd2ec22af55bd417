"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";

type Demo = { email: string; role: string };

export function LoginForm({ next, demo, demoPassword }: { next: string; demo: Demo[]; demoPassword?: string }) {
  const t = useTranslations("login");
  const tErrors = useTranslations("errors");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const res = await signIn("credentials", { email, password, redirect: false }).catch(() => null);
    if (res?.ok && !res.error) {
      // A full load, so the server renders the user's own language and direction from the first byte.
      window.location.assign(next);
      return;
    }
    setPending(false);
    const known: Record<string, string> = {
      rate_limited: t("rateLimited"),
      CredentialsSignin: t("invalid"),
      database_unavailable: tErrors("database_unavailable"),
    };
    setError(known[res?.error ?? ""] ?? t("failed"));
  }

  return (
    <div className="space-y-6">
      <form onSubmit={submit} className="space-y-4" noValidate>
        <Field id="email" label={t("email")}>
          <Input
            id="email"
            name="email"
            type="email"
            autoComplete="username"
            dir="ltr"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </Field>
        <Field id="password" label={t("password")}>
          <Input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            dir="ltr"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </Field>
        <div aria-live="assertive">
          {error ? (
            <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
              {error}
            </p>
          ) : null}
        </div>
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? t("submitting") : t("submit")}
        </Button>
      </form>
      {demo.length > 0 && demoPassword ? (
        <section
          aria-labelledby="demo-title"
          className="rounded-md border border-dashed border-slate-300 p-4 dark:border-slate-700"
        >
          <h2 id="demo-title" className="text-sm font-semibold">
            {t("demoTitle")}
          </h2>
          <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
            {t.rich("demoHint", {
              password: demoPassword,
              code: (chunks) => (
                <code dir="ltr" className="rounded bg-slate-100 px-1 dark:bg-slate-800">
                  {chunks}
                </code>
              ),
            })}
          </p>
          <ul className="mt-3 space-y-2">
            {demo.map((d) => (
              <li key={d.email}>
                <button
                  type="button"
                  className="flex w-full items-center justify-between gap-3 rounded-md border border-slate-200 px-3 py-2 text-start text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
                  aria-label={t("useAccount", { role: d.role })}
                  onClick={() => {
                    setEmail(d.email);
                    setPassword(demoPassword);
                  }}
                >
                  <span className="font-medium">{d.role}</span>
                  <code dir="ltr" className="text-xs text-slate-600 dark:text-slate-400">
                    {d.email}
                  </code>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
