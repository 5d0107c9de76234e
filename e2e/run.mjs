// End-to-end test of the real Khảo sát desktop app: tauri-driver (on 127.0.0.1) in front of
// WebKitWebDriver drives the debug build of `khaosat-desktop`, once on a fresh SQLite file and
// once on a fresh PostgreSQL database, each seeded with `khaosat init --demo`. The PostgreSQL
// run uses a throwaway cluster (scripts/pg-tls.sh) that checks people's passwords with SCRAM over
// verified TLS, as a call center's server does.
//
// The flow, per backend (steps 2–3 of the product's acceptance): the login screen refuses a
// wrong password in Vietnamese; operator dtv.lan logs in (no supervisor screen anywhere), opens
// the desk and sees her queue (her list, the pool, ready now, in calling hours), takes a case with
// F2, opens the interview with Enter and answers the SIPAS questionnaire by keyboard alone (the
// feedback branch, a multiple choice, Backspace and Esc, a typed comment), records the complete
// interview the closing suggests with Enter; takes a second case and records "no answer"; takes
// a third and books a callback, typed as dd/mm/yyyy hh:mm (the default and quick picks are the
// core's callback choices; a date that does not exist is refused in the dialog, a time passed or
// outside calling hours is refused by the core and said in the dialog, a good one is recorded as
// typed); she logs out and the supervisor gsv.hong logs in: the supervisor view finds the first
// respondent finished, with 1 attempt and every
// question answered, reviews the interview in the order asked, imports a list, draws the
// sample, and moves the pool's new cases to dtv.minh, seeing how many moved and the move in the
// audit; the supervisor's results tab shows the agency's satisfaction index computed from
// the interview taken; last, a second app window on the same database (its own tauri-driver on the
// next two ports) logs in as dtv.minh, and the supervisor's floor, with nothing pressed, shows him
// at his desk, calling, and back waiting with the agency's call of the day within 2 seconds of his
// click on "no answer" (the time is logged).
// Screenshots go to
// test-output/e2e-<backend>-*.png.
// The app and the CLI run on KHAOSAT_NOW (default 2026-11-23T09:00:00+07:00, a Monday morning
// in the demo's fieldwork), so calling hours are on whenever the test runs.
// A third run points the app at a database that cannot be opened and checks that the window
// still opens and says so.
//
// Run it under a display, e.g. `xvfb-run -a e2e/run.sh` (run.sh checks the tools first).
// Environment: CARGO_TARGET_DIR (default ~/.cache/khaosat/target) holds debug/khaosat-desktop and
// debug/khaosat; the PostgreSQL run needs PostgreSQL's server programs (scripts/setup.sh installs
// them); with CI=true or KHAOSAT_REQUIRE_PG=1 their absence fails the run instead of skipping it.
// KHAOSAT_E2E_BACKENDS (default sqlite,postgres,unavailable) picks the runs; KHAOSAT_E2E_PORT
// moves tauri-driver (default 4444).
// Ends with one line "N passed, M failed"; the exit status is non-zero when anything failed.

import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { Builder, By, Key, until } from "selenium-webdriver";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const OUT = path.join(ROOT, "test-output");
const TARGET = process.env.CARGO_TARGET_DIR || path.join(os.homedir(), ".cache/khaosat/target");
const APP = path.join(TARGET, "debug/khaosat-desktop");
const CLI = path.join(TARGET, "debug/khaosat");
const PORT = Number(process.env.KHAOSAT_E2E_PORT || 4444);
const CI = ["true", "1"].includes((process.env.CI || "").toLowerCase());
const REQUIRE_PG = CI || !!process.env.KHAOSAT_REQUIRE_PG;
const TIMEOUT = 30_000;
const OPERATOR = "dtv.lan";
/** The instant the app's and the CLI's clocks start at: calling hours, whatever the real hour. */
const DEFAULT_NOW = "2026-11-23T09:00:00+07:00";
const NOW = process.env.KHAOSAT_NOW || DEFAULT_NOW;

let passed = 0;
let failed = 0;
let notRun = 0;

const log = (line) => console.log(line);

function fail(message) {
  throw new Error(message);
}

function which(name, fallbacks = []) {
  for (const dir of (process.env.PATH || "").split(":")) {
    const candidate = path.join(dir, name);
    if (dir && fs.existsSync(candidate)) return candidate;
  }
  return fallbacks.find((f) => fs.existsSync(f));
}

/** Hides the password of any URL in a text. */
const redact = (text) => text.replace(/(:\/\/[^:/@\s]*):[^@\s]*@/g, "$1:***@");

function run(cmd, args, env = {}) {
  const result = spawnSync(cmd, args, { encoding: "utf8", env: { ...process.env, ...env } });
  if (result.status !== 0) {
    fail(redact(`${path.basename(cmd)} ${args.join(" ")} failed (${result.status}): ${result.stderr || result.stdout}`));
  }
  return result.stdout;
}

/** What to undo if the run is interrupted (Ctrl-C, a CI timeout). */
const onInterrupt = new Set();
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    for (const undo of onInterrupt) {
      try {
        undo();
      } catch {}
    }
    log(`interrupted (${signal})`);
    log(`${passed} passed, ${failed + 1} failed`);
    process.exit(1);
  });
}

// ---------------------------------------------------------------- databases

