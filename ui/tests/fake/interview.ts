// The fake's interview engine over catalogue.json's questionnaire, as the core's
// `src/domain/survey/engine.rs` and `src/ops/interview.rs`: one forward walk over the questions,
// answers parsed against their question, the view the desk and the supervisor read.
import type {
  ApiError,
  GivenAnswer,
  InterviewStop,
  InterviewView,
  OptionView,
  QuestionKind,
  QuestionView,
  SectionView,
} from "../../src/api/bindings";
import catalogue from "./catalogue.json";

export interface FakeOption {
  code: string;
  text: string;
  textEn: string | null;
  ends: "refusal" | "not_eligible" | null;
}

export interface FakeQuestion {
  id: string;
  sectionId: string;
  text: string;
  textEn: string | null;
  instruction: string | null;
  kind: QuestionKind;
  options: FakeOption[];
  required: boolean;
  min: number | null;
  max: number | null;
  maxChoices: number | null;
  maxLength: number | null;
  askIf: string | null;
}

export interface FakeQuestionnaire {
  hash: string;
  title: string;
  version: string;
  coreUntil: string | null;
  closing: { complete: string | null; refusal: string | null; notEligible: string | null };
  sections: { id: string; title: string; titleEn: string | null }[];
  questions: FakeQuestion[];
}

/** The built-in SIPAS questionnaire exactly as the core serves it. */
export const QUESTIONNAIRE = catalogue.questionnaire as FakeQuestionnaire;
/** Its id in the core (`sipas.toml`), which the catalogue does not carry. */
export const QUESTIONNAIRE_ID = "sipas";

/** The scale's options, as the core's `SCALE`. */
export const SCALE: OptionView[] = [
  ["1", "Rất không hài lòng", "Very dissatisfied"],
  ["2", "Không hài lòng", "Dissatisfied"],
  ["3", "Bình thường", "Neutral"],
  ["4", "Hài lòng", "Satisfied"],
  ["5", "Rất hài lòng", "Very satisfied"],
  ["0", "Không ý kiến", "Don't know"],
].map(([code, text, textEn]) => ({ code: code!, text: text!, textEn: textEn!, ends: false }));

/** One stored answer: the history keeps every save; the latest per question stands. */
export interface StoredAnswer {
  id: string;
  questionId: string;
  code: string;
  /** When it was saved (epoch ms), and by which operator. */
  at: number;
  by: string;
}

/** The respondent's details for the wording. */
export interface Fill {
  ten: string;
  co_quan: string;
  thu_tuc: string;
  ngay_nhan: string;
  dtv: string;
}

export function fill(text: string, values: Fill): string {
  return text.replace(/\{(ten|co_quan|thu_tuc|ngay_nhan|dtv)\}/g, (_, key: keyof Fill) => values[key] || "…");
}

function invalid(message: string): ApiError {
  // As the core's ApiError: one sentence, capital first, a full stop.
  return { kind: "invalid", message: `${message.charAt(0).toUpperCase()}${message.slice(1)}.` };
}

function question(id: string): FakeQuestion | undefined {
  return QUESTIONNAIRE.questions.find((q) => q.id === id);
}

/** Reads what the operator typed as the question's answer: the code a store keeps (empty: a blank).
 * Throws the core's `câu “id”: reason` as an invalid ApiError. */
