"use client";

import { clsx } from "clsx";
import Link from "next/link";
import { usePathname } from "next/navigation";

export function NavLink({ href, children }: { href: string; children: React.ReactNode }) {
  const active = usePathname().startsWith(href);
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={clsx(
        "inline-flex items-center rounded-md px-2.5 py-2 text-sm font-medium",
        active
          ? "bg-brand-100 text-brand-900 dark:bg-slate-800 dark:text-white"
          : "text-slate-700 hover:bg-slate-200 dark:text-slate-300 dark:hover:bg-slate-800",
      )}
    >
      {children}
    </Link>
  );
}
