import { can, type TPermission } from "@/lib/domain/auth/permissions";

/**
 * The sections of /settings, in display order: the route segment under /settings, the message key of its
 * label and the permission its page demands (the page checks it again with requirePage; this list only
 * decides which links to show). A new settings page adds one line here.
 */
export const SETTINGS_SECTIONS: readonly { segment: string; label: string; permission: TPermission }[] = [
  { segment: "profile", label: "nav.profile", permission: "profile:update" },
  { segment: "users", label: "nav.users", permission: "users:manage" },
  { segment: "tokens", label: "nav.tokens", permission: "settings:manage" },
  { segment: "agents", label: "nav.agents", permission: "settings:manage" },
  { segment: "support", label: "settings.sectionSupport", permission: "settings:manage" },
  { segment: "copy-guard", label: "settings.sectionCopyGuard", permission: "settings:manage" },
  { segment: "journeys", label: "settings.sectionJourneys", permission: "settings:manage" },
  { segment: "approvals", label: "settings.sectionApprovals", permission: "settings:manage" },
];

/** The sections this role may open, in display order (empty: the role sees no Settings link at all). */
export function settingsSectionsFor(role: string) {
  return SETTINGS_SECTIONS.filter((s) => can(role, s.permission));
}
