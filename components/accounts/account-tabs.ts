/**
 * The sections of an account page, in display order. Each area adds one line: the route segment under
 * /accounts/[id] ("" is the overview) and the message key of its label.
 */
export const ACCOUNT_TABS: readonly { segment: string; label: string }[] = [
  { segment: "", label: "account.tabTimeline" },
  { segment: "journey", label: "journey.tab" },
  { segment: "onboarding", label: "checklist.tab" },
  { segment: "support", label: "support.tab" },
  { segment: "success", label: "cadence.tab" },
];
