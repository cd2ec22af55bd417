/** The tool names, for filters and pages that must not load the tools themselves. */
export const MCP_TOOL_NAMES = [
  "list_onboarding_candidates",
  "log_shadow_row",
  "mark_onboarding_nudge_sent",
  "send_lifecycle_nudge_email",
  "auto_complete_org_onboarding",
] as const;
