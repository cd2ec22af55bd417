"use client";

import { useTranslations } from "next-intl";
import { draftCheckInAction } from "@/app/(console)/tasks/actions";
import { FormStatus } from "@/components/settings/form-status";
import { useActionForm } from "@/components/ui/use-action-form";
import { Button } from "@/components/ui/button";

/** One click: the standard check-in in the customer's language becomes a proposal for approval. */
export function CheckInButton({ accountId, accountName }: { accountId: string; accountName: string }) {
  const t = useTranslations("risk");
  const form = useActionForm(draftCheckInAction);
  return (
    <div className="flex flex-col gap-2">
      <Button
        variant="secondary"
        disabled={form.pending || form.ok}
        aria-label={t("draftCheckInFor", { account: accountName })}
        onClick={() => form.submit({ account_id: accountId })}
      >
        {t("draftCheckIn")}
      </Button>
      <FormStatus error={form.error} ok={form.ok ? t("drafted") : null} />
    </div>
  );
}
