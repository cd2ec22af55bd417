import { describe, expect, it } from "vitest";
import {
  CONTACT_PLACEHOLDER,
  DECIDER_FOR_AGENT,
  EMAIL_PLACEHOLDER,
  labelForAgent,
  redactPayloadForAgent,
  redactText,
} from "./agent-view";

const message = {
  channel: "email",
  to: { name: "Sara Ahmed", email: "sara@clinic.test" },
  locale: "en",
  dir: "ltr",
  subject: "Sara, your screens",
  body: "Dear Sara,\n\nSARA AHMED asked us to write to sara@clinic.test; cc ops@clinic.test. Saratoga stays.",
  template: "day1-pair-screen",
};

describe("redactPayloadForAgent", () => {
  it("leaves out `to` and hides the contact's name and e-mail inside the subject and body", () => {
    const out = redactPayloadForAgent(message) as Record<string, unknown>;
    expect(out).not.toHaveProperty("to");
    expect(out.subject).toBe(`${CONTACT_PLACEHOLDER}, your screens`);
    expect(out.body).toBe(
      `Dear ${CONTACT_PLACEHOLDER},\n\n${CONTACT_PLACEHOLDER} asked us to write to ${CONTACT_PLACEHOLDER}; cc ${EMAIL_PLACEHOLDER}. Saratoga stays.`,
    );
    expect(JSON.stringify(out)).not.toMatch(/sara@|Ahmed|Dear Sara/i);
    // Everything that is not personal is kept as it was.
    expect(out).toMatchObject({ channel: "email", locale: "en", dir: "ltr", template: "day1-pair-screen" });
  });

  it("hides an Arabic name in Arabic text", () => {
    const out = redactPayloadForAgent({
      to: { name: "ريم", email: "reem@x.test" },
      subject: "مرحبًا",
      body: "مرحبًا ريم،\n\nأهلًا بك.",
    }) as Record<string, string>;
    expect(out.body).toBe(`مرحبًا ${CONTACT_PLACEHOLDER}،\n\nأهلًا بك.`);
  });

  it("does not change the payload it was given (the stored payload and its hash stay as they are)", () => {
    const copy = structuredClone(message);
    redactPayloadForAgent(message);
    expect(message).toEqual(copy);
  });

  it("hides e-mail addresses in payloads without a contact, nested too, and keeps other values", () => {
    expect(
      redactPayloadForAgent({ account_id: "a-1", reason: "asked by rana@team.test", n: 3, list: ["x@y.test", true] }),
    ).toEqual({ account_id: "a-1", reason: `asked by ${EMAIL_PLACEHOLDER}`, n: 3, list: [EMAIL_PLACEHOLDER, true] });
    expect(redactPayloadForAgent(null)).toBeNull();
    expect(redactPayloadForAgent("plain")).toBe("plain");
  });
});

describe("redactText", () => {
  it("hides extra contacts' names and ignores parts too short to be a name", () => {
    expect(redactText("Hi Al Noor and Jo", [{ name: "Al Noor" }, { name: "Jo" }])).toBe(
      `Hi ${CONTACT_PLACEHOLDER} and ${CONTACT_PLACEHOLDER}`,
    );
    expect(redactText("Al is here", [{ name: "Al Noor" }])).toBe("Al is here");
  });
  it("treats regex characters in names literally", () => {
    expect(redactText("Hi (Sam)+ and Samuel", [{ name: "(Sam)+" }])).toBe(`Hi ${CONTACT_PLACEHOLDER} and Samuel`);
  });
});

describe("labelForAgent", () => {
  it("replaces people's e-mails, keeps agent, CLI and system labels", () => {
    expect(labelForAgent("founder@demo.test", DECIDER_FOR_AGENT)).toBe("a founder");
    expect(labelForAgent("agent:shadow", DECIDER_FOR_AGENT)).toBe("agent:shadow");
    expect(labelForAgent("cli", DECIDER_FOR_AGENT)).toBe("cli");
    expect(labelForAgent(null, DECIDER_FOR_AGENT)).toBeNull();
  });
});
