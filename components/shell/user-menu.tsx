"use client";

import { ChevronDown, LogOut } from "lucide-react";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";

/** A disclosure (details/summary): keyboard-operable and announced by screen readers without scripts. */
export function UserMenu({ name, email, role }: { name: string; email: string; role: string }) {
  const t = useTranslations("header");
  return (
    <details className="relative">
      <summary
        aria-label={t("userMenu")}
        className="flex cursor-pointer list-none items-center gap-2 rounded-md px-2 py-1.5 text-sm hover:bg-slate-200 dark:hover:bg-slate-800"
      >
        <span className="max-w-40 truncate font-medium" dir="auto">
          {name}
        </span>
        <ChevronDown aria-hidden className="size-4" />
      </summary>
      <div className="absolute end-0 z-20 mt-2 w-64 rounded-md border border-slate-200 bg-white p-3 shadow-lg dark:border-slate-700 dark:bg-slate-900">
        <p className="text-sm" dir="auto">
          {t("signedInAs", { name })}
        </p>
        <p className="truncate text-xs text-slate-600 dark:text-slate-400" dir="ltr">
          {email}
        </p>
        <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">{role}</p>
        <button
          type="button"
          onClick={() => signOut({ callbackUrl: "/login" })}
          className="mt-3 flex w-full items-center gap-2 rounded-md px-2 py-1.5 text-start text-sm hover:bg-slate-100 dark:hover:bg-slate-800"
        >
          <LogOut aria-hidden className="size-4 rtl:-scale-x-100" />
          {t("signOut")}
        </button>
      </div>
    </details>
  );
}
