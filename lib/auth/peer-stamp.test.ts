import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { PEER_HEADER, clientAddressOf, peerStampInstalled } from "./peer";
import { installPeerStamp } from "./peer-stamp";

describe("peer stamp", () => {
  it("overwrites a client-sent peer header with the socket's address", async () => {
    await installPeerStamp();
    expect(peerStampInstalled()).toBe(true);
    const seen: (string | string[] | undefined)[] = [];
    const server = http.createServer((req, res) => {
      seen.push(req.headers[PEER_HEADER]);
      res.end("ok");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      await fetch(`http://127.0.0.1:${port}/`, { headers: { [PEER_HEADER]: "6.6.6.6", "x-forwarded-for": "6.6.6.6" } });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(seen).toEqual(["127.0.0.1"]);
    expect(clientAddressOf((n) => ({ [PEER_HEADER]: "127.0.0.1", "x-forwarded-for": "6.6.6.6" })[n])).toBe("127.0.0.1");
  });
});
