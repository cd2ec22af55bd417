"use client";

import { useTranslations } from "next-intl";
import { changeRoleAction, setActiveAction } from "@/app/(console)/settings/actions";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { ROLES } from "@/lib/domain/auth/permissions";
import { useActionForm } from "@/components/ui/use-action-form";

export function UserRowActions({
  user,
  self,
}: {
  user: { id: string; name: string; role: string; active: boolean };
  self: boolean;
}) {
  const t = useTranslations("settings");
  const tRoles = useTranslations("roles");
  const role = useActionForm(changeRoleAction);
  const active = useActionForm(setActiveAction);
  const error = role.error ?? active.error;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Select
        aria-label={t("changeRole", { name: user.name })}
        className="w-auto"
        value={user.role}
        disabled={role.pending}
        onChange={(e) => role.submit({ userId: user.id, role: e.target.value })}
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {tRoles(r)}
          </option>
        ))}
      </Select>
      {self ? null : (
        <Button
          variant={user.active ? "secondary" : "primary"}
          disabled={active.pending}
          onClick={() => active.submit({ userId: user.id, active: !user.active })}
        >
          {user.active ? t("disable") : t("enable")}
        </Button>
      )}
      {error ? (
        <p role="alert" className="w-full text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}
