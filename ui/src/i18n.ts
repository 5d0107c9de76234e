/** The UI's words in Vietnamese (default) and English, and `t()` to fill them in. */
import { createContext, useContext } from "react";

export type Lang = "vi" | "en";
export const LANGS: readonly Lang[] = ["vi", "en"];
const STORAGE_KEY = "khaosat.lang";

const vi = {
  "app.title": "Khảo sát",
  "app.subtitle": "Khảo sát sự hài lòng về sự phục vụ hành chính qua điện thoại",
  "lang.switchTitle": "Switch to English",
  "common.loading": "Đang tải…",
  "common.retry": "Thử lại",
  "common.close": "Đóng",
  "common.cancel": "Hủy",

  "start.db": "Dữ liệu: {backend} — {location}",
  "start.version": "Phiên bản {version}",
  "start.campaign": "Đợt khảo sát",
  "start.noCampaign": "Chưa có đợt khảo sát nào. Tạo dữ liệu mẫu bằng lệnh “khaosat init --demo”.",
  "start.window": "Hồ sơ nhận kết quả từ {from} đến {to} · tối đa {max} lần gọi",
  "start.workAs": "Làm việc với tư cách",
  "start.operators": "Điện thoại viên",
  "start.supervisors": "Giám sát viên",
  "start.noStaff": "Chưa có người dùng nào.",

  "role.operator": "Điện thoại viên",
  "role.supervisor": "Giám sát viên",
  "role.admin": "Quản trị viên",

  "nav.home": "Màn hình đầu",
  "nav.supervisor": "Giám sát",
  "nav.desk": "Bàn gọi",
  "nav.heldWarning":
    "Ca của {name} vẫn đang được giữ vì phiếu đã có câu trả lời. Quay lại Bàn gọi để phỏng vấn tiếp hoặc ghi kết quả.",

  "desk.next": "Ca tiếp theo (F2)",
  "desk.noCase": "Hiện không còn ca nào để gọi.",
  "desk.idle": "Nhấn F2 để nhận ca tiếp theo.",
  "desk.resumed": "Tiếp tục ca đang dở",
  "desk.attempts": "Lần gọi thứ {n}/{max}",
  "desk.phone": "Số điện thoại",
  "desk.copy": "Sao chép",
  "desk.copied": "Đã chép",
  "desk.agency": "Cơ quan",
  "desk.procedure": "Thủ tục",
  "desk.received": "Ngày nhận kết quả",
  "desk.dossier": "Mã hồ sơ",
  "desk.appointment": "Hẹn gọi lại lúc {at}",
  "desk.history": "Lịch sử cuộc gọi",
  "desk.noHistory": "Chưa gọi lần nào.",
  "desk.script": "Lời chào",
  "desk.scriptText":
    "Xin chào, tôi là {operator}, gọi từ Tổng đài 1022. Xin phép được gặp Ông/Bà {respondent}. Ông/Bà đã làm thủ tục “{procedure}” tại {agency} và nhận kết quả ngày {date}. Xin Ông/Bà dành ít phút cho biết mức độ hài lòng về sự phục vụ ạ.",
  "desk.start": "Bắt đầu phỏng vấn (Enter)",
  "desk.resume": "Tiếp tục phỏng vấn (Enter)",
  "desk.interviewSoFar": "Phiếu đã có {n} câu trả lời từ lần gọi trước",
  "desk.outcomes": "Kết quả cuộc gọi",
  "desk.outcomesHint": "Phím tắt ghi trên nút, khi chưa mở phiếu",
  "desk.note": "Ghi chú",
  "desk.notePlaceholder": "Ghi chú cho lần gọi này (không bắt buộc)",
  "desk.busy": "Đang xử lý…",
  "desk.recorded": "Đã ghi: {outcome}",
  "desk.recordedClosed": "Đã ghi: {outcome} — ca đã đóng",
  "desk.recordedClosedBy": "Đã ghi: {outcome} — ca đã đóng: {final}",
  "desk.recordedRetry": "Đã ghi: {outcome} — gọi lại lúc {at}",

  "appt.title": "Hẹn gọi lại",
  "appt.label": "Thời gian hẹn (giờ của đợt khảo sát)",
  "appt.confirm": "Ghi hẹn gọi lại",

  "iv.progress": "Câu {n}/{total}",
  "iv.done": "Đã trả lời đủ {total}/{total} câu",
  "iv.saving": "Đang lưu…",
  "iv.keys": "Phím 1–5 để chọn mức, 0 nếu không ý kiến",
  "iv.finish": "Kết thúc phỏng vấn",
  "iv.finishHint": "Ghi kết quả “Hoàn thành” cho ca này.",
  "iv.questions": "Các câu hỏi",
  "iv.change": "Bấm vào một câu để sửa câu trả lời",
  "iv.editing": "Đang sửa câu {id}",
  "iv.loading": "Đang mở phiếu…",

  "sup.search": "Tìm theo tên, mã hồ sơ, cơ quan",
  "sup.statusAll": "Mọi trạng thái",
  "sup.refresh": "Làm mới",
  "sup.updated": "Cập nhật lúc {time} · tự làm mới mỗi 10 giây",
  "sup.total": "Tổng",
  "sup.shown": "Hiển thị {n}/{total} ca",
  "sup.noMatch": "Không có ca nào khớp với bộ lọc.",
  "sup.capped": "Chỉ hiện {n} trong {total} ca khớp; hãy thu hẹp bằng ô tìm kiếm hoặc trạng thái.",
  "sup.byAgency": "Theo cơ quan",
  "sup.agencyCases": "Số ca",
  "sup.agencyClosed": "Đã đóng",
  "sup.agencyComplete": "Hoàn thành",
  "sup.col.name": "Người được khảo sát",
  "sup.col.agency": "Cơ quan",
  "sup.col.received": "Nhận KQ",
  "sup.col.callList": "Danh sách gọi",
  "sup.col.status": "Trạng thái",
  "sup.col.attempts": "Lần gọi",
  "sup.col.agencyProcedure": "Cơ quan · Thủ tục",
  "sup.col.lastCall": "Lần gọi gần nhất",
  "sup.col.answers": "Phiếu",
  "sup.sharedPool": "Chung",
  "sup.dontKnowShort": "KYK",
  "sup.dontKnowLong": "không ý kiến",

  "sup.tabs": "Các phần của màn hình giám sát",
  "sup.tab.cases": "Danh sách ca",
  "sup.tab.import": "Nhập danh sách",
  "sup.tab.sample": "Chọn mẫu",

  "imp.title": "Nhập danh sách người được khảo sát",
  "imp.hint": "Tệp CSV (UTF-8) hoặc XLSX xuất từ hệ thống một cửa; dòng đầu là tên cột. Nhập lại cùng tệp không thêm gì.",
  "imp.path": "Tệp danh sách",
  "imp.pathPlaceholder": "Đường dẫn tệp .csv hoặc .xlsx",
  "imp.choose": "Chọn tệp…",
  "imp.filter": "Danh sách (CSV, XLSX)",
  "imp.sheet": "Trang tính (không bắt buộc)",
  "imp.sheetPlaceholder": "Trang đầu tiên",
  "imp.preview": "Xem trước",
  "imp.run": "Nhập danh sách",
  "imp.running": "Đang nhập danh sách…",
  "imp.checking": "Đã kiểm tra {done}/{total} dòng",
  "imp.storing": "Đang ghi {rows} dòng vào cơ sở dữ liệu…",
  "imp.previewOf": "{file}: {rows} dòng dữ liệu",
  "imp.previewOfSheet": "{file}, trang “{sheet}”: {rows} dòng dữ liệu",
  "imp.mapping": "Các cột trong tệp",
  "imp.col.header": "Tên cột trong tệp",
  "imp.col.column": "Được hiểu là",
  "imp.ignored": "bỏ qua",
  "imp.firstRows": "{n} dòng đầu",
  "imp.cannot": "Không thể nhập tệp này",
  "imp.summary": "Đã đọc {rows} dòng: nhận {accepted}, từ chối {rejected}; {newCases} ca mới, đợt khảo sát có {total} ca.",
  "imp.rejects": "Các dòng bị từ chối",
  "imp.noRejects": "Không có dòng nào bị từ chối.",
  "imp.col.row": "Dòng",
  "imp.col.field": "Cột",
  "imp.col.value": "Giá trị",
  "imp.col.reason": "Lý do",
  "imp.wholeRow": "cả dòng",
  "imp.empty": "(trống)",
  "imp.saveRejects": "Lưu các dòng bị từ chối…",
  "imp.saveFilter": "Tệp CSV (UTF-8)",
  "imp.saved": "Đã lưu {n} dòng bị từ chối vào {path}. Sửa các dòng đó rồi nhập lại tệp này.",

  "smp.title": "Chọn mẫu theo cơ quan",
  "smp.col.agency": "Cơ quan",
  "smp.col.population": "Số hồ sơ",
  "smp.col.required": "Cỡ mẫu tối thiểu",
  "smp.col.drawn": "Đã chọn",
  "smp.col.progress": "Đã chọn so với cỡ mẫu",
  "smp.col.add": "Thêm mẫu",
  "smp.total": "Tổng",
  "smp.seed": "Hạt giống ngẫu nhiên",
  "smp.rule": "Quy tắc",
  "smp.rule.tiers": "Mức tối thiểu SIPAS",
  "smp.rule.slovin": "Công thức Slovin",
  "smp.margin": "Sai số e",
  "smp.draw": "Chọn mẫu",
  "smp.explain.tiers": "Dưới 100 hồ sơ: chọn tất cả; 100–999: 100; 1.000–4.999: 200; từ 5.000: 500.",
  "smp.explain.slovin": "Cỡ mẫu n = N / (1 + N·e²), làm tròn lên, với N là số hồ sơ của cơ quan và e là sai số.",
  "smp.explain.draw": "Chọn ngẫu nhiên đơn giản trong từng cơ quan; cùng hạt giống cho cùng mẫu, chọn lại không lấy trùng ca.",
  "smp.addCount": "Số ca thêm cho {agency}",
  "smp.add": "Thêm mẫu",
  "smp.barTitle": "Đã chọn {drawn} trên cỡ mẫu {required}",
  "smp.drew": "Đã chọn mẫu ({rule}, hạt giống {seed}): tổng cộng {n} ca.",
  "smp.added": "Đã thêm {n} ca cho {agency} trong một đợt mới.",
  "smp.empty": "Đợt khảo sát chưa có hồ sơ nào. Hãy nhập danh sách trước.",

  "status.new": "Chưa gọi",
  "status.inCall": "Đang gọi",
  "status.inCallBy": "Đang gọi ({holder})",
  "status.retry": "Chờ gọi lại",
  "status.appointment": "Hẹn gọi lại",
  "status.closed": "Đã đóng",

  "ivstatus.inProgress": "Đang phỏng vấn",
  "ivstatus.partial": "Dở dang",
  "ivstatus.complete": "Đủ câu trả lời",

};