function sqliteDatabase() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "khaosat-e2e-"));
  const url = `sqlite://${path.join(dir, "khaosat.sqlite3")}`;
  return { url, drop: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** A fresh database on a throwaway cluster (scripts/pg-tls.sh) that speaks verified TLS and
 * checks people's passwords with SCRAM; its superuser, trusted, plays the database's
 * administrator who runs `khaosat init`. Dropping it stops and removes the cluster. */
function postgresDatabase() {
  const script = path.join(ROOT, "scripts/pg-tls.sh");
  const exports = run("bash", [script]);
  const get = (key) => {
    const line = exports.split("\n").find((l) => l.startsWith(`export ${key}=`));
    if (!line) fail(`scripts/pg-tls.sh printed no ${key}`);
    return line.slice(`export ${key}=`.length).replace(/\\(.)/g, "$1");
  };
  const cluster = get("KHAOSAT_TLS_CLUSTER");
  const stop = () => spawnSync("bash", [script, "stop", cluster], { encoding: "utf8" });
  try {
    const port = get("KHAOSAT_TLS_PORT");
    const name = `khaosat_e2e_${crypto.randomBytes(6).toString("hex")}`;
    run("psql", [`postgres://postgres@127.0.0.1:${port}/postgres`, "-XAtq", "-v", "ON_ERROR_STOP=1", "-c", `CREATE DATABASE ${name}`]);
    const query = `sslmode=verify-full&sslrootcert=${encodeURIComponent(get("KHAOSAT_TLS_CA"))}`;
    return { url: `postgres://postgres@${get("KHAOSAT_TLS_HOST")}:${port}/${name}?${query}`, drop: stop };
  } catch (e) {
    stop();
    throw e;
  }
}

/** A location that cannot be opened: by default a SQLite file whose directory cannot be
 * created (KHAOSAT_E2E_UNAVAILABLE_DB picks another, e.g. a PostgreSQL port nobody listens on). */
function unavailableDatabase() {
  const url = process.env.KHAOSAT_E2E_UNAVAILABLE_DB || "sqlite:///proc/khaosat-e2e/khaosat.sqlite3";
  return { url, drop: () => {} };
}

/** Whether PostgreSQL's server programs are here for scripts/pg-tls.sh to start a cluster. */
function postgresReachable() {
  const lib = "/usr/lib/postgresql";
  return fs.existsSync(lib) && fs.readdirSync(lib).some((v) => fs.existsSync(path.join(lib, v, "bin/initdb")));
}

// ---------------------------------------------------------------- tauri-driver

function waitForPort(port, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        resolve();
      });
      socket.once("error", () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`nothing listens on 127.0.0.1:${port}`));
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}

function portFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

async function startDriver(tauriDriver, nativeDriver, env, logFile, port = PORT) {
  if (!(await portFree(port))) fail(`port ${port} is taken: another tauri-driver? (set KHAOSAT_E2E_PORT)`);
  const out = fs.openSync(logFile, "w");
  // Its own process group, so that stopping it also stops WebKitWebDriver and the app.
  const child = spawn(
    tauriDriver,
    ["--port", String(port), "--native-port", String(port + 1), "--native-driver", nativeDriver],
    { env: { ...process.env, ...env }, stdio: ["ignore", out, out], detached: true },
  );
  fs.closeSync(out);
  let exited = null;
  const kill = () => process.kill(-child.pid, "SIGKILL");
  onInterrupt.add(kill);
  child.once("exit", (code, signal) => {
    exited = code ?? signal;
    onInterrupt.delete(kill);
  });
  await waitForPort(port, 15_000).catch((e) => fail(`tauri-driver did not start (${exited ?? "running"}): ${e.message}`));
  return {
    stop: async () => {
      if (exited !== null) return;
      const gone = new Promise((resolve) => child.once("exit", resolve));
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        return;
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid, "SIGKILL");
        } catch {}
      }, 5_000);
      await gone;
      clearTimeout(timer);
    },
  };
}

/** A WebDriver session on the tauri-driver at `port`, which opens the app. */
function session(port) {
  return (
    new Builder()
      .usingServer(`http://127.0.0.1:${port}/`)
      // One keep-alive connection for the whole session: a new connection per request makes
      // tauri-driver drop requests now and then.
      .usingHttpAgent(new http.Agent({ keepAlive: true, maxSockets: 1 }))
      .withCapabilities({ browserName: "wry", "tauri:options": { application: APP } })
      .build()
  );
}

// ---------------------------------------------------------------- page helpers

const byId = (id) => By.css(`[data-testid="${id}"]`);

/** The first shown element with this test id, waiting for one. */
async function visible(driver, id, timeout = TIMEOUT) {
  let found = null;
  await driver.wait(
    settled(async () => {
      for (const element of await driver.findElements(byId(id))) {
        if (await element.isDisplayed()) {
          found = element;
          return true;
        }
      }
      return false;
    }),
    timeout,
    `no visible [data-testid="${id}"] after ${timeout} ms`,
  );
  return found;
}

/** Does something with a shown element, again if a re-render replaced it meanwhile. */
async function withElement(driver, id, action) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await action(await visible(driver, id));
    } catch (e) {
      if (attempt >= 5 || e.name !== "StaleElementReferenceError") throw e;
    }
  }
}

const text = (driver, id) => withElement(driver, id, async (e) => (await e.getText()).trim());

/** Types into a text field as a person does (select all, type over it), then the keys after. */
async function typeInto(driver, id, value, ...after) {
  await withElement(driver, id, async (e) => {
    // One call each: WebKitWebDriver keeps Ctrl down until the end of the call that pressed it.
    await e.sendKeys(Key.chord(Key.CONTROL, "a"));
    await e.sendKeys(Key.BACK_SPACE);
    await e.sendKeys(value);
    const shown = await e.getAttribute("value");
    if (shown !== value) fail(`[data-testid="${id}"] reads "${shown}" after typing "${value}"`);
    if (after.length > 0) await e.sendKeys(...after);
  });
}
const click = (driver, id) => withElement(driver, id, (e) => e.click());

/** Sends a key to the page as a whole (the desk's hotkeys listen on the document). */
async function pressKey(driver, key) {
  const body = await driver.findElement(By.css("body"));
  try {
    await body.sendKeys(key);
  } catch {
    await driver.actions({ async: true }).sendKeys(key).perform();
  }
}

async function screenshot(driver, file) {
  fs.mkdirSync(OUT, { recursive: true });
  const png = await driver.takeScreenshot();
  fs.writeFileSync(path.join(OUT, file), png, "base64");
  return path.join("test-output", file);
}

/** Picks the option of a <select> whose text contains `label`, the way a person does (React sees a change). */
async function chooseOption(driver, id, label) {
  const chosen = await driver.executeScript(
    `const select = document.querySelector('[data-testid="' + arguments[0] + '"]');
     if (!select) return null;
     const option = [...select.options].find((o) => o.text.includes(arguments[1]));
     if (!option) return null;
     const setter = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, "value").set;
     setter.call(select, option.value);
     select.dispatchEvent(new Event("change", { bubbles: true }));
     return option.text;`,
    id,
    label,
  );
  if (!chosen) fail(`no option "${label}" in [data-testid="${id}"]`);
  return chosen;
}

