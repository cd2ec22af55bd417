"use client";

import { useTranslations } from "next-intl";
import { retryAction } from "@/app/(console)/outbox/actions";
import { useActionForm } from "@/components/ui/use-action-form";
import { Button } from "@/components/ui/button";

export function RetryButton({ proposalId }: { proposalId: string }) {
  const t = useTranslations("outbox");
  const form = useActionForm(retryAction);
  return (
    <div className="space-y-1">
      <Button variant="secondary" disabled={form.pending} onClick={() => form.submit({ id: proposalId })}>
        {t("retry")}
      </Button>
      {form.error ? (
        <p role="alert" className="text-xs text-red-700 dark:text-red-400">
          {form.error}
        </p>
      ) : null}
    </div>
  );
}
