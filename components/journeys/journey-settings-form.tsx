"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { updateJourneySettingsAction } from "@/app/(console)/settings/journeys/actions";
import { FormStatus } from "@/components/settings/form-status";
import { useActionForm } from "@/components/ui/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, Input, controlClass } from "@/components/ui/field";
import { FACTORS, type TWeights } from "@/lib/domain/journeys/health";
import { OWNERS, type TTouchpointDef } from "@/lib/domain/journeys/plan";

type TValues = { weekly_limit: number; weights: TWeights; plan: TTouchpointDef[] };

/** Limit (2–3), weights (must total 100, checked on the server too) and the plan's touchpoints. */
export function JourneySettingsForm({ initial }: { initial: TValues }) {
  const t = useTranslations("journeys.settings");
  const tj = useTranslations("journey");
  const [v, setV] = useState(initial);
  const form = useActionForm(updateJourneySettingsAction);
  const total = FACTORS.reduce((s, f) => s + (Number.isFinite(v.weights[f]) ? v.weights[f] : 0), 0);
  const setDef = (i: number, patch: Partial<TTouchpointDef>) =>
    setV({ ...v, plan: v.plan.map((d, j) => (j === i ? ({ ...d, ...patch } as TTouchpointDef) : d)) });
  return (
    <form
      noValidate
      className="space-y-6"
      onSubmit={(e) => {
        e.preventDefault();
        form.submit(v);
      }}
    >
      <fieldset className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800">
        <legend className="px-1 text-lg font-semibold">{t("guardrails")}</legend>
        <Field id="js-limit" label={t("limit")} hint={t("limitHint")} error={form.fields.weekly_limit}>
          <select
            id="js-limit"
            className={controlClass}
            value={v.weekly_limit}
            onChange={(e) => setV({ ...v, weekly_limit: Number(e.target.value) })}
          >
            <option value={2}>2</option>
            <option value={3}>3</option>
          </select>
        </Field>
      </fieldset>
      <fieldset className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800">
        <legend className="px-1 text-lg font-semibold">{t("weights")}</legend>
        <div className="grid gap-3 sm:grid-cols-4">
          {FACTORS.map((f) => (
            <Field key={f} id={`js-w-${f}`} label={tj(`factors.${f}`)} error={form.fields[`weights.${f}`]}>
              <Input
                id={`js-w-${f}`}
                type="number"
                inputMode="numeric"
                min={0}
                max={100}
                value={Number.isFinite(v.weights[f]) ? v.weights[f] : ""}
                onChange={(e) =>
                  setV({ ...v, weights: { ...v.weights, [f]: e.target.value === "" ? NaN : Number(e.target.value) } })
                }
              />
            </Field>
          ))}
        </div>
        <p
          aria-live="polite"
          className={total === 100 ? "text-sm" : "text-sm font-medium text-red-700 dark:text-red-400"}
        >
          {t("weightsTotal", { total })}
        </p>
      </fieldset>
      <fieldset className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800">
        <legend className="px-1 text-lg font-semibold">{t("plan")}</legend>
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <thead>
              <tr>
                <th scope="col" className="py-1 text-start font-medium">
                  {t("touchpoint")}
                </th>
                <th scope="col" className="py-1 text-start font-medium">
                  {t("stage")}
                </th>
                <th scope="col" className="py-1 text-start font-medium">
                  {t("trigger")}
                </th>
                <th scope="col" className="py-1 text-start font-medium">
                  {t("owner")}
                </th>
                <th scope="col" className="py-1 text-start font-medium">
                  {t("enabled")}
                </th>
              </tr>
            </thead>
            <tbody>
              {v.plan.map((d, i) => {
                const name = tj.has(`touchpoints.names.${d.key}`) ? tj(`touchpoints.names.${d.key}`) : d.key;
                const tr = d.trigger;
                return (
                  <tr key={d.key} className="border-t border-slate-100 dark:border-slate-800">
                    <th scope="row" className="py-1.5 text-start font-normal">
                      {name}
                      <span className="block text-xs text-slate-600 dark:text-slate-400">
                        {tj(`touchpoints.channels.${d.channel}`)}
                      </span>
                    </th>
                    <td className="py-1.5">
                      {d.stage === "renewal" ? tj("overlay.renewal") : tj(`stages.${d.stage}`)}
                    </td>
                    <td className="py-1.5">
                      {tr.type === "day" || tr.type === "before_end" ? (
                        <label className="flex items-center gap-1">
                          <span>{t(tr.type === "day" ? "triggerDay" : "triggerBefore")}</span>
                          <input
                            type="number"
                            min={0}
                            max={tr.type === "day" ? 730 : 365}
                            aria-label={t("triggerLabel", { name })}
                            className={`${controlClass} w-20`}
                            value={tr.type === "day" ? tr.day : tr.days}
                            onChange={(e) => {
                              const n = Math.max(0, Math.trunc(Number(e.target.value) || 0));
                              setDef(i, {
                                trigger: tr.type === "day" ? { type: "day", day: n } : { type: "before_end", days: n },
                              });
                            }}
                          />
                        </label>
                      ) : tr.type === "quarterly" ? (
                        t("triggerQuarterly")
                      ) : (
                        t(`signals.${tr.signal}`)
                      )}
                    </td>
                    <td className="py-1.5">
                      <select
                        aria-label={t("ownerLabel", { name })}
                        className={controlClass}
                        value={d.owner}
                        onChange={(e) => setDef(i, { owner: e.target.value as TTouchpointDef["owner"] })}
                      >
                        {OWNERS.map((o) => (
                          <option key={o} value={o}>
                            {tj(`touchpoints.owners.${o}`)}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td className="py-1.5">
                      <input
                        type="checkbox"
                        aria-label={t("enabledLabel", { name })}
                        checked={d.enabled}
                        onChange={(e) => setDef(i, { enabled: e.target.checked })}
                        className="size-4"
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </fieldset>
      <FormStatus error={form.error} ok={form.ok ? t("saved") : null} />
      <div className="flex gap-2">
        <Button type="submit" disabled={form.pending}>
          {t("save")}
        </Button>
        <Button variant="secondary" onClick={() => setV(initial)}>
          {t("reset")}
        </Button>
      </div>
    </form>
  );
}