export function parseAnswer(q: FakeQuestion, raw: string): string {
  const refuse = (reason: string) => invalid(`câu “${q.id}”: ${reason}`);
  const input = raw.trim();
  if (input === "") {
    if (q.required) throw refuse("câu hỏi bắt buộc, chưa có câu trả lời");
    return "";
  }
  const choice = (text: string) => {
    const n = /^[+-]?\d+$/.test(text) ? Number(text) : NaN;
    const found = q.options.find((o) => Number(o.code) === n);
    if (!found) {
      throw refuse(`“${text}” không phải phương án của câu này (có: ${q.options.map((o) => o.code).join(", ")})`);
    }
    return found.code;
  };
  switch (q.kind) {
    case "single":
      return choice(input);
    case "scale":
      if (/^[0-5]$/.test(input)) return input;
      throw refuse(`“${[...input].slice(0, 16).join("")}” không có trên thang điểm: chỉ nhận 1–5 hoặc 0 (không ý kiến)`);
    case "multiple": {
      const codes = [...new Set(input.split(/[,;\s]+/).filter(Boolean).map(choice))].sort((a, b) => Number(a) - Number(b));
      if (codes.length === 0) throw refuse("chưa chọn phương án nào");
      if (q.maxChoices !== null && codes.length > q.maxChoices) {
        throw refuse(`chọn ${codes.length} phương án, tối đa ${q.maxChoices}`);
      }
      return codes.join(",");
    }
    case "integer": {
      if (!/^[+-]?\d+$/.test(input)) throw refuse(`“${[...input].slice(0, 16).join("")}” không phải số nguyên`);
      const n = Number(input);
      if ((q.min !== null && n < q.min) || (q.max !== null && n > q.max)) {
        const range =
          q.min !== null && q.max !== null ? `${q.min}–${q.max}` : q.min !== null ? `≥ ${q.min}` : `≤ ${q.max}`;
        throw refuse(`${n} nằm ngoài khoảng ${range}`);
      }
      return String(n);
    }
    case "text": {
      const text = input.normalize("NFC");
      const length = [...text].length;
      if (q.maxLength !== null && length > q.maxLength) throw refuse(`dài ${length} ký tự, tối đa ${q.maxLength}`);
      return text;
    }
    case "date": {
      const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(input) ?? null;
      const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input);
      const [d, mo, y] = m ? [+m[1]!, +m[2]!, +m[3]!] : iso ? [+iso[3]!, +iso[2]!, +iso[1]!] : [0, 0, 0];
      if (y === 0) throw refuse(`“${[...input].slice(0, 16).join("")}” không phải ngày dạng dd/mm/yyyy`);
      const day = new Date(Date.UTC(y, mo - 1, d));
      if (day.getUTCDate() !== d || day.getUTCMonth() !== mo - 1) throw refuse(`ngày ${input} không có trên lịch`);
      return `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
    }
  }
}

/** The answer as a person reads it: an option's wording, the scale's label after its score, a date dd/mm/yyyy. */
export function showAnswer(q: FakeQuestion, code: string): string {
  if (code === "") return "(bỏ qua)";
  const option = (c: string) => q.options.find((o) => o.code === c)?.text ?? c;
  switch (q.kind) {
    case "single":
      return option(code);
    case "multiple":
      return code.split(",").map(option).join("; ");
    case "scale": {
      const label = SCALE.find((s) => s.code === code)?.text ?? "";
      return code === "0" ? label : `${code} — ${label}`;
    }
    case "date":
      return code.split("-").reverse().join("/");
    default:
      return code;
  }
}

/** Whether `ask_if` holds on the answers counted before it (SIPAS uses `id = value` only). */
function holds(condition: string, counted: Map<string, string>): boolean {
  const m = /^\s*([\w.]+)\s*=\s*(\S+)\s*$/.exec(condition);
  if (!m) return false;
  const given = counted.get(m[1]!);
  if (given === undefined || given === "") return false;
  return given.split(",").includes(m[2]!);
}

export interface Progress {
  path: FakeQuestion[];
  next: string | null;
  /** Answers that count, by question. */
  counted: Map<string, string>;
  missing: string[];
  ended: "refusal" | "not_eligible" | null;
  stop: InterviewStop;
}

/** The latest answer per question. */
export function standing(answers: readonly StoredAnswer[]): Map<string, string> {
  const latest = new Map<string, string>();
  for (const a of answers) latest.set(a.questionId, a.code);
  return latest;
}

/** The engine's walk: which questions the answers lead to, the next to ask, and what a stop counts as. */
export function progress(answers: readonly StoredAnswer[]): Progress {
  const given = standing(answers);
  const counted = new Map<string, string>();
  const path: FakeQuestion[] = [];
  const missing: string[] = [];
  let next: string | null = null;
  let ended: Progress["ended"] = null;
  for (const q of QUESTIONNAIRE.questions) {
    if (ended !== null || (q.askIf !== null && !holds(q.askIf, counted))) continue;
    path.push(q);
    const code = given.get(q.id);
    if (code !== undefined && (code !== "" || !q.required)) {
      counted.set(q.id, code);
      const ends = q.kind === "single" ? q.options.find((o) => o.code === code)?.ends : null;
      if (ends) ended = ends;
    } else {
      next ??= q.id;
      if (q.required) missing.push(q.id);
    }
  }
  if (ended !== null) {
    next = null;
    missing.length = 0;
  }
  const position = (id: string | null) => QUESTIONNAIRE.questions.findIndex((q) => q.id === id);
  const coreDone =
    ended === null &&
    (next === null || (QUESTIONNAIRE.coreUntil !== null && position(next) > position(QUESTIONNAIRE.coreUntil)));
  const stop: InterviewStop =
    ended === "refusal"
      ? "refusal"
      : ended === "not_eligible"
        ? "notEligible"
        : next === null
          ? "complete"
          : coreDone
            ? "partial"
            : counted.size > 0
              ? "breakOff"
              : "notStarted";
  return { path, next, counted, missing, ended, stop };
}

const OUTCOME_OF_STOP: Record<InterviewStop, string | null> = {
  complete: "1.1",
  partial: "1.2",
  breakOff: "2.12",
  refusal: "2.112",
  notEligible: "4.7",
  notStarted: null,
};

export interface FakeInterview {
  id: string;
  status: "inProgress" | "partial" | "complete";
  /** Who opened it: `{dtv}` in the wording the supervisor reads. */
  operatorId: string;
  answers: StoredAnswer[];
}

/** The interview as the desk and the supervisor see it, but for the record of consent (see `consentRecord`). */
export function interviewView(
  interview: FakeInterview,
  values: Fill,
  outcomeCodes: readonly string[],
): Omit<InterviewView, "consent"> {
  const p = progress(interview.answers);
  const questions: QuestionView[] = p.path.map((q) => {
    const code = p.counted.get(q.id);
    const answer: GivenAnswer | null = code === undefined ? null : { code, shown: showAnswer(q, code) };
    return {
      id: q.id,
      sectionId: q.sectionId,
      text: fill(q.text, values),
      textEn: q.textEn === null ? null : fill(q.textEn, values),
      instruction: q.instruction === null ? null : fill(q.instruction, values),
      kind: q.kind,
      options:
        q.kind === "scale"
          ? SCALE
          : q.options.map((o) => ({ code: o.code, text: fill(o.text, values), textEn: o.textEn, ends: o.ends !== null })),
      required: q.required,
      maxChoices: q.maxChoices,
      min: q.min,
      max: q.max,
      maxLength: q.maxLength,
      answer,
    };
  });
  const sections: SectionView[] = QUESTIONNAIRE.sections.map((s) => {
    const on = questions.filter((q) => q.sectionId === s.id);
    return { id: s.id, title: s.title, titleEn: s.titleEn, questions: on.length, answered: on.filter((q) => q.answer).length };
  });
  const closing =
    p.ended === "refusal"
      ? QUESTIONNAIRE.closing.refusal
      : p.ended === "not_eligible"
        ? QUESTIONNAIRE.closing.notEligible
        : p.next === null
          ? QUESTIONNAIRE.closing.complete
          : null;
  const suggested = OUTCOME_OF_STOP[p.stop];
  return {
    id: interview.id,
    questionnaire: QUESTIONNAIRE.hash,
    title: QUESTIONNAIRE.title,
    version: QUESTIONNAIRE.version,
    status: interview.status,
    questions,
    next: p.next,
    sections,
    setAside: Math.max(0, standing(interview.answers).size - p.counted.size),
    stop: p.stop,
    suggestedOutcome: suggested !== null && outcomeCodes.includes(suggested) ? suggested : null,
    closing: closing === null ? null : fill(closing, values),
  };
}

/** The record of consent as the core's `consent_view` keeps it: the consent question (the first
 * one an answer to which ends the interview as a refusal: `dong_y`), its latest answer, when and
 * by whom; null when it was not asked. `at` in epoch ms. */
export interface ConsentRecord {
  given: boolean;
  answer: string;
  at: number;
  operatorId: string;
  question: string;
  questionnaire: string;
}

export function consentRecord(answers: readonly StoredAnswer[]): ConsentRecord | null {
  const q = QUESTIONNAIRE.questions.find((x) => x.options.some((o) => o.ends === "refusal"));
  const latest = q && [...answers].reverse().find((a) => a.questionId === q.id);
  const choice = latest && q.options.find((o) => o.code === latest.code);
  if (!q || !latest || !choice) return null;
  return {
    given: choice.ends === null,
    answer: choice.text,
    at: latest.at,
    operatorId: latest.by,
    question: q.text,
    questionnaire: `${QUESTIONNAIRE_ID}@${QUESTIONNAIRE.version}`,
  };
}

/** Stores one answer, once per answer id, saved at `at` by `by`; throws the core's ApiError when
 * the input does not fit. */
export function saveAnswer(
  interview: FakeInterview,
  answerId: string,
  questionId: string,
  input: string,
  at: number,
  by: string,
): void {
  const q = question(questionId);
  if (!q) throw invalid(`phiếu không có câu “${questionId}”`);
  const code = parseAnswer(q, input);
  if (interview.answers.some((a) => a.id === answerId)) return;
  interview.answers.push({ id: answerId, questionId, code, at, by });
}

/** What an outcome that needs an interview asks of it, as the core's `check_stop`; null when it may be recorded. */
export function stopRefusal(need: "finished" | "started" | "none", label: string, answers: readonly StoredAnswer[]): ApiError | null {
  if (need === "none") return null;
  const p = progress(answers);
  if (need === "finished" && p.stop === "complete") return null;
  if (need === "started" && p.stop === "partial") return null;
  const why =
    need === "finished"
      ? `phiếu chưa xong, còn ${p.missing.length} câu bắt buộc chưa trả lời${p.next ? ` (tiếp theo: ${p.next})` : ""}`
      : p.stop === "complete"
        ? "phiếu đã trả lời đủ, hãy ghi “Hoàn thành” (1.1)"
        : "phiếu chưa qua phần câu hỏi chính (đến câu hài lòng chung), chưa tính là trả lời một phần";
  return invalid(`chưa thể ghi “${label}”: ${why}`);
}