/** The whole number a text holds (`1.234` in Vietnamese is one thousand two hundred…). */
function numberIn(text) {
  const m = /\d[\d.,\u00a0]*/.exec(text);
  return m ? Number(m[0].replace(/[.,\u00a0]/g, "")) : NaN;
}

/** The question on screen: the id in the `question-<ID>` test id of the question panel (not
 * its parts, `question-text` and the like). Read in one script, so a re-render between finding
 * the element and reading it cannot confuse the answer. */
async function currentQuestion(driver) {
  return driver.executeScript(`
    for (const el of document.querySelectorAll('div.question[data-testid^="question-"]')) {
      const id = (el.getAttribute("data-testid") || "").slice("question-".length);
      if (/^[A-Za-z][A-Za-z0-9_.]*$/.test(id) && el.getClientRects().length > 0) return id;
    }
    return null;`);
}

/** A wait condition that reads "not yet" when the page re-renders under it. */
function settled(condition) {
  return async () => {
    try {
      return await condition();
    } catch (e) {
      if (["StaleElementReferenceError", "NoSuchElementError"].includes(e.name)) return false;
      throw e;
    }
  };
}

/** Whether an element with this test id is shown now (an element re-rendered away is not). */
async function present(driver, id) {
  for (const element of await driver.findElements(byId(id))) {
    try {
      if (await element.isDisplayed()) return true;
    } catch {
      // Replaced by a re-render while we looked: look again next time.
    }
  }
  return false;
}

/** The open comment typed at the end of the interview. */
const COMMENT = "Cán bộ nhiệt tình, nên có thêm chỗ ngồi chờ.";

/** The keys that answer each question of the SIPAS path this test takes: digits answer a choice
 * or a rating (0 is "không ý kiến"), a multiple choice is ticked then saved with Enter, the
 * comment is typed. Feedback was given (da_gop_y = 1), so its three ratings are asked. */
const SIPAS_KEYS = {
  dong_y: ["1"],
  du_18_tuoi: ["1"],
  da_nhan_ket_qua: ["1"],
  "tiep_can.thong_tin": ["4"],
  "tiep_can.tru_so": ["5"],
  "tiep_can.noi_cho": ["3"],
  "tiep_can.trang_thiet_bi": ["4"],
  "thu_tuc.niem_yet": ["5"],
  "thu_tuc.ho_so": ["4"],
  "thu_tuc.phi": ["4"],
  "thu_tuc.thoi_han": ["2"],
  "cong_chuc.lich_su": ["5"],
  "cong_chuc.tra_loi": ["4"],
  "cong_chuc.huong_dan": ["4"],
  "cong_chuc.dung_quy_dinh": ["5"],
  "cong_chuc.tan_tinh": ["4"],
  "ket_qua.dung_hen": ["4"],
  "ket_qua.chinh_xac": ["5"],
  "ket_qua.cong_bang": ["0"],
  da_gop_y: ["1"],
  "gop_y.kenh": ["3"],
  "gop_y.xu_ly": ["4"],
  "gop_y.thong_bao": ["2"],
  hai_long_chung: ["4"],
  mong_doi: ["1", "3", Key.ENTER],
  gioi_tinh: ["2"],
  nhom_tuoi: ["3"],
  hoc_van: ["4"],
  nghe_nghiep: ["1"],
  y_kien: [COMMENT, Key.ENTER],
};

// ---------------------------------------------------------------- the flow

/** Logs a person in through the login form (the server field, on PostgreSQL, as filled in). */
async function logIn(driver, login, password) {
  await visible(driver, "login-form");
  await typeInto(driver, "login-user", login);
  await typeInto(driver, "login-password", password, Key.ENTER);
}

