"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useId, useState } from "react";
import { controlClass } from "@/components/ui/field";
import type { TAccountOption } from "@/lib/domain/accounts/types";
import { formatNumber } from "@/lib/i18n/format";
import type { TLocale } from "@/lib/i18n/locales";
import { queryKeys } from "@/lib/query-keys";

// Long enough to skip the keystrokes of one word, short enough to feel immediate.
const DEBOUNCE_MS = 200;

async function fetchOptions(q: string): Promise<TAccountOption[]> {
  const res = await fetch(`/api/accounts/options?${new URLSearchParams({ q })}`, { cache: "no-store" });
  if (!res.ok) throw new Error(String(res.status));
  return ((await res.json()) as { items: TAccountOption[] }).items;
}

/**
 * Picks an account by typing part of its name (WAI-ARIA combobox with a list box): ArrowDown/ArrowUp
 * move through the matches, Enter picks, Escape closes the list (or clears the text when it is
 * closed). Names are matched on the server with Arabic letter variants folded, so «مؤسسه» finds
 * «مؤسسة». Typing after a pick un-picks: what is submitted is always an account that was chosen.
 */
export function AccountCombobox({
  id,
  value,
  onChange,
  invalid,
  describedBy,
}: {
  id: string;
  value: TAccountOption | null;
  onChange: (v: TAccountOption | null) => void;
  invalid?: boolean;
  describedBy?: string;
}) {
  const t = useTranslations("support.create");
  const locale = useLocale() as TLocale;
  const listId = useId();
  const [text, setText] = useState(value?.name ?? "");
  const [q, setQ] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);
  const { data = [], isFetching } = useQuery({
    queryKey: queryKeys.accountOptions(q),
    queryFn: () => fetchOptions(q),
    enabled: open && q !== "",
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const options = q === "" ? [] : data;
  const showList = open && q !== "";

  const pick = (o: TAccountOption) => {
    onChange(o);
    setText(o.name);
    setOpen(false);
    setActive(-1);
  };

  return (
    <div className="relative">
      <input
        id={id}
        type="text"
        role="combobox"
        dir="auto"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={showList && active >= 0 ? `${listId}-${active}` : undefined}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        className={controlClass}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(-1);
          if (value) onChange(null);
        }}
        onFocus={() => text.trim() && !value && setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown" || e.key === "ArrowUp") {
            e.preventDefault();
            if (!open) return setOpen(true);
            if (options.length === 0) return;
            const step = e.key === "ArrowDown" ? 1 : -1;
            setActive((a) => (a + step + options.length) % options.length);
          } else if (e.key === "Enter" && showList) {
            // Enter picks the highlighted match (or the only one) instead of submitting the form.
            const o = options[active] ?? (options.length === 1 ? options[0] : undefined);
            if (o) {
              e.preventDefault();
              pick(o);
            }
          } else if (e.key === "Escape") {
            if (showList) setOpen(false);
            else {
              setText("");
              onChange(null);
            }
          }
        }}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label={t("account")}
        hidden={!showList}
        className="absolute start-0 end-0 z-20 mt-1 max-h-72 overflow-auto rounded-md border border-slate-200 bg-white py-1 shadow-lg dark:border-slate-700 dark:bg-slate-900"
      >
        {options.map((o, i) => (
          <li
            key={o.id}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            // mousedown, not click: it comes before the input's blur closes the list.
            onMouseDown={(e) => {
              e.preventDefault();
              pick(o);
            }}
            onMouseEnter={() => setActive(i)}
            className={`cursor-pointer px-3 py-2 text-sm ${i === active ? "bg-brand-50 dark:bg-slate-800" : ""}`}
          >
            <bdi className="font-medium">{o.name}</bdi>
            <span className="ms-2 text-xs text-slate-600 dark:text-slate-400">
              <bdi>{o.region}</bdi>
              {o.csmName ? (
                <>
                  {" · "}
                  <bdi>{o.csmName}</bdi>
                </>
              ) : null}
            </span>
          </li>
        ))}
      </ul>
      <p
        aria-live="polite"
        className={showList && options.length === 0 ? "mt-1 text-xs text-slate-600 dark:text-slate-400" : "sr-only"}
      >
        {!showList
          ? ""
          : isFetching && options.length === 0
            ? t("accountSearching")
            : options.length === 0
              ? t("accountNoMatch")
              : t("accountResults", {
                  count: options.length,
                  n: formatNumber({ locale, timeZone: "UTC" }, options.length),
                })}
      </p>
    </div>
  );
}
