"use client";

import { useTranslations } from "next-intl";
import { useId, useRef } from "react";
import { completeTouchpointAction, markCriterionAction } from "@/app/(console)/accounts/[id]/journey/actions";
import { FormStatus } from "@/components/settings/form-status";
import { useActionForm } from "@/components/ui/use-action-form";
import { Button } from "@/components/ui/button";
import type { TStage } from "@/lib/domain/journeys/stages";

/**
 * Mark or withdraw one exit criterion (CSMs and founders); the server re-evaluates the stage at once.
 * A mark that changes the stage (`change`, from the rule the server applies) first asks, in a modal
 * dialog naming the stage it causes; the server refuses the mark if it would cause another one.
 */
export function CriterionToggle({
  accountId,
  criterion,
  met,
  label,
  change,
}: {
  accountId: string;
  criterion: string;
  met: boolean;
  label: string;
  change: { from: TStage; to: TStage } | null;
}) {
  const t = useTranslations("journey");
  const form = useActionForm(markCriterionAction);
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const submit = () =>
    form.submit({ account_id: accountId, criterion, met: !met, expect_stage: change ? change.to : null });
  const stage = (s: TStage) => t(`stages.${s}`);
  return (
    <div className="print:hidden">
      <Button
        variant={met ? "ghost" : "secondary"}
        className="px-2 py-1 text-xs"
        disabled={form.pending}
        aria-label={
          met ? t("criteria.withdrawLabel", { criterion: label }) : t("criteria.markLabel", { criterion: label })
        }
        aria-haspopup={change ? "dialog" : undefined}
        onClick={() => (change ? dialog.current?.showModal() : submit())}
      >
        {met ? t("criteria.withdraw") : t("criteria.mark")}
      </Button>
      {change ? (
        <dialog
          ref={dialog}
          aria-labelledby={`${id}-title`}
          aria-describedby={`${id}-body`}
          className="m-auto max-w-md rounded-lg border border-slate-200 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-900/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
        >
          <h2 id={`${id}-title`} className="text-lg font-semibold">
            {t(met ? "criteria.confirm.withdrawTitle" : "criteria.confirm.markTitle", { stage: stage(change.to) })}
          </h2>
          <p id={`${id}-body`} className="mt-2 text-sm">
            {t(met ? "criteria.confirm.withdrawBody" : "criteria.confirm.markBody", {
              criterion: label,
              from: stage(change.from),
              to: stage(change.to),
            })}
          </p>
          <div className="mt-4 flex flex-wrap justify-end gap-2">
            {/* Cancel takes the focus: a stray Enter never moves an account. */}
            <Button variant="secondary" autoFocus onClick={() => dialog.current?.close()}>
              {t("criteria.confirm.cancel")}
            </Button>
            <Button
              onClick={() => {
                dialog.current?.close();
                submit();
              }}
            >
              {t(met ? "criteria.confirm.withdraw" : "criteria.confirm.mark", { stage: stage(change.to) })}
            </Button>
          </div>
        </dialog>
      ) : null}
      {form.error ? <FormStatus error={form.fields.criterion ?? form.error} ok={null} /> : null}
    </div>
  );
}

/** A CSM task done (with whether the customer responded). */
export function CompleteTouchpoint({ id, label }: { id: string; label: string }) {
  const t = useTranslations("journey");
  const form = useActionForm(completeTouchpointAction);
  return (
    <div className="flex flex-wrap gap-1 print:hidden">
      <Button
        variant="secondary"
        className="px-2 py-1 text-xs"
        disabled={form.pending}
        aria-label={t("touchpoints.doneLabel", { name: label })}
        onClick={() => form.submit({ touchpoint_id: id, responded: true })}
      >
        {t("touchpoints.doneResponded")}
      </Button>
      <Button
        variant="ghost"
        className="px-2 py-1 text-xs"
        disabled={form.pending}
        aria-label={t("touchpoints.doneNoReplyLabel", { name: label })}
        onClick={() => form.submit({ touchpoint_id: id, responded: false })}
      >
        {t("touchpoints.doneNoReply")}
      </Button>
      {form.error ? <FormStatus error={form.error} ok={null} /> : null}
    </div>
  );
}
