import { describe, expect, it } from "vitest";
import { byteSize } from "./byte-size";
import { MAX_IMPORT_BYTES } from "./support/import-limits";
import { MAX_SHADOW_UPLOAD_BYTES } from "./shadow/upload";

describe("byteSize", () => {
  it("names the limits as the notes state them", () => {
    expect(byteSize(MAX_IMPORT_BYTES)).toEqual({ value: 900, unit: "KB" });
    expect(byteSize(MAX_SHADOW_UPLOAD_BYTES)).toEqual({ value: 8, unit: "MB" });
  });
  it("rounds up, so a file over a limit never reads as the limit", () => {
    expect(byteSize(MAX_IMPORT_BYTES + 1)).toEqual({ value: 901, unit: "KB" });
    expect(byteSize(1.4 * 1024 * 1024)).toEqual({ value: 1.4, unit: "MB" });
    expect(byteSize(MAX_SHADOW_UPLOAD_BYTES + 1)).toEqual({ value: 8.1, unit: "MB" });
  });
});
