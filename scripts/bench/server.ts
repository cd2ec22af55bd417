// Runs the console the way `npm start` does (migrate → build if stale → next start), in its own
// process group so the benchmark can stop it and everything it spawned.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import { exited, isNpmNoise, killGroup, onLines } from "./child";

export type TServer = { child: ChildProcess; stop: () => Promise<void> };

/** Refuse to benchmark whatever else might already be listening on the port. */
export async function assertPortFree(port: number): Promise<void> {
  const inUse = await new Promise<boolean>((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
  if (inUse) throw new Error(`port ${port} is already in use; set BENCH_PORT to a free port`);
}

export function startServer(env: NodeJS.ProcessEnv, print: (line: string) => void): TServer {
  const args = ["tsx", "--conditions=react-server", "scripts/start.ts"];
  print(`$ npx ${args.join(" ")}   (PORT=${env.PORT}, NODE_ENV=${env.NODE_ENV}, DEMO=${env.DEMO})`);
  const child = spawn("npx", args, { cwd: process.cwd(), env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const forward = (line: string) => {
    // One JSON line per request is the server's access log: keep it out of the report.
    if ((line.startsWith("{") && line.includes('"msg":"request"')) || isNpmNoise(line)) return;
    print(`  [server] ${line}`);
  };
  onLines(child.stdout, forward);
  onLines(child.stderr, forward);
  return { child, stop: () => killGroup(child) };
}

export type THealth = { status: string; database?: { engine?: string; up?: boolean; migrations?: number } };

/** Polls /api/health until it answers 200; fails early when the server process exits. */
export async function waitForHealth(baseUrl: string, server: TServer, timeoutMs: number): Promise<THealth> {
  const deadline = Date.now() + timeoutMs;
  let gone = false;
  void exited(server.child).then(() => (gone = true));
  while (Date.now() < deadline) {
    if (gone) throw new Error(`the server exited (code ${server.child.exitCode}) before it became healthy`);
    const health = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) }).then(
      async (r) => (r.ok ? ((await r.json()) as THealth) : null),
      () => null,
    );
    if (health) return health;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  throw new Error(`the server did not answer /api/health within ${Math.round(timeoutMs / 1000)} s`);
}
