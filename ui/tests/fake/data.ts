// Demo data for the fake backend: the demo campaign (and a second, empty one), its people with their
// passwords, agencies, questionnaire and a dozen cases.
import catalogue from "./catalogue.json";
import type { CampaignView, OutcomeView, RequestKind, StaffView } from "../../src/api/bindings";
import type { FakeInterview } from "./interview";

export const CAMPAIGN: CampaignView = {
  id: "6f1c2d3e-0000-4000-8000-000000000001",
  code: "DEMO-2026-Q4",
  name: "Khảo sát sự hài lòng quý IV/2026 (dữ liệu mẫu)",
  timeZone: "Asia/Ho_Chi_Minh",
  receivedFrom: "01/10/2026",
  receivedTo: "15/11/2026",
  maxAttempts: 5,
  callingDays: "T2-T7",
  callingHours: "07:30-11:30,13:30-20:00",
  closedDates: [],
  publicHolidays: true,
  appointmentGraceMinutes: 15,
};

/** A second campaign, with no case yet and nobody on it: an administrator puts people on it. */
export const NEXT_CAMPAIGN: CampaignView = {
  ...CAMPAIGN,
  id: "6f1c2d3e-0000-4000-8000-000000000002",
  code: "DEMO-2027-Q1",
  name: "Khảo sát sự hài lòng quý I/2027 (dữ liệu mẫu)",
  receivedFrom: "01/01/2027",
  receivedTo: "31/03/2027",
};
export const CAMPAIGNS: CampaignView[] = [CAMPAIGN, NEXT_CAMPAIGN];

export const LAN: StaffView = {
  id: "5a000000-0000-4000-8000-00000000000a",
  login: "dtv.lan",
  fullName: "Nguyễn Thị Lan",
  role: "operator",
};
export const MINH: StaffView = {
  id: "5a000000-0000-4000-8000-00000000000b",
  login: "dtv.minh",
  fullName: "Trần Quốc Minh",
  role: "operator",
};
export const HONG: StaffView = {
  id: "5a000000-0000-4000-8000-00000000000c",
  login: "gsv.hong",
  fullName: "Lê Thị Hồng",
  role: "supervisor",
};
export const ADMIN: StaffView = {
  id: "5a000000-0000-4000-8000-00000000000d",
  login: "qt.demo",
  fullName: "Quản trị viên (dữ liệu mẫu)",
  role: "admin",
};
export const STAFF: StaffView[] = [LAN, MINH, HONG, ADMIN];

/** Each demo person's password in the fake (the core makes random ones and prints them once). */
export const PASSWORDS: Readonly<Record<string, string>> = {
  "dtv.lan": "Lan@tongdai1022",
  "dtv.minh": "Minh@tongdai1022",
  "gsv.hong": "Hong@giamsat2026",
  "qt.demo": "QuanTri@2026demo",
};

export const AGENCIES: Record<string, string> = {
  STP: "Sở Tư pháp",
  SNNMT: "Sở Nông nghiệp và Môi trường",
  STC: "Sở Tài chính",
  "UBND-PCL": "UBND phường Cao Lãnh",
};

/** The outcome catalogue exactly as the core serves it (the questionnaire is read in interview.ts):
 * `catalogue.json` is generated from Rust and checked for drift by `cargo test bindings`. */
export const OUTCOMES: OutcomeView[] = catalogue.outcomes as OutcomeView[];

/** A case as the fake stores it; times are epoch milliseconds. */
export interface FakeCase {
  id: string;
  campaignId: string;
  name: string;
  phone: string;
  agency: keyof typeof AGENCIES & string;
  procedure: string;
  dossier: string;
  receivedOn: string;
  assignedTo: string | null;
  /** Bumped by every change a supervisor's move must not overwrite (an attempt, a move, a take-back). */
  version: number;
  attempts: number;
  /** Attempts that count toward the limit; absent: all of them. */
  countedAttempts?: number;
  everContacted: boolean;
  lastOutcome: OutcomeView["code"] | null;
  finalOutcome: OutcomeView["code"] | null;
  retryAt: number | null;
  appointmentAt: number | null;
  /** A hard appointment: only this operator calls back until the grace period is over. */
  appointmentOperator: string | null;
  /** After a soft refusal the next call goes to someone else. */
  avoidOperator: string | null;
  lastAttemptAt: number | null;
  leaseHolder: string | null;
  leaseExpiresAt: number | null;
  leaseEpoch: number;
  /** When the lease was taken: part of the lease the desk carries. */
  leaseClaimedAt?: number;
  history: { id: string; at: number; outcome: OutcomeView["code"]; note: string | null; operator: string }[];
  interview: FakeInterview | null;
  /** The person's name and number were removed (a purge, or their own request): `name` and
   * `phone` are empty, and nobody calls the case again. */
  purged: boolean;
}

