// Hand-made results for the fake backend's report commands (sipas_index, response_rates,
// fieldwork_progress, operator_figures): a campaign eight calling days in, on Monday 23/11/2026.
//
// The index is built from made-up answer tallies per agency, mode and criterion, put together the
// way DESIGN.md ("Review and reports") says the core does it, so every figure agrees with the
// others; the UI only shows them. UBND phường Cao Lãnh has two paper forms answered "không ý kiến"
// throughout (no index), and nobody at Sở Nông nghiệp và Môi trường or Sở Tài chính gave feedback
// (component gop_y without an index). Partial phone interviews reach the first two components.
import type {
  AgencyIndex,
  ComponentIndex,
  CriterionIndex,
  Dispositions,
  IndexReport,
  Mode,
  ModeIndex,
  OperatorsReport,
  OverallIndex,
  ProgressReport,
  Rates,
  RatesBy,
  RatesReport,
  RatesRow,
} from "../../src/api/bindings";
import { AGENCIES, CAMPAIGN, LAN, MINH } from "./data";

/** The five SIPAS components of the questionnaire and their 1–5 criteria, in order. */
export const COMPONENTS: readonly { id: string; title: string; criteria: readonly string[] }[] = [
  {
    id: "tiep_can",
    title: "Tiếp cận dịch vụ",
    criteria: ["tiep_can.thong_tin", "tiep_can.tru_so", "tiep_can.noi_cho", "tiep_can.trang_thiet_bi"],
  },
  {
    id: "thu_tuc",
    title: "Thủ tục hành chính",
    criteria: ["thu_tuc.niem_yet", "thu_tuc.ho_so", "thu_tuc.phi", "thu_tuc.thoi_han"],
  },
  {
    id: "cong_chuc",
    title: "Công chức trực tiếp giải quyết công việc",
    criteria: [
      "cong_chuc.lich_su",
      "cong_chuc.tra_loi",
      "cong_chuc.huong_dan",
      "cong_chuc.dung_quy_dinh",
      "cong_chuc.tan_tinh",
    ],
  },
  { id: "ket_qua", title: "Kết quả giải quyết", criteria: ["ket_qua.dung_hen", "ket_qua.chinh_xac", "ket_qua.cong_bang"] },
  {
    id: "gop_y",
    title: "Tiếp nhận và xử lý góp ý, phản ánh, kiến nghị",
    criteria: ["gop_y.kenh", "gop_y.xu_ly", "gop_y.thong_bao"],
  },
];
/** Criteria a partial interview reached: the first two components. */
const PARTIAL_REACH = new Set([...COMPONENTS[0]!.criteria, ...COMPONENTS[1]!.criteria]);
const MODES: readonly Mode[] = ["phone", "paper", "kiosk", "web"];

/** Share (in %) of answers 1, 2, 3, 4, 5 an agency's respondents give. */
type Weights = readonly [number, number, number, number, number];
const PROFILES: Record<string, Weights> = {
  SNNMT: [2, 5, 12, 50, 31],
  STC: [4, 8, 18, 45, 25],
  STP: [1, 2, 7, 44, 46],
  // Its two respondents answered "không ý kiến" to every criterion.
  "UBND-PCL": [0, 0, 0, 0, 0],
};
const PARTIAL_PROFILE: Weights = [6, 12, 22, 40, 20];
/** How much better (or worse) than its agency's profile a component fares. */
const LEAN: Record<string, number> = { tiep_can: 2, thu_tuc: -4, cong_chuc: 3, ket_qua: -2, gop_y: -6 };

/** Complete interviews per agency and mode; partial phone interviews; who answered the feedback part. */
export const COMPLETES: Record<string, Partial<Record<Mode, number>>> = {
  SNNMT: { phone: 103, paper: 5, web: 3 },
  STC: { phone: 47, kiosk: 6 },
  STP: { phone: 96, paper: 8, kiosk: 4, web: 2 },
  "UBND-PCL": { paper: 2 },
};
const PARTIALS: Record<string, number> = { SNNMT: 5, STC: 4, STP: 9 };
const FEEDBACK: Record<string, number> = { STP: 11 };

