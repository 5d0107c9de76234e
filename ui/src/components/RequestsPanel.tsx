/** The register of people's requests about their data, oldest first: what each asked, the number
 * masked, what is due (acknowledged within 2 working days, answered within 15 days) and what is
 * overdue; recording a request, marking one acknowledged and closing one with the answer given. */
import { useCallback, useEffect, useState } from "react";
import { commands, type ApiError, type NewRequest, type RequestView } from "../api/bindings";
import { toApiError } from "../errors";
import { useLang } from "../i18n";
import { forgets, requestKindLabel } from "../labels";
import { NONE } from "../numbers";
import { CloseRequestDialog } from "./CloseRequestDialog";
import { FormError } from "./FormError";
import { NewRequestDialog } from "./NewRequestDialog";
import { StatusMessage } from "./StatusMessage";

interface Props {
  /** Today by the app's clock, `yyyy-mm-dd`: a new request's date starts there. */
  today: string | null;
  report: (e: unknown) => void;
  clearError: () => void;
}

type Dialog = { kind: "add" } | { kind: "close"; request: RequestView };

export function RequestsPanel({ today, report, clearError }: Props) {
  const { t } = useLang();
  const [requests, setRequests] = useState<RequestView[] | null>(null);
  const [openOnly, setOpenOnly] = useState(false);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  /** A refusal of "acknowledged", shown above the register. */
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      setRequests(await commands.listRequests({ openOnly }));
    } catch (e) {
      report(e);
    }
  }, [openOnly, report]);

  useEffect(() => {
    void load();
  }, [load]);

  /** After a change the screen says what was done and the register is read again. */
  const done = (text: string) => {
    setDialog(null);
    setRefusal(null);
    setMessage(text);
    clearError();
    void load();
  };

  const startAction = () => {
    setMessage(null);
    setRefusal(null);
  };

  const add = async (req: NewRequest) => {
    const added = await commands.addRequest(req);
    const vars = { kind: requestKindLabel(added.kind, t), ack: added.acknowledgeBy, answer: added.answerBy };
    done(forgets(added.kind) ? t("req.addedForgot", { ...vars, n: added.forgottenCases }) : t("req.added", vars));
  };

  const acknowledge = async (request: RequestView) => {
    startAction();
    setBusy(true);
    try {
      await commands.acknowledgeRequest({ id: request.id });
      done(t("req.acknowledged", { kind: requestKindLabel(request.kind, t), date: request.receivedOn }));
    } catch (e) {
      setRefusal(toApiError(e));
      void load();
    } finally {
      setBusy(false);
    }
  };

  const close = async (request: RequestView, note: string) => {
    await commands.closeRequest({ id: request.id, note });
    done(t("req.closed", { kind: requestKindLabel(request.kind, t), date: request.receivedOn }));
  };

  const open = (requests ?? []).filter((r) => r.closedOn === null).length;
  const overdue = (requests ?? []).filter((r) => r.acknowledgementOverdue || r.answerOverdue).length;

  return (
    <section className="panel privacy-section" aria-labelledby="requests-title" data-testid="requests">
      <div className="privacy-head">
        <div>
          <h2 className="section-title" id="requests-title">
            {t("req.title")}
            {requests && requests.length > 0 && (
              <span className="privacy-counts" data-testid="requests-summary">
                <span>{t("req.open", { n: open })}</span>{" "}
                {overdue > 0 && <span className="badge badge-due">{t("req.overdueCount", { n: overdue })}</span>}
              </span>
            )}
          </h2>
          <p className="hint">{t("req.hint")}</p>
        </div>
        <div className="privacy-tools">
          <label className="check">
            <input
              type="checkbox"
              data-testid="requests-open-only"
              checked={openOnly}
              onChange={(e) => setOpenOnly(e.target.checked)}
            />
            <span>{t("req.openOnly")}</span>
          </label>
          <button
            type="button"
            className="btn btn-primary"
            data-testid="requests-add"
            onClick={() => {
              startAction();
              setDialog({ kind: "add" });
            }}
          >
            {t("req.add")}
          </button>
        </div>
      </div>

      <StatusMessage text={message} testId="requests-message" />
      {refusal && <FormError error={refusal} testId="requests-error" />}

      <div className="table-wrap">
        <table className="cases requests-table" data-testid="requests-table">
          <thead>
            <tr>
              <th scope="col">{t("req.col.received")}</th>
              <th scope="col">{t("req.col.kind")}</th>
              <th scope="col">{t("req.col.phone")}</th>
              <th scope="col">{t("req.col.note")}</th>
              <th scope="col">{t("req.col.acknowledgement")}</th>
              <th scope="col">{t("req.col.answer")}</th>
              <th scope="col">{t("req.col.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {(requests ?? []).map((r) => {
              const late = r.acknowledgementOverdue || r.answerOverdue;
              return (
                <tr
                  key={r.id}
                  data-testid="request-row"
                  data-id={r.id}
                  data-kind={r.kind}
                  className={late ? "is-overdue" : r.closedOn ? "is-closed" : ""}
                >
                  <td className="nowrap mono" data-testid="request-received">
                    {r.receivedOn}
                  </td>
                  <td data-testid="request-kind">
                    <span className="cell-main nowrap">{requestKindLabel(r.kind, t)}</span>
                    {forgets(r.kind) && (
                      <span className="cell-sub" data-testid="request-forgotten">
                        {t("req.forgotten", { n: r.forgottenCases })}
                      </span>
                    )}
                  </td>
                  <td className="nowrap mono" data-testid="request-phone">
                    {r.phoneMasked ?? <span className="muted">{NONE}</span>}
                  </td>
                  <td className="request-note" data-testid="request-note">
                    {r.note}
                  </td>
                  <td className="nowrap" data-testid="request-acknowledgement">
                    {r.acknowledgedOn ? (
                      <span className="request-done">{t("req.acknowledgedOn", { date: r.acknowledgedOn })}</span>
                    ) : (
                      <Due date={r.acknowledgeBy} overdue={r.acknowledgementOverdue} />
                    )}
                  </td>
                  <td className="request-answer" data-testid="request-answer">
                    {r.closedOn ? (
                      <>
                        <span className="request-done nowrap">{t("req.closedOn", { date: r.closedOn })}</span>
                        {r.closingNote && (
                          <span className="cell-sub" data-testid="request-closing-note">
                            {r.closingNote}
                          </span>
                        )}
                      </>
                    ) : (
                      <Due date={r.answerBy} overdue={r.answerOverdue} />
                    )}
                  </td>
                  <td>
                    {!r.closedOn && (
                      <div className="person-actions">
                        {!r.acknowledgedOn && (
                          <button
                            type="button"
                            className="btn btn-small"
                            data-testid="request-acknowledge"
                            disabled={busy}
                            onClick={() => void acknowledge(r)}
                          >
                            {t("req.acknowledge")}
                          </button>
                        )}
                        <button
                          type="button"
                          className="btn btn-small"
                          data-testid="request-close"
                          onClick={() => {
                            startAction();
                            setDialog({ kind: "close", request: r });
                          }}
                        >
                          {t("req.close")}
                        </button>
                      </div>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {!requests && <p className="muted table-note">{t("common.loading")}</p>}
        {requests?.length === 0 && (
          <p className="muted table-note" data-testid="requests-empty">
            {t(openOnly ? "req.emptyOpen" : "req.empty")}
          </p>
        )}
      </div>

      {dialog?.kind === "add" && <NewRequestDialog today={today} onAdd={add} onCancel={() => setDialog(null)} />}
      {dialog?.kind === "close" && (
        <CloseRequestDialog
          request={dialog.request}
          onClose={(note) => close(dialog.request, note)}
          onCancel={() => setDialog(null)}
        />
      )}
    </section>
  );
}

/** A deadline, marked when it has passed. */
function Due({ date, overdue }: { date: string; overdue: boolean }) {
  const { t } = useLang();
  return (
    <span className="nowrap">
      {t("req.due", { date })}
      {overdue && (
        <>
          {" "}
          <span className="badge badge-due" data-testid="request-overdue">
            {t("req.overdue")}
          </span>
        </>
      )}
    </span>
  );
}
