"use client";

import { clsx } from "clsx";
import { Menu, X } from "lucide-react";
import { usePathname } from "next/navigation";
import { useState, type ReactNode } from "react";
import { NavLink } from "./nav-link";

export type TNavGroup = { href: string; label: ReactNode }[];

/**
 * The main navigation in groups (daily work, lifecycle, oversight, settings). Wide screens show every
 * link on its own row; narrow screens fold it behind a button so the page content stays on screen.
 * The menu closes by itself after navigating (it is open only for the path it was opened on).
 */
export function MainNav({
  label,
  openLabel,
  closeLabel,
  groups,
}: {
  label: string;
  openLabel: string;
  closeLabel: string;
  groups: TNavGroup[];
}) {
  const pathname = usePathname();
  const [openAt, setOpenAt] = useState<string | null>(null);
  const open = openAt === pathname;
  return (
    <>
      <button
        type="button"
        aria-expanded={open}
        aria-controls="main-nav"
        aria-label={open ? closeLabel : openLabel}
        onClick={() => setOpenAt(open ? null : pathname)}
        className="order-1 ms-auto rounded-md p-2 text-slate-700 hover:bg-slate-200 md:hidden dark:text-slate-300 dark:hover:bg-slate-800"
      >
        {open ? <X aria-hidden className="size-5" /> : <Menu aria-hidden className="size-5" />}
      </button>
      <nav id="main-nav" aria-label={label} className={clsx("order-last w-full md:block", open ? "block" : "hidden")}>
        <div className="flex flex-col gap-2 md:flex-row md:flex-wrap md:items-center md:gap-x-1.5 md:gap-y-1">
          {groups.map((group, index) => (
            <ul
              key={group[0]?.href ?? index}
              className={clsx(
                "grid grid-cols-2 gap-1 md:flex md:flex-wrap md:items-center",
                index > 0 &&
                  "border-t border-slate-200 pt-2 md:border-t-0 md:border-s md:ps-1.5 md:pt-0 dark:border-slate-700",
              )}
            >
              {group.map((item) => (
                <li key={item.href}>
                  <NavLink href={item.href}>{item.label}</NavLink>
                </li>
              ))}
            </ul>
          ))}
        </div>
      </nav>
    </>
  );
}
