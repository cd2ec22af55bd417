import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import { SLA_FILTERS, TICKET_STATUSES, type TTicketFilters } from "@/lib/domain/support/filters";
import { PRIORITIES } from "@/lib/domain/support/targets";

/** A plain GET form: filters live in the URL, work without JavaScript, and a view can be shared. */
export async function TicketFilters({
  filters,
  csms,
  action,
}: {
  filters: TTicketFilters;
  csms: { id: string; name: string }[];
  action: string;
}) {
  const t = await getTranslations("support");
  return (
    <form method="get" action={action} role="search" className="grid grid-cols-2 gap-3 lg:grid-cols-6 lg:items-end">
      {filters.account ? <input type="hidden" name="account" value={filters.account} /> : null}
      <Field id="f-priority" label={t("filters.priority")}>
        <Select id="f-priority" name="priority" defaultValue={filters.priority ?? ""}>
          <option value="">{t("filters.any")}</option>
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="f-status" label={t("filters.status")}>
        <Select id="f-status" name="status" defaultValue={filters.status ?? ""}>
          <option value="">{t("filters.any")}</option>
          {TICKET_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`statuses.${s}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="f-csm" label={t("filters.csm")}>
        <Select id="f-csm" name="csm" defaultValue={filters.csm ?? ""}>
          <option value="">{t("filters.any")}</option>
          {csms.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="f-sla" label={t("filters.sla")}>
        <Select id="f-sla" name="sla" defaultValue={filters.sla ?? ""}>
          <option value="">{t("filters.any")}</option>
          {SLA_FILTERS.map((s) => (
            <option key={s} value={s}>
              {t(`slaFilters.${s}`)}
            </option>
          ))}
        </Select>
      </Field>
      <div className="col-span-2 flex gap-2">
        <button type="submit" className={buttonClass("primary")}>
          {t("filters.apply")}
        </button>
        <Link href={action} className={buttonClass("secondary")}>
          {t("filters.reset")}
        </Link>
      </div>
    </form>
  );
}
