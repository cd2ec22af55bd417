"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { TResult } from "@/lib/errors";

type TAction<D> = (input: unknown) => Promise<TResult<D>>;
/** Return "navigated" when the callback leaves the page, so it is not refreshed underneath. */
type TOnSuccess<D> = (data: D) => void | "navigated";

/**
 * The one way a client runs a server action and keeps its outcome translated: a banner message and
 * per-field errors (codes like `validation.required` from the server become text in the user's
 * language; a `_` code that names `from`/`to`, themselves message keys like a connector's states, gets
 * them as parameters). A failed call (network, crash) is `errors.internal`, never an unhandled
 * rejection. On success the page refreshes, unless `onSuccess` navigated elsewhere.
 */
export function useAction() {
  const t = useTranslations();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [ok, setOk] = useState(false);

  function run<D>(action: TAction<D>, input: unknown, onSuccess?: TOnSuccess<D>) {
    setOk(false);
    start(async () => {
      const result = await action(input).catch((): TResult<D> => ({ ok: false, code: "internal" }));
      if (result.ok) {
        setError(null);
        setFields({});
        setOk(true);
        if (onSuccess?.(result.data) !== "navigated") router.refresh();
        return;
      }
      const codes = result.fields ?? {};
      const { from, to } = codes;
      const f =
        codes._ && from && to
          ? { _: t(codes._, { from: t(from), to: t(to) }) }
          : Object.fromEntries(Object.entries(codes).map(([k, code]) => [k, t(code)]));
      setFields(f);
      setError(f._ ?? t(`errors.${result.code}`));
    });
  }
  return { run, pending, error, fields, ok };
}

/** `useAction` bound to one action, keeping what its last success returned (e.g. copy-guard findings). */
export function useActionForm<D = null>(action: TAction<D>) {
  const { run, ...state } = useAction();
  const [data, setData] = useState<D | null>(null);
  function submit(input: unknown, onSuccess?: TOnSuccess<D>) {
    setData(null);
    run(action, input, (d) => {
      setData(d);
      return onSuccess?.(d);
    });
  }
  return { submit, data, ...state };
}
