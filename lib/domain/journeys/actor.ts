import type { TActor } from "../auth/actor";

/** Who proposes automated touchpoints and is named on the journey engine's ledger entries. */
export const JOURNEY_ACTOR: TActor = { type: "system", id: "journey-engine", role: "csm", label: "journey engine" };
