import { describe, expect, it } from "vitest";
import { isConnectionError } from "./errors";

// Shapes recorded from Prisma 7.10 with @prisma/adapter-pg and node-postgres 8 against a closed port,
// a port that drops connections, and a backend ended by pg_terminate_backend.
const adapterError = (cause: Record<string, unknown>) => ({ name: "DriverAdapterError", cause });

describe("isConnectionError", () => {
  it.each([
    [
      "Prisma model query, server not reachable",
      {
        code: "P1001",
        meta: { driverAdapterError: adapterError({ kind: "DatabaseNotReachable", host: "127.0.0.1", port: 1 }) },
      },
    ],
    [
      "Prisma raw query, server not reachable (P2010 with the adapter error inside)",
      {
        code: "P2010",
        message: "Raw query failed. Code: `N/A`. Message: `Can't reach database server at 127.0.0.1:1`",
        meta: { driverAdapterError: adapterError({ kind: "DatabaseNotReachable" }) },
      },
    ],
    ["the adapter error itself", adapterError({ kind: "ConnectionClosed" })],
    ["node-postgres, connection dropped", new Error("Connection terminated unexpectedly")],
    [
      "node-postgres, backend terminated mid-transaction",
      new Error("Client has encountered a connection error and is not queryable"),
    ],
    [
      "PostgreSQL admin shutdown",
      Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }),
    ],
    ["too many clients", Object.assign(new Error("sorry, too many clients already"), { code: "53300" })],
    [
      "socket refused, nested as a cause",
      Object.assign(new Error("fetch failed"), {
        cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }),
      }),
    ],
    [
      "Prisma pool timeout",
      { code: "P2024", message: "Timed out fetching a new connection from the connection pool." },
    ],
  ])("recognises %s", (_label, error) => {
    expect(isConnectionError(error)).toBe(true);
  });

  it.each([
    ["a unique violation", { code: "P2002", message: "Unique constraint failed on the fields: (`email`)" }],
    [
      "a division by zero in a raw query",
      {
        code: "P2010",
        meta: {
          driverAdapterError: adapterError({
            kind: "postgres",
            code: "22012",
            originalCode: "22012",
            message: "division by zero",
          }),
        },
      },
    ],
    [
      "an unsupported column type",
      {
        code: "P2010",
        meta: { driverAdapterError: adapterError({ kind: "UnsupportedNativeDataType", type: "void" }) },
      },
    ],
    ["a plain error", new Error("boom")],
    ["nothing", undefined],
  ])("does not take %s for an outage", (_label, error) => {
    expect(isConnectionError(error)).toBe(false);
  });
});
