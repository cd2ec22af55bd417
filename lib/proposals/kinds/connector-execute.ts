import { z } from "zod";
import { CONNECTOR_KEYS, type TConnectorKey } from "../../domain/connectors/connectors";
import type { TConnectorExecutePayload } from "../../domain/proposals/payloads";
import type { TKindModule } from "./types";

export const connectorDedupeKey = (accountId: string, key: TConnectorKey) => `connector_execute:${accountId}:${key}`;

/**
 * A connector allowed to act on its own (lib/actions/connectors.ts): approval moves it to
 * connected_approved_execute, checked again against its state then. One live proposal per
 * (account, connector); the key is freed once the connector row records it.
 */
export const connectorExecuteKind: TKindModule<"connector_execute", TConnectorExecutePayload> = {
  kind: "connector_execute",
  payload: z.strictObject({ account_id: z.string().min(1), connector: z.enum(CONNECTOR_KEYS), reason: z.string() }),
  copyFields: [],
  dedupe: {
    key: ({ accountId, payload }) =>
      accountId ? connectorDedupeKey(accountId, payload.connector as TConnectorKey) : null,
    field: "to",
    code: "connectors.errors.already_proposed",
    detail: "already_proposed",
  },
  decide: { permission: "proposals:approve", makerChecker: true },
  bulkApprovable: false,
  groupDecidable: false,
  approve: "allow_connector_execute",
  deliver: "nothing",
};