/** Valid answers per score 1–5. */
type Tally = [number, number, number, number, number];
interface Tallies {
  interviews: number;
  criteria: Map<string, Tally>;
}

/** `valid` answers spread over the scores by `weights`, largest remainders first. */
function spread(valid: number, weights: Weights): Tally {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0 || valid === 0) return [0, 0, 0, 0, 0];
  const exact = weights.map((w) => (valid * w) / sum);
  const tally = exact.map(Math.floor) as Tally;
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  let left = valid - tally.reduce((a, b) => a + b, 0);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    tally[i] += 1;
  }
  return tally;
}

/** One agency's answers in one mode: each criterion nudged a little off the agency's profile. */
function talliesFor(agency: string, mode: Mode, partial: boolean): Tallies {
  const a = Object.keys(AGENCIES).sort().indexOf(agency);
  const m = MODES.indexOf(mode);
  const interviews = partial ? (mode === "phone" ? (PARTIALS[agency] ?? 0) : 0) : (COMPLETES[agency]?.[mode] ?? 0);
  const criteria = new Map<string, Tally>();
  COMPONENTS.flatMap((c) => c.criteria).forEach((id, j) => {
    if (partial && !PARTIAL_REACH.has(id)) return;
    let asked = interviews;
    if (id.startsWith("gop_y.")) asked = partial || mode !== "phone" ? 0 : Math.max(0, (FEEDBACK[agency] ?? 0) - (j % 2));
    const dontKnow =
      id === "ket_qua.cong_bang" ? Math.round(asked * 0.15) : asked >= 10 ? (j + a + m) % 3 : 0;
    // Points moved from "3" to "5" (or back): the component's lean plus a little per criterion.
    const tilt = LEAN[id.split(".")[0]!]! + 2 * (((j * 7 + a + m) % 5) - 2);
    const base = partial ? PARTIAL_PROFILE : PROFILES[agency]!;
    const nudged: Weights = [base[0], base[1], Math.max(0, base[2] - tilt), base[3], Math.max(0, base[4] + tilt)];
    criteria.set(id, spread(Math.max(0, asked - dontKnow), base.every((w) => w === 0) ? base : nudged));
  });
  return { interviews, criteria };
}

function merge(into: Tallies, from: Tallies): Tallies {
  into.interviews += from.interviews;
  for (const [id, t] of from.criteria) {
    const sum = into.criteria.get(id) ?? [0, 0, 0, 0, 0];
    into.criteria.set(id, sum.map((x, i) => x + t[i]!) as Tally);
  }
  return into;
}

const empty = (): Tallies => ({ interviews: 0, criteria: new Map() });

