// A minimal sequential HTTP client for the benchmark: one keep-alive connection (like one browser tab),
// a cookie jar, next-auth sign-in, and time-to-first-byte measured around Node's own `http` module.
import http from "node:http";

export type TResponse = {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** Request written → response headers received (the first bytes of the response). */
  ttfbMs: number;
  /** Request written → last byte of the body received. */
  totalMs: number;
};

export class BenchClient {
  private readonly base: URL;
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  private readonly cookies = new Map<string, string>();

  constructor(baseUrl: string) {
    this.base = new URL(baseUrl);
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  close(): void {
    this.agent.destroy();
  }

  request(
    method: "GET" | "POST",
    path: string,
    options: { form?: Record<string, string>; timeoutMs?: number } = {},
  ): Promise<TResponse> {
    const url = new URL(path, this.base);
    const body = options.form ? new URLSearchParams(options.form).toString() : undefined;
    const headers: http.OutgoingHttpHeaders = {
      accept: "text/html,application/json;q=0.9,*/*;q=0.8",
      "accept-language": "en",
      "user-agent": "lifecycle-console-bench",
    };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    if (body !== undefined) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      headers["content-length"] = Buffer.byteLength(body);
    }
    return new Promise<TResponse>((resolve, reject) => {
      const started = performance.now();
      const req = http.request(url, { method, headers, agent: this.agent }, (res) => {
        const ttfbMs = performance.now() - started;
        this.storeCookies(res.headers["set-cookie"]);
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("error", reject);
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString("utf8"),
            ttfbMs,
            totalMs: performance.now() - started,
          }),
        );
      });
      req.setTimeout(options.timeoutMs ?? 30_000, () => req.destroy(new Error(`${method} ${url.pathname} timed out`)));
      req.on("error", reject);
      req.end(body);
    });
  }

  private storeCookies(setCookie: string[] | undefined): void {
    for (const line of setCookie ?? []) {
      const [pair = "", ...attributes] = line.split(";");
      const eq = pair.indexOf("=");
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === "";
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

/** next-auth v4 credentials sign-in: CSRF token (cookie + body), then the callback; keeps the session cookie. */
export async function signIn(client: BenchClient, email: string, password: string): Promise<void> {
  const csrf = await client.request("GET", "/api/auth/csrf");
  if (csrf.status !== 200) throw new Error(`GET /api/auth/csrf answered ${csrf.status}`);
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken?: string };
  if (!csrfToken) throw new Error("GET /api/auth/csrf returned no csrfToken");
  const callback = await client.request("POST", "/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true" },
  });
  const session = client.cookie("next-auth.session-token") ?? client.cookie("__Secure-next-auth.session-token");
  if (!session) {
    throw new Error(`sign-in as ${email} failed: callback answered ${callback.status} without a session cookie`);
  }
}
