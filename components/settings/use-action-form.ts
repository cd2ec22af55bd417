"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { TResult } from "@/lib/errors";

/**
 * Runs a server action and keeps its outcome translated: a banner message and per-field errors
 * (codes like `validation.required` from the server become text in the user's language).
 */
export function useActionForm(action: (input: unknown) => Promise<TResult<null>>) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [ok, setOk] = useState(false);

  function submit(input: unknown, onSuccess?: () => void) {
    setOk(false);
    start(async () => {
      const result = await action(input).catch((): TResult<null> => ({ ok: false, code: "internal" }));
      if (result.ok) {
        setError(null);
        setFields({});
        setOk(true);
        onSuccess?.();
        router.refresh();
        return;
      }
      const f = Object.fromEntries(Object.entries(result.fields ?? {}).map(([k, code]) => [k, t(code)]));
      setFields(f);
      setError(f._ ?? t(`errors.${result.code}`));
    });
  }
  return { submit, pending, error, fields, ok };
}
