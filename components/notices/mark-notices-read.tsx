"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { markNoticesReadAction } from "@/app/(console)/notices/actions";
import { Button } from "@/components/ui/button";

/** "Mark read" for one notice (`id`) or all of one's unread notices. */
export function MarkNoticesRead({ id }: { id?: string }) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        variant={id ? "ghost" : "secondary"}
        className={id ? "px-2 py-1 text-xs" : undefined}
        disabled={pending}
        onClick={() =>
          start(async () => {
            const r = await markNoticesReadAction(id ? { ids: [id] } : {}).catch(() => ({
              ok: false as const,
              code: "internal" as const,
            }));
            if (!r.ok) return setError(t(`errors.${r.code}`));
            setError(null);
            router.refresh();
          })
        }
      >
        {id ? t("notices.markRead") : t("notices.markAllRead")}
      </Button>
      {error ? (
        <span role="alert" className="text-xs text-red-800 dark:text-red-300">
          {error}
        </span>
      ) : null}
    </span>
  );
}
