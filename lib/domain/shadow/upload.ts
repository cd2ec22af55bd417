// An uploaded shadow log is compared in memory (app/api/shadow/compare). 8 MiB is about 19 000 rows,
// plenty for an ad-hoc check; bigger logs go through `npm run lifecycle -- compare`. It must stay under
// the proxy's request-body buffer (next.config.ts proxyClientMaxBodySize): above that, Next cuts the
// body short and the upload failed as "not a .jsonl file" instead of "too large".
export const MAX_SHADOW_UPLOAD_BYTES = 8 * 1024 * 1024;
// Multipart framing around the file (boundary, headers of the part).
export const MULTIPART_SLACK_BYTES = 16 * 1024;
