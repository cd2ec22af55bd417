import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const config: NextConfig = {
  // PGlite loads its WASM and data files from its own package directory: bundling breaks that.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter"],
  poweredByHeader: false,
  typedRoutes: false,
  experimental: {
    // forbidden() renders app/forbidden.tsx with a 403 status.
    authInterrupts: true,
    // The ticket import sends the CSV (≤ MAX_IMPORT_BYTES, 900 KiB) to a server action as a string;
    // escaping can double its size on the wire (every quote and line break), so 2 MB always fits and
    // the import's own check answers with its specific error. Next's default is 1 MB.
    serverActions: { bodySizeLimit: "2mb" },
    // Every request passes the proxy, which buffers at most this much of a body: above
    // MAX_SHADOW_UPLOAD_BYTES (8 MiB) plus multipart framing, so the upload route answers "too large".
    proxyClientMaxBodySize: "10mb",
  },
};

export default withNextIntl(config);
