import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { currentUser } from "@/lib/auth/session";
import { countActionable } from "@/lib/data/proposals";
import { can } from "@/lib/domain/auth/permissions";
import { countUnreadNotices } from "@/lib/data/notices";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  if (!user) redirect(`/login?next=${encodeURIComponent((await headers()).get("x-path") ?? "/accounts")}`);
  return (
    <AppShell
      user={user}
      pending={await countActionable({ id: user.id, canDecide: can(user.role, "proposals:approve") })}
      unreadNotices={await countUnreadNotices(user.id)}
    >
      {children}
    </AppShell>
  );
}
