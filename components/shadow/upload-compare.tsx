"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { useFileSize } from "@/components/ui/use-file-size";
import type { TAgreementReport } from "@/lib/domain/shadow/report";
import { MAX_SHADOW_UPLOAD_BYTES } from "@/lib/domain/shadow/upload";
import { ShadowReport } from "./shadow-report";

/** Compare any shadow JSONL file against the heuristic log without touching the ingested one. */
export function UploadCompare() {
  const t = useTranslations("shadow");
  const tErrors = useTranslations("errors");
  const [report, setReport] = useState<TAgreementReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const size = useFileSize();

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setError(null);
    const file = new FormData(e.currentTarget).get("file");
    const tooLarge = (bytes: number) =>
      t("uploadTooLarge", { size: size(bytes), limit: size(MAX_SHADOW_UPLOAD_BYTES) });
    // Checked here first: the server refuses it too, but only after the whole file has travelled.
    if (file instanceof File && file.size > MAX_SHADOW_UPLOAD_BYTES) {
      setError(tooLarge(file.size));
      return;
    }
    setPending(true);
    const res = await fetch("/api/shadow/compare", { method: "POST", body: new FormData(e.currentTarget) }).catch(
      () => null,
    );
    setPending(false);
    const body = (await res?.json().catch(() => null)) as {
      report?: TAgreementReport;
      error?: { code: string };
    } | null;
    if (res?.ok && body?.report) setReport(body.report);
    else if (body?.error?.code === "payload_too_large" || res?.status === 413)
      setError(tooLarge(file instanceof File ? file.size : MAX_SHADOW_UPLOAD_BYTES + 1));
    else
      setError(body?.error?.code === "invalid_input" ? t("uploadInvalid") : tErrors(body?.error?.code ?? "internal"));
  }

  return (
    <div className="space-y-4">
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="shadow-file" className="block text-sm font-medium">
            {t("uploadLabel")}
          </label>
          <input
            id="shadow-file"
            name="file"
            type="file"
            accept=".jsonl,.json,.txt,application/jsonl"
            required
            className="mt-1 block text-sm"
          />
        </div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? t("comparing") : t("compare")}
        </Button>
      </form>
      {error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
      {report ? <ShadowReport report={report} /> : null}
    </div>
  );
}