async function flow(backend, driver, steps, passwords) {
  const s = {};
  await steps.step("the login screen says where it works and refuses a wrong password", async () => {
    await visible(driver, "login-screen", 60_000);
    const where = await text(driver, "db-info");
    log(`    ${where}`);
    if (/postgres:\/\/[^@/]*@/.test(where)) fail(`the screen shows the database's user: "${where}"`);
    if (backend === "postgres" && !(await present(driver, "login-server"))) fail("no server field on PostgreSQL");
    await logIn(driver, OPERATOR, "khong-phai-mat-khau");
    const refused = await text(driver, "login-error");
    log(`    refused: ${refused}`);
    if (!refused.includes("Tên đăng nhập hoặc mật khẩu không đúng")) fail(`unexpected refusal "${refused}"`);
    if (await present(driver, "desk")) fail("a wrong password opened the desk");
    log(`    ${await screenshot(driver, `e2e-${backend}-login-refused.png`)}`);
  });
  await steps.step(`${OPERATOR} logs in and opens the desk, with no supervisor screen anywhere`, async () => {
    await logIn(driver, OPERATOR, passwords[OPERATOR]);
    await visible(driver, "desk");
    const person = await text(driver, "current-person");
    if (!person.includes("Nguyễn Thị Lan")) fail(`the top bar shows "${person}"`);
    for (const id of ["nav-supervisor", "nav-people", "tab-cases", "supervisor"]) {
      if (await present(driver, id)) fail(`an operator sees [data-testid="${id}"]`);
    }
  });
  await steps.step("the queue shows her list, the pool and what is ready, in calling hours", async () => {
    await visible(driver, "queue-own");
    const state = await text(driver, "queue-state");
    if (!state.startsWith("Đang trong giờ gọi")) fail(`calling hours are off at ${NOW}: "${state}"`);
    const counts = {};
    for (const id of ["queue-own", "queue-pool", "queue-ready"]) counts[id] = numberIn(await text(driver, id));
    log(`    ${state}; own ${counts["queue-own"]}, pool ${counts["queue-pool"]}, ready ${counts["queue-ready"]}`);
    // The demo gives a third of its 240 cases to each operator and leaves a third in the pool.
    if (counts["queue-own"] !== 80 || counts["queue-pool"] !== 80 || counts["queue-ready"] !== 160) {
      fail(`unexpected queue counts ${JSON.stringify(counts)}`);
    }
    if (await present(driver, "outside-hours")) fail("the desk says calling hours are off");
    log(`    ${await screenshot(driver, `e2e-${backend}-desk-idle.png`)}`);
  });
  await steps.step("F2 brings the next case with its details", async () => {
    await pressKey(driver, Key.F2);
    await visible(driver, "case-card");
    s.name = await text(driver, "case-name");
    if (!s.name) fail("case-name is empty");
    for (const id of ["case-phone", "case-agency", "case-procedure", "case-received"]) {
      if (!(await text(driver, id))) fail(`${id} is empty`);
    }
    s.agency = await text(driver, "case-agency");
    const received = await text(driver, "case-received");
    if (!/\b\d{2}\/\d{2}\/\d{4}\b/.test(received)) fail(`case-received is not dd/mm/yyyy: "${received}"`);
    s.phone = await text(driver, "case-phone");
    log(`    case: ${s.name.length} chars of name, received ${received}`);
  });
  await steps.step("screenshot of the desk", async () => {
    log(`    ${await screenshot(driver, `e2e-${backend}-desk.png`)}`);
  });
  await steps.step("Enter opens the interview; the consent question greets the person by name", async () => {
    await pressKey(driver, Key.ENTER);
    await visible(driver, "interview");
    await visible(driver, "question-dong_y");
    const greeting = await text(driver, "question-text");
    if (!greeting.startsWith(`Xin chào Ông/Bà ${s.name}.`)) fail("the greeting does not name the person");
    if (!greeting.includes("Tổng đài 1022")) fail(`the greeting does not name the hotline: "${greeting.slice(0, 80)}…"`);
    if (/[{}]/.test(greeting)) fail("a placeholder is left unfilled in the greeting");
    if (!(await text(driver, "question-instruction")).includes("Đọc chậm, rõ ràng.")) fail("no instruction to the operator");
  });
  await steps.step("the SIPAS questionnaire is answered by keyboard alone, the feedback branch included", async () => {
    const answered = [];
    let wentBack = false;
    for (let guard = 0; guard < 60; guard++) {
      let question = null;
      await driver.wait(
        async () => (question = await currentQuestion(driver)) !== null || (await present(driver, "interview-closing")),
        TIMEOUT,
        "neither a question nor the closing words are shown",
      );
      if (question === null) break;
      const keys = SIPAS_KEYS[question];
      if (!keys) fail(`question ${question} is not on the SIPAS path this test takes (after ${answered.join(", ")})`);
      if (answered.includes(question)) fail(`question ${question} is asked again after its answer`);
      if (question === "y_kien") {
        // The open comment is typed in its field, which has the keys.
        await withElement(driver, "answer-input", (e) => e.sendKeys(...keys));
      } else {
        for (const key of keys) await pressKey(driver, key);
      }
      answered.push(question);
      await driver.wait(
        settled(async () => (await present(driver, `saved-${question}`)) && (await currentQuestion(driver)) !== question),
        TIMEOUT,
        `question ${question} is not saved and passed after ${keys.join("+")}`,
      );
      if (question === "thu_tuc.phi" && !wentBack) {
        // Backspace shows the answer given; Esc comes back to the question to ask.
        wentBack = true;
        await pressKey(driver, Key.BACK_SPACE);
        await visible(driver, "question-thu_tuc.phi");
        const given = await text(driver, "question-given");
        if (!given.includes("Hài lòng")) fail(`going back does not show the answer given: "${given}"`);
        await pressKey(driver, Key.ESCAPE);
        await visible(driver, "question-thu_tuc.thoi_han");
      }
      if (question === "gop_y.kenh") log(`    ${await screenshot(driver, `e2e-${backend}-interview.png`)}`);
    }
    s.answered = answered;
    log(`    answered ${answered.length} by keyboard`);
    const missing = Object.keys(SIPAS_KEYS).filter((id) => !answered.includes(id));
    if (missing.length > 0) fail(`the path skipped ${missing.join(", ")}`);
  });
  await steps.step("the closing words are shown and Enter records the complete interview", async () => {
    await visible(driver, "interview-closing");
    const suggested = await text(driver, "record-suggested");
    if (!suggested.includes("Hoàn thành (1.1)")) fail(`the suggested outcome reads "${suggested}"`);
    log(`    ${await screenshot(driver, `e2e-${backend}-interview-closing.png`)}`);
    await pressKey(driver, Key.ENTER);
    s.lastResult = await text(driver, "last-result");
    log(`    last-result: ${s.lastResult}`);
    if (!s.lastResult.includes("Hoàn thành")) fail(`the outcome recorded is not a complete: "${s.lastResult}"`);
  });
  await steps.step("F2 brings a second case and 'no answer' is recorded", async () => {
    await pressKey(driver, Key.F2);
    await driver.wait(
      settled(async () => (await present(driver, "case-card")) && (await text(driver, "case-name")) !== s.name),
      TIMEOUT,
      "no second case after F2",
    );
    await click(driver, "outcome-3.13");
    await driver.wait(
      settled(async () => (await present(driver, "last-result")) && (await text(driver, "last-result")) !== s.lastResult),
      TIMEOUT,
      "last-result does not change after recording no answer",
    );
    s.lastResult = await text(driver, "last-result");
    log(`    last-result: ${s.lastResult}`);
  });
  await steps.step("a callback starts from the core's first choice; a date that does not exist is refused in the dialog", async () => {
    await pressKey(driver, Key.F2);
    await visible(driver, "case-card");
    await click(driver, "outcome-2.21");
    await visible(driver, "appointment-dialog");
    const initial = await withElement(driver, "appointment-input", (e) => e.getAttribute("value"));
    log(`    default: ${initial}`);
    if (!/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/.test(initial)) fail(`the callback time is not dd/mm/yyyy hh:mm: "${initial}"`);
    // The quick picks are the core's callback choices (its calendar, holidays included), the
    // default first.
    const picks = [];
    for (const pick of await driver.findElements(byId("appointment-pick"))) {
      picks.push({ label: (await pick.getText()).trim(), at: await pick.getAttribute("data-value") });
    }
    log(`    picks: ${picks.map((p) => `${p.label} = ${p.at}`).join("; ")}`);
    if (picks[0]?.at !== initial) fail(`the default "${initial}" is not the first choice offered`);
    if (NOW === DEFAULT_NOW) {
      // Monday 23/11/2026 09:00 (and a little): tomorrow 09:00 and 14:00, and in an hour.
      if (initial !== "24/11/2026 09:00") fail(`the default is not tomorrow 09:00: "${initial}"`);
      const labels = picks.map((p) => p.label).join(" | ");
      if (labels !== "Sáng mai 09:00 | Chiều mai 14:00 | Sau 1 giờ") fail(`unexpected quick picks "${labels}"`);
      if (!/^23\/11\/2026 10:(00|05|10)$/.test(picks[2].at)) fail(`"Sau 1 giờ" is not in an hour: "${picks[2].at}"`);
    }
    log(`    ${await screenshot(driver, `e2e-${backend}-appointment.png`)}`);
    await typeInto(driver, "appointment-input", "31/02/2026 09:00", Key.ENTER);
    const error = await text(driver, "appointment-error");
    log(`    error: ${error}`);
    if (!error.includes("31/02/2026 09:00")) fail(`unexpected error "${error}"`);
    if (!(await present(driver, "appointment-dialog"))) fail("the dialog closed on a bad date");
    // F2 cleared the last result: one now would be an outcome recorded for the bad date.
    if (await present(driver, "last-result")) fail("something was recorded for a bad date");
    if (!(await present(driver, "case-card"))) fail("the case left the desk on a bad date");
  });
  await steps.step("a time passed or outside calling hours is refused by the core, in the dialog; a good one is recorded", async () => {
    await typeInto(driver, "appointment-input", "01/01/2020 09:00", Key.ENTER);
    const past = await text(driver, "appointment-refused");
    log(`    refused: ${past}`);
    if (!past.includes("phải ở sau thời điểm hiện tại")) fail(`unexpected refusal "${past}"`);
    await typeInto(driver, "appointment-input", "24/11/2026 12:00", Key.ENTER);
    await driver.wait(
      settled(
        async () =>
          (await present(driver, "appointment-refused")) &&
          (await text(driver, "appointment-refused")).includes("nằm ngoài giờ gọi"),
      ),
      TIMEOUT,
      "no refusal of a time outside calling hours",
    );
    const refused = await text(driver, "appointment-refused");
    log(`    refused: ${refused}`);
    if (await present(driver, "error")) fail("the refusal is in the banner, not only in the dialog");
    if (await present(driver, "last-result")) fail("a refused callback was recorded");
    await typeInto(driver, "appointment-input", "24/11/2026 14:30", Key.ENTER);
    await visible(driver, "last-result");
    const recorded = await text(driver, "last-result");
    log(`    last-result: ${recorded}`);
    if (!recorded.includes("24/11/2026 14:30")) fail(`the callback is not at the time typed: "${recorded}"`);
  });
  await steps.step("she logs out; the supervisor logs in and finds the first respondent finished, 1 attempt, every question answered", async () => {
    await click(driver, "nav-logout");
    await logIn(driver, "gsv.hong", passwords["gsv.hong"]);
    await visible(driver, "cases-table");
    if (await present(driver, "nav-people")) fail("a supervisor sees the people's screen");
    await withElement(driver, "case-search", async (search) => {
      await search.clear();
      await search.sendKeys(s.name);
    });
    let rows = [];
    await driver.wait(
      settled(async () => {
        rows = [];
        const found = await driver.findElements(byId("case-row"));
        if (found.length === 0 || found.length > 5) return false;
        for (const row of found) {
          const cell = async (id) => {
            const [el] = await row.findElements(byId(id));
            return el;
          };
          const [name, status, attempts, answers] = await Promise.all(
            ["case-row-name", "case-row-status", "case-row-attempts", "case-row-answers"].map(cell),
          );
          rows.push({
            name: name ? (await name.getText()).trim() : "",
            status: status ? (await status.getText()).trim() : "",
            attempts: attempts ? (await attempts.getText()).trim() : "",
            answers: answers ? (await answers.getText()).trim() : "",
          });
        }
        // The search also matches other people sharing words with the name: pick this one's row.
        return rows.some((r) => r.name === s.name && r.status === "Hoàn thành");
      }),
      TIMEOUT,
      "no finished row for the first respondent",
    ).catch((e) => fail(`${e.message}; rows: ${JSON.stringify(rows)}`));
    const row = rows.find((r) => r.name === s.name && r.status === "Hoàn thành");
    log(`    row: ${JSON.stringify({ ...row, name: undefined })}`);
    if (row.attempts !== "1") fail(`case-row-attempts reads "${row.attempts}", not 1`);
    const expected = `${s.answered.length}/${s.answered.length} câu`;
    if (row.answers !== expected) fail(`case-row-answers reads "${row.answers}", not "${expected}"`);
  });
  await steps.step("the supervisor reviews the interview: every question answered, in the order asked", async () => {
    const review = await driver.findElements(byId("case-row-review"));
    let opened = false;
    for (const button of review) {
      const [row] = await button.findElements(By.xpath("./ancestor::tr"));
      const [name] = await row.findElements(byId("case-row-name"));
      if (name && (await name.getText()).trim() === s.name) {
        await button.click();
        opened = true;
        break;
      }
    }
    if (!opened) fail("no review button on the first respondent's row");
    await visible(driver, "interview-review");
    const order = await driver.executeScript(
      `return [...document.querySelectorAll('[data-testid="review-item"]')].map((e) => e.dataset.question);`,
    );
    if (order.join(" ") !== s.answered.join(" ")) fail(`the review lists ${order.join(", ")}`);
    const comment = await driver.executeScript(
      `const item = document.querySelector('[data-testid="review-item"][data-question="y_kien"]');
       return item ? item.querySelector('[data-testid="review-answer"]').textContent.trim() : null;`,
    );
    if (comment !== COMMENT) fail(`the comment reads "${comment}"`);
    log(`    ${await screenshot(driver, `e2e-${backend}-review.png`)}`);
    await withElement(driver, "review-close", (e) => e.sendKeys(Key.ESCAPE));
    await driver.wait(async () => !(await present(driver, "interview-review")), TIMEOUT, "Esc does not close the review");
  });
  await steps.step("screenshot of the supervisor view", async () => {
    log(`    ${await screenshot(driver, `e2e-${backend}-supervisor.png`)}`);
  });
  await steps.step("the supervisor imports a list: one row in, one rejected with its reason", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "khaosat-e2e-list-"));
    const file = path.join(dir, "danh-sach.csv");
    fs.writeFileSync(
      file,
      "\ufeffMã hồ sơ;Họ và tên;SĐT;Đơn vị;Tên thủ tục;Ngày trả kết quả\n" +
        "E2E-0001;Nguyễn Văn Thử;0912 000 111;Sở Tư pháp;Chứng thực bản sao;15/10/2026\n" +
        "E2E-0002;Trần Thị Thử;0612345678;STP;Chứng thực bản sao;16/10/2026\n",
    );
    await click(driver, "tab-import");
    await withElement(driver, "import-path", async (input) => {
      await input.clear();
      await input.sendKeys(file);
    });
    await click(driver, "import-preview");
    await visible(driver, "import-mapping");
    await click(driver, "import-run");
    await visible(driver, "import-summary", 60_000);
    const summary = await text(driver, "import-summary");
    log(`    summary: ${summary}`);
    if (!summary.includes("Đã đọc 2 dòng: nhận 1, từ chối 1")) fail(`unexpected summary "${summary}"`);
    const rejects = await text(driver, "import-rejects");
    if (!rejects.includes("đầu số 061")) fail("the rejected row does not give its reason");
    log(`    ${await screenshot(driver, `e2e-${backend}-import.png`)}`);
    fs.rmSync(dir, { recursive: true, force: true });
  });
  await steps.step("the sample tab shows every agency and draws the new person in", async () => {
    await click(driver, "tab-sample");
    await visible(driver, "sample-table");
    await click(driver, "sample-draw");
    let rows = [];
    await driver.wait(
      settled(async () => {
        rows = [];
        for (const row of await driver.findElements(byId("sample-row"))) {
          const cells = [];
          for (const cell of await row.findElements(By.css("td"))) cells.push((await cell.getText()).trim());
          rows.push(cells);
        }
        return rows.length >= 4;
      }),
      TIMEOUT,
      "no agency rows in the sample table",
    );
    const stp = rows.find((cells) => cells[0]?.includes("STP")) ?? [];
    log(`    STP: ${stp.slice(1, 4).join(" · ")}`);
    if (stp.slice(1, 4).join(" ") !== "61 61 61") {
      fail(`Sở Tư pháp should have 61 dossiers, 61 required and 61 drawn: ${JSON.stringify(stp)}`);
    }
    log(`    ${await screenshot(driver, `e2e-${backend}-sample.png`)}`);
  });
  await steps.step("the supervisor moves the pool's new cases to dtv.minh and sees how many moved", async () => {
    // Moving cases is the supervisor's: gsv.hong is the one logged in.
    await visible(driver, "supervisor");
    await click(driver, "tab-reassign");
    await visible(driver, "reassign");
    await chooseOption(driver, "rs-from", "Danh sách chung");
    await click(driver, "rs-status-new");
    await click(driver, "rs-preview");
    const preview = await text(driver, "rs-preview-count");
    const matched = numberIn(preview);
    log(`    preview: ${preview}`);
    if (!(matched > 0)) fail(`the preview finds no new case in the pool: "${preview}"`);
    await chooseOption(driver, "rs-to", "(dtv.minh)");
    await driver.wait(
      settled(async () => (await text(driver, "rs-move")).includes("Trần Quốc Minh")),
      TIMEOUT,
      "the move button does not name the target",
    );
    await click(driver, "rs-move");
    const moved = await text(driver, "rs-moved");
    log(`    ${moved}`);
    if (moved !== `Đã chuyển ${matched}/${matched} ca đến Trần Quốc Minh.`) fail(`unexpected report "${moved}"`);
    await driver.wait(
      settled(async () => (await driver.findElements(byId("audit-row"))).length === Math.min(matched, 20)),
      TIMEOUT,
      "the audit does not list the moves",
    );
    // The server's own trail (PostgreSQL): the moves, under gsv.hong's name; none on the file.
    if (backend === "postgres") {
      await driver.wait(
        settled(async () => {
          const rows = await driver.findElements(byId("trail-row"));
          return rows.length > 0 && (await rows[0].getText()).includes("Lê Thị Hồng");
        }),
        TIMEOUT,
        "the server's change trail does not show the supervisor's moves",
      );
      const first = await driver.findElement(byId("trail-changes")).getText();
      log(`    trail: ${first.replace(/\s*\n\s*/g, "; ")}`);
      if (!first.includes("assigned_to")) fail(`the trail's latest change is not a move: "${first}"`);
      await driver.executeScript(`document.querySelector('[data-testid="trail"]').scrollIntoView()`);
      log(`    ${await screenshot(driver, `e2e-${backend}-trail.png`)}`);
      await driver.executeScript("window.scrollTo(0, 0)");
    } else if ((await driver.findElements(byId("trail"))).length !== 0) {
      fail("the embedded file shows a server trail");
    }
    log(`    ${await screenshot(driver, `e2e-${backend}-reassign.png`)}`);
  });
  await steps.step("the case list shows the moved cases on dtv.minh's list", async () => {
    await click(driver, "tab-cases");
    await visible(driver, "cases-table");
    // The search of an earlier step is still there: clear it (the field's own × would do too).
    await driver.executeScript(
      `const input = document.querySelector('[data-testid="case-search"]');
       const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
       setter.call(input, "");
       input.dispatchEvent(new Event("input", { bubbles: true }));`,
    );
    await chooseOption(driver, "status-filter", "Chưa gọi");
    await driver.wait(
      settled(async () => !(await text(driver, "shown-count")).startsWith("Hiển thị 0/")),
      TIMEOUT,
      "no new case is shown",
    );
    const lists = await driver.executeScript(
      `return [...document.querySelectorAll('[data-testid="case-row-call-list"]')].map((e) => e.textContent.trim());`,
    );
    const pool = lists.filter((l) => l === "Chung").length;
    log(`    new cases shown: ${lists.length}, still in the pool: ${pool}`);
    if (lists.length === 0 || pool !== 0) fail(`new cases are still in the shared pool: ${pool} of ${lists.length}`);
  });
  await steps.step("the supervisor's results tab shows the agency's index from the interview taken", async () => {
    await click(driver, "tab-results");
    await visible(driver, "index-chart");
    let bars = [];
    await driver.wait(
      settled(async () => {
        bars = await driver.executeScript(
          `return [...document.querySelectorAll('[data-testid^="index-bar-"]')].map((b) => ({
             id: b.dataset.testid,
             name: (b.querySelector('[data-testid="index-name"]') || {}).textContent,
             value: (b.querySelector('[data-testid="index-value"]') || {}).textContent,
           }));`,
        );
        return bars.some((b) => b.name === s.agency);
      }),
      TIMEOUT,
      "no index bar for the interviewed agency",
    ).catch((e) => fail(`${e.message}; bars: ${JSON.stringify(bars)}`));
    log(`    bars: ${bars.map((b) => `${b.name} ${b.value}`).join(" | ")}`);
    // The SIPAS_KEYS answers: components 75, 75, 100, 100 (không ý kiến left out) and 33,33.
    const mine = bars.find((b) => b.name === s.agency);
    if (mine.value !== "76,67") fail(`the index of ${s.agency} reads "${mine.value}", not 76,67`);
    const pooled = bars.find((b) => b.id === "index-bar-pooled");
    if (pooled?.value !== "76,67") fail(`the pooled index reads "${pooled?.value}"`);
    const others = bars.filter((b) => b.name !== s.agency && b.id !== "index-bar-pooled");
    if (others.some((b) => b.value !== "—")) fail("an agency without interviews shows an index");
    await visible(driver, "progress-panel");
    log(`    ${await screenshot(driver, `e2e-${backend}-results.png`)}`);
  });
}