/** The mean of the values there are, or null. */
function meanOf(values: readonly (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length === 0 ? null : present.reduce((a, b) => a + b, 0) / present.length;
}

function criterion(id: string, t: Tally): CriterionIndex {
  const n = t.reduce((a, b) => a + b, 0);
  const satisfied = t[3] + t[4];
  const total = t.reduce((sum, c, i) => sum + c * (i + 1), 0);
  return { criterion: id, n, satisfied, index: n ? (100 * satisfied) / n : null, mean: n ? total / n : null };
}

function agencyIndex(agency: string, name: string, t: Tallies): AgencyIndex {
  const components: ComponentIndex[] = COMPONENTS.map((c) => {
    const criteria = c.criteria.map((id) => criterion(id, t.criteria.get(id) ?? [0, 0, 0, 0, 0]));
    return {
      component: c.id,
      title: c.title,
      index: meanOf(criteria.map((q) => q.index)),
      mean: meanOf(criteria.map((q) => q.mean)),
      criteria,
    };
  });
  return {
    agency,
    name,
    n: t.interviews,
    index: meanOf(components.map((c) => c.index)),
    mean: meanOf(components.map((c) => c.mean)),
    components,
  };
}

function figures(tallies: Map<string, Tallies>): { overall: OverallIndex; agencies: AgencyIndex[] } {
  const codes = Object.keys(AGENCIES).sort();
  const agencies = codes.map((code) => agencyIndex(code, AGENCIES[code]!, tallies.get(code) ?? empty()));
  const pooled = codes.reduce((sum, code) => merge(sum, tallies.get(code) ?? empty()), empty());
  return {
    agencies,
    overall: {
      agencyMean: meanOf(agencies.map((a) => a.index)),
      agencyMeanScore: meanOf(agencies.map((a) => a.mean)),
      agencies: agencies.filter((a) => a.index !== null).length,
      pooled: agencyIndex("", "Toàn đợt (gộp mọi người trả lời)", pooled),
    },
  };
}

export const INDEX_FORMULA =
  "Tiêu chí: chỉ số = 100 × (số câu trả lời 4 hoặc 5) / (số câu trả lời hợp lệ 1–5); “không ý kiến” và câu bỏ trống không tính; " +
  "điểm trung bình = tổng điểm / số câu hợp lệ. Thành phần: trung bình cộng chỉ số (và điểm trung bình) của các tiêu chí có câu trả lời hợp lệ. " +
  "Cơ quan: trung bình cộng của các thành phần có chỉ số. Toàn đợt: (a) trung bình cộng chỉ số các cơ quan có chỉ số; " +
  "(b) gộp mọi người trả lời, tính như một cơ quan. / Criterion: index = 100 × (answers of 4 or 5) / (valid answers 1–5), " +
  "“don't know” and blanks excluded; mean = sum of scores / valid answers. Component: mean of its criteria that have valid answers. " +
  "Agency: mean of its components that have an index. Campaign: (a) mean over agencies with an index; " +
  "(b) pooled over all respondents, computed as one agency.";

/** The satisfaction index the core would give for these tallies. */
/** The index of the fake's synthetic fieldwork; with `approvedOnly` none of it was approved, so
 * nothing counts (the review's own effect on the index is tested on both databases in Rust). */
export function indexReport(includePartial: boolean, byMode: boolean, approvedOnly = false): IndexReport {
  const perMode = new Map<Mode, Map<string, Tallies>>();
  const all = new Map<string, Tallies>();
  for (const mode of MODES) {
    const byAgency = new Map<string, Tallies>();
    for (const code of Object.keys(AGENCIES)) {
      const t = approvedOnly ? empty() : talliesFor(code, mode, false);
      if (includePartial && !approvedOnly) merge(t, talliesFor(code, mode, true));
      byAgency.set(code, t);
      if (!all.has(code)) all.set(code, empty());
      merge(all.get(code)!, t);
    }
    perMode.set(mode, byAgency);
  }
  const whole = figures(all);
  const modes: ModeIndex[] = byMode
    ? MODES.filter((m) => [...perMode.get(m)!.values()].some((t) => t.interviews > 0)).map((mode) => ({
        mode,
        ...figures(perMode.get(mode)!),
      }))
    : [];
  let counted = approvedOnly
    ? "Tính trên các phiếu hoàn thành (1.1) đã được giám sát viên duyệt, mọi cách thu thập"
    : "Tính trên các phiếu hoàn thành (1.1), mọi cách thu thập, đã duyệt hay chưa";
  if (includePartial) counted += "; cộng các câu đã trả lời của phiếu trả lời một phần (1.2)";
  return {
    campaign: CAMPAIGN.code,
    formula: INDEX_FORMULA,
    counted,
    includePartial,
    overall: whole.overall,
    agencies: whole.agencies,
    byMode: modes,
  };
}

/** Final (or latest) dispositions of the drawn cases, per agency and per call list. */
const BY_AGENCY: Record<string, Dispositions> = {
  SNNMT: { I: 103, P: 5, R: 6, NC: 8, O: 1, UH: 4, UO: 1, NE: 2 },
  STC: { I: 47, P: 4, R: 7, NC: 13, O: 2, UH: 4, UO: 1, NE: 2 },
  STP: { I: 96, P: 9, R: 14, NC: 37, O: 3, UH: 35, UO: 2, NE: 4 },
  "UBND-PCL": { I: 0, P: 0, R: 3, NC: 11, O: 0, UH: 104, UO: 1, NE: 1 },
};
const BY_LIST: Record<string, { name: string; counts: Dispositions }> = {
  chung: { name: "Danh sách chung", counts: { I: 16, P: 3, R: 4, NC: 11, O: 1, UH: 70, UO: 1, NE: 1 } },
  [LAN.login]: { name: LAN.fullName, counts: { I: 120, P: 8, R: 12, NC: 30, O: 3, UH: 40, UO: 2, NE: 4 } },
  [MINH.login]: { name: MINH.fullName, counts: { I: 110, P: 7, R: 14, NC: 28, O: 2, UH: 37, UO: 2, NE: 4 } },
};

export const RATES_FORMULAS =
  "RR1 = I/((I+P)+(R+NC+O)+(UH+UO)); RR2 = (I+P)/((I+P)+(R+NC+O)+(UH+UO)); RR3 = I/((I+P)+(R+NC+O)+e(UH+UO)); " +
  "RR4 = (I+P)/((I+P)+(R+NC+O)+e(UH+UO)); RR5 = I/((I+P)+(R+NC+O)); RR6 = (I+P)/((I+P)+(R+NC+O)); " +
  "COOP1 = I/((I+P)+R+O); COOP2 = (I+P)/((I+P)+R+O); COOP3 = I/((I+P)+R); COOP4 = (I+P)/((I+P)+R); " +
  "REF1 = R/((I+P)+(R+NC+O)+(UH+UO)); REF2 = R/((I+P)+(R+NC+O)+e(UH+UO)); REF3 = R/((I+P)+(R+NC+O)); " +
  "CON1 = ((I+P)+R+O)/((I+P)+(R+NC+O)+(UH+UO)); CON2 = ((I+P)+R+O)/((I+P)+(R+NC+O)+e(UH+UO)); " +
  "CON3 = ((I+P)+R+O)/((I+P)+(R+NC+O)); e = (I+P+R+NC+O)/(I+P+R+NC+O+NE) unless given";

const total = (d: Dispositions) => d.I + d.P + d.R + d.NC + d.O + d.UH + d.UO + d.NE;

function sum(rows: readonly Dispositions[]): Dispositions {
  const out: Dispositions = { I: 0, P: 0, R: 0, NC: 0, O: 0, UH: 0, UO: 0, NE: 0 };
  for (const d of rows) for (const k of Object.keys(out) as (keyof Dispositions)[]) out[k] += d[k];
  return out;
}

/** The AAPOR rates of some dispositions with this e (null: none could be had). */
function rates(d: Dispositions, e: number | null, eGiven: boolean): Rates {
  const div = (a: number, b: number | null) => (b === null || b === 0 ? null : a / b);
  const ip = d.I + d.P;
  const eligible = ip + d.R + d.NC + d.O;
  const unknown = d.UH + d.UO;
  const all = eligible + unknown;
  const withE = e === null ? null : eligible + e * unknown;
  const contacted = ip + d.R + d.O;
  return {
    e,
    eGiven,
    RR1: div(d.I, all),
    RR2: div(ip, all),
    RR3: div(d.I, withE),
    RR4: div(ip, withE),
    RR5: div(d.I, eligible),
    RR6: div(ip, eligible),
    COOP1: div(d.I, ip + d.R + d.O),
    COOP2: div(ip, ip + d.R + d.O),
    COOP3: div(d.I, ip + d.R),
    COOP4: div(ip, ip + d.R),
    REF1: div(d.R, all),
    REF2: div(d.R, withE),
    REF3: div(d.R, eligible),
    CON1: div(contacted, all),
    CON2: div(contacted, withE),
    CON3: div(contacted, eligible),
  };
}

/** AAPOR rates overall and per agency or call list, with e given or estimated over every case. */
export function ratesReport(by: RatesBy | null, given: number | null): RatesReport {
  const overall = sum(Object.values(BY_AGENCY));
  const known = overall.I + overall.P + overall.R + overall.NC + overall.O;
  const e = given ?? (known + overall.NE === 0 ? null : known / (known + overall.NE));
  const row = (key: string, name: string, counts: Dispositions): RatesRow => ({
    key,
    name,
    cases: total(counts),
    counts,
    rates: rates(counts, e, given !== null),
  });
  const groups =
    by === "agency"
      ? Object.entries(BY_AGENCY).map(([code, counts]) => row(code, AGENCIES[code]!, counts))
      : by === "list"
        ? Object.entries(BY_LIST).map(([key, g]) => row(key, g.name, g.counts))
        : [];
  return {
    campaign: CAMPAIGN.code,
    formulas: RATES_FORMULAS,
    counted:
      "Mỗi ca đã chọn vào mẫu tính một lần theo kết quả cuối cùng, hoặc kết quả gần nhất nếu ca còn đang gọi; " +
      "ca chưa gọi lần nào tính là UH (3.11). e dùng chung cho mọi nhóm.",
    overall: row("", "Toàn đợt", overall),
    groups: groups.sort((a, b) => a.key.localeCompare(b.key)),
  };
}

/** Fieldwork on Monday 23/11/2026, eight calling days after the first call (Sat 14/11). Sở Nông
 * nghiệp và Môi trường has its completes; UBND phường Cao Lãnh has none by phone, so no projection. */
export function progressReport(): ProgressReport {
  return {
    campaign: CAMPAIGN.code,
    today: "23/11/2026",
    callingDays: 8,
    agencies: [
      {
        agency: "SNNMT",
        name: AGENCIES.SNNMT!,
        required: 100,
        drawn: 130,
        completes: 103,
        otherModes: 8,
        inProgress: 9,
        notCalled: 0,
        remaining: 0,
        dailyRate: 12.875,
        doneBy: null,
      },
      {
        agency: "STC",
        name: AGENCIES.STC!,
        required: 86,
        drawn: 80,
        completes: 47,
        otherModes: 6,
        inProgress: 24,
        notCalled: 3,
        remaining: 39,
        dailyRate: 5.875,
        doneBy: "01/12/2026",
      },
      {
        agency: "STP",
        name: AGENCIES.STP!,
        required: 200,
        drawn: 200,
        completes: 96,
        otherModes: 14,
        inProgress: 61,
        notCalled: 29,
        remaining: 104,
        dailyRate: 12,
        doneBy: "03/12/2026",
      },
      {
        agency: "UBND-PCL",
        name: AGENCIES["UBND-PCL"]!,
        required: 500,
        drawn: 120,
        completes: 0,
        otherModes: 2,
        inProgress: 18,
        notCalled: 102,
        remaining: 500,
        dailyRate: 0,
        doneBy: null,
      },
    ],
    total: {
      agency: "",
      name: "Toàn đợt",
      required: 886,
      drawn: 530,
      completes: 246,
      otherModes: 30,
      inProgress: 112,
      notCalled: 134,
      remaining: 643,
      dailyRate: 30.75,
      doneBy: "17/12/2026",
    },
  };
}

/** "yyyy-mm-dd" → "dd/mm/yyyy". */
const shown = (iso: string) => iso.split("-").reverse().join("/");

/** Operator figures for the whole campaign, or for Monday 23/11/2026 alone. */
export function operatorsReport(from: string | null, to: string | null): OperatorsReport {
  const today = (from === null || from <= "2026-11-23") && (to === null || to >= "2026-11-23");
  const whole = from === null || from <= "2026-11-14";
  const figures = (login: string, name: string, attempts: number, completes: number, hours: number, interviews: number, minutes: number | null) => ({
    operator: login,
    name,
    attempts,
    completes,
    hours,
    attemptsPerHour: hours > 0 ? attempts / hours : null,
    interviews,
    meanInterviewMinutes: minutes,
  });
  const operators = whole
    ? [figures(LAN.login, LAN.fullName, 412, 121, 52.5, 120, 11.4), figures(MINH.login, MINH.fullName, 389, 110, 49.75, 110, 12.9)]
    : today
      ? [figures(LAN.login, LAN.fullName, 38, 11, 6.25, 11, 10.7), figures(MINH.login, MINH.fullName, 5, 0, 0.5, 0, null)]
      : [];
  return { campaign: CAMPAIGN.code, from: from && shown(from), to: to && shown(to), idleLimitMinutes: 15, operators };
}
