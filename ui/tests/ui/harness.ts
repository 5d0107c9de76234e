// Shared helpers for the UI tests: one headless chromium per file, a fresh page per test, the fake's controls.
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect, inject } from "vitest";
import type { ApiError } from "../../src/api/bindings";
import type { Call } from "../fake/backend";
import { PASSWORDS } from "../fake/data";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const SHOTS = resolve(import.meta.dirname, "../../../test-output");

let browser: Browser | null = null;
let context: BrowserContext | null = null;
let problems: string[] = [];

/** Launches chromium for this file and checks after each test that the page logged no error. */
export function useBrowser(): void {
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: inject("chromium"), args: CHROMIUM_ARGS, headless: true });
  });
  afterEach(async () => {
    await context?.close();
    context = null;
    const found = problems;
    problems = [];
    expect(found, "errors in the page").toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
    browser = null;
  });
}

/** Opens the mock app on the login screen (options as query: "offline", "resume", "empty", "closed",
 * "due", "heartbeat=1", "postgres", "testclock", "two", "session=LOGIN", "requests"). */
export async function openApp(query = "", storage: Record<string, string> = {}): Promise<Page> {
  if (!browser) throw new Error("useBrowser() first");
  context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "vi-VN" });
  if (Object.keys(storage).length > 0) {
    await context.addInitScript({
      content: `for (const [k, v] of Object.entries(${JSON.stringify(storage)})) localStorage.setItem(k, v);`,
    });
  }
  context.setDefaultTimeout(5000);
  const page = await context.newPage();
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  await page.goto(`${inject("baseUrl")}${query ? `?${query}` : ""}`);
  return page;
}

export const byId = (page: Page, id: string): Locator => page.getByTestId(id);

/** Retries an assertion until it holds or the time is up (playwright-core has no auto-waiting expect). */
export async function eventually(check: () => Promise<void> | void, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (e) {
      if (Date.now() > until) throw e;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

export async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? "").replace(/\s+/g, " ").trim();
}

export async function expectText(locator: Locator, expected: string | RegExp): Promise<void> {
  await eventually(async () => {
    const text = await textOf(locator);
    if (typeof expected === "string") expect(text).toContain(expected);
    else expect(text).toMatch(expected);
  });
}

export async function expectGone(locator: Locator): Promise<void> {
  await locator.waitFor({ state: "detached", timeout: 5000 });
}

/** The arguments of every call of one command so far, oldest first. */
export async function callsOf(page: Page, cmd: string): Promise<Call[]> {
  return page.evaluate((c) => window.__fake.callsOf(c), cmd);
}

export async function failNext(page: Page, cmd: string, error: ApiError): Promise<void> {
  await page.evaluate(([c, e]) => window.__fake.failNext(c, e), [cmd, error] as const);
}

/** Logs in through the login form as this person (with their demo password unless another is
 * given): types the login and the password, and Enter submits. */
export async function logIn(page: Page, login: string, password = PASSWORDS[login] ?? ""): Promise<void> {
  await byId(page, "login-user").fill(login);
  await byId(page, "login-password").fill(password);
  await byId(page, "login-password").press("Enter");
}

/** Opens the app (with a fake-backend query such as `?closed`), logs in as this person and waits
 * for their screen: the desk for an operator, the supervisor view for a supervisor. */
export async function openAs(login: string, screen: "desk" | "supervisor", query = ""): Promise<Page> {
  const page = await openApp(query);
  await logIn(page, login);
  await byId(page, screen).waitFor();
  return page;
}

/** Logs out from the top bar and waits for the login form. */
export async function logOut(page: Page): Promise<void> {
  await byId(page, "nav-logout").click();
  await byId(page, "login-form").waitFor();
}

/** Lan takes her next case with F2 and waits for the card. */
export async function takeCase(page: Page): Promise<void> {
  await byId(page, "desk").waitFor();
  await page.keyboard.press("F2");
  await byId(page, "case-card").waitFor();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `ui-${name}.png`), fullPage: true });
}

/** The `req` argument of a call. */
export function req<T>(call: Call | undefined): T {
  return (call?.args as { req: T }).req;
}