export type MessageKey = keyof typeof vi;

const en: Record<MessageKey, string> = {
  "app.title": "Khảo sát",
  "app.subtitle": "Telephone survey of satisfaction with public administrative services",
  "lang.switchTitle": "Chuyển sang tiếng Việt",
  "common.loading": "Loading…",
  "common.retry": "Try again",
  "common.close": "Close",
  "common.cancel": "Cancel",

  "start.db": "Data: {backend} — {location}",
  "start.version": "Version {version}",
  "start.campaign": "Campaign",
  "start.noCampaign": "There is no campaign yet. Seed the demo with “khaosat init --demo”.",
  "start.window": "Results received {from} to {to} · at most {max} call attempts",
  "start.workAs": "Work as",
  "start.operators": "Operators",
  "start.supervisors": "Supervisors",
  "start.noStaff": "There are no users yet.",

  "role.operator": "Operator",
  "role.supervisor": "Supervisor",
  "role.admin": "Administrator",

  "nav.home": "Start",
  "nav.supervisor": "Supervision",
  "nav.desk": "Desk",
  "nav.heldWarning":
    "The case of {name} is still held because its interview has answers. Go back to the desk to go on or record the outcome.",

  "desk.next": "Next case (F2)",
  "desk.noCase": "There is no case left to call right now.",
  "desk.idle": "Press F2 for the next case.",
  "desk.resumed": "Picking up an unfinished case",
  "desk.attempts": "Call attempt {n}/{max}",
  "desk.phone": "Phone",
  "desk.copy": "Copy",
  "desk.copied": "Copied",
  "desk.agency": "Agency",
  "desk.procedure": "Procedure",
  "desk.received": "Result received",
  "desk.dossier": "Dossier code",
  "desk.appointment": "Appointment at {at}",
  "desk.history": "Call history",
  "desk.noHistory": "Never called.",
  "desk.script": "Script (read in Vietnamese)",
  "desk.scriptText":
    "Xin chào, tôi là {operator}, gọi từ Tổng đài 1022. Xin phép được gặp Ông/Bà {respondent}. Ông/Bà đã làm thủ tục “{procedure}” tại {agency} và nhận kết quả ngày {date}. Xin Ông/Bà dành ít phút cho biết mức độ hài lòng về sự phục vụ ạ.",
  "desk.start": "Start interview (Enter)",
  "desk.resume": "Resume interview (Enter)",
  "desk.interviewSoFar": "The interview has {n} answers from an earlier call",
  "desk.outcomes": "Call outcome",
  "desk.outcomesHint": "Keys shown on the buttons, while no interview is open",
  "desk.note": "Note",
  "desk.notePlaceholder": "A note for this call (optional)",
  "desk.busy": "Working…",
  "desk.recorded": "Recorded: {outcome}",
  "desk.recordedClosed": "Recorded: {outcome} — case closed",
  "desk.recordedClosedBy": "Recorded: {outcome} — case closed: {final}",
  "desk.recordedRetry": "Recorded: {outcome} — call again at {at}",

  "appt.title": "Call back",
  "appt.label": "Appointment (campaign time)",
  "appt.confirm": "Record the callback",

  "iv.progress": "Question {n}/{total}",
  "iv.done": "All {total}/{total} questions answered",
  "iv.saving": "Saving…",
  "iv.keys": "Keys 1–5 pick the score, 0 for don't know",
  "iv.finish": "Finish interview",
  "iv.finishHint": "Records the outcome “Complete” for this case.",
  "iv.questions": "Questions",
  "iv.change": "Click a question to change its answer",
  "iv.editing": "Changing question {id}",
  "iv.loading": "Opening the questionnaire…",

  "sup.search": "Search by name, dossier, agency",
  "sup.statusAll": "All statuses",
  "sup.refresh": "Refresh",
  "sup.updated": "Updated at {time} · refreshes every 10 seconds",
  "sup.total": "Total",
  "sup.shown": "Showing {n}/{total} cases",
  "sup.noMatch": "No case matches the filter.",
  "sup.capped": "Only {n} of {total} matching cases are shown; narrow them with the search box or the status.",
  "sup.byAgency": "By agency",
  "sup.agencyCases": "Cases",
  "sup.agencyClosed": "Closed",
  "sup.agencyComplete": "Complete",
  "sup.col.name": "Respondent",
  "sup.col.agency": "Agency",
  "sup.col.received": "Received",
  "sup.col.callList": "Call list",
  "sup.col.status": "Status",
  "sup.col.attempts": "Attempts",
  "sup.col.agencyProcedure": "Agency · Procedure",
  "sup.col.lastCall": "Last call",
  "sup.col.answers": "Interview",
  "sup.sharedPool": "Shared",
  "sup.dontKnowShort": "DK",
  "sup.dontKnowLong": "don't know",

  "sup.tabs": "Supervision sections",
  "sup.tab.cases": "Cases",
  "sup.tab.import": "Import list",
  "sup.tab.sample": "Sample",

  "imp.title": "Import the list of respondents",
  "imp.hint": "A CSV (UTF-8) or XLSX file exported from the one-stop-shop system; the first row holds the column names. Importing the same file again adds nothing.",
  "imp.path": "List file",
  "imp.pathPlaceholder": "Path of a .csv or .xlsx file",
  "imp.choose": "Choose file…",
  "imp.filter": "Lists (CSV, XLSX)",
  "imp.sheet": "Sheet (optional)",
  "imp.sheetPlaceholder": "First sheet",
  "imp.preview": "Preview",
  "imp.run": "Import list",
  "imp.running": "Importing the list…",
  "imp.checking": "Checked {done} of {total} rows",
  "imp.storing": "Writing {rows} rows to the database…",
  "imp.previewOf": "{file}: {rows} data rows",
  "imp.previewOfSheet": "{file}, sheet “{sheet}”: {rows} data rows",
  "imp.mapping": "Columns in the file",
  "imp.col.header": "Header in the file",
  "imp.col.column": "Taken as",
  "imp.ignored": "ignored",
  "imp.firstRows": "First {n} rows",
  "imp.cannot": "This file cannot be imported",
  "imp.summary": "Read {rows} rows: {accepted} accepted, {rejected} rejected; {newCases} new cases, the campaign has {total} cases.",
  "imp.rejects": "Rejected rows",
  "imp.noRejects": "No row was rejected.",
  "imp.col.row": "Row",
  "imp.col.field": "Column",
  "imp.col.value": "Value",
  "imp.col.reason": "Reason (Vietnamese)",
  "imp.wholeRow": "whole row",
  "imp.empty": "(empty)",
  "imp.saveRejects": "Save the rejected rows…",
  "imp.saveFilter": "CSV file (UTF-8)",
  "imp.saved": "Saved {n} rejected rows to {path}. Fix those rows, then import that file.",

  "smp.title": "Sample by agency",
  "smp.col.agency": "Agency",
  "smp.col.population": "Dossiers",
  "smp.col.required": "Minimum sample",
  "smp.col.drawn": "Drawn",
  "smp.col.progress": "Drawn against the minimum",
  "smp.col.add": "Add sample",
  "smp.total": "Total",
  "smp.seed": "Random seed",
  "smp.rule": "Rule",
  "smp.rule.tiers": "SIPAS minimums",
  "smp.rule.slovin": "Slovin's formula",
  "smp.margin": "Margin e",
  "smp.draw": "Draw sample",
  "smp.explain.tiers": "Under 100 dossiers: all of them; 100–999: 100; 1,000–4,999: 200; 5,000 or more: 500.",
  "smp.explain.slovin": "Sample size n = N / (1 + N·e²), rounded up, where N is the agency's dossier count and e the margin.",
  "smp.explain.draw": "Simple random sampling within each agency; the same seed gives the same sample, and drawing again never takes a case twice.",
  "smp.addCount": "Cases to add for {agency}",
  "smp.add": "Add",
  "smp.barTitle": "{drawn} drawn of a minimum of {required}",
  "smp.drew": "Sample drawn ({rule}, seed {seed}): {n} cases in all.",
  "smp.added": "Added {n} cases for {agency} in a new wave.",
  "smp.empty": "The campaign has no dossiers yet. Import a list first.",

  "status.new": "Not called",
  "status.inCall": "In call",
  "status.inCallBy": "In call ({holder})",
  "status.retry": "Waiting to retry",
  "status.appointment": "Appointment",
  "status.closed": "Closed",

  "ivstatus.inProgress": "In progress",
  "ivstatus.partial": "Partial",
  "ivstatus.complete": "All answered",

};

export const MESSAGES: Record<Lang, Record<MessageKey, string>> = { vi, en };

/** Fills `{name}` placeholders; an unknown placeholder is left as it is. */
export function format(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}

export function translate(
  lang: Lang,
  key: MessageKey,
  vars?: Record<string, string | number>,
): string {
  return format(MESSAGES[lang][key], vars).normalize("NFC");
}

export type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function translator(lang: Lang): T {
  return (key, vars) => translate(lang, key, vars);
}

/** The language saved on this workstation, Vietnamese unless English was chosen. */
export function loadLang(storage: Pick<Storage, "getItem"> | undefined = globalThis.localStorage): Lang {
  try {
    return storage?.getItem(STORAGE_KEY) === "en" ? "en" : "vi";
  } catch {
    return "vi";
  }
}

export function saveLang(lang: Lang, storage: Pick<Storage, "setItem"> | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(STORAGE_KEY, lang);
  } catch {
    // A workstation without storage just forgets the choice.
  }
}

export interface LangState {
  lang: Lang;
  t: T;
}

export const LangContext = createContext<LangState>({ lang: "vi", t: translator("vi") });

export function useLang(): LangState {
  return useContext(LangContext);
}
