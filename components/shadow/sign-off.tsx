"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { proposeCutoverAction } from "@/app/(console)/shadow/actions";
import { FormStatus } from "@/components/settings/form-status";
import { useActionForm } from "@/components/ui/use-action-form";
import { Button } from "@/components/ui/button";

type Props = { state: "ready" | "blocked" | "pending" | "signed"; canPropose: boolean; by?: string | null };

/** Sign-off is approval-first too: one founder proposes, another approves, both ledgered. */
export function SignOff({ state, canPropose, by }: Props) {
  const t = useTranslations("shadow");
  const form = useActionForm(async () => proposeCutoverAction());
  if (state === "signed")
    return (
      <p className="mt-3 text-sm font-medium text-emerald-800 dark:text-emerald-300">
        {t("signedOff", { who: by ?? "—" })}
      </p>
    );
  if (state === "pending")
    return (
      <p className="mt-3 text-sm">
        {t("signOffPending")}{" "}
        <Link href="/approvals?kind=cutover_signoff&state=all" className="text-brand-700 underline dark:text-brand-100">
          {t("signOffOpen")}
        </Link>
      </p>
    );
  if (!canPropose) return null;
  return (
    <div className="mt-3 space-y-2">
      <Button disabled={state !== "ready" || form.pending} onClick={() => form.submit(null)}>
        {t("proposeSignOff")}
      </Button>
      {state !== "ready" ? <p className="text-xs text-slate-600 dark:text-slate-400">{t("signOffBlocked")}</p> : null}
      <FormStatus error={form.error} ok={form.ok ? t("signOffProposed") : null} />
    </div>
  );
}
