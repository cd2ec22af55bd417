import { cache } from "react";
import { getAccount } from "@/lib/data/accounts";
import { isUuid } from "@/lib/domain/ids";

/** One read per request, shared by the layout, its pages and generateMetadata. */
export const loadAccount = cache(async (id: string) => (isUuid(id) ? getAccount(id) : null));
