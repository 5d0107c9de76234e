// Before the UI tests: finds chromium, builds the mock page (vite --mode mock) and serves it on a free port.
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve } from "node:path";
import { build } from "vite";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    chromium: string;
  }
}

const UI = resolve(import.meta.dirname, "../..");
const OUT = join(UI, "test-dist");
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

function findChromium(): string {
  const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (existsSync(path)) return path;
  // Never skipped: a missing browser is a failed run, in CI and everywhere else.
  throw new Error(
    `UI tests need chromium at ${path} (set CHROMIUM_PATH or run scripts/setup.sh)` +
      (process.env.CI === "true" ? " — CI=true: failing, not skipping." : "."),
  );
}

function serve(root: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    const file = normalize(join(root, path));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      "cache-control": "no-store",
    });
    res.end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok(server)));
}

export default async function setup(project: TestProject) {
  const chromium = findChromium();
  await build({ root: UI, mode: "mock", logLevel: "warn", configFile: join(UI, "vite.config.ts") });
  const server = await serve(OUT);
  const { port } = server.address() as AddressInfo;
  project.provide("baseUrl", `http://127.0.0.1:${port}/tests/mock.html`);
  project.provide("chromium", chromium);
  return () => new Promise<void>((done) => server.close(() => done()));
}
