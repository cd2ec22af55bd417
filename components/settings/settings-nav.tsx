"use client";

import { clsx } from "clsx";
import Link from "next/link";
import { usePathname } from "next/navigation";

/** The settings sections as links; the current one is marked for screen readers and by its look. */
export function SettingsNav({ label, sections }: { label: string; sections: { href: string; label: string }[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="border-b border-slate-200 pb-3 dark:border-slate-800">
      <ul className="flex flex-wrap gap-1">
        {sections.map((section) => {
          const active = pathname === section.href || pathname.startsWith(`${section.href}/`);
          return (
            <li key={section.href}>
              <Link
                href={section.href}
                aria-current={active ? "page" : undefined}
                className={clsx(
                  "inline-block rounded-md px-3 py-1.5 text-sm font-medium",
                  active
                    ? "bg-brand-100 text-brand-900 dark:bg-slate-800 dark:text-white"
                    : "text-slate-700 hover:bg-slate-200 dark:text-slate-300 dark:hover:bg-slate-800",
                )}
              >
                {section.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
