"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { revokeTokenAction } from "@/app/(console)/settings/tokens/actions";
import { Button } from "@/components/ui/button";
import { useActionForm } from "@/components/ui/use-action-form";

/** Two steps, because revoking cannot be undone and breaks whatever uses the token at once. */
export function TokenRevokeButton({ id, name }: { id: string; name: string }) {
  const t = useTranslations("tokens");
  const [confirming, setConfirming] = useState(false);
  const form = useActionForm(revokeTokenAction);
  if (!confirming)
    return (
      <Button variant="secondary" aria-label={t("revokeNamed", { name })} onClick={() => setConfirming(true)}>
        {t("revoke")}
      </Button>
    );
  return (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-label={t("revokeNamed", { name })}>
      <span className="text-sm">{t("confirmRevoke")}</span>
      <Button variant="danger" disabled={form.pending} onClick={() => form.submit({ id })}>
        {t("confirm")}
      </Button>
      <Button variant="ghost" disabled={form.pending} onClick={() => setConfirming(false)}>
        {t("cancel")}
      </Button>
      {form.error ? (
        <p role="alert" className="w-full text-sm text-red-700 dark:text-red-400">
          {form.error}
        </p>
      ) : null}
    </div>
  );
}
