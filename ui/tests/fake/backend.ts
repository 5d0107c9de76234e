// An in-memory fake of the Rust commands, for UI tests: same shapes, same rules, same ApiError rejections.
// Like the core it acts as the person logged in: before `login` every command but a few is refused,
// and each command checks the person's role and campaigns as the core's session does.
// Its clock starts on Monday 23/11/2026 at 09:00 in Asia/Ho_Chi_Minh (calling hours on) and runs on,
// like KHAOSAT_NOW does for the app; `?closed` starts it on Sunday 22/11 at 10:00 (calling hours off).
import type {
  AgencySample,
  ApiError,
  AppInfo,
  AppointmentCalendar,
  AppointmentView,
  AuditView,
  TrailView,
  CallbackChoice,
  CallingYear,
  CampaignView,
  CaseCard,
  CaseOverview,
  CaseStatus,
  CaseVersion,
  DayOffKind,
  ErrorKind,
  FloorEvent,
  UnknownAgency,
  FloorView,
  InterviewView,
  Lease,
  ImportPreview,
  OutcomeCode,
  OutcomeRecorded,
  PersonView,
  PauseView,
  PurgeReport,
  QueueView,
  ReviewAction,
  ReviewDecision,
  ReviewItem,
  ReviewState,
  ReviewView,
  RequestKind,
  RequestView,
  SampleReport,
  SessionView,
  StaffView,
  TimeSlot,
  commands,
} from "../../src/api/bindings";
import {
  AGENCIES,
  CAMPAIGN,
  CAMPAIGNS,
  LIST_FILES,
  NEXT_CAMPAIGN,
  OUTCOMES,
  PASSWORDS,
  POPULATIONS,
  STAFF,
  appointmentCases,
  demoCases,
  demoRequests,
  type FakeCase,
  type FakeListFile,
  type FakeRequest,
} from "./data";
import { consentRecord, interviewView, progress, saveAnswer, stopRefusal, type FakeInterview, type Fill } from "./interview";
import { indexReport, operatorsReport, progressReport, ratesReport } from "./reports";

type Commands = typeof commands;
/** Every command of bindings.ts, implemented synchronously (a throw becomes a rejected promise). */
type FakeApi = { [K in keyof Commands]: (...args: Parameters<Commands[K]>) => Awaited<ReturnType<Commands[K]>> };

export interface FakeOptions {
  heartbeatSeconds?: number;
  /** The database cannot be reached: app_info and login fail with `unavailable`. */
  offline?: boolean;
  /** A shared PostgreSQL database: the login form asks for the server. */
  postgres?: boolean;
  /** The app runs on a set clock (KHAOSAT_NOW): the window must say so. */
  testClock?: boolean;
  /** This person is logged in already, as after the window is reloaded. */
  session?: string;
  /** Lan works the second campaign too. */
  twoCampaigns?: boolean;
  /** Lan already holds her partly answered case (Ngô Thu Trang): next_case resumes it. */
  resume?: boolean;
  /** No case is left for anyone. */
  empty?: boolean;
  /** The clock starts on a Sunday: calling hours are off until Monday 07:30. */
  closed?: boolean;
  /** Lan has a hard appointment due now, and the pool a soft one later today. */
  due?: boolean;
  /** The register of requests about personal data has three already, one of them overdue. */
  requests?: boolean;
}

/** A step of review as the fake keeps it, in the order taken. */
interface FakeStep {
  id: string;
  action: ReviewAction;
  by: string;
  at: number;
  reason: string;
  question: string | null;
  oldValue: string | null;
  newValue: string | null;
}

/** The state a finished interview is in after its steps, as the core's `ReviewState::after_steps`. */
function reviewState(steps: readonly FakeStep[]): ReviewState {
  let state: ReviewState = "submitted";
  for (const s of steps) {
    if (s.action === "approved") state = "approved";
    if (s.action === "returned") state = "returned";
    if (s.action === "resubmitted") state = "submitted";
  }
  return state;
}

/** Whether `who` may take `action` in `state`: the core's refusal (`ReviewState::allows`), or null. */
function reviewRefusal(state: ReviewState, action: ReviewAction, who: "supervisor" | "operator"): string | null {
  if (who === "operator") {
    if (action === "approved" || action === "returned") return "chỉ giám sát viên duyệt hoặc trả lại phiếu";
    return state === "returned" ? null : "phiếu không bị trả lại: điện thoại viên chỉ sửa và gửi lại phiếu bị trả lại";
  }
  if (state === "returned") return "phiếu đang ở chỗ điện thoại viên (đã trả lại); chờ họ gửi lại";
  if (action === "resubmitted") return "chỉ điện thoại viên của phiếu gửi lại phiếu";
  if (state === "approved" && action === "approved") return "phiếu đã được duyệt";
  return null;
}

/** A refusal as the core's ApiError writes it: one sentence, capital first, a full stop. */
function sentence(kind: ErrorKind, text: string): ApiError {
  return apiError(kind, `${text.charAt(0).toUpperCase()}${text.slice(1)}.`);
}

/** A reason as the core's `Reason::parse`: trimmed, required, one line, at most 500 characters;
 * a refusal names what it was for (`what`). */
function parseReason(text: string, what: string): string {
  const reason = text.trim();
  const refuse = (why: string) => sentence("invalid", `${what}: ${why}`);
  if (reason === "") throw refuse("cần ghi lý do");
  if ([...reason].length > 500) throw refuse("lý do dài quá 500 ký tự");
  if (/\p{Cc}/u.test(reason)) throw refuse("lý do không được chứa ký tự điều khiển (xuống dòng, tab…)");
  return reason;
}

const REVIEW_LABELS: Record<ReviewAction, string> = {
  approved: "duyệt",
  returned: "trả lại",
  resubmitted: "gửi lại",
  corrected: "sửa câu trả lời",
};

export interface Call {
  cmd: string;
  args: unknown;
  at: number;
  ok: boolean;
}

/** A person as the fake stores them: their password (in clear: it is a fake) and campaign codes. */
export interface FakePerson extends StaffView {
  active: boolean;
  password: string;
  campaigns: string[];
}

/** Who is logged in: the person, and the campaigns (ids) they were on when they logged in, as
 * the core's session keeps them. */
interface FakeSession {
  person: FakePerson;
  campaigns: string[];
}

/** What the core answers without a session. */
const OPEN_COMMANDS: ReadonlySet<string> = new Set(["app_info", "login", "logout", "save_rejects"]);

const LOGIN_REFUSED = "Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đã bị khoá.";
const RESERVED_LOGINS = ["postgres", "public", "none", "current_user", "current_role", "session_user", "all"];

/** A login as the core reads it (`Login::parse`): trimmed, lower case, or why it is refused. */
export function parseLogin(text: string): string {
  const typed = text.trim();
  const login = typed.toLowerCase();
  if (login === "") throw apiError("invalid", "Tên đăng nhập không được để trống.");
  if (new TextEncoder().encode(login).length > 40) throw apiError("invalid", `Tên đăng nhập “${typed}” dài quá 40 ký tự.`);
  if (!/^[a-z]/.test(login)) {
    throw apiError("invalid", `Tên đăng nhập “${typed}” phải bắt đầu bằng một chữ cái không dấu (a–z).`);
  }
  if (!/^[a-z0-9._-]+$/.test(login)) {
    throw apiError("invalid", `Tên đăng nhập “${typed}” chỉ được có chữ không dấu, chữ số và các dấu . _ - (ví dụ dtv.lan).`);
  }
  if (RESERVED_LOGINS.includes(login) || login.startsWith("pg_") || login.startsWith("khaosat_")) {
    throw apiError("invalid", `Tên đăng nhập “${login}” là tên dành riêng của PostgreSQL hoặc của Khảo sát.`);
  }
  return login;
}

/** A new password for `login` as the core checks it (`Password::new_for`); the refusal never holds it. */
export function checkNewPassword(text: string, login: string): string {
  const password = text.replace(/[\r\n]+$/, "");
  const chars = [...password];
  if (chars.length < 8) throw apiError("invalid", "Mật khẩu phải có ít nhất 8 ký tự.");
  if (chars.length > 128) throw apiError("invalid", "Mật khẩu dài quá 128 ký tự.");
  if (/[\u0000-\u001f\u007f-\u009f]/.test(password)) {
    throw apiError("invalid", "Mật khẩu không được có ký tự điều khiển (xuống dòng, tab…).");
  }
  if (password.toLowerCase() === login) throw apiError("invalid", "Mật khẩu không được trùng với tên đăng nhập.");
  if (chars.every((c) => c === chars[0])) throw apiError("invalid", "Mật khẩu không được chỉ là một ký tự lặp lại.");
  return password;
}

/** A copy of a command's arguments with every password starred, as the calls are recorded. */
function withoutPasswords(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPasswords);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, k === "password" ? "***" : withoutPasswords(v)]),
  );
}

/** People in the core's order: by role, then login. */
function byRoleAndLogin(a: StaffView, b: StaffView): number {
  return a.role.localeCompare(b.role) || a.login.localeCompare(b.login);
}

const LEASE_MS = 5 * 60_000;
const MINUTE = 60_000;
const ZONE_MS = 7 * 3_600_000;
const GRACE_MS = CAMPAIGN.appointmentGraceMinutes * MINUTE;
/** How many appointments the queue lists, as the core's APPOINTMENTS_SHOWN. */
const APPOINTMENTS_SHOWN = 8;

/** Monday 23/11/2026 09:00 and Sunday 22/11/2026 10:00 in the campaign's zone (UTC+7). */
export const OPEN_START = Date.UTC(2026, 10, 23, 2, 0);
export const CLOSED_START = Date.UTC(2026, 10, 22, 3, 0);

/** The default calling hours (Mon–Sat), in minutes of the local day; 17:00 splits afternoon and evening.
 * Public holidays are not modelled: no test date falls on one. */
const SLOTS: readonly { slot: TimeSlot; from: number; to: number }[] = [
  { slot: "morning", from: 7 * 60 + 30, to: 11 * 60 + 30 },
  { slot: "afternoon", from: 13 * 60 + 30, to: 17 * 60 },
  { slot: "evening", from: 17 * 60, to: 20 * 60 },
];

/** The part of the day calling is open in at `ms`, or null outside calling hours. */
export function slotAt(ms: number): TimeSlot | null {
  const local = new Date(ms + ZONE_MS);
  if (local.getUTCDay() === 0) return null;
  const minute = local.getUTCHours() * 60 + local.getUTCMinutes();
  return SLOTS.find((s) => minute >= s.from && minute < s.to)?.slot ?? null;
}

/** When calling hours next begin after `ms` (the start of the next slot on a calling day). */
export function nextOpen(ms: number): number {
  const local = new Date(ms + ZONE_MS);
  const midnight = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - ZONE_MS;
  for (let day = 0; day < 8; day++) {
    const start = midnight + day * 24 * 3_600_000;
    if (new Date(start + ZONE_MS).getUTCDay() === 0) continue;
    for (const s of SLOTS) {
      const at = start + s.from * MINUTE;
      if (at > ms) return at;
    }
  }
  return ms;
}

const DAY_MS = 24 * 3_600_000;
const WEEKDAYS_VI = ["CN", "T2", "T3", "T4", "T5", "T6", "T7"] as const;
const WEEKDAYS_EN = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;

/** The callback times the core offers at `ms` (its `callback_choices`), the default first: the next
 * calling day's morning (09:00) and afternoon (14:00), each moved to when calling opens if it is
 * not in calling hours, then in an hour (rounded up to 5 minutes) if that is in calling hours. */
