import { describe, expect, it } from "vitest";
import { ConfigError } from "../env";
import { dispatchConfig, transportFor } from "./config";

describe("dispatch configuration", () => {
  it("previews by default: live sending is off", () => {
    const config = dispatchConfig({});
    expect(config).toMatchObject({ LIVE_SEND: "0", DISPATCHER: "on", DISPATCH_INTERVAL_MS: 5_000 });
    expect(transportFor(config)).toMatchObject({ name: "preview", mode: "preview", effect: "database" });
  });

  it("sends through SMTP only with LIVE_SEND=1 and SMTP_URL", () => {
    const url = "smtp://user:secret@mail.example.test:587";
    expect(transportFor(dispatchConfig({ SMTP_URL: url }))).toMatchObject({ name: "preview" });
    expect(transportFor(dispatchConfig({ LIVE_SEND: "1", SMTP_URL: url }))).toMatchObject({
      name: "smtp",
      mode: "live",
      effect: "external",
    });
  });

  it("refuses LIVE_SEND=1 without SMTP_URL instead of silently previewing", () => {
    expect(() => dispatchConfig({ LIVE_SEND: "1" })).toThrow(ConfigError);
  });

  it("names a bad variable without echoing its value", () => {
    expect(() => dispatchConfig({ SMTP_URL: "http://user:secret@host" })).toThrow(/SMTP_URL/);
    expect(() => dispatchConfig({ SMTP_URL: "http://user:secret@host" })).not.toThrow(/secret/);
  });
});
