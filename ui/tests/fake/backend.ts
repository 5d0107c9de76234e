// An in-memory fake of the Rust commands, for UI tests: same shapes, same rules, same ApiError rejections.
// Its clock starts on Monday 23/11/2026 at 09:00 in Asia/Ho_Chi_Minh (calling hours on) and runs on,
// like KHAOSAT_NOW does for the app; `?closed` starts it on Sunday 22/11 at 10:00 (calling hours off).
import type {
  AgencySample,
  ApiError,
  AppInfo,
  AppointmentView,
  AuditView,
  CallbackChoice,
  CaseCard,
  CaseOverview,
  CaseStatus,
  CaseVersion,
  ErrorKind,
  InterviewView,
  Lease,
  ImportPreview,
  OutcomeCode,
  OutcomeRecorded,
  QueueView,
  SampleReport,
  StaffView,
  TimeSlot,
  commands,
} from "../../src/api/bindings";
import {
  AGENCIES,
  CAMPAIGN,
  LIST_FILES,
  OUTCOMES,
  POPULATIONS,
  STAFF,
  appointmentCases,
  demoCases,
  type FakeCase,
  type FakeListFile,
} from "./data";
import { interviewView, progress, saveAnswer, stopRefusal, type Fill } from "./interview";
import { indexReport, operatorsReport, progressReport, ratesReport } from "./reports";

type Commands = typeof commands;
/** Every command of bindings.ts, implemented synchronously (a throw becomes a rejected promise). */
type FakeApi = { [K in keyof Commands]: (...args: Parameters<Commands[K]>) => Awaited<ReturnType<Commands[K]>> };

export interface FakeOptions {
  heartbeatSeconds?: number;
  /** The database cannot be reached: app_info and list_staff fail with `unavailable`. */
  offline?: boolean;
  /** Lan already holds her partly answered case (Ngô Thu Trang): next_case resumes it. */
  resume?: boolean;
  /** No case is left for anyone. */
  empty?: boolean;
  /** The clock starts on a Sunday: calling hours are off until Monday 07:30. */
  closed?: boolean;
  /** Lan has a hard appointment due now, and the pool a soft one later today. */
  due?: boolean;
}

export interface Call {
  cmd: string;
  args: unknown;
  at: number;
  ok: boolean;
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

function masked(phone: string): string {
  return `${phone.slice(0, 3)}****${phone.slice(-3)}`;
}

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

  constructor(private options: FakeOptions = {}) {
    const offset = (options.closed ? CLOSED_START : OPEN_START) - Date.now();
    this.now = () => Date.now() + offset;
    this.cases = options.empty ? [] : demoCases(this.now());
    if (options.due && !options.empty) this.cases.push(...appointmentCases(this.now()));
    if (options.resume) {
      const trang = this.cases.find((c) => c.name === "Ngô Thu Trang")!;
      trang.leaseHolder = STAFF[0]!.id;
      trang.leaseExpiresAt = this.now() + LEASE_MS;
      trang.leaseEpoch += 1;
      trang.leaseClaimedAt = this.now();
    }
  }

