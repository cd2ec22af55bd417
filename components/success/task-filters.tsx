import { getTranslations } from "next-intl/server";
import { Field, Select } from "@/components/ui/field";
import { AnySelect, FilterBar } from "@/components/ui/filter-bar";
import { DUE_WINDOWS, TASK_STATUS_FILTERS, type TTaskFilters } from "@/lib/domain/cadence/filters";
import { CADENCE_TYPES } from "@/lib/domain/cadence/types";

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
    <FilterBar
      action="/tasks"
      keep={{ account: filters.account }}
      className="grid-cols-1 sm:grid-cols-2 lg:grid-cols-5"
    >
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
      <AnySelect
        id="type"
        label={t("filters.type")}
        value={filters.type}
        options={CADENCE_TYPES.map((type) => ({ value: type, label: tTypes(type) }))}
      />
      <Field id="due" label={t("filters.due")}>
        <Select id="due" name="due" defaultValue={filters.due}>
          {DUE_WINDOWS.map((d) => (
            <option key={d} value={d}>
              {t(`filters.dueOptions.${d}`)}
            </option>
          ))}
        </Select>
      </Field>
    </FilterBar>
  );
}
