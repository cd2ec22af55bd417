"use client";

import { useState } from "react";
import { useAction } from "@/components/ui/use-action-form";
import type { TResult } from "@/lib/errors";

type TAction = (input: unknown) => Promise<TResult<{ outcome: string }>>;

/**
 * A checklist or connector action: these forms have no per-field slots, so the banner says the
 * first field's error, and success says what happened (its outcome's message).
 */
export function useOnboardingAction() {
  const { run: runAction, pending, error, fields } = useAction();
  const [ok, setOk] = useState<string | null>(null);
  function run(action: TAction, input: unknown, okMessage: (outcome: string) => string) {
    setOk(null);
    runAction(action, input, (d) => setOk(okMessage(d.outcome)));
  }
  return { run, pending, error: fields._ ?? Object.values(fields)[0] ?? error, fields, ok };
}