/** Without a database the window still opens and says why, with a way to retry. */
async function unavailableFlow(backend, driver, steps) {
  await steps.step("the login screen says the database cannot be reached", async () => {
    await visible(driver, "login-screen", 60_000);
    const message = await text(driver, "error");
    log(`    error: ${message.split("\n")[0]}`);
    if (!message.includes("Không kết nối được cơ sở dữ liệu")) fail(`unexpected error text: "${message}"`);
    await visible(driver, "retry");
  });
  await steps.step("screenshot of the login screen without a database", async () => {
    log(`    ${await screenshot(driver, `e2e-${backend}-start.png`)}`);
  });
}

/** Runs steps in order; after the first failure the rest of the flow is not run. */
function stepper(backend, driver, brokenAlready = false) {
  let broken = brokenAlready;
  return {
    get broken() {
      return broken;
    },
    async step(name, body) {
      if (broken) {
        notRun++;
        log(`  -    ${backend}: ${name} (not run)`);
        return;
      }
      const started = Date.now();
      try {
        await body();
        passed++;
        log(`  ok   ${backend}: ${name} (${Date.now() - started} ms)`);
      } catch (e) {
        failed++;
        broken = true;
        log(`  FAIL ${backend}: ${name}: ${e.message.split("\n")[0]}`);
        if (driver) {
          try {
            log(`    ${await screenshot(driver, `e2e-${backend}-failure.png`)}`);
          } catch {}
        }
      }
    },
  };
}