/** Stored answers with stable ids, in the order given, saved by `by` 20 seconds apart from `from`. */
function answers(caseNo: string, pairs: [string, string][], from: number, by: string): FakeInterview["answers"] {
  return pairs.map(([questionId, code], i) => ({
    id: `a${caseNo.padStart(7, "0")}-0000-4000-8000-${String(i + 1).padStart(12, "0")}`,
    questionId,
    code,
    at: from + i * 20_000,
    by,
  }));
}

/** Võ Thị Yến's complete SIPAS interview: no feedback given, so the gop_y.* questions were skipped. */
export const YEN_ANSWERS: [string, string][] = [
  ["dong_y", "1"],
  ["du_18_tuoi", "1"],
  ["da_nhan_ket_qua", "1"],
  ["tiep_can.thong_tin", "4"],
  ["tiep_can.tru_so", "5"],
  ["tiep_can.noi_cho", "4"],
  ["tiep_can.trang_thiet_bi", "4"],
  ["thu_tuc.niem_yet", "5"],
  ["thu_tuc.ho_so", "4"],
  ["thu_tuc.phi", "5"],
  ["thu_tuc.thoi_han", "4"],
  ["cong_chuc.lich_su", "5"],
  ["cong_chuc.tra_loi", "4"],
  ["cong_chuc.huong_dan", "4"],
  ["cong_chuc.dung_quy_dinh", "5"],
  ["cong_chuc.tan_tinh", "4"],
  ["ket_qua.dung_hen", "4"],
  ["ket_qua.chinh_xac", "5"],
  ["ket_qua.cong_bang", "0"],
  ["da_gop_y", "2"],
  ["hai_long_chung", "5"],
  ["mong_doi", "3,5"],
  ["gioi_tinh", "2"],
  ["nhom_tuoi", "3"],
  ["hoc_van", ""],
  ["nghe_nghiep", "4"],
  ["y_kien", "Nên có thêm chỗ ngồi chờ."],
];

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function caseId(n: number): string {
  return `c0000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
}

type Seed = Pick<FakeCase, "name" | "phone" | "agency" | "procedure" | "receivedOn" | "assignedTo"> &
  Partial<FakeCase>;

function make(n: number, seed: Seed): FakeCase {
  const [d, m, y] = seed.receivedOn.split("/");
  return {
    id: caseId(n),
    campaignId: CAMPAIGN.id,
    dossier: `${seed.agency}-${y!.slice(2)}${m}${d}-${String(n).padStart(4, "0")}`,
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
    ...seed,
  };
}

/** Two more appointments (`?due`): Lan's own one, due ten minutes ago, which F2 brings first
 * even outside calling hours, and a soft one in the shared pool in two hours. */
export function appointmentCases(now: number): FakeCase[] {
  return [
    make(13, {
      name: "Lý Thanh Tâm",
      phone: "0944123456",
      agency: "STC",
      procedure: "Đăng ký thay đổi nội dung đăng ký doanh nghiệp",
      receivedOn: "05/11/2026",
      assignedTo: LAN.id,
      attempts: 1,
      everContacted: true,
      lastOutcome: "2.21",
      appointmentAt: now - 10 * 60_000,
      appointmentOperator: LAN.id,
      retryAt: now - 10 * 60_000,
      lastAttemptAt: now - DAY,
      history: [{ id: "a-13", at: now - DAY, outcome: "2.21", note: "Hẹn gọi lại sáng nay", operator: LAN.id }],
    }),
    make(14, {
      name: "Trương Ngọc Hà",
      phone: "0977321654",
      agency: "SNNMT",
      procedure: "Cấp đổi Giấy chứng nhận quyền sử dụng đất",
      receivedOn: "25/10/2026",
      assignedTo: null,
      attempts: 1,
      everContacted: true,
      lastOutcome: "2.21",
      appointmentAt: now + 2 * HOUR,
      retryAt: now + 2 * HOUR,
      lastAttemptAt: now - 2 * DAY,
      history: [{ id: "a-14", at: now - 2 * DAY, outcome: "2.21", note: null, operator: MINH.id }],
    }),
  ];
}

/** A fresh set of cases, relative to `now`. The first case Lan gets is Phạm Văn Hùng's. */
export function demoCases(now: number): FakeCase[] {
  const past = (ms: number) => now - ms;
  const attempt = (at: number, outcome: FakeCase["history"][number]["outcome"], operator: string, note: string | null = null) => ({
    id: `a-${at}-${outcome}`,
    at,
    outcome,
    note,
    operator,
  });
  return [
    make(1, {
      name: "Phạm Văn Hùng",
      phone: "0903123567",
      agency: "STP",
      procedure: "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam",
      receivedOn: "12/10/2026",
      assignedTo: LAN.id,
    }),
    make(2, {
      name: "Nguyễn Thị Mai",
      phone: "0912456789",
      agency: "UBND-PCL",
      procedure: "Đăng ký khai sinh",
      receivedOn: "03/11/2026",
      assignedTo: LAN.id,
    }),
    make(3, {
      name: "Trần Văn Nam",
      phone: "0987654321",
      agency: "SNNMT",
      procedure: "Cấp đổi Giấy chứng nhận quyền sử dụng đất",
      receivedOn: "21/10/2026",
      assignedTo: MINH.id,
    }),
    make(4, {
      name: "Lê Ngọc Hạnh",
      phone: "0356789012",
      agency: "STC",
      procedure: "Đăng ký thành lập doanh nghiệp tư nhân",
      receivedOn: "07/10/2026",
      assignedTo: null,
    }),
    make(5, {
      name: "Huỳnh Đức Tài",
      phone: "0772345678",
      agency: "STP",
      procedure: "Đăng ký khai sinh có yếu tố nước ngoài",
      receivedOn: "28/10/2026",
      assignedTo: LAN.id,
      attempts: 1,
      lastOutcome: "3.13",
      retryAt: past(2 * HOUR),
      lastAttemptAt: past(5 * HOUR),
      history: [attempt(past(5 * HOUR), "3.13", LAN.id, "Đổ chuông lâu, không ai nghe")],
    }),
    make(6, {
      name: "Võ Thị Yến",
      phone: "0938111222",
      agency: "UBND-PCL",
      procedure: "Chứng thực bản sao từ bản chính",
      receivedOn: "15/10/2026",
      assignedTo: MINH.id,
      attempts: 2,
      everContacted: true,
      lastOutcome: "1.1",
      finalOutcome: "1.1",
      lastAttemptAt: past(DAY),
      history: [attempt(past(2 * DAY), "3.12", MINH.id), attempt(past(DAY), "1.1", MINH.id)],
      interview: {
        id: "f1000000-0000-4000-8000-000000000006",
        status: "complete",
        operatorId: MINH.id,
        // Asked on the call that completed it, ten minutes before it was recorded.
        answers: answers("6", YEN_ANSWERS, past(DAY + 10 * MINUTE), MINH.id),
      },
    }),
    make(7, {
      name: "Đặng Quốc Việt",
      phone: "0868222333",
      agency: "SNNMT",
      procedure: "Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất",
      receivedOn: "09/11/2026",
      assignedTo: null,
      attempts: 1,
      everContacted: true,
      lastOutcome: "2.21",
      appointmentAt: now + DAY,
      retryAt: now + DAY,
      lastAttemptAt: past(3 * HOUR),
      history: [attempt(past(3 * HOUR), "2.21", MINH.id, "Đang họp, hẹn gọi lại chiều mai")],
    }),
    make(8, {
      name: "Bùi Kim Ngân",
      phone: "0393444555",
      agency: "STC",
      procedure: "Đăng ký thay đổi nội dung đăng ký doanh nghiệp",
      receivedOn: "19/10/2026",
      assignedTo: LAN.id,
      attempts: 1,
      everContacted: true,
      lastOutcome: "2.112",
      finalOutcome: "2.112",
      lastAttemptAt: past(26 * HOUR),
      history: [attempt(past(26 * HOUR), "2.112", LAN.id)],
    }),
    make(9, {
      name: "Đỗ Hữu Phúc",
      phone: "0707555666",
      agency: "STP",
      procedure: "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam",
      receivedOn: "02/11/2026",
      assignedTo: MINH.id,
      attempts: 1,
      lastOutcome: "4.32",
      finalOutcome: "4.32",
      lastAttemptAt: past(30 * HOUR),
      history: [attempt(past(30 * HOUR), "4.32", MINH.id, "Số của người khác")],
    }),
    make(10, {
      name: "Ngô Thu Trang",
      phone: "0889666777",
      agency: "UBND-PCL",
      procedure: "Đăng ký kết hôn",
      receivedOn: "24/10/2026",
      assignedTo: LAN.id,
      attempts: 1,
      everContacted: true,
      lastOutcome: "1.2",
      retryAt: past(HOUR),
      lastAttemptAt: past(2 * HOUR),
      history: [attempt(past(2 * HOUR), "1.2", LAN.id, "Đang bận việc, đã trả lời đến câu hài lòng chung")],
      interview: {
        id: "f1000000-0000-4000-8000-000000000010",
        status: "partial",
        operatorId: LAN.id,
        // Up to the overall satisfaction (the core): the expectations are asked next.
        answers: answers(
          "10",
          YEN_ANSWERS.slice(0, YEN_ANSWERS.findIndex(([id]) => id === "mong_doi")),
          past(2 * HOUR + 10 * MINUTE),
          LAN.id,
        ),
      },
    }),
    make(11, {
      name: "Hồ Thanh Bình",
      phone: "0965777888",
      agency: "SNNMT",
      procedure: "Cấp đổi Giấy chứng nhận quyền sử dụng đất",
      receivedOn: "30/10/2026",
      assignedTo: null,
    }),
    make(12, {
      name: "Dương Mỹ Linh",
      phone: "0979888999",
      agency: "STC",
      procedure: "Đăng ký thành lập doanh nghiệp tư nhân",
      receivedOn: "11/11/2026",
      assignedTo: MINH.id,
      leaseHolder: MINH.id,
      leaseExpiresAt: now + 4 * 60_000,
      leaseEpoch: 1,
      leaseClaimedAt: now - 60_000,
    }),
  ];
}

/** A list file the fake can read: what the preview shows and what importing it does. */
export interface FakeListFile {
  headers: string[];
  /** The column each header was taken for (Vietnamese name), `null` when ignored. */
  columns: (string | null)[];
  rows: string[][];
  problem: string | null;
  /** Spreadsheet rows (header = 1) refused, with the column and the reason. */
  rejections: { row: number; column: string | null; reason: string }[];
  /** The people the accepted rows fold into: one case each. */
  people: { name: string; phone: string; agency: string; procedure: string; dossier: string; receivedOn: string }[];
}

const LIST_HEADERS = ["Mã hồ sơ", "Họ và tên", "SĐT", "Đơn vị", "Tên thủ tục", "Ngày trả kết quả", "Ghi chú"];
const LIST_COLUMNS = ["Mã hồ sơ", "Họ tên", "Số điện thoại", "Cơ quan", "Thủ tục", "Ngày trả kết quả", null];

/** Files by how their path ends: `…/danh-sach.csv` imports 4 of 8 rows; `…/thieu-cot.csv` lacks the phone column. */
export const LIST_FILES: Record<string, FakeListFile> = {
  "danh-sach.csv": {
    headers: LIST_HEADERS,
    columns: LIST_COLUMNS,
    rows: [
      ["HS-2026-10-0101", "Nguyễn Văn An", "0912 345 678", "Sở Tư pháp", "Cấp Phiếu lý lịch tư pháp", "05/10/2026", ""],
      ["HS-2026-10-0102", "Nguyễn Văn An", "0912345678", "Sở Tư pháp", "Chứng thực bản sao từ bản chính", "06/10/2026", "nộp trực tuyến"],
      ["HS-2026-10-0117", "Trần Thị Bích", "+84 98 765 4321", "Sở Tài chính", "Đăng ký thành lập hộ kinh doanh", "12/10/2026", ""],
      ["HS-2026-10-0120", "Lý Văn Cường", "061 3822 456", "Sở Tư pháp", "Cấp Phiếu lý lịch tư pháp", "14/10/2026", ""],
      ["HS-2026-10-0125", "Phan Thị Dung", "0935 112 233", "Sở Tài chính", "Đăng ký thành lập hộ kinh doanh", "20/12/2026", ""],
      ["HS-2026-10-0131", "", "0977 456 123", "Sở Tư pháp", "Chứng thực chữ ký", "21/10/2026", "thiếu tên"],
      ["HS-2026-10-0140", "Đinh Công Hậu", "0912 34", "Sở Nội vụ", "Cấp giấy phép lao động", "25/10/2026", ""],
      ["HS-2026-11-0002", "Trần Thị Bích", "0987654321", "Sở Tài chính", "Thay đổi nội dung đăng ký hộ kinh doanh", "03/11/2026", ""],
    ],
    problem: null,
    rejections: [
      { row: 5, column: "Số điện thoại", reason: "đầu số 061 không phải đầu số di động đang dùng" },
      { row: 6, column: "Ngày trả kết quả", reason: "ngày trả kết quả ngoài thời gian của đợt khảo sát (từ 01/10/2026 đến 15/11/2026)" },
      { row: 7, column: "Họ tên", reason: "ô trống, cột này bắt buộc" },
      { row: 8, column: "Cơ quan", reason: "cơ quan không có trong danh mục cơ quan của đợt khảo sát" },
    ],
    people: [
      { name: "Nguyễn Văn An", phone: "0912345678", agency: "STP", procedure: "Cấp Phiếu lý lịch tư pháp", dossier: "HS-2026-10-0101", receivedOn: "05/10/2026" },
      { name: "Trần Thị Bích", phone: "0987654321", agency: "STC", procedure: "Đăng ký thành lập hộ kinh doanh", dossier: "HS-2026-10-0117", receivedOn: "12/10/2026" },
    ],
  },
  "thieu-cot.csv": {
    headers: ["Mã hồ sơ", "Họ và tên", "Đơn vị", "Tên thủ tục", "Ngày trả kết quả"],
    columns: ["Mã hồ sơ", "Họ tên", "Cơ quan", "Thủ tục", "Ngày trả kết quả"],
    rows: [
      ["HS-2026-10-0201", "Hoàng Văn Em", "Sở Tư pháp", "Chứng thực chữ ký", "08/10/2026"],
      ["HS-2026-10-0202", "Vũ Thị Giang", "Sở Tài chính", "Đăng ký thành lập hộ kinh doanh", "09/10/2026"],
      ["HS-2026-10-0203", "Mai Văn Khoa", "UBND phường Cao Lãnh", "Đăng ký khai sinh", "10/10/2026"],
    ],
    problem: "Thiếu cột bắt buộc: Số điện thoại",
    rejections: [],
    people: [],
  },
};

/** Dossiers per agency in the demo campaign, and how many cases (people) they fold into. */
export const POPULATIONS: Record<string, { dossiers: number; cases: number }> = {
  SNNMT: { dossiers: 430, cases: 402 },
  STC: { dossiers: 86, cases: 80 },
  STP: { dossiers: 1250, cases: 1187 },
  "UBND-PCL": { dossiers: 5400, cases: 5102 },
};

/** A request about personal data as the fake's register keeps it; days are ISO (yyyy-mm-dd). */
export interface FakeRequest {
  id: string;
  kind: RequestKind;
  receivedOn: string;
  /** National form (`0912456789`), or null. */
  phone: string | null;
  note: string;
  /** When it was recorded (epoch ms): the register's order after the day received. */
  recordedAt: number;
  acknowledgedOn: string | null;
  closedOn: string | null;
  closingNote: string | null;
  forgottenCases: number;
}

/** The register as `?requests` starts it: a request to see one's data received on Thursday
 * 05/11/2026 and never acknowledged (both deadlines passed by 23/11), one to correct a name
 * received on Friday 20/11 (acknowledge by Tuesday 24/11), and one answered and closed. */
export function demoRequests(now: number): FakeRequest[] {
  const request = (n: number, seed: Omit<FakeRequest, "id" | "recordedAt">, daysAgo: number): FakeRequest => ({
    id: `d0000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
    recordedAt: now - daysAgo * DAY,
    ...seed,
  });
  return [
    request(
      1,
      {
        kind: "access",
        receivedOn: "2026-11-02",
        phone: "0772345678",
        note: "Gọi đến 1022 hỏi Tổng đài đang giữ những dữ liệu gì về mình.",
        acknowledgedOn: "2026-11-03",
        closedOn: "2026-11-10",
        closingNote: "Đã gọi lại ngày 10/11/2026, đọc cho người đó họ tên, số điện thoại và hồ sơ đang giữ.",
        forgottenCases: 0,
      },
      21,
    ),
    request(
      2,
      {
        kind: "access",
        receivedOn: "2026-11-05",
        phone: "0356789012",
        note: "Thư gửi Sở Tài chính, hỏi vì sao Tổng đài có số điện thoại của mình.",
        acknowledgedOn: null,
        closedOn: null,
        closingNote: null,
        forgottenCases: 0,
      },
      18,
    ),
    request(
      3,
      {
        kind: "correct",
        receivedOn: "2026-11-20",
        phone: null,
        note: "Báo họ tên trong danh sách bị viết sai dấu.",
        acknowledgedOn: null,
        closedOn: null,
        closingNote: null,
        forgottenCases: 0,
      },
      3,
    ),
  ];
}