  /** The lease a case is held under, as the desk receives it. */
  leaseOf(c: FakeCase): Lease {
    return {
      caseId: c.id,
      campaignId: CAMPAIGN.id,
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

  callsOf(cmd: string): Call[] {
    return this.calls.filter((c) => c.cmd === cmd);
  }

  /** The mockIPC handler: `next_case` with `{ req }` → `api.nextCase(req)`. */
  handle(cmd: string, payload: Record<string, unknown> | undefined): unknown {
    const arg = payload ? Object.values(payload)[0] : undefined;
    const record: Call = { cmd, args: payload ? structuredClone(payload) : undefined, at: this.now(), ok: false };
    this.calls.push(record);
    const queued = this.failures.get(cmd);
    if (queued && queued.length > 0) throw queued.shift();
    if (cmd === "plugin:dialog|open" || cmd === "plugin:dialog|save") {
      record.ok = true;
      return cmd.endsWith("open") ? this.dialogOpen : this.dialogSave;
    }
    const name = cmd.replace(/_(\w)/g, (_, c: string) => c.toUpperCase()) as keyof FakeApi;
    const method = this.api[name] as ((a: unknown) => unknown) | undefined;
    if (!method) throw apiError("internal", `Lệnh “${cmd}” không có trong ứng dụng.`);
    const result = method(arg);
    record.ok = true;
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

  /** Moves and take-backs are for supervisors and administrators, as in the core. */
  private supervisor(id: string): StaffView {
    const person = STAFF.find((s) => s.id === id);
    if (!person) throw apiError("notFound", `Không tìm thấy nhân sự ${id}.`);
    if (person.role === "operator") {
      throw apiError("invalid", `${person.login} là điện thoại viên: chỉ giám sát viên được chuyển hoặc thu hồi ca.`);
    }
    return person;
  }

  private checkCampaign(id: string): void {
    if (id !== CAMPAIGN.id) throw apiError("notFound", `Không tìm thấy đợt khảo sát ${id}.`);
  }

  /** The fence every write passes: holder and epoch must still be the case's. */
  private fenced(lease: Lease): FakeCase {
    const c = this.find(lease.caseId);
    if (c.leaseHolder !== lease.holder || c.leaseEpoch !== lease.epoch) {
      throw apiError(
        "leaseLost",
        `Ca ${c.id} không còn do bạn giữ: thời hạn giữ ca đã hết và ca đã được giao cho người khác.`,
      );
    }
    return c;
  }

  private status(c: FakeCase): CaseStatus {
    if (c.finalOutcome) return "closed";
    if (c.leaseExpiresAt !== null && c.leaseExpiresAt > this.now()) return "inCall";
    if (c.appointmentAt !== null) return "appointment";
    return c.attempts === 0 ? "new" : "retry";
  }

  /** The wording's details for a case, as `operatorId` reads it. */
  private fillFor(c: FakeCase, operatorId: string | null): Fill {
    return {
      ten: c.name,
      co_quan: AGENCIES[c.agency]!,
      thu_tuc: c.procedure,
      ngay_nhan: c.receivedOn,
      dtv: STAFF.find((s) => s.id === operatorId)?.fullName ?? "",
    };
  }

  /** The case's interview as the desk (the operator holding it) or the supervisor (its interviewer) reads it. */
  private interviewView(c: FakeCase, reader: string | null = null): InterviewView | null {
    if (!c.interview) return null;
    const codes = OUTCOMES.map((o) => o.code);
    return interviewView(c.interview, this.fillFor(c, reader ?? c.interview.operatorId), codes);
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
        backend: "sqlite",
        location: "/home/dtv/.local/share/khaosat/khaosat.db",
        heartbeatSeconds: this.options.heartbeatSeconds ?? 60,
      };
    },
    listCampaigns: () => {
      this.offline();
      return [CAMPAIGN];
    },
    listStaff: () => {
      this.offline();
      return STAFF;
    },
    listOutcomes: (req) => {
      this.checkCampaign(req.campaignId);
      return OUTCOMES;
    },
    caseInterview: (req) => this.interviewView(this.find(req.caseId)),
    nextCase: (req) => {
      this.checkCampaign(req.campaignId);
      const now = this.now();
      const held = this.cases.find(
        (c) => c.leaseHolder === req.operatorId && c.leaseExpiresAt !== null && c.leaseExpiresAt > now && !c.finalOutcome,
      );
      if (held) return this.card(held, true);
      // The core's queues, in its order: due appointments booked for this operator, due ones
      // anyone may take, then (in calling hours only) the operator's list and the shared pool.
      const free = (c: FakeCase) => !c.finalOutcome && (c.leaseExpiresAt === null || c.leaseExpiresAt <= now);
      const notRefused = (c: FakeCase) => c.avoidOperator !== req.operatorId;
      const due = (c: FakeCase) => c.appointmentAt !== null && c.appointmentAt <= now;
      const byAppointment = (a: FakeCase, b: FakeCase) => a.appointmentAt! - b.appointmentAt! || a.id.localeCompare(b.id);
      const byQueue = (a: FakeCase, b: FakeCase) =>
        a.attempts - b.attempts || (a.lastAttemptAt ?? -Infinity) - (b.lastAttemptAt ?? -Infinity) || a.id.localeCompare(b.id);
      const list = (owner: string | null) => (c: FakeCase) =>
        free(c) && notRefused(c) && c.assignedTo === owner && c.appointmentAt === null && (c.retryAt === null || c.retryAt <= now);
      const queues: [(c: FakeCase) => boolean, (a: FakeCase, b: FakeCase) => number][] = [
        [(c) => free(c) && due(c) && c.appointmentOperator === req.operatorId, byAppointment],
        [(c) => free(c) && notRefused(c) && due(c) && (c.appointmentOperator === null || c.appointmentAt! <= now - GRACE_MS), byAppointment],
      ];
      if (slotAt(now) !== null) queues.push([list(req.operatorId), byQueue], [list(null), byQueue]);
      for (const [eligible, order] of queues) {
        const next = this.cases.filter(eligible).sort(order)[0];
        if (!next) continue;
        next.leaseHolder = req.operatorId;
        next.leaseExpiresAt = now + LEASE_MS;
        next.leaseEpoch += 1;
        next.leaseClaimedAt = now;
        return this.card(next, false);
      }
      return null;
    },
    operatorQueue: (req): QueueView => {
      this.checkCampaign(req.campaignId);
      const now = this.now();
      const op = req.operatorId;
      const open = this.cases.filter((c) => !c.finalOutcome);
      const slot = slotAt(now);
      const appointments: AppointmentView[] = open
        .filter(
          (c) =>
            c.appointmentAt !== null &&
            (c.appointmentOperator === op || (c.appointmentOperator === null && (c.assignedTo === null || c.assignedTo === op))),
        )
        .sort((a, b) => a.appointmentAt! - b.appointmentAt! || a.id.localeCompare(b.id))
        .slice(0, APPOINTMENTS_SHOWN)
        // As the core: the case on this operator's screen is not one to look ahead to.
        .filter((c) => !(c.leaseHolder === op && c.leaseExpiresAt !== null && c.leaseExpiresAt > now))
        .map((c) => ({
          caseId: c.id,
          at: formatInstant(c.appointmentAt!),
          due: c.appointmentAt! <= now,
          hard: c.appointmentOperator !== null,
          phoneMasked: masked(c.phone),
          agencyName: AGENCIES[c.agency]!,
          dossierCode: c.dossier,
        }));
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
      const c = this.fenced(lease);
      if (c.finalOutcome) throw apiError("leaseLost", `Ca ${c.id} không còn do bạn giữ: thời hạn giữ ca đã hết và ca đã được giao cho người khác.`);
      c.leaseExpiresAt = this.now() + LEASE_MS;
      return null;
    },
    releaseCase: (lease) => {
      const c = this.fenced(lease);
      c.leaseHolder = null;
      c.leaseExpiresAt = null;
      return null;
    },
    startInterview: (req) => {
      if (!uuidLike(req.interviewId)) throw apiError("invalid", "Mã phiếu không hợp lệ.");
      const c = this.fenced(req.lease);
      if (!c.interview) c.interview = { id: req.interviewId, status: "inProgress", operatorId: req.lease.holder, answers: [] };
      else if (c.interview.status === "partial") c.interview.status = "inProgress";
      return this.interviewView(c, req.lease.holder)!;
    },
    saveAnswer: (req) => {
      if (!uuidLike(req.answerId)) throw apiError("invalid", "Mã câu trả lời không hợp lệ.");
      const c = this.fenced(req.lease);
      if (!c.interview || c.interview.id !== req.interviewId || c.interview.status !== "inProgress") {
        throw apiError("invalid", `Phiếu ${req.interviewId} không phải phiếu đang mở của ca ${c.id}.`);
      }
      saveAnswer(c.interview, req.answerId, req.questionId, req.input);
      return this.interviewView(c, req.lease.holder)!;
    },
    recordOutcome: (req) => {
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
      this.checkCampaign(req.campaignId);
      const name = (id: string | null) => STAFF.find((s) => s.id === id)?.fullName ?? null;
      return [...this.cases]
        .sort((a, b) => a.agency.localeCompare(b.agency) || a.receivedOn.split("/").reverse().join().localeCompare(b.receivedOn.split("/").reverse().join()))
        .map((c) => {
          const status = this.status(c);
          return {
            caseId: c.id,
            respondentName: c.name,
            phoneMasked: masked(c.phone),
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
          };
        });
    },
    selectCases: (req): CaseVersion[] => {
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
      this.checkCampaign(req.campaignId);
      const by = this.supervisor(req.supervisorId);
      let to: StaffView | null = null;
      if (req.toOperator !== null) {
        to = STAFF.find((s) => s.id === req.toOperator) ?? null;
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
      const by = this.supervisor(req.supervisorId);
      const c = this.find(req.caseId);
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
      return { caseId: c.id, heldBy: STAFF.find((s) => s.id === holder)?.fullName ?? holder };
    },
    auditLog: (req): AuditView[] => {
      this.checkCampaign(req.campaignId);
      return this.audit.map((e) => ({
        at: formatInstant(e.at),
        actor: STAFF.find((s) => s.id === e.actor)?.login ?? e.actor,
        action: e.action,
        caseId: e.caseId,
        before: e.before,
        after: e.after,
      }));
    },
    listAgencies: () => Object.entries(AGENCIES).map(([code, name]) => ({ code, name })),
    previewImport: (req): ImportPreview => {
      this.checkCampaign(req.campaignId);
      const { name, file, sheet } = this.listFile(req.path, req.sheet);
      return {
        file: name,
        sheet,
        rows: file.rows.length,
        columns: file.headers.map((header, i) => ({ header, column: file.columns[i] ?? null })),
        problem: file.problem,
        firstRows: file.rows.slice(0, 10),
      };
    },
    importList: (req) => {
      this.checkCampaign(req.campaignId);
      const { name, file } = this.listFile(req.path, req.sheet);
      if (file.problem) throw apiError("invalid", `Không nhập được tệp ${name}: ${file.problem}.`);
      const again = this.imported.has(name);
      this.imported.add(name);
      const rejected = new Set(file.rejections.map((r) => r.row));
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
          });
        }
      }
      return {
        summary: {
          rows: file.rows.length,
          accepted: file.rows.length - rejected.size,
          rejected: rejected.size,
          new_cases: again ? 0 : file.people.length,
          cases_total: this.cases.length,
        },
        rejections: file.rejections.map((r) => ({ ...r, value: r.column ? valueAt(file, r.row, r.column) : "" })),
      };
    },
    saveRejects: (req) => {
      this.listFile(req.path, req.sheet);
      if (!/\.csv$/i.test(req.out.trim())) throw apiError("invalid", `Tệp lưu các dòng bị từ chối phải là .csv: ${baseName(req.out)}.`);
      return null;
    },
    sampleStatus: (req) => {
      this.checkCampaign(req.campaignId);
      return this.sampleReport("tiers", 0, null);
    },
    drawSample: (req) => {
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
      this.checkCampaign(req.campaignId);
      return indexReport(req.includePartial, req.byMode);
    },
    responseRates: (req) => {
      this.checkCampaign(req.campaignId);
      if (req.e !== null && !(req.e >= 0 && req.e <= 1)) throw apiError("invalid", `e = ${req.e} phải nằm trong khoảng 0 đến 1`);
      return ratesReport(req.by, req.e);
    },
    fieldworkProgress: (req) => {
      this.checkCampaign(req.campaignId);
      return progressReport();
    },
    operatorFigures: (req) => {
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
      this.checkCampaign(req.campaignId);
      if (req.format !== "csv" && req.format !== "xlsx") {
        throw apiError("invalid", `định dạng “${req.format}” không có: dùng csv hoặc xlsx`);
      }
      // One row per interview that is over (complete or partial), as the core's export.
      const rows = this.cases.filter((c) => c.interview && c.interview.status !== "inProgress").length;
      if (req.withContacts) {
        // As the core: the audit is written before the file, so a refused path is audited too.
        this.audit.push({
          at: this.now(),
          actor: req.by,
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
  };
}

/** The cell of a spreadsheet row (header = row 1) under the header matched to `column`. */
function valueAt(file: FakeListFile, row: number, column: string): string {
  const index = file.columns.indexOf(column);
  return index < 0 ? "" : (file.rows[row - 2]?.[index] ?? "");
}
