import { getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ReactNode } from "react";
import { can } from "@/lib/domain/auth/permissions";
import type { TUser } from "@/lib/domain/users/schemas";
import { countPending } from "@/lib/data/proposals";
import { LanguageSwitch } from "./language-switch";
import { PendingBadge } from "./pending-badge";
import { NavLink } from "./nav-link";
import { ThemeSwitch } from "./theme-switch";
import { UserMenu } from "./user-menu";

/** Navigation lists only areas that exist and that this role may open: no dead links. */
function navItems(user: TUser) {
  return [
    { href: "/accounts", key: "accounts", show: can(user.role, "accounts:read") },
    { href: "/approvals", key: "approvals", show: can(user.role, "accounts:read") },
    { href: "/journeys", key: "journeys", show: can(user.role, "accounts:read") },
    { href: "/onboarding", key: "onboarding", show: can(user.role, "accounts:read") },
    { href: "/connectors", key: "connectors", show: can(user.role, "accounts:read") },
    { href: "/tasks", key: "tasks", show: can(user.role, "accounts:read") },
    { href: "/at-risk", key: "atRisk", show: can(user.role, "accounts:read") },
    { href: "/incidents", key: "incidents", show: can(user.role, "accounts:read") },
    { href: "/support", key: "support", show: can(user.role, "accounts:read") },
    { href: "/outbox", key: "outbox", show: can(user.role, "accounts:read") },
    { href: "/shadow", key: "shadow", show: can(user.role, "accounts:read") },
    { href: "/ledger", key: "ledger", show: can(user.role, "ledger:read") },
    { href: "/settings/users", key: "users", show: can(user.role, "users:manage") },
    { href: "/settings/tokens", key: "tokens", show: can(user.role, "settings:manage") },
    { href: "/settings/agents", key: "agents", show: can(user.role, "settings:manage") },
    { href: "/settings/profile", key: "profile", show: can(user.role, "profile:update") },
  ] as const;
}

export async function AppShell({ user, children }: { user: TUser; children: ReactNode }) {
  const [t, tRoles, tApp, pending] = await Promise.all([
    getTranslations("nav"),
    getTranslations("roles"),
    getTranslations("app"),
    countPending(),
  ]);
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#content"
        className="sr-only focus:not-sr-only focus:absolute focus:start-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-slate-900"
      >
        {t("skip")}
      </a>
      <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2">
          <Link href="/accounts" className="me-2 text-base font-semibold text-brand-900 dark:text-brand-100">
            {tApp("name")}
          </Link>
          <nav aria-label={t("main")} className="flex flex-wrap items-center gap-1">
            {navItems(user)
              .filter((i) => i.show)
              .map((i) => (
                <NavLink key={i.href} href={i.href}>
                  {t(i.key)}
                  {i.key === "approvals" ? <PendingBadge initial={pending} /> : null}
                </NavLink>
              ))}
          </nav>
          <div className="ms-auto flex items-center gap-2">
            <LanguageSwitch />
            <ThemeSwitch />
            <UserMenu name={user.name} email={user.email} role={tRoles(user.role)} />
          </div>
        </div>
      </header>
      <main id="content" tabIndex={-1} className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 focus:outline-none">
        {children}
      </main>
    </div>
  );
}
