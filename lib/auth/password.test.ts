import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password";

describe("password hashing", () => {
  it("verifies the right password and rejects a wrong one", async () => {
    const stored = await hashPassword("lifecycle-demo");
    expect(stored.startsWith("scrypt$")).toBe(true);
    expect(await verifyPassword("lifecycle-demo", stored)).toBe(true);
    expect(await verifyPassword("lifecycle-demo ", stored)).toBe(false);
    expect(await verifyPassword("", stored)).toBe(false);
  });

  it("salts: the same password hashes differently twice", async () => {
    expect(await hashPassword("x")).not.toBe(await hashPassword("x"));
  });

  it("treats malformed stored hashes as a mismatch, not a crash", async () => {
    for (const bad of ["", "plain", "scrypt$1$2", "bcrypt$a$b$c$d$e", "scrypt$x$y$z$salt$hash"]) {
      expect(await verifyPassword("x", bad)).toBe(false);
    }
  });

  it("accepts Arabic passphrases (NFKC-normalised)", async () => {
    const stored = await hashPassword("كلمة سر طويلة");
    expect(await verifyPassword("كلمة سر طويلة", stored)).toBe(true);
  });
});
