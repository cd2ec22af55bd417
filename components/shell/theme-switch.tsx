"use client";

import { Monitor, Moon, Sun } from "lucide-react";
import { useTranslations } from "next-intl";
import { useTheme } from "next-themes";
import { useSyncExternalStore } from "react";
import { clsx } from "clsx";

const OPTIONS = [
  { value: "light", icon: Sun, key: "themeLight" },
  { value: "dark", icon: Moon, key: "themeDark" },
  { value: "system", icon: Monitor, key: "themeSystem" },
] as const;

// The stored theme is only known in the browser; render neutral on the server to avoid a mismatch.
const useMounted = () =>
  useSyncExternalStore(
    () => () => {},
    () => true,
    () => false,
  );

export function ThemeSwitch() {
  const t = useTranslations("header");
  const { theme, setTheme } = useTheme();
  const mounted = useMounted();
  return (
    <div
      role="group"
      aria-label={t("theme")}
      className="flex rounded-md border border-slate-300 p-0.5 dark:border-slate-700"
    >
      {OPTIONS.map(({ value, icon: Icon, key }) => (
        <button
          key={value}
          type="button"
          aria-pressed={mounted ? theme === value : undefined}
          aria-label={t(key)}
          title={t(key)}
          onClick={() => setTheme(value)}
          className={clsx(
            "rounded p-1.5 text-slate-700 hover:bg-slate-200 dark:text-slate-300 dark:hover:bg-slate-800",
            mounted && theme === value && "bg-slate-200 dark:bg-slate-700",
          )}
        >
          <Icon aria-hidden className="size-4" />
        </button>
      ))}
    </div>
  );
}
