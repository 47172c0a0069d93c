import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

/**
 * The Mini App's client (M5): Preact, built into dist/webapp, which the bot's HTTP server serves
 * at WEBAPP_URL's path (src/miniapp/route.ts). `base: "./"` keeps every asset URL relative, so
 * the app works under any path.
 */
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "./",
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  build: {
    outDir: fileURLToPath(new URL("../dist/webapp", import.meta.url)),
    emptyOutDir: true,
    target: "es2020",
    // Small enough to need no splitting; Telegram's clients cache the hashed files.
    modulePreload: false,
    reportCompressedSize: false,
  },
  logLevel: "warn",
});
