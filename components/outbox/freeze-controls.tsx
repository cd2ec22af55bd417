"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { freezeNowAction, proposeUnfreezeAction } from "@/app/(console)/outbox/actions";
import { FormStatus } from "@/components/settings/form-status";
import { useActionForm } from "@/components/ui/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";

export function FreezeControls({ frozen, canFreeze }: { frozen: boolean; canFreeze: boolean }) {
  const t = useTranslations("outbox");
  const [reason, setReason] = useState("");
  const form = useActionForm(frozen ? proposeUnfreezeAction : freezeNowAction);
  if (!frozen && !canFreeze) return null;
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        form.submit({ reason }, () => setReason(""));
      }}
    >
      <div className="min-w-64 flex-1">
        <Field id="freeze-reason" label={frozen ? t("unfreezeReason") : t("freezeReason")} error={form.fields.reason}>
          <Input
            id="freeze-reason"
            dir="auto"
            value={reason}
            maxLength={1000}
            onChange={(e) => setReason(e.target.value)}
            invalid={!!form.fields.reason}
          />
        </Field>
      </div>
      <Button type="submit" variant={frozen ? "secondary" : "danger"} disabled={form.pending}>
        {frozen ? t("proposeUnfreeze") : t("freezeNow")}
      </Button>
      <div className="w-full">
        <FormStatus error={form.error} ok={form.ok ? (frozen ? t("unfreezeProposed") : t("frozenNow")) : null} />
      </div>
    </form>
  );
}