/** The XDG directories of a profile of the app's own. */
function profileDirs(profile) {
  return Object.fromEntries(
    ["XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"].map((name) => [name, path.join(profile, name)]),
  );
}

/** A second app on the same database, as another workstation: a profile and a tauri-driver of
 * its own (on the next two ports). */
async function secondWindow(tools, backend, env) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), `khaosat-e2e-${backend}-second-`));
  const port = PORT + 2;
  const driverProcess = await startDriver(
    tools.tauriDriver,
    tools.nativeDriver,
    { ...profileDirs(profile), ...env },
    path.join(OUT, `e2e-${backend}-second-driver.log`),
    port,
  );
  let driver = null;
  const close = async () => {
    if (driver) await driver.quit().catch(() => {});
    await driverProcess.stop();
    fs.rmSync(profile, { recursive: true, force: true });
  };
  try {
    driver = await session(port);
  } catch (e) {
    await close();
    throw e;
  }
  return { driver, close };
}

/** The state the supervisor's floor shows for an operator, or null. */
const floorState = (driver, login) =>
  driver.executeScript(
    `const row = document.querySelector('[data-testid="floor-operator"][data-login="' + arguments[0] + '"]');
     return row ? row.dataset.state : null;`,
    login,
  );

/** The calls of the day the floor shows, all agencies together. */
const callsToday = (driver) =>
  driver.executeScript(
    `return [...document.querySelectorAll('[data-testid="floor-calls-today"]')]
       .reduce((sum, cell) => sum + Number(cell.textContent.replace(/\D/g, "")), 0);`,
  );

