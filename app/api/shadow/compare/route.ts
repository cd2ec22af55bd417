import { existsSync, createReadStream } from "node:fs";
import { errorResponse } from "@/lib/api/errors";
import { originAllowed } from "@/lib/api/origin";
import { currentUser } from "@/lib/auth/session";
import { can } from "@/lib/domain/auth/permissions";
import { compareChunks } from "@/lib/shadow/scan/compare-chunks";
import { MAX_SHADOW_UPLOAD_BYTES, MULTIPART_SLACK_BYTES } from "@/lib/domain/shadow/upload";
import { heuristicLogPath } from "@/lib/shadow/paths";

export const dynamic = "force-dynamic";

const TOO_LARGE = `The file is larger than ${MAX_SHADOW_UPLOAD_BYTES >> 20} MiB.`;

/** Ad-hoc comparison: an uploaded shadow JSONL file against the console's heuristic log. */
export async function POST(request: Request) {
  const user = await currentUser();
  if (!user) return errorResponse("unauthenticated");
  if (!can(user.role, "accounts:read")) return errorResponse("forbidden");
  // A cookie-authenticated POST: the same CSRF rule as every other cookie mutation.
  if (!originAllowed(request.headers)) return errorResponse("forbidden", "Cross-site request refused.");
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_SHADOW_UPLOAD_BYTES + MULTIPART_SLACK_BYTES) return errorResponse("payload_too_large", TOO_LARGE);
  const form = await request.formData().catch(() => null);
  const file = form?.get("file");
  if (!(file instanceof File)) return errorResponse("invalid_input", "Choose a .jsonl file to upload.");
  if (file.size === 0) return errorResponse("invalid_input", "The file is empty.");
  if (file.size > MAX_SHADOW_UPLOAD_BYTES) return errorResponse("payload_too_large", TOO_LARGE);
  const heuristic = heuristicLogPath();
  const heuristicChunks = existsSync(heuristic) ? createReadStream(heuristic, { highWaterMark: 4 << 20 }) : [];
  const report = await compareChunks(
    [new Uint8Array(await file.arrayBuffer())],
    heuristicChunks as AsyncIterable<Uint8Array>,
  );
  return Response.json({ report });
}
