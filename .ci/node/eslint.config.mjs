// ESLint for the site's browser scripts and the service worker (run by tests/unit/test_js_lint.py).
// They are plain scripts (no modules, no build step) that must run from file:// and on old phones.
import js from "@eslint/js";
import globals from "globals";

export default [
  js.configs.recommended,
  {
    files: ["**/*.js"],
    languageOptions: { ecmaVersion: 2019, sourceType: "script", globals: { ...globals.browser } },
    rules: {
      "no-unused-vars": ["error", { args: "none", caughtErrors: "none" }],
      eqeqeq: ["error", "smart"],
      "no-implicit-globals": "error",
      strict: ["error", "function"],
    },
  },
  {
    // The service worker has a global scope of its own; the build fills in __VERSION__ and __FILES__.
    files: ["**/sw.js"],
    languageOptions: { globals: { ...globals.serviceworker, __FILES__: "readonly", __VERSION__: "readonly" } },
    rules: { strict: ["error", "global"], "no-implicit-globals": "off" },
  },
];
