// Vite build of the UI: `ui/dist` for the Tauri shell; `--mode mock` builds the test page
// (tests/mock.html, the real App over a fake backend) into `ui/test-dist`, never into dist.
import { resolve } from "node:path";
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

export default defineConfig(({ mode }) => {
  const mock = mode === "mock";
  return {
    base: "./",
    plugins: [react()],
    clearScreen: false,
    server: { port: 1420, strictPort: true },
    build: {
      outDir: mock ? "test-dist" : "dist",
      emptyOutDir: true,
      target: "es2022",
      sourcemap: mock,
      rollupOptions: {
        input: mock ? resolve(import.meta.dirname, "tests/mock.html") : resolve(import.meta.dirname, "index.html"),
      },
    },
  };
});
