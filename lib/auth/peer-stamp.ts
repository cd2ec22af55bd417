import { PEER_HEADER, stampHolder } from "./peer";

type THeaderBag = Record<string, string | string[] | undefined>;

/** Patches http.Server so each request carries the socket's address in PEER_HEADER. Idempotent. */
export async function installPeerStamp(): Promise<void> {
  if (stampHolder.__lifecyclePeerStamp) return;
  const http = await import("node:http");
  const original = http.Server.prototype.emit;
  http.Server.prototype.emit = function emit(
    this: InstanceType<typeof http.Server>,
    event: string | symbol,
    ...args: unknown[]
  ) {
    if (event === "request") {
      const req = args[0] as { headers: THeaderBag; socket?: { remoteAddress?: string } };
      req.headers[PEER_HEADER] = req.socket?.remoteAddress ?? "";
    }
    return Reflect.apply(original, this, [event, ...args]) as boolean;
  } as typeof original;
  stampHolder.__lifecyclePeerStamp = true;
}
