import { answeringOutage, errorResponse } from "@/lib/api/errors";
import { currentUser } from "@/lib/auth/session";
import { iterateLedger } from "@/lib/data/ledger";
import { can } from "@/lib/domain/auth/permissions";
import { CSV_BOM, csvRow } from "@/lib/domain/ledger/csv";
import { parseLedgerFilters } from "@/lib/domain/ledger/filters";

export const dynamic = "force-dynamic";

const HEADER = [
  "seq",
  "at",
  "actor_type",
  "actor_id",
  "actor_role",
  "action",
  "target",
  "summary",
  "request_id",
  "payload_hash",
  "via_token_id",
  "via_token_created_by",
  "prev_hash",
  "hash",
];

/** CSV of the filtered ledger, streamed oldest first (UTF-8 with BOM, formula cells escaped). */
export const GET = answeringOutage(async (request: Request) => {
  const user = await currentUser();
  if (!user) return errorResponse("unauthenticated");
  if (!can(user.role, "ledger:read")) return errorResponse("forbidden", "Your role cannot read the ledger.");
  const { filters, ignored } = parseLedgerFilters(Object.fromEntries(new URL(request.url).searchParams));
  if (ignored.length) return errorResponse("invalid_input", `Invalid filters: ${ignored.join(", ")}`);
  const { before: _ignored, ...range } = filters;
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(encoder.encode(CSV_BOM + csvRow(HEADER)));
      for await (const r of iterateLedger(range)) {
        controller.enqueue(
          encoder.encode(
            csvRow([
              r.seq,
              r.at,
              r.actorType,
              r.actorId,
              r.actorRole,
              r.action,
              r.target,
              r.summary,
              r.requestId,
              r.payloadHash,
              r.viaTokenId,
              r.viaTokenCreatedBy,
              r.prevHash,
              r.hash,
            ]),
          ),
        );
      }
      controller.close();
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="ledger-${new Date().toISOString().slice(0, 10)}.csv"`,
      "cache-control": "no-store",
    },
  });
});
