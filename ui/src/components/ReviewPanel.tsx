/** The review queue: the campaign's finished interviews, filtered by state (waiting first), agency,
 * operator and the days they finished; the one picked beside it with its answers in order, its
 * calls and its review history. A supervisor approves it, returns it to its operator with a
 * reason, or corrects an answer with a reason — with the mouse, or from the keyboard: ↓/J and ↑/K
 * move through the queue, A approves, R returns. */
import { useCallback, useEffect, useRef, useState } from "react";
import {
  commands,
  type AgencyView,
  type CampaignView,
  type OutcomeView,
  type QuestionView,
  type ReviewItem,
  type ReviewState,
  type ReviewView,
  type StaffView,
} from "../api/bindings";
import { readDay } from "../datetime";
import { keyTarget, reviewKeyAction } from "../hotkeys";
import { useLang, type MessageKey } from "../i18n";
import { interviewStatusLabel } from "../labels";
import { ReturnReason } from "./ReturnReason";
import { ReviewBody } from "./ReviewBody";
import { CorrectDialog, ReturnDialog } from "./ReviewDialogs";
import { StatusMessage } from "./StatusMessage";

interface Props {
  campaign: CampaignView;
  staff: readonly StaffView[];
  outcomes: readonly OutcomeView[];
  report: (e: unknown) => void;
  clearError: () => void;
}

const STATES: readonly ReviewState[] = ["submitted", "returned", "approved"];
const STATE_LABEL: Record<ReviewState, MessageKey> = {
  submitted: "rv.state.submitted",
  approved: "rv.state.approved",
  returned: "rv.state.returned",
};

type Dialog = { kind: "return" } | { kind: "correct"; question: QuestionView };

/** A typed day as the core is sent it, null when empty; undefined when it cannot be read. */
function dayFilter(text: string): string | null | undefined {
  const read = readDay(text);
  if (read.ok) return read.iso;
  return read.problem === "empty" ? null : undefined;
}

/** A day typed dd/mm/yyyy, marked when it cannot be read. */
function DayField(props: { label: string; testId: string; value: string; bad: boolean; onChange: (text: string) => void }) {
  return (
    <label className="filter">
      <span>{props.label}</span>
      <input
        className="input input-day"
        data-testid={props.testId}
        placeholder="dd/mm/yyyy"
        value={props.value}
        aria-invalid={props.bad}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </label>
  );
}

