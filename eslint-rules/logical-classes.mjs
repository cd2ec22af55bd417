/**
 * Flags physical left/right Tailwind utilities (ml-, pr-, left-, text-right, rounded-l, border-r, …) in
 * class strings: inside a JSX `className`/`class` attribute and in arguments of the class helpers
 * (cn, clsx, cva, twMerge). The logical forms (ms-/me-/ps-/pe-/start-/end-/text-start/rounded-s/border-e)
 * mirror with `dir`; physical ones do not. A class under an `rtl:` or `ltr:` variant is allowed: that is
 * deliberate mirroring (e.g. `rtl:rotate-180`, `ltr:left-0`).
 */
const PHYSICAL =
  /^(?:-?(?:m[lr]|p[lr]|scroll-[mp][lr]|left|right|border-[lr]|rounded-(?:[lr]|tl|tr|bl|br))(?:-|$)|(?:text|float|clear)-(?:left|right)$)/;
const CLASS_HELPERS = new Set(["cn", "clsx", "cva", "twMerge", "classNames"]);

/** Physical utilities in one class string, each with the logical spelling to use instead. */
export function physicalClasses(value) {
  const found = [];
  for (const token of value.split(/\s+/)) {
    if (!token) continue;
    // Variants are everything up to the last ":" outside brackets (`md:hover:ml-2`, `[&>svg]:mr-1`).
    let depth = 0;
    let cut = -1;
    for (let i = 0; i < token.length; i++) {
      const c = token[i];
      if (c === "[" || c === "(") depth++;
      else if (c === "]" || c === ")") depth--;
      else if (c === ":" && depth === 0) cut = i;
    }
    const variants = cut === -1 ? [] : token.slice(0, cut).split(":");
    if (variants.includes("rtl") || variants.includes("ltr")) continue;
    const utility = token.slice(cut + 1).replace(/^!/, "");
    if (PHYSICAL.test(utility)) found.push(token);
  }
  return found;
}

function isClassContext(node) {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === "JSXAttribute") return p.name && (p.name.name === "className" || p.name.name === "class");
    if (p.type === "CallExpression" && p.callee.type === "Identifier" && CLASS_HELPERS.has(p.callee.name)) return true;
    if (
      p.type === "JSXElement" ||
      p.type === "Program" ||
      p.type.startsWith("Function") ||
      p.type === "ArrowFunctionExpression"
    ) {
      return false;
    }
  }
  return false;
}

const rule = {
  meta: {
    type: "problem",
    docs: { description: "Logical (start/end) Tailwind utilities only; physical left/right only under rtl:/ltr:" },
    schema: [],
    messages: {
      physical:
        "Physical class '{{ cls }}' does not mirror in Arabic: use the logical form (ms-/me-/ps-/pe-/start-/end-/text-start/text-end/rounded-s/rounded-e/border-s/border-e), or an rtl:/ltr: variant for deliberate mirroring.",
    },
  },
  create(context) {
    function check(node, value) {
      if (typeof value !== "string" || !isClassContext(node)) return;
      for (const cls of physicalClasses(value)) context.report({ node, messageId: "physical", data: { cls } });
    }
    return {
      Literal(node) {
        check(node, node.value);
      },
      TemplateElement(node) {
        check(node, node.value.cooked);
      },
    };
  },
};

export default rule;
