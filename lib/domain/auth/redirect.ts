/** Only same-site relative paths may be used as the post-sign-in target (no open redirects). */
export function safeNextPath(value: unknown, fallback = "/accounts"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\"))
    return fallback;
  if (value.length > 500 || /[\r\n]/.test(value) || value.startsWith("/login") || value.startsWith("/api/"))
    return fallback;
  return value;
}
