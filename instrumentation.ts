// Runs once when the server starts. The dispatcher lives inside the server process (the only owner of
// the embedded database); DISPATCHER=off leaves it to `npm run dispatch` on PostgreSQL.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  // Stamps each request with its socket address so sign-in limits can key on the real peer
  // (lib/auth/peer.ts); must run before the first request.
  const { installPeerStamp } = await import("./lib/auth/peer-stamp");
  await installPeerStamp();
  const { startServerDispatcher } = await import("./lib/jobs/dispatch-server");
  startServerDispatcher();
  // The lifecycle tick (every LIFECYCLE_TICK_MINUTES, default 30; LIFECYCLE_TICK=off disables it).
  const { startServerTick } = await import("./lib/jobs/lifecycle-loop");
  startServerTick();
}
