import { currentUser } from "@/lib/auth/session";
import { countPending } from "@/lib/data/proposals";
import { can } from "@/lib/domain/auth/permissions";

export const dynamic = "force-dynamic";

/** The number in the navigation badge: what waits for a founder's decision. */
export async function GET() {
  const user = await currentUser();
  if (!user) return Response.json({ error: { code: "unauthenticated", message: "Sign in first." } }, { status: 401 });
  if (!can(user.role, "accounts:read"))
    return Response.json({ error: { code: "forbidden", message: "Not allowed." } }, { status: 403 });
  return Response.json({ pending: await countPending() }, { headers: { "cache-control": "no-store" } });
}
