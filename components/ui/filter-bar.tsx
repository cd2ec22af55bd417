import { clsx } from "clsx";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";

/**
 * The one list filter: a plain GET form, so filters live in the URL, work without JavaScript and a
 * view can be shared. `keep` carries parameters the bar does not show (e.g. the account a list is
 * scoped to); Reset goes back to `action` with none of them.
 */
export async function FilterBar({
  action,
  keep = {},
  className,
  children,
}: {
  action: string;
  keep?: Record<string, string | undefined>;
  className?: string;
  children: ReactNode;
}) {
  const t = await getTranslations("common.filters");
  return (
    <form method="get" action={action} role="search" className={clsx("grid gap-3 lg:items-end", className)}>
      {Object.entries(keep).map(([name, value]) =>
        value ? <input key={name} type="hidden" name={name} value={value} /> : null,
      )}
      {children}
      <div className="flex gap-2">
        <button type="submit" className={buttonClass("primary")}>
          {t("apply")}
        </button>
        <Link href={action} className={buttonClass("secondary")}>
          {t("reset")}
        </Link>
      </div>
    </form>
  );
}

export type TFilterOption = { value: string; label: string };

/** The CSM filter's options: "Unassigned" (value `none`), then each CSM by name. */
export const csmOptions = (csms: readonly { id: string; name: string }[], unassigned: string): TFilterOption[] => [
  { value: "none", label: unassigned },
  ...csms.map((c) => ({ value: c.id, label: c.name })),
];

/**
 * A labelled select whose first option means "no filter" (`anyValue`, empty by default, so the
 * parameter drops out of the URL). Option labels are already translated by the caller.
 */
export async function AnySelect({
  id,
  name = id,
  label,
  value,
  options,
  anyValue = "",
}: {
  id: string;
  name?: string;
  label: string;
  value: string | undefined;
  options: readonly TFilterOption[];
  anyValue?: string;
}) {
  const t = await getTranslations("common.filters");
  return (
    <Field id={id} label={label}>
      <Select id={id} name={name} defaultValue={value ?? anyValue}>
        <option value={anyValue}>{t("any")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}
