/** The page of one proposal (app/(console)/approvals/[id]): every link to a proposal goes through here. */
export const proposalHref = (id: string): string => `/approvals/${encodeURIComponent(id)}`;
