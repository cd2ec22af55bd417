"use client";

import { useTranslations } from "next-intl";
import { recomputeRiskAction } from "@/app/(console)/tasks/actions";
import { FormStatus } from "@/components/settings/form-status";
import { useActionForm } from "@/components/ui/use-action-form";
import { Button } from "@/components/ui/button";

export function RecomputeButton({ accountId }: { accountId: string }) {
  const t = useTranslations("risk");
  const form = useActionForm(recomputeRiskAction);
  return (
    <div className="space-y-2">
      <Button variant="secondary" disabled={form.pending} onClick={() => form.submit({ account_id: accountId })}>
        {t("recompute")}
      </Button>
      <FormStatus error={form.error} ok={form.ok ? t("recomputed") : null} />
    </div>
  );
}
