import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldErrors } from "./validation";

const Z = z.object({
  email: z.string().trim().min(1).email(),
  name: z.string().trim().min(1).max(5),
  role: z.enum(["founder", "csm"]),
  password: z.string().min(12),
});

const errorsFor = (input: unknown) => {
  const r = Z.safeParse(input);
  if (r.success) throw new Error("expected failure");
  return fieldErrors(r.error, input);
};

describe("fieldErrors", () => {
  it("maps empty, malformed, oversized and unknown values to message codes", () => {
    expect(errorsFor({ email: " ", name: "", role: "root", password: "short" })).toEqual({
      email: "validation.required",
      name: "validation.required",
      role: "validation.invalid_choice",
      password: "validation.too_short",
    });
    expect(errorsFor({ email: "nope", name: "toolongname", role: "csm", password: "long-enough-pass" })).toEqual({
      email: "validation.email",
      name: "validation.too_long",
    });
  });

  it("reports missing fields as required", () => {
    expect(errorsFor({})).toMatchObject({ email: "validation.required", role: "validation.required" });
  });
});
