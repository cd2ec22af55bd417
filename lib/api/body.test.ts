import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { MAX_BODY_BYTES, readJsonObject } from "./body";

const post = (body: BodyInit | null, headers: Record<string, string> = {}) =>
  new Request("http://x.test/api", { method: "POST", body, headers });

async function refusal(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("JSON request bodies", () => {
  it("parse a JSON object, Arabic included", async () => {
    expect(await readJsonObject(post('{"reason":"تجربة","n":1}'))).toEqual({ reason: "تجربة", n: 1 });
  });

  it("refuse malformed JSON, non-objects and empty bodies with a message saying so", async () => {
    expect(await refusal(readJsonObject(post("{bad")))).toMatchObject({
      code: "invalid_input",
      message: /not valid JSON/,
    });
    expect(await refusal(readJsonObject(post("[1,2]")))).toMatchObject({
      code: "invalid_input",
      message: /JSON object/,
    });
    expect(await refusal(readJsonObject(post("null")))).toMatchObject({
      code: "invalid_input",
      message: /JSON object/,
    });
    expect(await refusal(readJsonObject(post("")))).toMatchObject({ code: "invalid_input", message: /empty/ });
    expect(await refusal(readJsonObject(post(new Uint8Array([0x7b, 0xff, 0x7d]))))).toMatchObject({
      code: "invalid_input",
      message: /UTF-8/,
    });
  });

  it("refuse more than the limit, by declared length and by bytes actually sent", async () => {
    const big = JSON.stringify({ body: "x".repeat(MAX_BODY_BYTES) });
    expect(await refusal(readJsonObject(post(big)))).toMatchObject({ code: "payload_too_large" });
    expect(await refusal(readJsonObject(post("{}", { "content-length": String(MAX_BODY_BYTES + 1) })))).toMatchObject({
      code: "payload_too_large",
    });
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < 5; i++) c.enqueue(new Uint8Array(20_000).fill(0x20));
        c.close();
      },
    });
    const streamed = new Request("http://x.test/api", { method: "POST", body: stream, duplex: "half" } as RequestInit);
    expect(await refusal(readJsonObject(streamed))).toMatchObject({ code: "payload_too_large" });
    expect(await readJsonObject(post(JSON.stringify({ body: "x".repeat(MAX_BODY_BYTES - 20) })))).toHaveProperty(
      "body",
    );
  });
});
