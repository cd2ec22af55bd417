"use client";

import { useTranslations } from "next-intl";
import { transitionConnectorAction } from "@/app/(console)/accounts/[id]/onboarding/actions";
import { FormStatus } from "@/components/settings/form-status";
import { Button } from "@/components/ui/button";
import { useOnboardingAction } from "@/components/onboarding/use-onboarding-action";
import type { TConnectorState } from "@/lib/domain/connectors/state-machine";

/** One button per transition the state machine allows from here; approved-execute is a proposal. */
export function ConnectorActions({
  accountId,
  connector,
  connectorName,
  from,
  allowed,
  executePending,
}: {
  accountId: string;
  connector: string;
  connectorName: string;
  from: TConnectorState;
  allowed: readonly TConnectorState[];
  executePending: boolean;
}) {
  const t = useTranslations("connectors");
  const { run, pending, error, ok } = useOnboardingAction();
  if (allowed.length === 0) return null;
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap gap-1.5">
        {allowed.map((to) => {
          const label = t(`actions.${to === "configuring" && from === "failed" ? "retry" : to}`);
          return (
            <Button
              key={to}
              variant={to === "connected_approved_execute" ? "primary" : "secondary"}
              className="px-2 py-1 text-xs"
              disabled={pending || (to === "connected_approved_execute" && executePending)}
              aria-label={t("actionFor", { action: label, connector: connectorName })}
              onClick={() =>
                run(transitionConnectorAction, { account_id: accountId, connector, to }, (o) =>
                  t(`done.${o}` as "done.changed"),
                )
              }
            >
              {label}
            </Button>
          );
        })}
      </div>
      <FormStatus error={error} ok={ok} />
    </div>
  );
}
