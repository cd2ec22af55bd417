/**
 * Onboarding milestones in the order customers reach them; each is a boolean column on accounts and a
 * key of the shadow log's `milestone_flags`. No imports, so the byte scanners can load it.
 */
export const MILESTONES = [
  "welcomed",
  "screen_paired",
  "content_uploaded",
  "playlist_created",
  "schedule_created",
] as const;
export type TMilestone = (typeof MILESTONES)[number];
