import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import { DUE_WINDOWS, TASK_STATUS_FILTERS, type TTaskFilters } from "@/lib/domain/cadence/filters";
import { CADENCE_TYPES } from "@/lib/domain/cadence/types";

/** A plain GET form: filters live in the URL and a view can be shared. */
export async function TaskFilters({
  filters,
  csms,
  csmValue,
}: {
  filters: TTaskFilters;
  /** Null when the viewer only ever sees their own tasks. */
  csms: { id: string; name: string }[] | null;
  csmValue: string;
}) {
  const [t, tTypes] = await Promise.all([getTranslations("tasks"), getTranslations("cadence.types")]);
  return (
    <form method="get" action="/tasks" className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-5 lg:items-end">
      {csms ? (
        <Field id="csm" label={t("filters.csm")}>
          <Select id="csm" name="csm" defaultValue={csmValue}>
            <option value="all">{t("filters.allCsms")}</option>
            {csms.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      <Field id="status" label={t("filters.status")}>
        <Select id="status" name="status" defaultValue={filters.status}>
          {TASK_STATUS_FILTERS.map((s) => (
            <option key={s} value={s}>
              {s === "all" ? t("filters.all") : t(`statuses.${s}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="type" label={t("filters.type")}>
        <Select id="type" name="type" defaultValue={filters.type ?? ""}>
          <option value="">{t("filters.anyType")}</option>
          {CADENCE_TYPES.map((type) => (
            <option key={type} value={type}>
              {tTypes(type)}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="due" label={t("filters.due")}>
        <Select id="due" name="due" defaultValue={filters.due}>
          {DUE_WINDOWS.map((d) => (
            <option key={d} value={d}>
              {t(`filters.dueOptions.${d}`)}
            </option>
          ))}
        </Select>
      </Field>
      {filters.account ? <input type="hidden" name="account" value={filters.account} /> : null}
      <div className="flex gap-2">
        <button type="submit" className={buttonClass("primary")}>
          {t("filters.apply")}
        </button>
        <Link href="/tasks" className={buttonClass("secondary")}>
          {t("filters.reset")}
        </Link>
      </div>
    </form>
  );
}
