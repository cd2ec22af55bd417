"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { saveSupportSettingsAction } from "@/app/(console)/support/actions";
import { FormStatus } from "@/components/settings/form-status";
import { useActionForm } from "@/components/ui/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, Input, controlClass } from "@/components/ui/field";
import type { TCalendar } from "@/lib/domain/support/calendar";
import type { TKeywordLists } from "@/lib/domain/support/classify";

const lines = (s: string) =>
  s
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/** Keyword lists (one per line) and the business-hours calendar; the server validates both. */
export function SupportSettingsForm({ keywords, calendar }: { keywords: TKeywordLists; calendar: TCalendar }) {
  const t = useTranslations("support.settings");
  const form = useActionForm(saveSupportSettingsAction);
  const [kw, setKw] = useState({ P0: keywords.P0.join("\n"), P1: keywords.P1.join("\n"), P2: keywords.P2.join("\n") });
  const [cal, setCal] = useState({ ...calendar, holidays: calendar.holidays.join("\n") });
  const fieldError = (prefix: string) =>
    Object.entries(form.fields).find(([k]) => k === prefix || k.startsWith(`${prefix}.`))?.[1];
  return (
    <form
      noValidate
      className="space-y-6"
      onSubmit={(e) => {
        e.preventDefault();
        form.submit({
          keywords: { P0: lines(kw.P0), P1: lines(kw.P1), P2: lines(kw.P2) },
          calendar: { ...cal, holidays: lines(cal.holidays) },
        });
      }}
    >
      <div className="grid gap-4 lg:grid-cols-3">
        {(["P0", "P1", "P2"] as const).map((p) => (
          <Field key={p} id={`kw-${p}`} label={t("keywords", { priority: p })} error={fieldError(`keywords.${p}`)}>
            <textarea
              id={`kw-${p}`}
              dir="auto"
              rows={10}
              value={kw[p]}
              onChange={(e) => setKw({ ...kw, [p]: e.target.value })}
              className={controlClass}
            />
          </Field>
        ))}
      </div>
      <p className="text-sm text-slate-600 dark:text-slate-400">{t("keywordsHint")}</p>
      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold">{t("calendar")}</legend>
        <fieldset>
          <legend className="text-sm font-medium">{t("days")}</legend>
          <div className="mt-1 flex flex-wrap gap-3">
            {[0, 1, 2, 3, 4, 5, 6].map((d) => (
              <label key={d} className="inline-flex items-center gap-1 text-sm">
                <input
                  type="checkbox"
                  checked={cal.days.includes(d)}
                  onChange={(e) =>
                    setCal({
                      ...cal,
                      days: e.target.checked ? [...cal.days, d].sort() : cal.days.filter((x) => x !== d),
                    })
                  }
                />
                {t(`weekdays.${d}`)}
              </label>
            ))}
          </div>
          {fieldError("calendar.days") ? (
            <p className="text-sm text-red-700 dark:text-red-400">{fieldError("calendar.days")}</p>
          ) : null}
        </fieldset>
        <div className="grid gap-4 sm:grid-cols-3">
          <Field id="cal-start" label={t("start")} error={fieldError("calendar.start")}>
            <Input
              id="cal-start"
              type="time"
              dir="ltr"
              value={cal.start}
              onChange={(e) => setCal({ ...cal, start: e.target.value })}
            />
          </Field>
          <Field id="cal-end" label={t("end")} error={fieldError("calendar.end")}>
            <Input
              id="cal-end"
              type="time"
              dir="ltr"
              value={cal.end}
              onChange={(e) => setCal({ ...cal, end: e.target.value })}
            />
          </Field>
          <Field id="cal-tz" label={t("timeZone")} error={fieldError("calendar.timeZone")}>
            <Input
              id="cal-tz"
              dir="ltr"
              value={cal.timeZone}
              onChange={(e) => setCal({ ...cal, timeZone: e.target.value })}
            />
          </Field>
        </div>
        <Field id="cal-holidays" label={t("holidays")} hint={t("holidaysHint")} error={fieldError("calendar.holidays")}>
          <textarea
            id="cal-holidays"
            dir="ltr"
            rows={5}
            value={cal.holidays}
            onChange={(e) => setCal({ ...cal, holidays: e.target.value })}
            className={controlClass}
          />
        </Field>
      </fieldset>
      <FormStatus error={form.error} ok={form.ok ? t("saved") : null} />
      <Button type="submit" disabled={form.pending}>
        {t("save")}
      </Button>
    </form>
  );
}
