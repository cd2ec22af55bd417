import { getTranslations } from "next-intl/server";
import { AnySelect, FilterBar } from "@/components/ui/filter-bar";
import { AGE_HOURS, type TInboxFilters } from "@/lib/domain/proposals/filters";
import { PROPOSAL_KINDS } from "@/lib/domain/proposals/payloads";
import { PROPOSAL_STATES } from "@/lib/domain/proposals/state-machine";

export async function InboxFilters({ filters }: { filters: TInboxFilters }) {
  const t = await getTranslations("approvals");
  return (
    <FilterBar
      action="/approvals"
      keep={{ account: filters.account }}
      className="grid-cols-1 sm:grid-cols-2 lg:grid-cols-5"
    >
      <AnySelect
        id="state"
        label={t("filterState")}
        value={filters.state}
        anyValue="all"
        options={PROPOSAL_STATES.map((s) => ({ value: s, label: t(`states.${s}`) }))}
      />
      <AnySelect
        id="kind"
        label={t("filterKind")}
        value={filters.kind}
        options={PROPOSAL_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
      />
      <AnySelect
        id="proposer"
        label={t("filterProposer")}
        value={filters.proposer}
        options={[
          { value: "me", label: t("proposerMe") },
          { value: "others", label: t("proposerOthers") },
        ]}
      />
      <AnySelect
        id="age"
        label={t("filterAge")}
        value={filters.age}
        options={AGE_HOURS.map((h) => ({ value: h, label: t(`ages.${h}`) }))}
      />
    </FilterBar>
  );
}