/** Waits, looking every 25 ms, until the condition holds; how long it took, in ms. */
async function timed(driver, condition, what, limit = TIMEOUT) {
  const started = Date.now();
  await driver.wait(settled(condition), limit, what, 25);
  return Date.now() - started;
}

/** Two windows on one database: the supervisor's floor follows what dtv.minh does in the other
 * within 2 seconds, with nothing pressed (PostgreSQL's notifications; the SQLite file's poll). */
async function liveFloor(backend, driver, steps, passwords, open) {
  let second = null;
  const LIMIT_MS = 2000;
  await steps.step("a second window on the same database: dtv.minh logs in and opens his desk", async () => {
    second = await open();
    await logIn(second.driver, "dtv.minh", passwords["dtv.minh"]);
    await visible(second.driver, "desk", 60_000);
  });
  await steps.step("the supervisor's floor shows dtv.minh at his desk, then calling, with nothing pressed", async () => {
    await click(driver, "tab-floor");
    await driver.wait(
      settled(async () => (await driver.findElement(byId("floor-badge")).getAttribute("data-state")) === "live"),
      TIMEOUT,
      "the floor is not live",
    );
    await timed(driver, async () => (await floorState(driver, "dtv.minh")) === "idle", "dtv.minh is not shown at his desk");
    await pressKey(second.driver, Key.F2);
    const started = Date.now();
    await visible(second.driver, "case-card");
    const ms = await timed(driver, async () => (await floorState(driver, "dtv.minh")) === "calling", "the floor does not show dtv.minh calling");
    log(`    calling shown ${Date.now() - started} ms after F2 (${ms} ms after the card showed)`);
  });
  await steps.step(`dtv.minh records 'no answer': the supervisor's floor shows it within ${LIMIT_MS} ms, nothing pressed`, async () => {
    const before = await callsToday(driver);
    await click(second.driver, "outcome-3.13");
    const ms = await timed(
      driver,
      async () => (await floorState(driver, "dtv.minh")) === "idle" && (await callsToday(driver)) === before + 1,
      "the floor does not show the call ended",
    );
    log(`    floor updated ${ms} ms after the click (calls today ${before} → ${before + 1})`);
    await visible(second.driver, "last-result");
    log(`    ${await screenshot(driver, `e2e-${backend}-floor.png`)}`);
    log(`    ${await screenshot(second.driver, `e2e-${backend}-floor-operator.png`)}`);
    if (ms > LIMIT_MS) fail(`the floor took ${ms} ms to show the outcome (more than ${LIMIT_MS} ms)`);
  });
  if (second) await second.close();
}

