"use client";

import { useTranslations } from "next-intl";
import { completeTouchpointAction, markCriterionAction } from "@/app/(console)/accounts/[id]/journey/actions";
import { FormStatus } from "@/components/settings/form-status";
import { useActionForm } from "@/components/settings/use-action-form";
import { Button } from "@/components/ui/button";

/** Mark or withdraw one exit criterion (CSMs and founders); the server re-evaluates the stage at once. */
export function CriterionToggle({
  accountId,
  criterion,
  met,
  label,
}: {
  accountId: string;
  criterion: string;
  met: boolean;
  label: string;
}) {
  const t = useTranslations("journey");
  const form = useActionForm(markCriterionAction);
  return (
    <div className="print:hidden">
      <Button
        variant={met ? "ghost" : "secondary"}
        className="px-2 py-1 text-xs"
        disabled={form.pending}
        aria-label={
          met ? t("criteria.withdrawLabel", { criterion: label }) : t("criteria.markLabel", { criterion: label })
        }
        onClick={() => form.submit({ account_id: accountId, criterion, met: !met })}
      >
        {met ? t("criteria.withdraw") : t("criteria.mark")}
      </Button>
      {form.error ? <FormStatus error={form.error} ok={null} /> : null}
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