export function callbackChoices(ms: number): CallbackChoice[] {
  const local = new Date(ms + ZONE_MS);
  const midnight = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - ZONE_MS;
  const choices: CallbackChoice[] = [];
  let days = 1;
  while (days <= 14 && new Date(midnight + days * DAY_MS + ZONE_MS).getUTCDay() === 0) days++;
  if (days <= 14) {
    const day = midnight + days * DAY_MS;
    const wall = new Date(day + ZONE_MS);
    const date = formatInstant(day).slice(0, 5);
    const [vi, en] =
      days === 1
        ? ["mai", "tomorrow"]
        : [`${WEEKDAYS_VI[wall.getUTCDay()]} ${date}`, `${WEEKDAYS_EN[wall.getUTCDay()]} ${date}`];
    for (const [viPart, enPart, hour] of [["Sáng", "Morning", 9], ["Chiều", "Afternoon", 14]] as const) {
      const wanted = day + hour * 60 * MINUTE;
      const at = slotAt(wanted) !== null ? wanted : nextOpen(wanted);
      const clock = formatInstant(at).slice(11);
      choices.push({ labelVi: `${viPart} ${vi} ${clock}`, labelEn: `${enPart} ${en} ${clock}`, at: formatInstant(at) });
    }
  }
  // Rounded up as chrono's duration_round_up: the seconds count, so 09:00:20 gives 10:05.
  const step = 5 * MINUTE;
  const later = Math.ceil((ms + 60 * MINUTE) / step) * step;
  if (slotAt(later) !== null) choices.push({ labelVi: "Sau 1 giờ", labelEn: "In 1 hour", at: formatInstant(later) });
  return choices.filter((c, i) => i === 0 || c.at !== choices[i - 1]!.at);
}

export function apiError(kind: ErrorKind, message: string): ApiError {
  return { kind, message };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** dd/mm/yyyy hh:mm in the campaign's zone (Asia/Ho_Chi_Minh, UTC+7, no daylight saving). */
export function formatInstant(ms: number): string {
  const d = new Date(ms + 7 * 3_600_000);
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** A callback time as the core's `LocalTime` reads it (`2026-11-24T09:30`, `2026-11-24T09:30:00`
 * or `24/11/2026 09:30`), in the campaign's zone → epoch ms; null when it is none of these. */
export function parseLocal(text: string): number | null {
  const t = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})T(\d{1,2}):(\d{1,2})(?::\d{1,2})?$/.exec(t);
  const shown = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{1,2})$/.exec(t);
  const [y, mo, d, h, mi] = iso
    ? [+iso[1]!, +iso[2]!, +iso[3]!, +iso[4]!, +iso[5]!]
    : shown
      ? [+shown[3]!, +shown[2]!, +shown[1]!, +shown[4]!, +shown[5]!]
      : [];
  if (y === undefined || mo! < 1 || mo! > 12 || h! > 23 || mi! > 59) return null;
  const wall = Date.UTC(y, mo! - 1, d!, h!, mi!);
  if (new Date(wall).getUTCDate() !== d) return null;
  return wall - ZONE_MS;
}

function leaseLost(caseId: string): ApiError {
  return apiError("leaseLost", `Ca ${caseId} không còn do bạn giữ: thời hạn giữ ca đã hết và ca đã được giao cho người khác.`);
}

function masked(phone: string): string {
  return `${phone.slice(0, 3)}****${phone.slice(-3)}`;
}

/** A case's number as the supervisor and the queue show it: masked, or empty once purged. */
function maskedOf(c: FakeCase): string {
  return c.purged ? "" : masked(c.phone);
}

const MOBILE_PREFIXES = [
  "32", "33", "34", "35", "36", "37", "38", "39", "86", "96", "97", "98",
  "70", "76", "77", "78", "79", "89", "90", "93",
  "81", "82", "83", "84", "85", "88", "91", "94",
  "52", "56", "58", "92", "59", "99", "87", "55",
];
const LEGACY_MOBILE_PREFIXES: Readonly<Record<string, string>> = {
  "162": "32", "163": "33", "164": "34", "165": "35", "166": "36", "167": "37", "168": "38", "169": "39",
  "120": "70", "121": "79", "122": "77", "126": "76", "128": "78", "123": "83", "124": "84", "125": "85",
  "127": "81", "129": "82", "186": "56", "188": "58", "199": "59",
};
const AREA_CODES_2 = ["24", "28"];
const AREA_CODES_3 = [
  "203", "204", "205", "206", "207", "208", "209", "210", "211", "212", "213", "214", "215", "216", "218", "219",
  "220", "221", "222", "225", "226", "227", "228", "229", "232", "233", "234", "235", "236", "237", "238", "239",
  "251", "252", "254", "255", "256", "257", "258", "259", "260", "261", "262", "263", "269", "270", "271", "272",
  "273", "274", "275", "276", "277", "290", "291", "292", "293", "294", "296", "297", "299",
];

/** A Vietnamese number as the core's `PhoneNumber::parse` reads it → its national form
 * (`0912456789`); throws an Error with the core's reason (`số điện thoại trống`…). */
export function parsePhone(text: string): string {
  const compact = text.replace(/[ .\-()\u00a0\t]/g, "");
  if (compact === "") throw new Error("số điện thoại trống");
  const plus = compact.startsWith("+");
  const digits = plus ? compact.slice(1) : compact;
  if (!/^\d+$/.test(digits)) throw new Error("số điện thoại chứa ký tự không phải chữ số");
  let nsn: string;
  if (plus) {
    if (!digits.startsWith("84")) throw new Error("số điện thoại không mang mã quốc gia Việt Nam (+84)");
    nsn = digits.slice(2);
  } else if (digits.startsWith("0084")) nsn = digits.slice(4);
  else if (digits.startsWith("0")) nsn = digits.slice(1);
  else if (digits.startsWith("84") && (digits.length === 11 || digits.length === 12)) nsn = digits.slice(2);
  else nsn = digits;
  if (nsn.length === 9) {
    if (!MOBILE_PREFIXES.includes(nsn.slice(0, 2))) throw new Error(`đầu số 0${nsn.slice(0, 2)} không phải đầu số di động đang dùng`);
    return `0${nsn}`;
  }
  if (nsn.length === 10 && nsn.startsWith("2")) {
    if (!AREA_CODES_2.includes(nsn.slice(0, 2)) && !AREA_CODES_3.includes(nsn.slice(0, 3))) {
      throw new Error(`mã vùng 0${nsn.slice(0, 3)} không phải mã vùng điện thoại cố định`);
    }
    return `0${nsn}`;
  }
  if (nsn.length === 10) {
    const to = LEGACY_MOBILE_PREFIXES[nsn.slice(0, 3)];
    if (!to) throw new Error(`đầu số 0${nsn.slice(0, 3)} không phải đầu số di động đang dùng`);
    return `0${to}${nsn.slice(3)}`;
  }
  throw new Error(`số điện thoại có ${nsn.length + 1} chữ số, không đúng độ dài số Việt Nam`);
}

/** The day (yyyy-mm-dd) in Vietnam at `ms`: the register keeps Vietnam's days. */
export function dayOf(ms: number): string {
  return new Date(ms + ZONE_MS).toISOString().slice(0, 10);
}

/** yyyy-mm-dd → dd/mm/yyyy. */
function showDay(iso: string): string {
  return iso.split("-").reverse().join("/");
}

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** By when a request received on `iso` is acknowledged: the second working day after it, Monday
 * to Friday. The core also takes Vietnam's public holidays off; no test date comes near one. */
export function acknowledgeBy(iso: string): string {
  let day = iso;
  for (let counted = 0; counted < 2; ) {
    day = addDays(day, 1);
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) counted += 1;
  }
  return day;
}

/** By when a request received on `iso` is answered: 15 days after it. */
export function answerBy(iso: string): string {
  return addDays(iso, 15);
}

const REQUEST_KINDS: Record<RequestKind, string> = {
  access: "xem dữ liệu",
  correct: "sửa dữ liệu",
  delete: "xoá dữ liệu",
  withdraw: "rút lại sự đồng ý",
};

/** The file name at the end of a path, with either separator. */
function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** The SIPAS minimums (`tiers`) or Slovin's n = N / (1 + N·e²), rounded up. */
export function requiredSample(population: number, rule: string, margin: number | null): number {
  if (rule === "slovin") {
    const e = margin ?? 0.05;
    return Math.ceil(population / (1 + population * e * e));
  }
  if (population < 100) return population;
  if (population < 1000) return 100;
  if (population < 5000) return 200;
  return 500;
}

