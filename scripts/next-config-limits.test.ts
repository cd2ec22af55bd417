import { describe, expect, it } from "vitest";
import config from "../next.config";
import { MAX_SHADOW_UPLOAD_BYTES, MULTIPART_SLACK_BYTES } from "../lib/domain/shadow/upload";
import { MAX_IMPORT_BYTES } from "../lib/domain/support/import-limits";

// Next's size strings ("2mb") in bytes, as Next reads them (1 mb = 1 048 576 bytes).
const bytes = (limit: unknown): number => {
  if (typeof limit === "number") return limit;
  const m = /^(\d+(?:\.\d+)?)\s*(kb|mb)$/i.exec(String(limit));
  if (!m) throw new Error(`unreadable size limit ${String(limit)}`);
  return Number(m[1]) * (m[2]!.toLowerCase() === "mb" ? 1024 * 1024 : 1024);
};

describe("the server's body limits agree with the upload limits", () => {
  it("a CSV at the import limit fits a server action even if escaping doubles it", () => {
    expect(bytes(config.experimental?.serverActions?.bodySizeLimit)).toBeGreaterThanOrEqual(
      2 * MAX_IMPORT_BYTES + 64 * 1024,
    );
  });
  it("a shadow log at the upload limit passes the proxy whole, so the route can say it is too large", () => {
    expect(bytes(config.experimental?.proxyClientMaxBodySize)).toBeGreaterThan(
      MAX_SHADOW_UPLOAD_BYTES + MULTIPART_SLACK_BYTES,
    );
  });
});
