"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { TResult } from "@/lib/errors";

type TAction = (input: unknown) => Promise<TResult<{ outcome: string }>>;

/**
 * Runs a checklist or connector action and keeps its outcome translated. Field codes are message keys;
 * an illegal connector transition names both states, which arrive as message keys too.
 */
export function useOnboardingAction() {
  const t = useTranslations();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [ok, setOk] = useState<string | null>(null);

  function run(action: TAction, input: unknown, okMessage: (outcome: string) => string) {
    setOk(null);
    start(async () => {
      const r = await action(input).catch((): TResult<{ outcome: string }> => ({ ok: false, code: "internal" }));
      if (r.ok) {
        setError(null);
        setFields({});
        setOk(okMessage(r.data.outcome));
        router.refresh();
        return;
      }
      const f = r.fields ?? {};
      if (f._ === "connectors.errors.illegal_transition" && f.from && f.to) {
        setFields({});
        setError(t(f._, { from: t(f.from), to: t(f.to) }));
        return;
      }
      const translated = Object.fromEntries(Object.entries(f).map(([k, code]) => [k, t(code)]));
      setFields(translated);
      setError(translated._ ?? Object.values(translated)[0] ?? t(`errors.${r.code}`));
    });
  }
  return { run, pending, error, fields, ok };
}