async function runBackend(backend, tools) {
  const started = Date.now();
  log(`== e2e on ${backend}`);
  const pre = stepper(backend, null);
  let database = null;
  let passwords = {};
  let driverProcess = null;
  let driver = null;
  const driverLog = path.join(OUT, `e2e-${backend}-driver.log`);
  if (backend === "unavailable") {
    database = unavailableDatabase();
  } else {
    await pre.step("a fresh database with the demo campaign", async () => {
      database = backend === "sqlite" ? sqliteDatabase() : postgresDatabase();
      onInterrupt.add(database.drop);
      // The demo people's passwords are printed once, here.
      const seeded = JSON.parse(run(CLI, ["--db", database.url, "init", "--demo", "--json"], { KHAOSAT_NOW: NOW }));
      for (const person of seeded.demo?.people ?? []) passwords[person.login] = person.password;
      if (!passwords[OPERATOR] || !passwords["gsv.hong"]) fail("init --demo --json gave no passwords");
    });
  }
  // A profile of its own (the web view's storage, the app's data): nothing an earlier run left,
  // such as a remembered server, carries over.
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), `khaosat-e2e-${backend}-`));
  const dropProfile = () => fs.rmSync(profile, { recursive: true, force: true });
  onInterrupt.add(dropProfile);
  let appStarted = Date.now();
  await pre.step("tauri-driver starts and opens the app", async () => {
    fs.mkdirSync(OUT, { recursive: true });
    appStarted = Date.now();
    driverProcess = await startDriver(
      tools.tauriDriver,
      tools.nativeDriver,
      { ...profileDirs(profile), KHAOSAT_DB: database.url, KHAOSAT_LOG: "info", KHAOSAT_NOW: NOW },
      driverLog,
    );
    driver = await session(PORT);
  });
  // When the set-up failed, the flow's steps are listed as not run.
  const steps = stepper(backend, driver, pre.broken);
  await (backend === "unavailable" ? unavailableFlow : flow)(backend, driver, steps, passwords);
  if (backend !== "unavailable") {
    // A second workstation on the same database, its clock where the first one's is now.
    const now = new Date(Date.parse(NOW) + (Date.now() - appStarted)).toISOString();
    const open = () => secondWindow(tools, backend, { KHAOSAT_DB: database.url, KHAOSAT_LOG: "info", KHAOSAT_NOW: now });
    await liveFloor(backend, driver, steps, passwords, open);
  }
  if (driver) await driver.quit().catch(() => {});
  if (driverProcess) await driverProcess.stop();
  if (database) {
    onInterrupt.delete(database.drop);
    database.drop();
  }
  onInterrupt.delete(dropProfile);
  dropProfile();
  if (pre.broken || steps.broken) {
    const tail = fs.existsSync(driverLog) ? fs.readFileSync(driverLog, "utf8").split("\n").slice(-25).join("\n") : "";
    if (tail.trim()) log(`  --- last lines of ${path.relative(ROOT, driverLog)}:\n${tail}`);
  }
  log(`== ${backend} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function main() {
  const started = Date.now();
  // Screenshots and logs of an earlier run would be mistaken for this one's.
  fs.mkdirSync(OUT, { recursive: true });
  for (const file of fs.readdirSync(OUT)) {
    if (/^e2e-.*\.(png|log)$/.test(file)) fs.rmSync(path.join(OUT, file));
  }
  const tools = {
    tauriDriver: which("tauri-driver", [path.join(os.homedir(), ".cargo/bin/tauri-driver")]),
    nativeDriver: which("WebKitWebDriver", ["/usr/bin/WebKitWebDriver"]),
  };
  const missing = [
    [tools.tauriDriver, "tauri-driver (cargo install tauri-driver --locked)"],
    [tools.nativeDriver, "WebKitWebDriver (apt-get install webkit2gtk-driver)"],
    [fs.existsSync(APP), `${APP} (cargo build -p khaosat-desktop)`],
    [fs.existsSync(CLI), `${CLI} (cargo build -p khaosat)`],
  ].filter(([ok]) => !ok);
  if (missing.length > 0) {
    for (const [, what] of missing) log(`missing: ${what}`);
    log(`0 passed, ${missing.length} failed`);
    process.exit(1);
  }
  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    log("no display: run under xvfb-run -a (e2e/run.sh does)");
    log("0 passed, 1 failed");
    process.exit(1);
  }
  let backends = (process.env.KHAOSAT_E2E_BACKENDS || "sqlite,postgres,unavailable").split(",").map((b) => b.trim()).filter(Boolean);
  if (backends.includes("postgres") && !postgresReachable()) {
    if (REQUIRE_PG) {
      log(`PostgreSQL is required (CI or KHAOSAT_REQUIRE_PG) but its server programs are missing`);
      failed++;
    } else {
      log("SKIPPED: the PostgreSQL run (no PostgreSQL server programs; run scripts/setup.sh)");
    }
    backends = backends.filter((b) => b !== "postgres");
  }
  for (const backend of backends) {
    await runBackend(backend, tools);
  }
  log(`e2e took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (notRun) log(`${notRun} steps not run after a failure`);
  log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 || passed === 0 ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  log(`${passed} passed, ${failed + 1} failed`);
  process.exit(1);
});
