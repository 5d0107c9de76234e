// Test entry (tests/mock.html): installs mockIPC over the fake backend (commands and the dialog plugin), then starts the real App.
// Options come from the page's query: ?offline, ?resume, ?empty, ?closed, ?due, ?heartbeat=SECONDS,
// ?postgres, ?testclock, ?two (Lan on two campaigns), ?session=LOGIN (logged in already, as after a reload),
// ?requests (the register of requests about personal data has three, one overdue).
import { emit } from "@tauri-apps/api/event";
import { mockIPC } from "@tauri-apps/api/mocks";
import { FLOOR_EVENT } from "../src/api/bindings";
import { FakeBackend } from "./fake/backend";

declare global {
  interface Window {
    __fake: FakeBackend;
  }
}

const params = new URLSearchParams(window.location.search);
const heartbeat = params.get("heartbeat");
const fake = new FakeBackend({
  offline: params.has("offline"),
  resume: params.has("resume"),
  empty: params.has("empty"),
  closed: params.has("closed"),
  due: params.has("due"),
  postgres: params.has("postgres"),
  testClock: params.has("testclock"),
  twoCampaigns: params.has("two"),
  requests: params.has("requests"),
  session: params.get("session") ?? undefined,
  heartbeatSeconds: heartbeat ? Number(heartbeat) : undefined,
});
window.__fake = fake;
// The floor's events reach the window as the shell's do.
fake.floorSink = (event) => void emit(FLOOR_EVENT, event);
mockIPC(
  (cmd, payload) => {
    const answer = () => fake.handle(cmd, payload as Record<string, unknown> | undefined);
    const delay = fake.delays.get(cmd);
    return delay ? new Promise((ok) => setTimeout(ok, delay)).then(answer) : answer();
  },
  { shouldMockEvents: true },
);

await import("../src/main");
