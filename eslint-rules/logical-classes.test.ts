import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));

describe("local/logical-classes (through eslint.config.mjs)", () => {
  it("reports every physical left/right class in className and cn(), and no logical or rtl:/ltr: class", async () => {
    const eslint = new ESLint({ cwd: root, ignore: false });
    const [result] = await eslint.lintFiles(["eslint-rules/fixtures/classes.tsx"]);
    const reported = result!.messages
      .filter((m) => m.ruleId === "local/logical-classes")
      .map((m) => /'([^']+)'/.exec(m.message)![1]);
    expect(reported).toEqual([
      "ml-2",
      "text-right",
      "-left-1",
      "border-r-2",
      "md:hover:rounded-tl-lg",
      "mr-auto",
      "scroll-pl-4",
      "float-left",
    ]);
    expect(result!.messages.filter((m) => m.ruleId !== "local/logical-classes")).toEqual([]);
  }, 60_000);
});
