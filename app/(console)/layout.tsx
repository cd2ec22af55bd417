import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { currentUser } from "@/lib/auth/session";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  if (!user) redirect(`/login?next=${encodeURIComponent((await headers()).get("x-path") ?? "/accounts")}`);
  return <AppShell user={user}>{children}</AppShell>;
}
