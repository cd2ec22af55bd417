"use client";

import { clsx } from "clsx";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";

/** The new secret, shown once: copy button, a plain field to copy from by hand, and the warning. */
export function TokenSecret({ secret, onDone }: { secret: string; onDone: () => void }) {
  const t = useTranslations("tokens");
  const input = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");
  async function copyToClipboard() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopy("copied");
    } catch {
      input.current?.select();
      setCopy("failed");
    }
  }
  return (
    <div className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50">
      <h3 className="font-semibold">{t("secretTitle")}</h3>
      <p className="text-sm">{t("secretWarning")}</p>
      <label htmlFor="new-token-secret" className="sr-only">
        {t("secretLabel")}
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <input
          ref={input}
          id="new-token-secret"
          readOnly
          dir="ltr"
          value={secret}
          className={clsx(controlClass, "min-w-0 flex-1 font-mono")}
          onFocus={(e) => e.currentTarget.select()}
        />
        <Button variant="secondary" onClick={copyToClipboard}>
          {t("copy")}
        </Button>
      </div>
      <p aria-live="polite" className="text-sm">
        {copy === "failed" ? t("copyFailed") : copy === "copied" ? t("copied") : null}
      </p>
      <Button onClick={onDone}>{t("done")}</Button>
    </div>
  );
}
