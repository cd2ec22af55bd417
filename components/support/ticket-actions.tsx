"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { overridePriorityAction, recordEventAction } from "@/app/(console)/support/actions";
import { FormStatus } from "@/components/settings/form-status";
import { useActionForm } from "@/components/ui/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import type { TManualEvent } from "@/lib/domain/support/events";
import { PRIORITIES } from "@/lib/domain/support/targets";

/** The events a person may record now (the server checks the order rules again). */
export function TicketActions({ ticketId, available }: { ticketId: string; available: TManualEvent[] }) {
  const t = useTranslations("support.actions");
  const [note, setNote] = useState("");
  const form = useActionForm(recordEventAction);
  if (available.length === 0) return null;
  return (
    <div className="space-y-3">
      <Field id="event-note" label={t("note")} error={form.fields.note}>
        <Input id="event-note" dir="auto" maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />
      </Field>
      <div className="flex flex-wrap gap-2">
        {available.map((type) => (
          <Button
            key={type}
            variant={type === "resolved" ? "primary" : "secondary"}
            disabled={form.pending}
            onClick={() => form.submit({ ticket_id: ticketId, type, note }, () => setNote(""))}
          >
            {t(type)}
          </Button>
        ))}
      </div>
      <FormStatus error={form.fields.type ?? form.error} ok={form.ok ? t("done") : null} />
    </div>
  );
}

export function OverrideForm({ ticketId, current }: { ticketId: string; current: string }) {
  const t = useTranslations("support.override");
  const [priority, setPriority] = useState(current === "P0" ? "P1" : "P0");
  const [reason, setReason] = useState("");
  const form = useActionForm(overridePriorityAction);
  return (
    <form
      noValidate
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        form.submit({ ticket_id: ticketId, priority, reason }, () => setReason(""));
      }}
    >
      <Field id="o-priority" label={t("priority")} error={form.fields.priority}>
        <Select id="o-priority" value={priority} onChange={(e) => setPriority(e.target.value)}>
          {PRIORITIES.filter((p) => p !== current).map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="o-reason" label={t("reason")} error={form.fields.reason}>
        <Input
          id="o-reason"
          dir="auto"
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          invalid={!!form.fields.reason}
        />
      </Field>
      <FormStatus error={form.error} ok={form.ok ? t("done") : null} />
      <Button type="submit" variant="secondary" disabled={form.pending}>
        {t("submit")}
      </Button>
    </form>
  );
}
