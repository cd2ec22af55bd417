import { getTranslations } from "next-intl/server";
import { AnySelect, FilterBar } from "@/components/ui/filter-bar";
import { SLA_FILTERS, TICKET_STATUSES, type TTicketFilters } from "@/lib/domain/support/filters";
import { PRIORITIES } from "@/lib/domain/support/targets";

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
    <FilterBar action={action} keep={{ account: filters.account }} className="grid-cols-2 lg:grid-cols-5">
      <AnySelect
        id="f-priority"
        name="priority"
        label={t("filters.priority")}
        value={filters.priority}
        options={PRIORITIES.map((p) => ({ value: p, label: p }))}
      />
      <AnySelect
        id="f-status"
        name="status"
        label={t("filters.status")}
        value={filters.status}
        options={TICKET_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
      />
      <AnySelect
        id="f-csm"
        name="csm"
        label={t("filters.csm")}
        value={filters.csm}
        options={csms.map((c) => ({ value: c.id, label: c.name }))}
      />
      <AnySelect
        id="f-sla"
        name="sla"
        label={t("filters.sla")}
        value={filters.sla}
        options={SLA_FILTERS.map((s) => ({ value: s, label: t(`slaFilters.${s}`) }))}
      />
    </FilterBar>
  );
}
