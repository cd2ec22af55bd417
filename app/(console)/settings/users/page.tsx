import { getTranslations } from "next-intl/server";
import { NewUserForm } from "@/components/settings/new-user-form";
import { UserRowActions } from "@/components/settings/user-row-actions";
import { Badge, Card } from "@/components/ui/card";
import { requirePage } from "@/lib/auth/session";
import { listUsers } from "@/lib/data/users";
import { formatDate, formatNumber } from "@/lib/i18n/format";
import { localeContext } from "@/lib/i18n/server";
import { DataTable } from "@/components/ui/data-table";

export async function generateMetadata() {
  return { title: (await getTranslations("settings"))("usersTitle") };
}

export default async function UsersPage() {
  const me = await requirePage("users:manage", "/settings/users");
  const [t, fmt, users] = await Promise.all([getTranslations("settings"), localeContext(), listUsers()]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("usersTitle")}</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t("usersDescription")}</p>
      </div>
      <Card aria-labelledby="new-user-title" className="space-y-4">
        <h2 id="new-user-title" className="text-lg font-semibold">
          {t("newUser")}
        </h2>
        <NewUserForm />
      </Card>
      <p className="text-sm font-medium">
        {t("userCount", { count: users.length, n: formatNumber(fmt, users.length) })}
      </p>
      <DataTable headers={[t("name"), t("email"), t("status"), t("actions")]}>
        {users.map((u) => (
          <tr key={u.id}>
            <td className="px-3 py-2 font-medium">
              <span dir="auto">{u.name}</span>
              {u.id === me.id ? <span className="ms-1 text-xs text-slate-500">({t("you")})</span> : null}
              <span className="block text-xs font-normal text-slate-500">{formatDate(fmt, u.createdAt)}</span>
            </td>
            <td className="px-3 py-2">
              <span dir="ltr">{u.email}</span>
            </td>
            <td className="px-3 py-2">
              <Badge tone={u.active ? "ok" : "muted"}>{u.active ? t("active") : t("disabled")}</Badge>
            </td>
            <td className="px-3 py-2">
              <UserRowActions user={u} self={u.id === me.id} />
            </td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
