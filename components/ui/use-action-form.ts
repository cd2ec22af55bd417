"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { TResult } from "@/lib/errors";

/**
 * Runs a server action and keeps its outcome translated: a banner message and per-field errors
 * (codes like `validation.required` from the server become text in the user's language).
 */
export function useActionForm<D = null>(action: (input: unknown) => Promise<TResult<D>>) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [ok, setOk] = useState(false);
  // What the last successful call returned (e.g. the copy guard's findings on a proposal just made).
  const [data, setData] = useState<D | null>(null);

  function submit(input: unknown, onSuccess?: () => void) {
    setOk(false);
    setData(null);
    start(async () => {
      const result = await action(input).catch((): TResult<D> => ({ ok: false, code: "internal" }));
      if (result.ok) {
        setError(null);
        setFields({});
        setOk(true);
        setData(result.data);
        onSuccess?.();
        router.refresh();
        return;
      }
      const f = Object.fromEntries(Object.entries(result.fields ?? {}).map(([k, code]) => [k, t(code)]));
      setFields(f);
      setError(f._ ?? t(`errors.${result.code}`));
    });
  }
  return { submit, pending, error, fields, ok, data };
}
