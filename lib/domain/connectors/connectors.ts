/**
 * The eleven connectors (spec "Connectors"): default mode, rollout phase, and whether first service is
 * blocked without it. Table order is display order.
 */
export const MODES = ["draft_only", "approved_execute", "manual", "ingest_only"] as const;
export type TMode = (typeof MODES)[number];

export const CONNECTORS = [
  { key: "gmail", mode: "draft_only", phase: 1, blocking: false },
  { key: "google_calendar", mode: "draft_only", phase: 1, blocking: false },
  { key: "google_sheets", mode: "approved_execute", phase: 1, blocking: false },
  { key: "moyasar", mode: "manual", phase: 1, blocking: false },
  { key: "whatsapp_cloud", mode: "draft_only", phase: 1, blocking: true },
  { key: "website_forms", mode: "approved_execute", phase: 1, blocking: false },
  { key: "linkedin_lead_forms", mode: "ingest_only", phase: 2, blocking: false },
  { key: "google_business_profile", mode: "draft_only", phase: 2, blocking: false },
  { key: "crm_generic", mode: "draft_only", phase: 2, blocking: false },
  { key: "google_meet", mode: "ingest_only", phase: 2, blocking: false },
  { key: "instagram_graph", mode: "ingest_only", phase: 3, blocking: false },
] as const satisfies readonly { key: string; mode: TMode; phase: 1 | 2 | 3; blocking: boolean }[];

export type TConnectorKey = (typeof CONNECTORS)[number]["key"];
export type TConnector = (typeof CONNECTORS)[number];
export const CONNECTOR_KEYS = CONNECTORS.map((c) => c.key) as unknown as readonly [TConnectorKey, ...TConnectorKey[]];
export const CONNECTOR_COUNT = CONNECTORS.length;
export const BLOCKING_KEYS: readonly TConnectorKey[] = CONNECTORS.filter((c) => c.blocking).map((c) => c.key);

export function isConnectorKey(value: unknown): value is TConnectorKey {
  return typeof value === "string" && (CONNECTOR_KEYS as readonly string[]).includes(value);
}
