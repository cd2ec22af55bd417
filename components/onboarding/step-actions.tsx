"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import {
  completeStepAction,
  noteStepAction,
  uncompleteStepAction,
} from "@/app/(console)/accounts/[id]/onboarding/actions";
import { FormStatus } from "@/components/settings/form-status";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";
import { MAX_NOTE } from "@/lib/domain/checklist/steps";
import { formatNumber } from "@/lib/i18n/format";
import { isLocale } from "@/lib/i18n/locales";
import { useOnboardingAction } from "./use-onboarding-action";

type Props = {
  accountId: string;
  stepId: string;
  stepName: string;
  state: "done" | "pending_approval" | "open";
  needsApproval: boolean;
  /** The current step opens its note; others keep it folded unless they have one. */
  current: boolean;
  note: string;
};

/** Note and the step's one next action: complete, propose (approval-gated) or reopen. */
export function StepActions({ accountId, stepId, stepName, state, needsApproval, current, note: initial }: Props) {
  const t = useTranslations("checklist");
  const locale = useLocale();
  const num = (v: number) => formatNumber({ locale: isLocale(locale) ? locale : "en", timeZone: "UTC" }, v);
  const [note, setNote] = useState(initial);
  const { run, pending, error, ok } = useOnboardingAction();
  const id = `note-${stepId}`;
  const input = { account_id: accountId, step_id: stepId, note };
  const done = (o: string) => t(`done.${o}` as "done.completed");
  return (
    <div className="space-y-2">
      <details open={current || initial !== ""} className="space-y-1">
        <summary className="cursor-pointer text-xs font-medium text-slate-700 dark:text-slate-300">{t("note")}</summary>
        <label htmlFor={id} className="block text-xs font-medium text-slate-700 dark:text-slate-300">
          <span className="sr-only">
            {t("note")} — {stepName}
          </span>
        </label>
        <textarea
          id={id}
          dir="auto"
          rows={2}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          aria-describedby={`${id}-count`}
          aria-invalid={note.trim().length > MAX_NOTE || undefined}
          className={controlClass}
        />
        <p id={`${id}-count`} className="text-xs text-slate-600 dark:text-slate-400">
          {t("noteHelp", { max: num(MAX_NOTE) })}{" "}
          {t("noteCount", { used: num(note.trim().length), max: num(MAX_NOTE) })}
        </p>
      </details>
      <div className="flex flex-wrap gap-2">
        {state === "open" ? (
          <Button
            disabled={pending}
            onClick={() => run(completeStepAction, input, done)}
            aria-label={`${needsApproval ? t("propose") : t("complete")}: ${stepName}`}
          >
            {needsApproval ? t("propose") : t("complete")}
          </Button>
        ) : null}
        {state === "done" ? (
          <Button
            variant="secondary"
            disabled={pending}
            onClick={() => run(uncompleteStepAction, input, done)}
            aria-label={`${t("reopen")}: ${stepName}`}
          >
            {t("reopen")}
          </Button>
        ) : null}
        <Button
          variant="ghost"
          disabled={pending || note === initial}
          onClick={() => run(noteStepAction, input, done)}
          aria-label={`${t("saveNote")}: ${stepName}`}
        >
          {t("saveNote")}
        </Button>
      </div>
      <FormStatus error={error} ok={ok} />
    </div>
  );
}
