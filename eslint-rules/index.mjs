import logicalClasses from "./logical-classes.mjs";

/** The project's own ESLint rules, used as the `local` plugin in eslint.config.mjs. */
const plugin = { meta: { name: "local" }, rules: { "logical-classes": logicalClasses } };
export default plugin;