export function ReviewPanel({ campaign, staff, outcomes, report, clearError }: Props) {
  const { t } = useLang();
  const [state, setState] = useState<ReviewState | "">("submitted");
  const [agency, setAgency] = useState("");
  const [operator, setOperator] = useState("");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [items, setItems] = useState<ReviewItem[] | null>(null);
  const [picked, setPicked] = useState<string | null>(null);
  const [view, setView] = useState<ReviewView | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** Bumped after a step, to read the picked interview again. */
  const [reread, setReread] = useState(0);
  const latest = useRef(0);

  const fromDay = dayFilter(from);
  const toDay = dayFilter(to);
  const badDay = fromDay === undefined || toDay === undefined;

  const load = useCallback(async () => {
    if (badDay) return;
    const mine = ++latest.current;
    try {
      const got = await commands.reviewList({
        campaignId: campaign.id,
        state: state === "" ? null : state,
        agency: agency === "" ? null : agency,
        operatorId: operator === "" ? null : operator,
        from: fromDay ?? null,
        to: toDay ?? null,
      });
      if (mine !== latest.current) return;
      setItems(got);
      setPicked((current) => (current && got.some((i) => i.interviewId === current) ? current : (got[0]?.interviewId ?? null)));
    } catch (e) {
      if (mine === latest.current) report(e);
    }
  }, [campaign.id, state, agency, operator, fromDay, toDay, badDay, report]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    if (picked === null) {
      setView(null);
      return;
    }
    let live = true;
    commands.reviewShow({ interviewId: picked }).then(
      (got) => live && setView(got),
      (e) => live && report(e),
    );
    return () => {
      live = false;
    };
  }, [picked, reread, report]);

  const [agencies, setAgencies] = useState<AgencyView[]>([]);
  useEffect(() => {
    commands.listAgencies().then(
      (all) => setAgencies([...all].sort((a, b) => a.code.localeCompare(b.code))),
      report,
    );
  }, [report]);
  const operators = staff.filter((s) => s.role === "operator");
  const current = view && view.item.interviewId === picked ? view : null;

  const move = (by: number) => {
    if (!items || items.length === 0) return;
    const at = items.findIndex((i) => i.interviewId === picked);
    const next = Math.min(items.length - 1, Math.max(0, at + by));
    setPicked(items[next]!.interviewId);
  };

  /** After a step: say what was done, read the queue again, and go on to the next waiting one. */
  const stepTaken = async (text: string) => {
    setDialog(null);
    setMessage(text);
    clearError();
    await load();
    setReread((n) => n + 1);
  };

  const approve = async () => {
    if (!current || busy) return;
    setBusy(true);
    setMessage(null);
    clearError();
    try {
      await commands.reviewApprove({ interviewId: current.item.interviewId, stepId: crypto.randomUUID(), reason: "" });
      await stepTaken(t("rv.approved", { who: who(current.item) }));
    } catch (e) {
      report(e);
    } finally {
      setBusy(false);
    }
  };

  const who = (item: ReviewItem) => `${item.agencyCode} · ${item.operator} · ${item.finishedAt}`;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = reviewKeyAction(
        { key: e.key, ctrlKey: e.ctrlKey, altKey: e.altKey, metaKey: e.metaKey, repeat: e.repeat, target: keyTarget(e.target) },
        { hasPick: current !== null, busy: busy || dialog !== null },
      );
      if (!action) return;
      e.preventDefault();
      if (action.type === "next") move(1);
      if (action.type === "previous") move(-1);
      if (action.type === "approve") void approve();
      if (action.type === "return") setDialog({ kind: "return" });
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  return (
    <section className="review-panel" data-testid="review-panel" aria-labelledby="review-panel-title">
      <h2 className="sr-only" id="review-panel-title">
        {t("sup.tab.review")}
      </h2>
      <div className="sup-filters review-filters">
        <label className="filter">
          <span>{t("rv.filter.state")}</span>
          <select data-testid="review-state" value={state} onChange={(e) => setState(e.target.value as ReviewState | "")}>
            <option value="">{t("rv.filter.all")}</option>
            {STATES.map((s) => (
              <option key={s} value={s}>
                {t(STATE_LABEL[s])}
              </option>
            ))}
          </select>
        </label>
        <label className="filter">
          <span>{t("sup.col.agency")}</span>
          <select data-testid="review-agency" value={agency} onChange={(e) => setAgency(e.target.value)}>
            <option value="">{t("rv.filter.all")}</option>
            {agencies.map((a) => (
              <option key={a.code} value={a.code}>
                {a.code} — {a.name}
              </option>
            ))}
          </select>
        </label>
        <label className="filter">
          <span>{t("rv.col.operator")}</span>
          <select data-testid="review-operator" value={operator} onChange={(e) => setOperator(e.target.value)}>
            <option value="">{t("rv.filter.all")}</option>
            {operators.map((s) => (
              <option key={s.id} value={s.id}>
                {s.fullName}
              </option>
            ))}
          </select>
        </label>
        <DayField label={t("rv.filter.from")} testId="review-from" value={from} bad={fromDay === undefined} onChange={setFrom} />
        <DayField label={t("rv.filter.to")} testId="review-to" value={to} bad={toDay === undefined} onChange={setTo} />
        <button type="button" className="btn" data-testid="review-refresh" onClick={() => void load()}>
          {t("sup.refresh")}
        </button>
        <span className="hint review-keys">{t("rv.keys")}</span>
      </div>
      {badDay && (
        <p className="field-error" role="alert" data-testid="review-bad-day">
          {t("rv.badDay")}
        </p>
      )}
      <StatusMessage text={message} testId="review-message" />

      <div className="review-layout">
        <div className="table-wrap review-queue">
          <table className="cases" data-testid="review-table">
            <thead>
              <tr>
                <th scope="col">{t("rv.col.finished")}</th>
                <th scope="col">{t("sup.col.agency")}</th>
                <th scope="col">{t("rv.col.operator")}</th>
                <th scope="col">{t("rv.col.status")}</th>
                <th scope="col">{t("rv.col.state")}</th>
                <th scope="col">{t("rv.col.note")}</th>
              </tr>
            </thead>
            <tbody>
              {(items ?? []).map((i) => (
                <tr
                  key={i.interviewId}
                  data-testid="review-row"
                  data-id={i.interviewId}
                  data-state={i.state}
                  className={i.interviewId === picked ? "is-picked" : undefined}
                  aria-selected={i.interviewId === picked}
                  onClick={() => setPicked(i.interviewId)}
                >
                  <td>{i.finishedAt}</td>
                  <td title={i.agencyName}>{i.agencyCode}</td>
                  <td>{i.operator}</td>
                  <td>{interviewStatusLabel(i.status, t)}</td>
                  <td>
                    <span className={`badge review-${i.state}`}>{t(STATE_LABEL[i.state])}</span>
                  </td>
                  <td className="review-note">
                    {i.reason ?? (i.corrections > 0 ? t("rv.corrections", { n: i.corrections }) : "")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {items && items.length === 0 && (
            <p className="muted" data-testid="review-empty">
              {t("rv.empty")}
            </p>
          )}
        </div>

        {current && (
          <article className="panel review-detail" data-testid="review-detail" aria-labelledby="review-detail-title">
            <div className="review-detail-head">
              <h3 className="subhead" id="review-detail-title">
                {current.item.agencyName} · {current.item.operator}
              </h3>
              <span className={`badge review-${current.item.state}`} data-testid="review-detail-state">
                {t(STATE_LABEL[current.item.state])}
              </span>
            </div>
            <p className="muted">
              {t("rv.finishedAt", { at: current.item.finishedAt })} · {interviewStatusLabel(current.item.status, t)}
            </p>
            <ReturnReason reason={current.item.reason} testId="review-detail-reason" />
            <div className="review-actions">
              <button
                type="button"
                className="btn btn-primary"
                data-testid="review-approve"
                disabled={busy || current.item.state !== "submitted"}
                onClick={() => void approve()}
              >
                {t("rv.approve")} <kbd className="key key-light">A</kbd>
              </button>
              <button
                type="button"
                className="btn"
                data-testid="review-return"
                disabled={busy || current.item.state === "returned"}
                onClick={() => setDialog({ kind: "return" })}
              >
                {t("rv.return")} <kbd className="key">R</kbd>
              </button>
            </div>

            <ReviewBody
              view={current}
              outcomes={outcomes}
              showIds
              onCorrect={current.item.state === "returned" ? null : (question) => setDialog({ kind: "correct", question })}
            />
          </article>
        )}
      </div>

      {dialog?.kind === "return" && current && (
        <ReturnDialog
          who={who(current.item)}
          onCancel={() => setDialog(null)}
          onReturn={async (reason) => {
            await commands.reviewReturn({ interviewId: current.item.interviewId, stepId: crypto.randomUUID(), reason });
            await stepTaken(t("rv.returned", { who: who(current.item) }));
          }}
        />
      )}
      {dialog?.kind === "correct" && current && (
        <CorrectDialog
          question={dialog.question}
          onCancel={() => setDialog(null)}
          onCorrect={async (value, reason) => {
            const got = await commands.reviewCorrect({
              interviewId: current.item.interviewId,
              stepId: crypto.randomUUID(),
              answerId: crypto.randomUUID(),
              questionId: dialog.question.id,
              input: value,
              reason,
            });
            setView(got);
            await stepTaken(t("rv.corrected", { id: dialog.question.id }));
          }}
        />
      )}
    </section>
  );
}
