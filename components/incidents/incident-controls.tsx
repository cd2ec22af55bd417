"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import {
  changeStatusAction,
  checkStepAction,
  recordUpdateAction,
  retriageAction,
} from "@/app/(console)/incidents/actions";
import { FormStatus } from "@/components/settings/form-status";
import { useActionForm } from "@/components/ui/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, controlClass } from "@/components/ui/field";
import { MAX_UPDATE, type TIncidentStatus } from "@/lib/domain/incidents/schemas";
import type { TAnswer } from "@/lib/domain/incidents/triage";
import { TriageFields, toTriageInput, type TTriageValue } from "./triage-fields";

/** One checkbox per plan step; a refused check-off (someone else was first) says so. */
export function PlanChecklist({
  incidentId,
  steps,
  canWrite,
}: {
  incidentId: string;
  steps: { id: string; optional: boolean; done: boolean; by: string | null; at: string | null }[];
  canWrite: boolean;
}) {
  const t = useTranslations("incidents.plan");
  const form = useActionForm(checkStepAction);
  // The box follows the click at once; the server's answer (after refresh) or a refusal resets it.
  const [local, setLocal] = useState<Record<string, boolean>>({});
  const serverState = steps.map((s) => `${s.id}:${s.done}`).join(",");
  // Reset while rendering when either changes (React's "adjusting state when a prop changes"), not in an effect.
  const [seen, setSeen] = useState({ serverState, error: form.error });
  if (seen.serverState !== serverState || seen.error !== form.error) {
    setSeen({ serverState, error: form.error });
    setLocal({});
  }
  return (
    <div className="space-y-2">
      <ul className="space-y-2">
        {steps.map((s) => (
          <li key={s.id}>
            <label className="flex items-start gap-2 text-sm">
              <input
                type="checkbox"
                className="mt-1"
                checked={local[s.id] ?? s.done}
                disabled={!canWrite || form.pending}
                onChange={(e) => {
                  setLocal({ ...local, [s.id]: e.target.checked });
                  form.submit({ id: incidentId, step: s.id, done: e.target.checked });
                }}
              />
              <span>
                <span className={(local[s.id] ?? s.done) ? "line-through decoration-slate-400" : undefined}>
                  {t(`steps.${s.id}`)}
                </span>
                {s.optional ? <span className="ms-2 text-xs text-slate-500">{t("optional")}</span> : null}
                {s.done && s.by && s.at ? (
                  <span className="block text-xs text-slate-600 dark:text-slate-400">
                    <bdi>{s.by}</bdi> · {s.at}
                  </span>
                ) : null}
              </span>
            </label>
          </li>
        ))}
      </ul>
      <FormStatus error={form.error} ok={null} />
    </div>
  );
}

/** The first note is the first action (stops that timer); every later one is an update. */
export function UpdateForm({ incidentId, first }: { incidentId: string; first: boolean }) {
  const t = useTranslations("incidents.log");
  const [body, setBody] = useState("");
  const form = useActionForm(recordUpdateAction);
  return (
    <form
      noValidate
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        form.submit({ id: incidentId, body }, () => setBody(""));
      }}
    >
      <Field id="u-body" label={first ? t("firstAction") : t("update")} error={form.fields.body}>
        <textarea
          id="u-body"
          dir="auto"
          rows={3}
          maxLength={MAX_UPDATE}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          aria-invalid={!!form.fields.body || undefined}
          className={controlClass}
        />
      </Field>
      <FormStatus error={form.error} ok={form.ok ? t("saved") : null} />
      <Button type="submit" disabled={form.pending}>
        {first ? t("recordFirstAction") : t("postUpdate")}
      </Button>
    </form>
  );
}

const NEXT: Record<TIncidentStatus, TIncidentStatus[]> = {
  open: ["mitigated", "closed"],
  mitigated: ["open", "closed"],
  closed: [],
};

export function StatusButtons({ incidentId, status }: { incidentId: string; status: TIncidentStatus }) {
  const t = useTranslations("incidents.statusActions");
  const form = useActionForm(changeStatusAction);
  if (NEXT[status].length === 0) return null;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {NEXT[status].map((to) => (
          <Button
            key={to}
            variant={to === "closed" ? "secondary" : "primary"}
            disabled={form.pending}
            onClick={() => form.submit({ id: incidentId, to })}
          >
            {t(to)}
          </Button>
        ))}
      </div>
      <FormStatus error={form.error} ok={null} />
    </div>
  );
}

export function RetriageForm({
  incidentId,
  initial,
}: {
  incidentId: string;
  initial: { data_leak: TAnswer; unauthorized_send: TAnswer; affected: number | null; unsure: boolean };
}) {
  const t = useTranslations("incidents.triage");
  const [open, setOpen] = useState(false);
  const [v, setV] = useState<TTriageValue>({
    data_leak: initial.data_leak,
    unauthorized_send: initial.unauthorized_send,
    affected: initial.affected === null ? "" : String(initial.affected),
    unknown: initial.affected === null,
    unsure: initial.unsure,
  });
  const form = useActionForm(retriageAction);
  if (!open)
    return (
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {t("retriage")}
      </Button>
    );
  return (
    <form
      noValidate
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        form.submit({ id: incidentId, triage: toTriageInput(v) }, () => setOpen(false));
      }}
    >
      <TriageFields value={v} onChange={setV} idPrefix="retriage" errors={form.fields} />
      <FormStatus error={form.error} ok={null} />
      <div className="flex gap-2">
        <Button type="submit" disabled={form.pending}>
          {t("saveTriage")}
        </Button>
        <Button variant="secondary" onClick={() => setOpen(false)}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
