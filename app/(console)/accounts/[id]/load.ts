import { cache } from "react";
import { z } from "zod";
import { getAccount } from "@/lib/data/accounts";

/** One read per request, shared by the layout, its pages and generateMetadata. */
export const loadAccount = cache(async (id: string) => (z.uuid().safeParse(id).success ? getAccount(id) : null));
