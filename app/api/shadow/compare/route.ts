import { existsSync, createReadStream } from "node:fs";
import { errorResponse } from "@/lib/api/errors";
import { originAllowed } from "@/lib/api/origin";
import { currentUser } from "@/lib/auth/session";
import { can } from "@/lib/domain/auth/permissions";
import { compareChunks } from "@/lib/domain/shadow/compare-chunks";
import { heuristicLogPath } from "@/lib/shadow/paths";

export const dynamic = "force-dynamic";

// An uploaded shadow log is compared in memory; 64 MiB is ~150 000 rows, plenty for an ad-hoc check.
const MAX_UPLOAD_BYTES = 64 << 20;

const TOO_LARGE = `The file is larger than ${MAX_UPLOAD_BYTES >> 20} MiB.`;

/** Ad-hoc comparison: an uploaded shadow JSONL file against the console's heuristic log. */
export async function POST(request: Request) {
  const user = await currentUser();
  if (!user) return errorResponse("unauthenticated");
  if (!can(user.role, "accounts:read")) return errorResponse("forbidden");
  // A cookie-authenticated POST: the same CSRF rule as every other cookie mutation.
  if (!originAllowed(request.headers)) return errorResponse("forbidden", "Cross-site request refused.");
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_UPLOAD_BYTES + 4096) return errorResponse("payload_too_large", TOO_LARGE);
  const form = await request.formData().catch(() => null);
  const file = form?.get("file");
  if (!(file instanceof File)) return errorResponse("invalid_input", "Choose a .jsonl file to upload.");
  if (file.size === 0) return errorResponse("invalid_input", "The file is empty.");
  if (file.size > MAX_UPLOAD_BYTES) return errorResponse("payload_too_large", TOO_LARGE);
  const heuristic = heuristicLogPath();
  const heuristicChunks = existsSync(heuristic) ? createReadStream(heuristic, { highWaterMark: 4 << 20 }) : [];
  const report = await compareChunks(
    [new Uint8Array(await file.arrayBuffer())],
    heuristicChunks as AsyncIterable<Uint8Array>,
  );
  return Response.json({ report });
}