function uuidLike(value: unknown): value is string {
  return typeof value === "string" && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

export class FakeBackend {
  cases: FakeCase[];
  calls: Call[] = [];
  /** Milliseconds to wait before answering, per command name: lets a test see a progress bar. */
  delays = new Map<string, number>();
  /** Failures to give instead of an answer, per command name (`record_outcome`), oldest first. */
  failures = new Map<string, ApiError[]>();
  now: () => number = () => Date.now();
  private attemptIds = new Map<string, OutcomeRecorded>();
  /** What the native dialogs answer next: a path, or `null` when the person cancels. */
  dialogOpen: string | null = "/home/gsv/Tải xuống/danh-sach.csv";
  dialogSave: string | null = "/home/gsv/Tải xuống/danh-sach-tu-choi.csv";
  /** Files already imported: importing one again adds nothing. */
  private imported = new Set<string>();
  /** The supervisors' moves, take-backs and exports with names and numbers, oldest first. */
  audit: { at: number; actor: string; action: string; caseId: string | null; before: string | null; after: string | null }[] = [];
  /** Dossiers and cases per agency, and the cases released so far, wave by wave. */
  populations = structuredClone(POPULATIONS);
  waves = new Map<string, number[]>();
  /** Everyone who may log in, as the demo makes them: all on the demo campaign. */
  people: FakePerson[] = STAFF.map((s) => ({ ...s, active: true, password: PASSWORDS[s.login]!, campaigns: [CAMPAIGN.code] }));
  session: FakeSession | null = null;
  /** People's requests about their data, as recorded. */
  requests: FakeRequest[] = [];
  /** Review steps per interview id, in the order taken. */
  reviewSteps = new Map<string, FakeStep[]>();
  /** Operators' pauses, oldest first; an open one has no end. */
  pauses: { staffId: string; campaignId: string; reason: string; start: number; end: number | null }[] = [];
  /** The demo campaign's extra days off, dd/mm/yyyy. */
  closedDays = new Set<string>();
  /** Campaigns an administrator made here. */
  madeCampaigns: CampaignView[] = [];
  /** The agency catalogue, by code. */
  agencies: Record<string, string> = { ...AGENCIES };
  /** Operators' open desks: when each opened, on which campaign. */
  desks = new Map<string, { campaignId: string; since: number }>();
  /** The campaign whose floor the window watches, if any. */
  floorWatch: string | null = null;
  /** Where floor events go (the test page emits them to the window). */
  floorSink: ((event: FloorEvent) => void) | null = null;

  constructor(private options: FakeOptions = {}) {
    const offset = (options.closed ? CLOSED_START : OPEN_START) - Date.now();
    this.now = () => Date.now() + offset;
    this.cases = options.empty ? [] : demoCases(this.now());
    if (options.due && !options.empty) this.cases.push(...appointmentCases(this.now()));
    if (options.requests) this.requests = demoRequests(this.now());
    if (options.twoCampaigns) this.person(STAFF[0]!.login).campaigns.push(NEXT_CAMPAIGN.code);
    if (options.session) this.startSession(this.person(options.session));
    if (options.resume) {
      const trang = this.cases.find((c) => c.name === "Ngô Thu Trang")!;
      trang.leaseHolder = STAFF[0]!.id;
      trang.leaseExpiresAt = this.now() + LEASE_MS;
      trang.leaseEpoch += 1;
      trang.leaseClaimedAt = this.now();
    }
  }

  /** The person with this login, or the core's refusal. */
  private person(login: string): FakePerson {
    const person = this.people.find((p) => p.login === login);
    if (!person) throw apiError("notFound", `Không tìm thấy người có tên đăng nhập ${login}.`);
    return person;
  }

  private startSession(person: FakePerson): SessionView {
    const campaigns = CAMPAIGNS.filter((c) => person.campaigns.includes(c.code)).map((c) => c.id);
    this.session = { person, campaigns };
    return this.sessionView();
  }

  private sessionView(): SessionView {
    const { login, fullName, role } = this.me();
    return { login, fullName, role };
  }

  /** The person logged in; `handle` refuses every other command before a login. */
  private me(): FakePerson {
    if (!this.session) throw apiError("forbidden", "Hãy đăng nhập trước (phiên làm việc đã kết thúc).");
    return this.session.person;
  }

  private requireAdmin(what: string): void {
    if (this.me().role !== "admin") throw apiError("forbidden", `Chỉ quản trị viên được ${what}.`);
  }

  /** The campaigns a person reads: their own; an administrator's, all. */
  private worksOn(campaignId: string): boolean {
    return this.me().role === "admin" || this.session!.campaigns.includes(campaignId);
  }

  /** Supervising a campaign: its supervisors, and administrators. */
  private supervise(campaignId: string, what: string): FakePerson {
    const me = this.me();
    if (me.role === "admin" || (me.role === "supervisor" && this.session!.campaigns.includes(campaignId))) return me;
    throw apiError("forbidden", `Chỉ giám sát viên của đợt khảo sát này được ${what}.`);
  }

  /** The agency catalogue's keepers: supervisors and administrators. */
  private supervisorOrAdmin(what: string): void {
    if (this.me().role === "operator") throw apiError("forbidden", `Chỉ giám sát viên hoặc quản trị viên được ${what}.`);
  }

  /** Calling: operators of the campaign only. */
  private operatorOn(campaignId: string): FakePerson {
    const me = this.me();
    if (me.role === "operator" && this.session!.campaigns.includes(campaignId)) return me;
    throw apiError(
      "forbidden",
      me.role === "operator" ? "Bạn chưa được giao đợt khảo sát này." : "Chỉ điện thoại viên nhận ca để gọi.",
    );
  }

  /** A write under someone else's lease is refused as a lost lease, as in the core. */
  private ownLease(lease: Lease): void {
    if (lease.holder !== this.me().id) throw leaseLost(lease.caseId);
  }

  private fullName(id: string | null): string | null {
    return this.people.find((p) => p.id === id)?.fullName ?? null;
  }

  private personView(p: FakePerson): PersonView {
    return {
      login: p.login,
      fullName: p.fullName,
      role: p.role,
      active: p.active,
      campaigns: [...p.campaigns].sort(),
    };
  }

  /** The lease a case is held under, as the desk receives it. */
  leaseOf(c: FakeCase): Lease {
    return {
      caseId: c.id,
      campaignId: c.campaignId,
      holder: c.leaseHolder!,
      epoch: c.leaseEpoch,
      claimedAt: new Date(c.leaseClaimedAt ?? this.now()).toISOString(),
    };
  }

  /** The next call of `cmd` fails with this error. */
  failNext(cmd: string, error: ApiError): void {
    const queue = this.failures.get(cmd) ?? [];
    queue.push(error);
    this.failures.set(cmd, queue);
  }

  /** Runs `work` as this person's own workstation would (their session), then comes back. */
  as<T>(login: string, work: () => T): T {
    const mine = this.session;
    this.startSession(this.person(login));
    try {
      return work();
    } finally {
      this.session = mine;
    }
  }

  /** Another operator takes the case over: the lease the desk holds goes stale. */
  stealLease(caseId: string): void {
    const c = this.find(caseId);
    c.leaseHolder = STAFF[1]!.id;
    c.leaseEpoch += 1;
    c.leaseExpiresAt = this.now() + LEASE_MS;
    c.leaseClaimedAt = this.now();
  }

  /** Someone else changes the case (an operator records a call on it): a selection made before is stale. */
  touchCase(caseId: string): void {
    this.find(caseId).version += 1;
  }

  /** The campaign's floor now, as the core's `ops::floor::floor` reads it. */
  floorOf(campaignId: string): FloorView {
    const now = this.now();
    const seconds = (since: number) => Math.max(0, Math.floor((now - since) / 1000));
    const operators = this.people
      .filter((p) => p.role === "operator" && p.active && p.campaigns.includes(CAMPAIGNS.find((c) => c.id === campaignId)?.code ?? ""))
      .map((p) => {
        const held = this.casesOf(campaignId).find(
          (c) => c.leaseHolder === p.id && c.leaseExpiresAt !== null && c.leaseExpiresAt > now && !c.finalOutcome,
        );
        const paused = this.pauses.find((x) => x.staffId === p.id && x.campaignId === campaignId && x.end === null);
        const desk = this.desks.get(p.id);
        const state: FloorView["operators"][number]["state"] = held
          ? {
              kind: held.interview?.status === "inProgress" ? "interviewing" : "calling",
              caseId: held.id,
              dossierCode: held.dossier,
              agencyCode: held.agency,
              seconds: seconds(held.leaseClaimedAt ?? now),
            }
          : paused
            ? { kind: "paused", reason: paused.reason, seconds: seconds(paused.start) }
            : desk?.campaignId === campaignId
              ? { kind: "idle", seconds: seconds(desk.since) }
              : { kind: "away" };
        return { login: p.login, name: p.fullName, state };
      })
      .sort((a, b) => a.name.localeCompare(b.name, "vi") || a.login.localeCompare(b.login));
    const today = dayOf(now);
    const agencies = progressReport().agencies.map((a) => {
      const calls = this.casesOf(campaignId)
        .filter((c) => c.agency === a.agency)
        .flatMap((c) => c.history)
        .filter((h) => dayOf(h.at) === today);
      return {
        code: a.agency,
        name: a.name,
        required: a.required,
        completes: a.completes,
        callsToday: calls.length,
        completesToday: calls.filter((h) => h.outcome === "1.1").length,
      };
    });
    return { at: formatInstant(now).slice(11) + `:${pad(Math.floor(now / 1000) % 60)}`, operators, agencies };
  }

  /** The agencies a list names that the catalogue does not know, with the codes the core
   * would make (initials, unaccented, "và" left out). */
  private unknownAgencies(file: FakeListFile): UnknownAgency[] {
    const plain = (text: string) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d");
    const known = (text: string) =>
      Object.entries(this.agencies).some(([code, name]) => [code, name].some((k) => plain(k).toLowerCase() === plain(text).toLowerCase()));
    const found: UnknownAgency[] = [];
    for (const row of file.rows) {
      const name = row[3] ?? "";
      if (name === "" || known(name)) continue;
      const same = found.find((a) => a.name === name);
      if (same) {
        same.rows += 1;
        continue;
      }
      const code = plain(name)
        .split(/\s+/)
        .filter((w) => w !== "" && w.toLowerCase() !== "va")
        .map((w) => w[0]!.toUpperCase())
        .join("");
      found.push({ code, name, rows: 1 });
    }
    return found;
  }

  /** Open cases with an appointment, soonest first: those operator `op` would be handed (their
   * hard ones, soft ones on their list or in the pool), or all with `null`. */
  private booked(campaignId: string, op: string | null): FakeCase[] {
    return this.casesOf(campaignId)
      .filter(
        (c) =>
          !c.finalOutcome &&
          c.appointmentAt !== null &&
          (op === null ||
            c.appointmentOperator === op ||
            (c.appointmentOperator === null && (c.assignedTo === null || c.assignedTo === op))),
      )
      .sort((a, b) => a.appointmentAt! - b.appointmentAt! || a.id.localeCompare(b.id));
  }

  private appointmentView(c: FakeCase, now: number): AppointmentView {
    return {
      caseId: c.id,
      at: formatInstant(c.appointmentAt!),
      due: c.appointmentAt! <= now,
      hard: c.appointmentOperator !== null,
      phoneMasked: maskedOf(c),
      agencyName: AGENCIES[c.agency]!,
      dossierCode: c.dossier,
    };
  }

  /** The demo campaign's days off in a year: a few of Vietnam's holidays (2026's Giỗ Tổ on a
   * Sunday, with its day in lieu), and the extra days closed here. */
  private callingYearOf(year: number): CallingYear {
    const holidays: [string, DayOffKind, string][] =
      year === 2026
        ? [
            ["01/01/2026", "holiday", "Tết Dương lịch"],
            ["26/04/2026", "holiday", "Giỗ Tổ Hùng Vương"],
            ["27/04/2026", "inLieu", "Giỗ Tổ Hùng Vương"],
            ["30/04/2026", "holiday", "Ngày Chiến thắng"],
            ["01/05/2026", "holiday", "Ngày Quốc tế Lao động"],
            ["02/09/2026", "holiday", "Quốc khánh"],
          ]
        : [];
    const closed: [string, DayOffKind, string][] = [...this.closedDays]
      .filter((d) => d.endsWith(`/${year}`))
      .map((d) => [d, "closed", ""]);
    const iso = (d: string) => d.split("/").reverse().join("-");
    return {
      year,
      callingDays: CAMPAIGN.callingDays,
      callingHours: CAMPAIGN.callingHours,
      publicHolidays: true,
      days: [...holidays, ...closed]
        .sort((a, b) => iso(a[0]).localeCompare(iso(b[0])))
        .map(([date, kind, name]) => ({ date, kind, name, weekday: (new Date(`${iso(date)}T00:00:00Z`).getUTCDay() + 6) % 7 })),
    };
  }

  /** Sends the watched floor to the window, as the core does after every change. */
  pushFloor(): void {
    if (this.floorWatch) this.floorSink?.({ kind: "view", view: this.floorOf(this.floorWatch) });
  }

  /** The watch loses the database: the window hears that its floor may be old. */
  loseFloor(): void {
    this.floorSink?.({ kind: "stale" });
  }

  callsOf(cmd: string): Call[] {
    return this.calls.filter((c) => c.cmd === cmd);
  }

  /** The mockIPC handler: `next_case` with `{ req }` → `api.nextCase(req)`. Calls are recorded
   * with their passwords starred. */
  handle(cmd: string, payload: Record<string, unknown> | undefined): unknown {
    const arg = payload ? Object.values(payload)[0] : undefined;
    const record: Call = { cmd, args: payload ? withoutPasswords(payload) : undefined, at: this.now(), ok: false };
    this.calls.push(record);
    const queued = this.failures.get(cmd);
    if (queued && queued.length > 0) throw queued.shift();
    if (cmd === "plugin:dialog|open" || cmd === "plugin:dialog|save") {
      record.ok = true;
      return cmd.endsWith("open") ? this.dialogOpen : this.dialogSave;
    }
    if (!OPEN_COMMANDS.has(cmd)) this.me();
    const name = cmd.replace(/_(\w)/g, (_, c: string) => c.toUpperCase()) as keyof FakeApi;
    const method = this.api[name] as ((a: unknown) => unknown) | undefined;
    if (!method) throw apiError("internal", `Lệnh “${cmd}” không có trong ứng dụng.`);
    const result = method(arg);
    record.ok = true;
    if (cmd !== "watch_floor" && cmd !== "unwatch_floor" && cmd !== "floor_view") this.pushFloor();
    // The real IPC hands back JSON, never the fake's own objects.
    return result === undefined ? null : structuredClone(result);
  }

  private offline(): void {
    if (this.options.offline) {
      throw apiError("unavailable", "Không kết nối được cơ sở dữ liệu (mở kết nối).");
    }
  }

  private find(id: string): FakeCase {
    const c = this.cases.find((x) => x.id === id);
    if (!c) throw apiError("notFound", `Không tìm thấy ca ${id}.`);
    return c;
  }

  private checkCampaign(id: string): void {
    if (!CAMPAIGNS.some((c) => c.id === id)) throw apiError("notFound", `Không tìm thấy đợt khảo sát ${id}.`);
  }

  /** The cases of one campaign. */
  private casesOf(campaignId: string): FakeCase[] {
    return this.cases.filter((c) => c.campaignId === campaignId);
  }

  /** The fence every write passes: holder and epoch must still be the case's. */
  private fenced(lease: Lease): FakeCase {
    const c = this.find(lease.caseId);
    if (c.leaseHolder !== lease.holder || c.leaseEpoch !== lease.epoch) throw leaseLost(c.id);
    return c;
  }

  private status(c: FakeCase): CaseStatus {
    if (c.finalOutcome) return "closed";
    if (c.leaseExpiresAt !== null && c.leaseExpiresAt > this.now()) return "inCall";
    if (c.appointmentAt !== null) return "appointment";
    return c.attempts === 0 ? "new" : "retry";
  }

  /** The wording's details for a case, as `operatorId` reads it. */
  /** The finished interviews of a campaign, oldest finish first: a case whose interview is
   * complete or partial, finished by the call that recorded 1.1 or 1.2. */
  private finished(campaignId: string): { c: FakeCase; at: number }[] {
    return this.casesOf(campaignId)
      .flatMap((c) => {
        const at = [...c.history].reverse().find((h) => h.outcome === "1.1" || h.outcome === "1.2")?.at;
        return c.interview && c.interview.status !== "inProgress" && at !== undefined ? [{ c, at }] : [];
      })
      .sort((a, b) => a.at - b.at || a.c.interview!.id.localeCompare(b.c.interview!.id));
  }

  private reviewItem(c: FakeCase, at: number): ReviewItem {
    const interview = c.interview!;
    const steps = this.reviewSteps.get(interview.id) ?? [];
    const state = reviewState(steps);
    return {
      interviewId: interview.id,
      caseId: c.id,
      agencyCode: c.agency,
      agencyName: AGENCIES[c.agency] ?? c.agency,
      operatorId: interview.operatorId,
      operator: this.fullName(interview.operatorId) ?? "",
      status: interview.status === "complete" ? "complete" : "partial",
      finishedAt: formatInstant(at),
      state,
      reason: state === "returned" ? ([...steps].reverse().find((s) => s.action === "returned")?.reason ?? null) : null,
      corrections: steps.filter((s) => s.action === "corrected").length,
    };
  }

  /** The finished interview `id`, for a supervisor of its campaign or the operator who took it. */
  private underReview(id: string, what: string): { c: FakeCase; at: number; who: "supervisor" | "operator" } {
    const c = this.cases.find((x) => x.interview?.id === id);
    if (!c) throw sentence("notFound", `không tìm thấy phiếu ${id}`);
    let who: "supervisor" | "operator" = "supervisor";
    if (this.me().role === "operator") {
      if (this.operatorOn(c.campaignId).id !== c.interview!.operatorId) {
        throw sentence("forbidden", `phiếu ${id} không phải phiếu của bạn`);
      }
      who = "operator";
    } else {
      this.supervise(c.campaignId, what);
    }
    const found = this.finished(c.campaignId).find((f) => f.c === c);
    if (!found) throw sentence("invalid", `phiếu ${id} chưa xong (đang phỏng vấn), chưa duyệt được`);
    return { ...found, who };
  }

  private reviewView(c: FakeCase, at: number): ReviewView {
    return {
      item: this.reviewItem(c, at),
      interview: this.interviewView(c)!,
      calls: c.history.map((h) => ({ at: formatInstant(h.at), outcome: h.outcome, note: h.note })),
      history: (this.reviewSteps.get(c.interview!.id) ?? []).map((s) => ({
        at: formatInstant(s.at),
        by: this.fullName(s.by) ?? s.by,
        action: s.action,
        label: REVIEW_LABELS[s.action],
        reason: s.reason,
        question: s.question,
        oldValue: s.oldValue,
        newValue: s.newValue,
        current: true,
      })),
    };
  }

  /** Takes a step on a finished interview, as the core's `take_review_step`: once per id. */
  private takeStep(interviewId: string, step: FakeStep, who: "supervisor" | "operator"): void {
    const steps = this.reviewSteps.get(interviewId) ?? [];
    if (steps.some((s) => s.id === step.id)) return;
    const refusal = reviewRefusal(reviewState(steps), step.action, who);
    if (refusal) throw sentence("conflict", `phiếu ${interviewId}: ${refusal}`);
    steps.push(step);
    this.reviewSteps.set(interviewId, steps);
  }

  private pauseView(p: { reason: string; start: number; end: number | null }): PauseView {
    return {
      reason: p.reason,
      since: formatInstant(p.start),
      until: p.end === null ? null : formatInstant(p.end),
      minutes: Math.floor(((p.end ?? this.now()) - p.start) / MINUTE),
    };
  }

  /** Approve, return or send again, as the core's `decide`. */
  private decide(req: ReviewDecision, action: ReviewAction): void {
    const { who } = this.underReview(req.interviewId, "duyệt phiếu");
    const me = this.me();
    const reason =
      action === "returned"
        ? parseReason(req.reason, "trả lại phiếu")
        : req.reason.trim() === ""
          ? ""
          : parseReason(req.reason, "ghi chú");
    this.takeStep(req.interviewId, { id: req.stepId, action, by: me.id, at: this.now(), reason, question: null, oldValue: null, newValue: null }, who);
  }

  private fillFor(c: FakeCase, operatorId: string | null): Fill {
    return {
      ten: c.name,
      co_quan: AGENCIES[c.agency]!,
      thu_tuc: c.procedure,
      ngay_nhan: c.receivedOn,
      dtv: this.fullName(operatorId) ?? "",
    };
  }

  /** The case's interview as the desk (the operator holding it) or the supervisor (its interviewer)
   * reads it, with the record of consent. */
  private interviewView(c: FakeCase, reader: string | null = null): InterviewView | null {
    if (!c.interview) return null;
    const codes = OUTCOMES.map((o) => o.code);
    const consent = consentRecord(c.interview.answers);
    return {
      ...interviewView(c.interview, this.fillFor(c, reader ?? c.interview.operatorId), codes),
      consent: consent && { ...consent, at: formatInstant(consent.at) },
    };
  }

  /** A request as the register lists it, with what is due on it by the fake's today. */
  private requestView(r: FakeRequest): RequestView {
    const today = dayOf(this.now());
    const ackBy = acknowledgeBy(r.receivedOn);
    const dueBy = answerBy(r.receivedOn);
    return {
      id: r.id,
      kind: r.kind,
      receivedOn: showDay(r.receivedOn),
      phoneMasked: r.phone === null ? null : masked(r.phone),
      note: r.note,
      acknowledgeBy: showDay(ackBy),
      answerBy: showDay(dueBy),
      acknowledgedOn: r.acknowledgedOn && showDay(r.acknowledgedOn),
      closedOn: r.closedOn && showDay(r.closedOn),
      closingNote: r.closingNote,
      acknowledgementOverdue: r.acknowledgedOn === null && r.closedOn === null && today > ackBy,
      answerOverdue: r.closedOn === null && today > dueBy,
      forgottenCases: r.forgottenCases,
    };
  }

  /** A deletion or a withdrawal: the person's name and number leave every campaign and every call
   * to them stops (a held case's lease ends). How many cases it changed. */
  private forget(phone: string): number {
    const found = this.cases.filter((c) => !c.purged && c.phone === phone);
    for (const c of found) this.purge(c);
    for (const c of found) {
      c.leaseHolder = null;
      c.leaseExpiresAt = null;
      c.leaseClaimedAt = undefined;
      c.leaseEpoch += 1;
      c.version += 1;
    }
    return found.length;
  }

  private purge(c: FakeCase): void {
    c.name = "";
    c.phone = "";
    c.purged = true;
  }

  private card(c: FakeCase, resumed: boolean): CaseCard {
    return {
      lease: this.leaseOf(c),
      resumed,
      respondentName: c.name,
      phone: c.phone,
      agencyCode: c.agency,
      agencyName: AGENCIES[c.agency]!,
      procedure: c.procedure,
      dossierCode: c.dossier,
      receivedOn: c.receivedOn,
      attempts: c.attempts,
      maxAttempts: CAMPAIGN.maxAttempts,
      appointmentAt: c.appointmentAt === null ? null : formatInstant(c.appointmentAt),
      appointmentHard: c.appointmentAt !== null && c.appointmentOperator !== null,
      history: c.history.map((a) => ({ at: formatInstant(a.at), outcome: a.outcome, note: a.note })),
      interview: this.interviewView(c, c.leaseHolder),
    };
  }

  /** The list file at `path`, or the ApiError the core gives for a file it cannot read. */
  private listFile(path: string, sheet: string | null): { name: string; file: FakeListFile; sheet: string | null } {
    const name = baseName(path.trim());
    const ext = /\.(csv|xlsx)$/i.exec(name)?.[1]?.toLowerCase();
    if (!ext) throw apiError("invalid", `Chỉ nhận tệp .csv hoặc .xlsx: ${name}.`);
    const file = LIST_FILES[name.replace(/\.xlsx$/i, ".csv")];
    if (!file) throw apiError("invalid", `Không đọc được tệp ${name}: không tìm thấy tệp.`);
    if (ext === "csv") return { name, file, sheet: null };
    const wanted = sheet?.trim() || "Danh sách";
    if (wanted !== "Danh sách") throw apiError("invalid", `Tệp ${name} không có trang tính “${wanted}”.`);
    return { name, file, sheet: wanted };
  }

  /** Where an export is written, refused as the core refuses it: no file name, a name whose
   * extension is not the format's, or a folder that is not there (any folder named `khong-co`). */
  private exportTo(out: string, excel: boolean): void {
    const name = baseName(out);
    if (name === "") throw apiError("invalid", `“${out}” không phải tên tệp`);
    const extension = excel ? "xlsx" : "csv";
    if (!name.toLowerCase().endsWith(`.${extension}`)) {
      throw apiError("invalid", `tệp “${name}” phải có đuôi .${extension} cho định dạng này`);
    }
    const folders = out.split(/[\\/]/).slice(0, -1);
    if (folders.includes("khong-co")) {
      throw apiError("invalid", `không ghi được tệp ${out}: thư mục chứa tệp không tồn tại`);
    }
  }

  private sampleReport(rule: string, seed: number, margin: number | null): SampleReport {
    const agencies: AgencySample[] = Object.entries(this.populations)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([agency, p]) => ({
        agency,
        population: p.dossiers,
        required: requiredSample(p.dossiers, rule, margin),
        drawn: (this.waves.get(agency) ?? []).reduce((a, b) => a + b, 0),
      }));
    return { rule, seed, agencies, drawn_total: agencies.reduce((n, a) => n + a.drawn, 0) };
  }

  readonly api: FakeApi = {
    appInfo: (): AppInfo => {
      this.offline();
      return {
        version: "0.1.0",
        backend: this.options.postgres ? "postgres" : "sqlite",
        today: new Date(this.now() + 7 * 3600_000).toISOString().slice(0, 10),
        location: this.options.postgres
          ? "postgres://db.tongdai.local:5432/khaosat?sslmode=verify-full"
          : "/home/dtv/.local/share/khaosat/khaosat.db",
        heartbeatSeconds: this.options.heartbeatSeconds ?? 60,
        testClock: this.options.testClock ?? false,
        session: this.session ? this.sessionView() : null,
      };
    },
    login: (req) => {
      const server = req.server?.trim() ?? "";
      // On SQLite the file is the app's; on PostgreSQL the person connects to the server typed.
      if (this.options.postgres && server !== "" && !/^postgres(ql)?:\/\//.test(server)) {
        throw apiError("invalid", "Máy chủ phải là một địa chỉ postgres://.");
      }
      this.offline();
      // A malformed login, an unknown one, a wrong password or a disabled account: one answer.
      const login = req.login.trim().toLowerCase();
      const person = this.people.find((p) => p.login === login);
      if (!person || !person.active || person.password !== req.password.replace(/[\r\n]+$/, "")) {
        throw apiError("loginRefused", LOGIN_REFUSED);
      }
      return this.startSession(person);
    },
    logout: () => {
      if (this.session) this.desks.delete(this.session.person.id);
      this.floorWatch = null;
      this.session = null;
      return null;
    },
    listCampaigns: () => [...CAMPAIGNS, ...this.madeCampaigns].filter((c) => this.worksOn(c.id)),
    createCampaign: (req): CampaignView => {
      this.requireAdmin("tạo đợt khảo sát");
      const code = req.code.trim();
      if (!/^[A-Za-z0-9._-]{1,40}$/.test(code)) {
        throw sentence("invalid", "mã đợt khảo sát chỉ gồm chữ cái không dấu, chữ số, “-”, “_” hoặc “.” (tối đa 40 ký tự)");
      }
      if (req.name.trim() === "") throw sentence("invalid", "tên đợt khảo sát không được để trống");
      if ([...CAMPAIGNS, ...this.madeCampaigns].some((c) => c.code === code)) {
        throw sentence("conflict", `mã đợt khảo sát ${code} đã có`);
      }
      const day = (text: string, field: string) => {
        const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
        if (!m) throw sentence("invalid", `${field} “${text.trim()}”: không đọc được ngày: hãy ghi theo dạng ngày/tháng/năm, ví dụ 15/10/2026`);
        const date = new Date(Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1])));
        if (date.getUTCDate() !== Number(m[1]) || date.getUTCMonth() !== Number(m[2]) - 1) {
          throw sentence("invalid", `${field} “${text.trim()}”: ngày này không có trên lịch`);
        }
        return `${m[1]!.padStart(2, "0")}/${m[2]!.padStart(2, "0")}/${m[3]}`;
      };
      const campaign: CampaignView = {
        ...CAMPAIGN,
        id: `c2000000-0000-4000-8000-${String(this.madeCampaigns.length + 1).padStart(12, "0")}`,
        code,
        name: req.name.trim(),
        receivedFrom: day(req.receivedFrom, "ngày đầu nhận kết quả"),
        receivedTo: day(req.receivedTo, "ngày cuối nhận kết quả"),
        maxAttempts: req.maxAttempts ?? 5,
        callingDays: req.days.trim() || "T2-T7",
        callingHours: req.hours.trim() || "07:30-11:30,13:30-20:00",
        closedDates: req.closed
          .split(/[,;\n]/)
          .filter((d) => d.trim() !== "")
          .map((d) => day(d, "ngày nghỉ thêm")),
        publicHolidays: !req.onPublicHolidays,
        appointmentGraceMinutes: req.graceMinutes ?? 15,
      };
      this.madeCampaigns.push(campaign);
      return campaign;
    },
    callingYear: (req) => {
      this.supervise(req.campaignId, "xem lịch gọi");
      this.checkCampaign(req.campaignId);
      return this.callingYearOf(req.year);
    },
    setDayOff: (req) => {
      this.supervise(req.campaignId, "đổi lịch gọi");
      this.checkCampaign(req.campaignId);
      const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(req.day.trim());
      if (!m) throw sentence("invalid", `ngày nghỉ “${req.day.trim()}”: không đọc được ngày: hãy ghi theo dạng ngày/tháng/năm, ví dụ 15/10/2026`);
      const day = req.day.trim();
      const has = this.closedDays.has(day);
      if (req.closed === has) {
        throw sentence(
          "conflict",
          req.closed
            ? `ngày ${day} đã là ngày nghỉ thêm của đợt`
            : `ngày ${day} không phải ngày nghỉ thêm của đợt (ngày lễ và ngày nghỉ bù không mở được ở đây)`,
        );
      }
      if (req.closed) this.closedDays.add(day);
      else this.closedDays.delete(day);
      return this.callingYearOf(Number(m[3]));
    },
    listQuestionnaires: () => [
      { hash: "9f2c4e1a7b3d", code: "sipas", version: "2026.1", title: "Phiếu khảo sát SIPAS 2026" },
    ],
    listStaff: (): StaffView[] =>
      [...this.people].sort(byRoleAndLogin).map(({ id, login, fullName, role }) => ({ id, login, fullName, role })),
    listOutcomes: (req) => {
      this.checkCampaign(req.campaignId);
      return OUTCOMES;
    },
    caseInterview: (req) => {
      const c = this.find(req.caseId);
      this.supervise(c.campaignId, "xem phiếu của ca");
      return this.interviewView(c);
    },
    nextCase: (req) => {
      const me = this.operatorOn(req.campaignId).id;
      this.checkCampaign(req.campaignId);
      const paused = this.pauses.find((p) => p.staffId === me && p.end === null);
      if (paused) {
        throw sentence("conflict", `bạn đang tạm nghỉ (“${paused.reason}”): hãy bấm “Tiếp tục làm việc” để nhận ca`);
      }
      const now = this.now();
      const cases = this.casesOf(req.campaignId);
      const held = cases.find(
        (c) => c.leaseHolder === me && c.leaseExpiresAt !== null && c.leaseExpiresAt > now && !c.finalOutcome,
      );
      if (held) return this.card(held, true);
      // The core's queues, in its order: due appointments booked for this operator, due ones
      // anyone may take, then (in calling hours only) the operator's list and the shared pool.
      const free = (c: FakeCase) =>
        !c.finalOutcome && !c.purged && (c.leaseExpiresAt === null || c.leaseExpiresAt <= now);
      const notRefused = (c: FakeCase) => c.avoidOperator !== me;
      const due = (c: FakeCase) => c.appointmentAt !== null && c.appointmentAt <= now;
      const byAppointment = (a: FakeCase, b: FakeCase) => a.appointmentAt! - b.appointmentAt! || a.id.localeCompare(b.id);
      const byQueue = (a: FakeCase, b: FakeCase) =>
        a.attempts - b.attempts || (a.lastAttemptAt ?? -Infinity) - (b.lastAttemptAt ?? -Infinity) || a.id.localeCompare(b.id);
      const list = (owner: string | null) => (c: FakeCase) =>
        free(c) && notRefused(c) && c.assignedTo === owner && c.appointmentAt === null && (c.retryAt === null || c.retryAt <= now);
      const queues: [(c: FakeCase) => boolean, (a: FakeCase, b: FakeCase) => number][] = [
        [(c) => free(c) && due(c) && c.appointmentOperator === me, byAppointment],
        [(c) => free(c) && notRefused(c) && due(c) && (c.appointmentOperator === null || c.appointmentAt! <= now - GRACE_MS), byAppointment],
      ];
      if (slotAt(now) !== null) queues.push([list(me), byQueue], [list(null), byQueue]);
      for (const [eligible, order] of queues) {
        const next = cases.filter(eligible).sort(order)[0];
        if (!next) continue;
        next.leaseHolder = me;
        next.leaseExpiresAt = now + LEASE_MS;
        next.leaseEpoch += 1;
        next.leaseClaimedAt = now;
        return this.card(next, false);
      }
      return null;
    },
    appointmentCalendar: (req): AppointmentCalendar => {
      const me = this.me();
      const op = me.role === "operator" ? this.operatorOn(req.campaignId).id : null;
      if (op === null) this.supervise(req.campaignId, "xem lịch hẹn");
      this.checkCampaign(req.campaignId);
      if (req.days !== 1 && req.days !== 7) {
        throw sentence("invalid", `lịch hẹn xem theo một ngày hoặc một tuần, không theo ${req.days} ngày`);
      }
      const now = this.now();
      const days = Array.from({ length: req.days }, (_, i) => addDays(req.from, i));
      return {
        own: op !== null,
        days: days.map((iso) => {
          const weekday = (new Date(`${iso}T00:00:00Z`).getUTCDay() + 6) % 7;
          return {
            date: showDay(iso),
            iso,
            weekday,
            callingDay: weekday !== 6,
            appointments: this.booked(req.campaignId, op)
              .filter((c) => dayOf(c.appointmentAt!) === iso)
              .map((c) => ({
                time: formatInstant(c.appointmentAt!).slice(11),
                appointment: this.appointmentView(c, now),
                bookedFor: op === null && c.appointmentOperator ? this.fullName(c.appointmentOperator) : null,
              })),
          };
        }),
      };
    },
    operatorQueue: (req): QueueView => {
      const op = this.operatorOn(req.campaignId).id;
      this.checkCampaign(req.campaignId);
      const now = this.now();
      const open = this.casesOf(req.campaignId).filter((c) => !c.finalOutcome);
      const slot = slotAt(now);
      const appointments: AppointmentView[] = this.booked(req.campaignId, op)
        .slice(0, APPOINTMENTS_SHOWN)
        // As the core: the case on this operator's screen is not one to look ahead to.
        .filter((c) => !(c.leaseHolder === op && c.leaseExpiresAt !== null && c.leaseExpiresAt > now))
        .map((c) => this.appointmentView(c, now));
      return {
        now: formatInstant(now),
        callingOpen: slot !== null,
        slot,
        nextOpen: slot === null ? formatInstant(nextOpen(now)) : null,
        callbackChoices: callbackChoices(now),
        ownOpen: open.filter((c) => c.assignedTo === op).length,
        poolOpen: open.filter((c) => c.assignedTo === null).length,
        // None outside calling hours, as the core.
        ready: slot === null ? 0 : open.filter(
          (c) =>
            (c.assignedTo === null || c.assignedTo === op) &&
            c.avoidOperator !== op &&
            c.appointmentAt === null &&
            (c.retryAt === null || c.retryAt <= now) &&
            (c.leaseExpiresAt === null || c.leaseExpiresAt <= now),
        ).length,
        appointments,
      };
    },
    heartbeat: (lease) => {
      this.ownLease(lease);
      const c = this.fenced(lease);
      if (c.finalOutcome) throw leaseLost(c.id);
      c.leaseExpiresAt = this.now() + LEASE_MS;
      return null;
    },
    releaseCase: (lease) => {
      this.ownLease(lease);
      const c = this.fenced(lease);
      c.leaseHolder = null;
      c.leaseExpiresAt = null;
      return null;
    },
    startInterview: (req) => {
      this.ownLease(req.lease);
      if (!uuidLike(req.interviewId)) throw apiError("invalid", "Mã phiếu không hợp lệ.");
      const c = this.fenced(req.lease);
      if (!c.interview) c.interview = { id: req.interviewId, status: "inProgress", operatorId: req.lease.holder, answers: [] };
      else if (c.interview.status === "partial") c.interview.status = "inProgress";
      return this.interviewView(c, req.lease.holder)!;
    },
    saveAnswer: (req) => {
      this.ownLease(req.lease);
      if (!uuidLike(req.answerId)) throw apiError("invalid", "Mã câu trả lời không hợp lệ.");
      const c = this.fenced(req.lease);
      if (!c.interview || c.interview.id !== req.interviewId || c.interview.status !== "inProgress") {
        throw apiError("invalid", `Phiếu ${req.interviewId} không phải phiếu đang mở của ca ${c.id}.`);
      }
      saveAnswer(c.interview, req.answerId, req.questionId, req.input, this.now(), req.lease.holder);
      return this.interviewView(c, req.lease.holder)!;
    },
    recordOutcome: (req) => {
      this.ownLease(req.lease);
      if (!uuidLike(req.attemptId)) throw apiError("invalid", "Mã lần gọi không hợp lệ.");
      const done = this.attemptIds.get(req.attemptId);
      if (done) return { ...done, outcome: req.outcome };
      const c = this.find(req.lease.caseId);
      const view = OUTCOMES.find((o) => o.code === req.outcome);
      if (!view) throw apiError("invalid", `Mã kết quả cuộc gọi “${req.outcome}” không có trong danh mục.`);
      const refused = stopRefusal(view.interview, view.labelVi, c.interview?.answers ?? []);
      if (refused) throw refused;
      const now = this.now();
      let appointment: number | null = null;
      if (req.appointmentAt !== null) {
        appointment = parseLocal(req.appointmentAt);
        // The core refuses it when the request is read, before any rule.
        if (appointment === null) {
          throw apiError("invalid", `Thời gian “${req.appointmentAt.trim().slice(0, 32)}” không đúng dạng dd/mm/yyyy hh:mm.`);
        }
      }
      if (view.noteRequired && !req.note?.trim()) throw apiError("invalid", `Kết quả “${view.labelVi}” cần ghi chú.`);
      if (req.note && req.note.trim().length > 1000) throw apiError("invalid", "Ghi chú dài quá 1000 ký tự.");
      this.fenced(req.lease);
      if (c.finalOutcome) {
        throw apiError("invalid", `Ca này đã kết thúc với kết quả ${c.finalOutcome}.`);
      }
      if (view.needsAppointment) {
        if (appointment === null) throw apiError("invalid", `Kết quả “${view.labelVi}” cần thời gian hẹn gọi lại.`);
        if (appointment <= now) throw apiError("invalid", "Thời gian hẹn gọi lại phải ở sau thời điểm hiện tại.");
        if (slotAt(appointment) === null) {
          throw apiError(
            "invalid",
            `Giờ hẹn ${formatInstant(appointment)} nằm ngoài giờ gọi của đợt khảo sát: hãy hẹn trong giờ gọi.`,
          );
        }
      } else {
        appointment = null;
      }
      const attempts = c.attempts + 1;
      const counted = (c.countedAttempts ?? c.attempts) + (view.countsTowardLimit ? 1 : 0);
      const everContacted = c.everContacted || view.contact;
      let finalOutcome: OutcomeCode | null = null;
      if (view.isFinal) finalOutcome = req.outcome;
      else if (counted >= CAMPAIGN.maxAttempts && appointment === null) {
        finalOutcome = everContacted ? "2.30" : "3.90";
      }
      const delay = view.retryAfterMinutes === null ? undefined : view.retryAfterMinutes * MINUTE;
      // A retry falls in calling hours, as the core's does.
      const retryIn = (earliest: number) => (slotAt(earliest) === null ? nextOpen(earliest) : earliest);
      const retryAt = finalOutcome ? null : appointment ?? (delay === undefined ? null : retryIn(now + delay));
      const booked = finalOutcome ? null : appointment;
      Object.assign(c, {
        version: c.version + 1,
        appointmentOperator: booked !== null && req.appointmentKind !== "soft" ? req.lease.holder : null,
        avoidOperator: view.otherOperator ? req.lease.holder : c.avoidOperator,
        attempts,
        countedAttempts: counted,
        everContacted,
        lastOutcome: req.outcome,
        finalOutcome,
        retryAt,
        appointmentAt: finalOutcome ? null : appointment,
        lastAttemptAt: now,
        leaseHolder: null,
        leaseExpiresAt: null,
      });
      c.history.push({ id: req.attemptId, at: now, outcome: req.outcome, note: req.note?.trim() || null, operator: req.lease.holder });
      if (c.interview && view.interview !== "none") {
        c.interview.status = view.interview === "finished" ? "complete" : "partial";
      }
      const recorded: OutcomeRecorded = {
        caseId: c.id,
        outcome: req.outcome,
        status: this.status(c),
        attempts,
        finalOutcome,
        retryAt: retryAt === null ? null : formatInstant(retryAt),
      };
      this.attemptIds.set(req.attemptId, recorded);
      return recorded;
    },
    campaignCases: (req): CaseOverview[] => {
      this.supervise(req.campaignId, "xem danh sách ca");
      this.checkCampaign(req.campaignId);
      const name = (id: string | null) => this.fullName(id);
      return this.casesOf(req.campaignId)
        .sort((a, b) => a.agency.localeCompare(b.agency) || a.receivedOn.split("/").reverse().join().localeCompare(b.receivedOn.split("/").reverse().join()))
        .map((c) => {
          const status = this.status(c);
          return {
            caseId: c.id,
            respondentName: c.name,
            phoneMasked: maskedOf(c),
            dossierCode: c.dossier,
            agencyCode: c.agency,
            agencyName: AGENCIES[c.agency]!,
            procedure: c.procedure,
            receivedOn: c.receivedOn,
            callList: name(c.assignedTo),
            status,
            heldBy: status === "inCall" ? name(c.leaseHolder) : null,
            attempts: c.attempts,
            lastOutcome: c.lastOutcome,
            finalOutcome: c.finalOutcome,
            lastAttemptAt: c.lastAttemptAt === null ? null : formatInstant(c.lastAttemptAt),
            appointmentAt: c.appointmentAt === null ? null : formatInstant(c.appointmentAt),
            appointmentHard: c.appointmentAt !== null && c.appointmentOperator !== null,
            version: c.version,
            interview: c.interview && {
              id: c.interview.id,
              status: c.interview.status,
              answered: progress(c.interview.answers).counted.size,
              questions: progress(c.interview.answers).path.length,
              stop: progress(c.interview.answers).stop,
            },
            purged: c.purged,
          };
        });
    },
    selectCases: (req): CaseVersion[] => {
      this.supervise(req.campaignId, "chọn ca để chuyển");
      this.checkCampaign(req.campaignId);
      return this.api
        .campaignCases({ campaignId: req.campaignId })
        .filter((c) => {
          const stored = this.find(c.caseId);
          const list = req.callList;
          return (
            (req.agencyCodes.length === 0 || req.agencyCodes.includes(c.agencyCode)) &&
            (req.statuses.length === 0 || req.statuses.includes(c.status)) &&
            (list.kind === "any" ||
              (list.kind === "pool" && stored.assignedTo === null) ||
              (list.kind === "operator" && stored.assignedTo === list.id))
          );
        })
        .map((c) => ({ caseId: c.caseId, version: c.version }));
    },
    reassign: (req) => {
      const by = this.supervise(req.campaignId, "chuyển ca");
      this.checkCampaign(req.campaignId);
      let to: StaffView | null = null;
      if (req.toOperator !== null) {
        to = this.people.find((s) => s.id === req.toOperator) ?? null;
        if (!to) throw apiError("notFound", `Không tìm thấy điện thoại viên ${req.toOperator}.`);
      }
      const now = this.now();
      const moved: string[] = [];
      const conflicts: string[] = [];
      const inCall: string[] = [];
      for (const { caseId, version } of req.cases) {
        const c = this.find(caseId);
        if (c.version !== version) {
          conflicts.push(caseId);
          continue;
        }
        if (c.assignedTo === req.toOperator) continue;
        this.audit.push({
          at: now,
          actor: by.id,
          action: "reassign",
          caseId,
          before: JSON.stringify({ call_list: c.assignedTo }),
          after: JSON.stringify({ call_list: req.toOperator }),
        });
        c.assignedTo = req.toOperator;
        // A hard appointment follows the case (to the pool: anyone).
        if (c.appointmentOperator !== null) c.appointmentOperator = req.toOperator;
        c.version += 1;
        if (c.leaseExpiresAt !== null && c.leaseExpiresAt > now) inCall.push(caseId);
        moved.push(caseId);
      }
      return {
        selected: req.cases.length,
        moved: moved.length,
        unchanged: req.cases.length - moved.length - conflicts.length,
        conflicts,
        inCall,
        to: to?.fullName ?? null,
      };
    },
    forceRelease: (req) => {
      const c = this.find(req.caseId);
      const by = this.supervise(c.campaignId, "thu hồi ca");
      const now = this.now();
      if (c.leaseHolder === null || c.leaseExpiresAt === null || c.leaseExpiresAt <= now) {
        return { caseId: c.id, heldBy: null };
      }
      const holder = c.leaseHolder;
      this.audit.push({
        at: now,
        actor: by.id,
        action: "force_release",
        caseId: c.id,
        before: JSON.stringify({ holder, epoch: c.leaseEpoch, expires_at: new Date(c.leaseExpiresAt).toISOString() }),
        after: JSON.stringify({ holder: null, epoch: c.leaseEpoch + 1 }),
      });
      c.leaseHolder = null;
      c.leaseExpiresAt = null;
      c.leaseEpoch += 1;
      c.version += 1;
      return { caseId: c.id, heldBy: this.fullName(holder) ?? holder };
    },
    auditLog: (req): AuditView[] => {
      this.supervise(req.campaignId, "xem nhật ký");
      this.checkCampaign(req.campaignId);
      return this.audit.map((e) => ({
        at: formatInstant(e.at),
        actor: this.people.find((s) => s.id === e.actor)?.login ?? e.actor,
        action: e.action,
        caseId: e.caseId,
        before: e.before,
        after: e.after,
      }));
    },
    changeTrail: (req): TrailView => {
      this.supervise(req.campaignId, "xem nhật ký thay đổi");
      this.checkCampaign(req.campaignId);
      if (!this.options.postgres) return { kept: false, lines: [] };
      // What the server's triggers record of the moves and take-backs: the case's row changed,
      // under the supervisor's login.
      const column = (name: string, before: unknown, after: unknown) => ({
        column: name,
        before: before === null || before === undefined ? "" : String(before),
        after: after === null || after === undefined ? "" : String(after),
      });
      const lines = this.audit
        .filter((e) => e.caseId !== null && (e.action === "reassign" || e.action === "force_release"))
        .map((e) => {
          const before = JSON.parse(e.before ?? "{}") as Record<string, unknown>;
          const after = JSON.parse(e.after ?? "{}") as Record<string, unknown>;
          const changes =
            e.action === "reassign"
              ? [column("assigned_to", before.call_list, after.call_list)]
              : [column("lease_epoch", before.epoch, after.epoch), column("lease_holder", before.holder, null)];
          return {
            at: formatInstant(e.at),
            actor: this.people.find((s) => s.id === e.actor)?.login ?? e.actor,
            table: "survey_case",
            operation: "UPDATE",
            row: e.caseId ?? "",
            changes,
          };
        })
        .reverse()
        .slice(0, req.limit ?? 100);
      return { kept: true, lines };
    },
    reviewList: (req): ReviewItem[] => {
      this.supervise(req.campaignId, "duyệt phiếu");
      this.checkCampaign(req.campaignId);
      if (req.from && req.to && req.from > req.to) {
        throw sentence("invalid", "khoảng ngày không hợp lệ: ngày bắt đầu sau ngày kết thúc");
      }
      return this.finished(req.campaignId)
        .filter(({ at }) => (!req.from || dayOf(at) >= req.from) && (!req.to || dayOf(at) <= req.to))
        .map(({ c, at }) => this.reviewItem(c, at))
        .filter(
          (i) =>
            (req.state === null || i.state === req.state) &&
            (req.agency === null || i.agencyCode === req.agency) &&
            (req.operatorId === null || i.operatorId === req.operatorId),
        );
    },
    reviewShow: (req) => {
      const { c, at } = this.underReview(req.interviewId, "duyệt phiếu");
      return this.reviewView(c, at);
    },
    reviewApprove: (req) => {
      this.decide(req, "approved");
      return null;
    },
    reviewReturn: (req) => {
      this.decide(req, "returned");
      return null;
    },
    reviewResubmit: (req) => {
      this.decide(req, "resubmitted");
      return null;
    },
    pauseReasons: () => ["Nghỉ giải lao", "Họp", "Sự cố kỹ thuật", "Đào tạo"],
    pauseWork: (req): PauseView => {
      const me = this.operatorOn(req.campaignId).id;
      const reason = req.reason.trim();
      if (reason === "") throw sentence("invalid", "cần chọn hoặc ghi lý do tạm nghỉ");
      const now = this.now();
      const held = this.cases.find((c) => c.leaseHolder === me && c.leaseExpiresAt !== null && c.leaseExpiresAt > now && !c.finalOutcome);
      if (held) throw sentence("conflict", `bạn đang giữ ca ${held.id}: hãy ghi kết quả hoặc trả ca trước khi tạm nghỉ`);
      const open = this.pauses.find((p) => p.staffId === me && p.end === null);
      if (open) throw sentence("conflict", `bạn đang tạm nghỉ rồi (“${open.reason}”)`);
      const pause = { staffId: me, campaignId: req.campaignId, reason, start: now, end: null };
      this.pauses.push(pause);
      return this.pauseView(pause);
    },
    resumeWork: (req): PauseView | null => {
      const me = this.operatorOn(req.campaignId).id;
      const open = this.pauses.find((p) => p.staffId === me && p.end === null);
      if (!open) return null;
      open.end = this.now();
      return this.pauseView(open);
    },
    openDesk: (req) => {
      const me = this.operatorOn(req.campaignId).id;
      if (this.desks.get(me)?.campaignId !== req.campaignId) this.desks.set(me, { campaignId: req.campaignId, since: this.now() });
      return null;
    },
    floorView: (req) => {
      this.supervise(req.campaignId, "xem sàn điều hành");
      this.checkCampaign(req.campaignId);
      return this.floorOf(req.campaignId);
    },
    watchFloor: (req) => {
      this.supervise(req.campaignId, "xem sàn điều hành");
      this.checkCampaign(req.campaignId);
      this.floorWatch = req.campaignId;
      this.pushFloor();
      return null;
    },
    unwatchFloor: () => {
      this.floorWatch = null;
      return null;
    },
    myPause: (req): PauseView | null => {
      const me = this.operatorOn(req.campaignId).id;
      const open = this.pauses.find((p) => p.staffId === me && p.end === null);
      return open ? this.pauseView(open) : null;
    },
    returnedToMe: (req): ReviewItem[] => {
      const me = this.operatorOn(req.campaignId).id;
      return this.finished(req.campaignId)
        .map(({ c, at }) => this.reviewItem(c, at))
        .filter((i) => i.operatorId === me && i.state === "returned");
    },
    reviewCorrect: (req) => {
      const { c, at, who } = this.underReview(req.interviewId, "sửa câu trả lời");
      const me = this.me();
      const reason = who === "operator" && req.reason.trim() === "" ? "" : parseReason(req.reason, "sửa câu trả lời");
      const interview = c.interview!;
      const refusal = reviewRefusal(reviewState(this.reviewSteps.get(interview.id) ?? []), "corrected", who);
      if (refusal) throw sentence("conflict", `phiếu ${interview.id}: ${refusal}`);
      const old = [...interview.answers].reverse().find((a) => a.questionId === req.questionId)?.code ?? null;
      const trial: FakeInterview = { ...interview, answers: [...interview.answers] };
      try {
        saveAnswer(trial, req.answerId, req.questionId, req.input, this.now(), me.id);
      } catch (e) {
        const why = (e as ApiError).message.replace(/\.$/, "");
        throw sentence("invalid", `câu ${req.questionId}: ${why.charAt(0).toLowerCase()}${why.slice(1)}`);
      }
      const code = trial.answers[trial.answers.length - 1]!.code;
      if (old === code) throw sentence("invalid", `câu ${req.questionId} đã có đúng câu trả lời này`);
      const p = progress(trial.answers);
      const stillFinished = p.stop === "complete" || (interview.status === "partial" && p.stop === "partial");
      if (!stillFinished) {
        throw sentence(
          "invalid",
          `sửa câu ${req.questionId} như vậy làm phiếu không còn ${interview.status === "partial" ? "là phiếu trả lời một phần" : "hoàn thành"}${p.next ? ` (câu ${p.next} bắt buộc chưa có trả lời)` : ""}; ${who === "supervisor" ? "hãy trả lại phiếu cho điện thoại viên" : "hãy gọi lại người được khảo sát để hỏi cho đủ"}`,
        );
      }
      this.takeStep(interview.id, { id: req.stepId, action: "corrected", by: me.id, at: this.now(), reason, question: req.questionId, oldValue: old, newValue: code }, who);
      interview.answers = trial.answers;
      return this.reviewView(c, at);
    },
    listAgencies: () => Object.entries(this.agencies).map(([code, name]) => ({ code, name })),
    addAgency: (req) => {
      this.supervisorOrAdmin("thêm cơ quan");
      const name = req.name.trim().replace(/\s+/g, " ");
      if (!/^[A-Za-z0-9._-]{1,40}$/.test(req.code) || name === "") {
        throw sentence("invalid", "cơ quan cần mã (chữ cái không dấu, chữ số, “-”, “_”, “.”) và tên");
      }
      this.agencies[req.code] ??= name;
      return { code: req.code, name: this.agencies[req.code]! };
    },
    renameAgency: (req) => {
      this.supervisorOrAdmin("đổi tên cơ quan");
      const name = req.name.trim().replace(/\s+/g, " ");
      if (name === "") throw sentence("invalid", "tên cơ quan không được để trống");
      if (!(req.code in this.agencies)) throw apiError("notFound", `Không tìm thấy cơ quan ${req.code}.`);
      this.agencies[req.code] = name;
      return { code: req.code, name };
    },
    previewImport: (req): ImportPreview => {
      this.supervise(req.campaignId, "nhập danh sách");
      this.checkCampaign(req.campaignId);
      const { name, file, sheet } = this.listFile(req.path, req.sheet);
      return {
        file: name,
        sheet,
        rows: file.rows.length,
        columns: file.headers.map((header, i) => ({ header, column: file.columns[i] ?? null })),
        problem: file.problem,
        firstRows: file.rows.slice(0, 10),
        unknownAgencies: file.problem ? [] : this.unknownAgencies(file),
      };
    },
    importList: (req) => {
      this.supervise(req.campaignId, "nhập danh sách");
      this.checkCampaign(req.campaignId);
      const { name, file } = this.listFile(req.path, req.sheet);
      if (file.problem) throw apiError("invalid", `Không nhập được tệp ${name}: ${file.problem}.`);
      const again = this.imported.has(name);
      this.imported.add(name);
      const added = req.addAgencies ? this.unknownAgencies(file) : [];
      for (const a of added) this.agencies[a.code] = a.name;
      const rejections = file.rejections.filter((r) => added.length === 0 || !r.reason.startsWith("cơ quan không có"));
      const rejected = new Set(rejections.map((r) => r.row));
      if (!again) {
        for (const [i, row] of file.rows.entries()) {
          if (rejected.has(i + 2)) continue;
          const agency = Object.entries(AGENCIES).find(([, n]) => n === row[3])?.[0];
          if (agency) this.populations[agency]!.dossiers += 1;
        }
        for (const p of file.people) {
          this.populations[p.agency]!.cases += 1;
          this.cases.push({
            id: `c1000000-0000-4000-8000-${String(this.cases.length + 1).padStart(12, "0")}`,
            campaignId: req.campaignId,
            name: p.name,
            phone: p.phone,
            agency: p.agency,
            procedure: p.procedure,
            dossier: p.dossier,
            receivedOn: p.receivedOn,
            assignedTo: null,
            version: 1,
            attempts: 0,
            everContacted: false,
            lastOutcome: null,
            finalOutcome: null,
            retryAt: null,
            appointmentAt: null,
            appointmentOperator: null,
            avoidOperator: null,
            lastAttemptAt: null,
            leaseHolder: null,
            leaseExpiresAt: null,
            leaseEpoch: 0,
            history: [],
            interview: null,
            purged: false,
          });
        }
      }
      return {
        summary: {
          rows: file.rows.length,
          accepted: file.rows.length - rejected.size,
          rejected: rejected.size,
          new_cases: again ? 0 : file.people.length,
          cases_total: this.casesOf(req.campaignId).length,
          agencies_added: added,
        },
        rejections: rejections.map((r) => ({ ...r, value: r.column ? valueAt(file, r.row, r.column) : "" })),
      };
    },
    saveRejects: (req) => {
      this.listFile(req.path, req.sheet);
      if (!/\.csv$/i.test(req.out.trim())) throw apiError("invalid", `Tệp lưu các dòng bị từ chối phải là .csv: ${baseName(req.out)}.`);
      return null;
    },
    sampleStatus: (req) => {
      this.supervise(req.campaignId, "xem mẫu");
      this.checkCampaign(req.campaignId);
      return this.sampleReport("tiers", 0, null);
    },
    drawSample: (req) => {
      this.supervise(req.campaignId, "chọn mẫu");
      this.checkCampaign(req.campaignId);
      if (req.rule !== "tiers" && req.rule !== "slovin") {
        throw apiError("invalid", `Quy tắc chọn mẫu “${req.rule}” không có: chỉ nhận tiers hoặc slovin.`);
      }
      const margin = req.rule === "slovin" ? (req.margin ?? 0.05) : null;
      if (margin !== null && !(margin > 0 && margin < 1)) {
        throw apiError("invalid", "Sai số phải lớn hơn 0 và nhỏ hơn 1 (ví dụ 0.05).");
      }
      const adding = req.addAgency !== null || req.addCount !== null;
      if (adding && (req.addAgency === null || req.addCount === null || req.addCount <= 0)) {
        throw apiError("invalid", "Thêm mẫu cần cả cơ quan và số ca (lớn hơn 0).");
      }
      if (req.addAgency !== null && !this.populations[req.addAgency]) {
        throw apiError("invalid", `Đợt khảo sát không có hồ sơ nào của cơ quan “${req.addAgency}”.`);
      }
      for (const [agency, p] of Object.entries(this.populations)) {
        const waves = this.waves.get(agency) ?? [];
        const drawn = waves.reduce((a, b) => a + b, 0);
        const wanted = adding
          ? agency === req.addAgency ? req.addCount! : 0
          : Math.max(0, requiredSample(p.dossiers, req.rule, margin) - drawn);
        const released = Math.min(wanted, p.cases - drawn);
        if (released > 0) this.waves.set(agency, [...waves, released]);
      }
      return this.sampleReport(req.rule, req.seed, margin);
    },
    sipasIndex: (req) => {
      this.supervise(req.campaignId, "xem kết quả");
      this.checkCampaign(req.campaignId);
      return indexReport(req.includePartial, req.byMode, req.approvedOnly);
    },
    responseRates: (req) => {
      this.supervise(req.campaignId, "xem kết quả");
      this.checkCampaign(req.campaignId);
      if (req.e !== null && !(req.e >= 0 && req.e <= 1)) throw apiError("invalid", `e = ${req.e} phải nằm trong khoảng 0 đến 1`);
      return ratesReport(req.by, req.e);
    },
    fieldworkProgress: (req) => {
      this.supervise(req.campaignId, "xem kết quả");
      this.checkCampaign(req.campaignId);
      return progressReport();
    },
    operatorFigures: (req) => {
      this.supervise(req.campaignId, "xem kết quả");
      this.checkCampaign(req.campaignId);
      const day = /^\d{4}-\d{2}-\d{2}$/;
      for (const d of [req.from, req.to]) {
        if (d !== null && !day.test(d)) throw apiError("invalid", `Ngày “${d}” không đúng dạng yyyy-mm-dd.`);
      }
      if (req.from !== null && req.to !== null && req.from > req.to) {
        const shown = (iso: string) => iso.split("-").reverse().join("/");
        throw apiError("invalid", `từ ngày ${shown(req.from)} đến ngày ${shown(req.to)}: ngày bắt đầu ở sau ngày kết thúc`);
      }
      return operatorsReport(req.from, req.to);
    },
    exportInterviews: (req) => {
      const by = this.supervise(req.campaignId, "xuất phiếu");
      this.checkCampaign(req.campaignId);
      if (req.format !== "csv" && req.format !== "xlsx") {
        throw apiError("invalid", `định dạng “${req.format}” không có: dùng csv hoặc xlsx`);
      }
      // One row per interview that is over (complete or partial), as the core's export.
      const rows = this.casesOf(req.campaignId).filter((c) => c.interview && c.interview.status !== "inProgress").length;
      if (req.withContacts) {
        // As the core: the audit is written before the file, so a refused path is audited too.
        this.audit.push({
          at: this.now(),
          actor: by.id,
          action: "export_contacts",
          caseId: null,
          before: null,
          after: `${rows} phiếu kèm họ tên và số điện thoại, tệp ${baseName(req.out)}`,
        });
      }
      this.exportTo(req.out, req.format === "xlsx");
      return { path: req.out, rows };
    },
    exportReport: (req) => {
      this.supervise(req.campaignId, "xem kết quả");
      this.checkCampaign(req.campaignId);
      if (!["sipas", "rates", "progress"].includes(req.report)) {
        throw apiError("invalid", `báo cáo “${req.report}” không có: dùng sipas, rates hoặc progress`);
      }
      // The core's workbooks: the index over complete interviews, the rates by agency; a row per agency.
      const rows =
        req.report === "sipas"
          ? indexReport(false, false).agencies.length
          : req.report === "rates"
            ? ratesReport("agency", null).groups.length
            : progressReport().agencies.length;
      this.exportTo(req.out, true);
      return { path: req.out, rows };
    },
    listPeople: () => {
      this.requireAdmin("xem danh sách nhân sự");
      return [...this.people].sort(byRoleAndLogin).map((p) => this.personView(p));
    },
    addPerson: (req) => {
      this.requireAdmin("thêm người");
      const login = parseLogin(req.login);
      const fullName = req.fullName.trim().normalize("NFC");
      if (fullName === "") throw apiError("invalid", "Cần họ tên của người này.");
      const password = checkNewPassword(req.password, login);
      const campaigns = req.campaigns.map((code) => {
        const found = CAMPAIGNS.find((c) => c.code === code.trim());
        if (!found) throw apiError("notFound", `Không tìm thấy đợt khảo sát ${code.trim()}.`);
        return found.code;
      });
      if (this.people.some((p) => p.login === login)) {
        throw apiError("conflict", `Đã có người với tên đăng nhập “${login}”.`);
      }
      const person: FakePerson = {
        id: `5a000000-0000-4000-8000-${String(this.people.length + 1).padStart(12, "0")}`,
        login,
        fullName,
        role: req.role,
        active: true,
        password,
        campaigns: [...new Set(campaigns)],
      };
      this.people.push(person);
      return { ...this.personView(person), campaigns };
    },
    setPersonActive: (req) => {
      this.requireAdmin("khoá hoặc mở tài khoản");
      const person = this.person(parseLogin(req.login));
      person.active = req.active;
      if (req.active) return { released: 0 };
      // As the core: every case the person holds goes back, in one go.
      const held = this.cases.filter((c) => c.leaseHolder === person.id);
      for (const c of held) {
        c.leaseHolder = null;
        c.leaseExpiresAt = null;
        c.leaseClaimedAt = undefined;
        c.leaseEpoch += 1;
        c.version += 1;
      }
      return { released: held.length };
    },
    setPersonPassword: (req) => {
      const login = parseLogin(req.login);
      if (this.me().login !== login) this.requireAdmin("đặt mật khẩu của người khác");
      const password = checkNewPassword(req.password, login);
      this.person(login).password = password;
      return null;
    },
    assignPerson: (req) => {
      this.requireAdmin("giao đợt khảo sát");
      const login = parseLogin(req.login);
      const campaign = CAMPAIGNS.find((c) => c.code === req.campaign.trim());
      if (!campaign) throw apiError("notFound", `Không tìm thấy đợt khảo sát ${req.campaign.trim()}.`);
      const person = this.people.find((p) => p.login === login);
      // Taking someone off a campaign they are not on (or who is not there) changes nothing.
      if (!person) {
        if (req.assigned) throw apiError("notFound", `Không tìm thấy người có tên đăng nhập ${login}.`);
        return null;
      }
      const others = person.campaigns.filter((code) => code !== campaign.code);
      person.campaigns = req.assigned ? [...others, campaign.code] : others;
      return null;
    },
    listRequests: (req) => {
      this.requireAdmin("xem sổ yêu cầu về dữ liệu cá nhân");
      return [...this.requests]
        .sort((a, b) => a.receivedOn.localeCompare(b.receivedOn) || a.recordedAt - b.recordedAt || a.id.localeCompare(b.id))
        .filter((r) => !req.openOnly || r.closedOn === null)
        .map((r) => this.requestView(r));
    },
    addRequest: (req) => {
      this.requireAdmin("ghi yêu cầu về dữ liệu cá nhân");
      const typed = req.phone?.trim() ?? "";
      let phone: string | null = null;
      if (typed !== "") {
        try {
          phone = parsePhone(typed);
        } catch (reason) {
          throw apiError("invalid", `Số điện thoại của người yêu cầu: ${(reason as Error).message}.`);
        }
      }
      const forgets = req.kind === "delete" || req.kind === "withdraw";
      if (forgets && phone === null) {
        throw apiError("invalid", `Yêu cầu ${REQUEST_KINDS[req.kind]} cần số điện thoại của người đó để tìm các ca của họ.`);
      }
      if (!/^\d{4}-\d{2}-\d{2}$/.test(req.receivedOn) || Number.isNaN(Date.parse(`${req.receivedOn}T00:00:00Z`))) {
        throw apiError("invalid", `Ngày “${req.receivedOn}” không đúng dạng yyyy-mm-dd.`);
      }
      if (req.receivedOn > dayOf(this.now())) {
        throw apiError("invalid", `Ngày nhận yêu cầu ${showDay(req.receivedOn)} ở sau hôm nay.`);
      }
      const request: FakeRequest = {
        id: `d1000000-0000-4000-8000-${String(this.requests.length + 1).padStart(12, "0")}`,
        kind: req.kind,
        receivedOn: req.receivedOn,
        phone,
        note: req.note.trim().normalize("NFC"),
        recordedAt: this.now(),
        acknowledgedOn: null,
        closedOn: null,
        closingNote: null,
        forgottenCases: forgets && phone !== null ? this.forget(phone) : 0,
      };
      this.requests.push(request);
      return this.requestView(request);
    },
    acknowledgeRequest: (req) => {
      this.requireAdmin("ghi đã tiếp nhận yêu cầu");
      const request = this.requests.find((r) => r.id === req.id);
      if (!request || request.acknowledgedOn !== null) {
        throw apiError("conflict", `Yêu cầu ${req.id} đã được ghi tiếp nhận, hoặc không có.`);
      }
      request.acknowledgedOn = dayOf(this.now());
      return null;
    },
    closeRequest: (req) => {
      this.requireAdmin("đóng yêu cầu về dữ liệu cá nhân");
      const note = req.note.trim().normalize("NFC");
      if (note === "") throw apiError("invalid", "Cần ghi đã trả lời người yêu cầu thế nào.");
      const request = this.requests.find((r) => r.id === req.id);
      if (!request || request.closedOn !== null) throw apiError("conflict", `Yêu cầu ${req.id} đã đóng, hoặc không có.`);
      const today = dayOf(this.now());
      request.closedOn = today;
      request.closingNote = note;
      request.acknowledgedOn ??= today;
      return null;
    },
    purgeCampaign: (req): PurgeReport => {
      const admin = this.me();
      this.requireAdmin("xoá dữ liệu cá nhân của một đợt khảo sát");
      const campaign = CAMPAIGNS.find((c) => c.id === req.campaignId);
      if (!campaign) throw apiError("notFound", `Không tìm thấy đợt khảo sát ${req.campaignId}.`);
      const now = this.now();
      if (dayOf(now) <= campaign.receivedTo.split("/").reverse().join("-")) {
        throw apiError(
          "invalid",
          `Đợt ${campaign.code} còn nhận danh sách đến hết ngày ${campaign.receivedTo}: chỉ xoá dữ liệu cá nhân sau ngày đó.`,
        );
      }
      const cases = this.casesOf(campaign.id);
      const inCall = cases.filter((c) => c.leaseHolder !== null && c.leaseExpiresAt !== null && c.leaseExpiresAt > now).length;
      if (inCall > 0) {
        throw apiError(
          "conflict",
          `Đợt ${campaign.code} còn ${inCall} ca đang trong cuộc gọi: chờ các cuộc gọi kết thúc rồi xoá.`,
        );
      }
      const going = cases.filter((c) => !c.purged);
      // Every dossier of the campaign counts, purged before or not, as the core's count.
      const dossiers = campaign.id === CAMPAIGN.id ? Object.values(this.populations).reduce((n, p) => n + p.dossiers, 0) : 0;
      if (!req.dryRun) {
        for (const c of going) this.purge(c);
        this.audit.push({
          at: now,
          actor: admin.id,
          action: "purge",
          caseId: null,
          before: null,
          after: `xoá họ tên và số điện thoại của ${going.length} ca, ${dossiers} hồ sơ`,
        });
      }
      return { campaign: campaign.code, dryRun: req.dryRun, cases: going.length, dossiers };
    },
  };
}

/** The cell of a spreadsheet row (header = row 1) under the header matched to `column`. */
function valueAt(file: FakeListFile, row: number, column: string): string {
  const index = file.columns.indexOf(column);
  return index < 0 ? "" : (file.rows[row - 2]?.[index] ?? "");
}
