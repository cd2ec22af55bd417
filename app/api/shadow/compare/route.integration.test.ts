import { describe, expect, it, vi } from "vitest";
import { MAX_SHADOW_UPLOAD_BYTES } from "@/lib/domain/shadow/upload";

// The route as the browser calls it, signed in as a founder; nothing here reaches the database.
vi.mock("@/lib/auth/session", () => ({
  currentUser: async () => ({ id: "u", email: "f@test", name: "f", role: "founder", locale: "en" }),
}));
const { POST } = await import("./route");

const upload = (bytes: number) => {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(bytes).fill(0x20)], "shadow.jsonl"));
  return new Request("http://console.test/api/shadow/compare", {
    method: "POST",
    headers: { origin: "http://console.test", host: "console.test" },
    body: form,
  });
};

describe("shadow upload limit", () => {
  it("refuses a file one byte over the limit with 413 payload_too_large naming the limit", async () => {
    const res = await POST(upload(MAX_SHADOW_UPLOAD_BYTES + 1));
    expect(res.status).toBe(413);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("payload_too_large");
    expect(body.error.message).toContain("8 MiB");
  });
});
