import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { currentUser } from "@/lib/auth/session";
import { countPending } from "@/lib/data/proposals";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  if (!user) redirect(`/login?next=${encodeURIComponent((await headers()).get("x-path") ?? "/accounts")}`);
  return (
    <AppShell user={user} pending={await countPending()}>
      {children}
    </AppShell>
  );
}
