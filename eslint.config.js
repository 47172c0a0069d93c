// @ts-check
import eslint from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "coverage/", "data/", "bench/results/"] },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ["eslint.config.js", "bench/*.mjs"] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    // The demo page's script runs in the browser, outside the TypeScript project.
    files: ["src/demo/page/*.js"],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // The fake Bot API reads loosely typed JSON payloads on purpose.
    files: ["test/**/*.ts"],
    rules: { "@typescript-eslint/no-base-to-string": "off" },
  },
);
