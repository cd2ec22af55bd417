"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { importTicketsAction, previewImportAction } from "@/app/(console)/support/actions";
import { FormStatus } from "@/components/settings/form-status";
import { useActionForm } from "@/components/ui/use-action-form";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { Field } from "@/components/ui/field";
import { useFileSize } from "@/components/ui/use-file-size";
import type { TImportPreview } from "@/lib/domain/support/types";
import { MAX_IMPORT_BYTES } from "@/lib/domain/support/import-limits";
import { formatNumber, type TFormatContext } from "@/lib/i18n/format";

/** Upload → preview with per-row errors → all-or-nothing import (the button waits for a clean file). */
export function ImportForm({ fmt }: { fmt: TFormatContext }) {
  const t = useTranslations();
  const [csv, setCsv] = useState<string | null>(null);
  const [preview, setPreview] = useState<TImportPreview | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const commit = useActionForm(importTicketsAction);
  const n = (x: number) => formatNumber(fmt, x);
  const size = useFileSize();
  const [fileBytes, setFileBytes] = useState(0);
  const tooLarge = (bytes: number) =>
    t("support.import.file.too_large_size", { size: size(bytes), limit: size(MAX_IMPORT_BYTES) });

  const onFile = (file: File | undefined) => {
    setPreview(null);
    setPreviewError(null);
    setCsv(null);
    if (!file) return;
    setFileBytes(file.size);
    // The same limit as the server's (which counts UTF-8 bytes, as file.size does), said with the figures.
    if (file.size > MAX_IMPORT_BYTES) {
      setPreviewError(tooLarge(file.size));
      return;
    }
    start(async () => {
      const text = await file.text();
      setCsv(text);
      const r = await previewImportAction(text).catch(() => ({ ok: false as const, code: "internal" as const }));
      if (!r.ok) setPreviewError(r.code === "payload_too_large" ? tooLarge(file.size) : t(`errors.${r.code}`));
      else setPreview(r.data);
    });
  };

  return (
    <div className="space-y-4">
      <Field id="import-file" label={t("support.importPage.file")} hint={t("support.importPage.columnsHint")}>
        <input
          id="import-file"
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => onFile(e.target.files?.[0])}
          className="block text-sm file:me-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-2 dark:file:bg-slate-900"
        />
      </Field>
      <FormStatus
        error={
          previewError ??
          (preview && !preview.ok
            ? preview.error === "too_large"
              ? tooLarge(fileBytes)
              : `${t(`support.import.file.${preview.error}`)}${preview.detail ? ` (${preview.detail})` : ""}`
            : null)
        }
        ok={null}
      />
      {preview && preview.ok ? (
        <>
          <p role="status" className="text-sm font-medium">
            {t("support.importPage.summary", { valid: n(preview.valid), invalid: n(preview.invalid) })}
          </p>
          <DataTable
            headers={[
              t("support.importPage.line"),
              t("support.columns.account"),
              t("support.columns.subject"),
              t("support.columns.priority"),
              t("support.importPage.result"),
            ]}
          >
            {preview.rows.map((r) => (
              <tr key={r.line} className={r.errors.length ? "bg-red-50 dark:bg-red-950/40" : undefined}>
                <td className="px-3 py-2">{n(r.line)}</td>
                <td className="px-3 py-2 font-mono text-xs" dir="ltr">
                  {r.raw.account_id.slice(0, 36)}
                </td>
                <td className="max-w-xs truncate px-3 py-2" dir="auto">
                  {r.raw.subject}
                </td>
                <td className="px-3 py-2">{r.priority ?? "—"}</td>
                <td className="px-3 py-2">
                  {r.errors.length ? (
                    <ul className="text-red-800 dark:text-red-300">
                      {r.errors.map((e) => (
                        <li key={e}>{t(`support.import.errors.${e}`)}</li>
                      ))}
                    </ul>
                  ) : (
                    t("support.importPage.ok")
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
          {preview.invalid > 0 ? (
            <p className="text-sm text-red-800 dark:text-red-300">{t("support.importPage.blocked")}</p>
          ) : null}
          <FormStatus
            error={commit.fields.csv ?? commit.error}
            ok={commit.ok ? t("support.importPage.done", { n: n(preview.valid) }) : null}
          />
          <Button
            disabled={pending || commit.pending || commit.ok || preview.invalid > 0 || preview.valid === 0}
            onClick={() => csv !== null && commit.submit({ csv })}
          >
            {t("support.importPage.commit", { count: preview.valid, n: n(preview.valid) })}
          </Button>
        </>
      ) : null}
    </div>
  );
}
