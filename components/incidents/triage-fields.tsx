"use client";

import { useTranslations } from "next-intl";
import { SeverityBadge } from "@/components/incidents/severity-badge";
import { Input } from "@/components/ui/field";
import { ANSWERS, triage, type TAnswer } from "@/lib/domain/incidents/triage";

export type TTriageValue = {
  data_leak: TAnswer;
  unauthorized_send: TAnswer;
  affected: string;
  unknown: boolean;
  unsure: boolean;
};

export const toTriageInput = (v: TTriageValue) => ({
  data_leak: v.data_leak,
  unauthorized_send: v.unauthorized_send,
  affected: v.unknown ? null : v.affected.trim() === "" ? undefined : Number(v.affected),
  unsure: v.unsure,
});

/** The triage questions with the severity they lead to, computed live by the same rule the server applies. */
export function TriageFields({
  value,
  onChange,
  idPrefix,
  errors,
}: {
  value: TTriageValue;
  onChange: (v: TTriageValue) => void;
  idPrefix: string;
  errors: Record<string, string>;
}) {
  const t = useTranslations("incidents.triage");
  const affected = value.unknown ? null : Number.parseInt(value.affected, 10);
  const preview =
    affected === null || (Number.isInteger(affected) && affected >= 0)
      ? triage({ dataLeak: value.data_leak, unauthorizedSend: value.unauthorized_send, affected, unsure: value.unsure })
      : null;
  const radio = (name: "data_leak" | "unauthorized_send") => (
    <fieldset className="space-y-1">
      <legend className="text-sm font-medium">{t(name)}</legend>
      <div className="flex flex-wrap gap-4">
        {ANSWERS.map((a) => (
          <label key={a} className="inline-flex items-center gap-2 text-sm">
            <input
              type="radio"
              name={`${idPrefix}-${name}`}
              checked={value[name] === a}
              onChange={() => onChange({ ...value, [name]: a })}
            />
            {t(`answers.${a}`)}
          </label>
        ))}
      </div>
    </fieldset>
  );
  const affectedError = errors["triage.affected"];
  return (
    <div className="space-y-3">
      {radio("data_leak")}
      {radio("unauthorized_send")}
      <div className="flex flex-wrap items-end gap-4">
        <div className="space-y-1">
          <label htmlFor={`${idPrefix}-affected`} className="block text-sm font-medium">
            {t("affected")}
          </label>
          <Input
            id={`${idPrefix}-affected`}
            type="number"
            min={0}
            inputMode="numeric"
            className="w-32"
            disabled={value.unknown}
            value={value.unknown ? "" : value.affected}
            onChange={(e) => onChange({ ...value, affected: e.target.value })}
            invalid={!!affectedError}
          />
          {affectedError ? (
            <p id={`${idPrefix}-affected-error`} role="alert" className="text-sm text-red-700 dark:text-red-400">
              {affectedError}
            </p>
          ) : null}
        </div>
        <label className="inline-flex items-center gap-2 pb-2 text-sm">
          <input
            type="checkbox"
            checked={value.unknown}
            onChange={(e) => onChange({ ...value, unknown: e.target.checked })}
          />
          {t("unknownCount")}
        </label>
      </div>
      <label className="inline-flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={value.unsure}
          onChange={(e) => onChange({ ...value, unsure: e.target.checked })}
        />
        {t("unsure")}
      </label>
      <div aria-live="polite" className="rounded-md bg-slate-50 p-3 text-sm dark:bg-slate-950">
        {preview ? (
          <p className="flex flex-wrap items-center gap-2">
            <span>{t("result")}</span>
            <SeverityBadge severity={preview.severity} />
            <span>{preview.reasons.map((r) => t(`reasons.${r}`)).join(" · ")}</span>
          </p>
        ) : (
          <p>{t("needCount")}</p>
        )}
      </div>
    </div>
  );
}
