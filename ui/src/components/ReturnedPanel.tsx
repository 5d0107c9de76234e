/** The operator's returned interviews ("Phiếu bị trả lại"), on the idle desk: each with the
 * supervisor's reason; opened, its answers can be corrected (the conditions walked again, as at
 * the desk) and it is sent again. Shown only while there is one. */
import { useCallback, useEffect, useRef, useState } from "react";
import { commands, type CampaignView, type OutcomeView, type QuestionView, type ReviewItem, type ReviewView } from "../api/bindings";
import { useLang } from "../i18n";
import { ReturnReason } from "./ReturnReason";
import { ReviewBody } from "./ReviewBody";
import { CorrectDialog } from "./ReviewDialogs";
import { StatusMessage } from "./StatusMessage";
import { escapeCloses } from "./dialogs";

interface Props {
  campaign: CampaignView;
  outcomes: readonly OutcomeView[];
  report: (e: unknown) => void;
  clearError: () => void;
}

const who = (item: ReviewItem) => `${item.agencyCode} · ${item.finishedAt}`;

export function ReturnedPanel({ campaign, outcomes, report, clearError }: Props) {
  const { t } = useLang();
  const [items, setItems] = useState<ReviewItem[]>([]);
  const [open, setOpen] = useState<ReviewView | null>(null);
  const [correcting, setCorrecting] = useState<QuestionView | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const close = useRef<HTMLButtonElement>(null);

  const load = useCallback(async () => {
    try {
      setItems(await commands.returnedToMe({ campaignId: campaign.id }));
    } catch (e) {
      report(e);
    }
  }, [campaign.id, report]);

  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    if (open && !correcting) close.current?.focus();
  }, [open, correcting]);

  const show = async (item: ReviewItem) => {
    clearError();
    setMessage(null);
    try {
      setOpen(await commands.reviewShow({ interviewId: item.interviewId }));
    } catch (e) {
      report(e);
    }
  };

  const resubmit = async (view: ReviewView) => {
    setBusy(true);
    clearError();
    try {
      await commands.reviewResubmit({ interviewId: view.item.interviewId, stepId: crypto.randomUUID(), reason: "" });
      setOpen(null);
      setMessage(t("rt.resubmitted", { who: who(view.item) }));
      await load();
    } catch (e) {
      report(e);
    } finally {
      setBusy(false);
    }
  };

  if (items.length === 0 && !message) return null;
  return (
    <section className="panel returned-panel" data-testid="returned" aria-labelledby="returned-title">
      <h2 className="subhead" id="returned-title">
        {t("rt.title")} {items.length > 0 && <span className="badge review-returned">{items.length}</span>}
      </h2>
      <StatusMessage text={message} testId="returned-message" />
      {items.length > 0 && <p className="hint">{t("rt.hint")}</p>}
      <ul className="returned-list">
        {items.map((item) => (
          <li key={item.interviewId} data-testid="returned-row" data-id={item.interviewId}>
            <span>
              <b>{item.agencyName}</b> · {item.finishedAt}
            </span>
            <span className="review-reason" data-testid="returned-reason">
              {item.reason}
            </span>
            <button type="button" className="btn" data-testid="returned-open" onClick={() => void show(item)}>
              {t("rt.open")}
            </button>
          </li>
        ))}
      </ul>

      {open && (
        <div className="overlay" onKeyDown={correcting ? undefined : escapeCloses(() => setOpen(null))}>
          <div className="dialog dialog-wide review" role="dialog" aria-modal="true" aria-labelledby="returned-dialog-title" data-testid="returned-dialog">
            <div className="review-head">
              <h2 id="returned-dialog-title" className="dialog-title">
                {t("rt.dialogTitle", { who: who(open.item) })}
              </h2>
              <button ref={close} type="button" className="btn" data-testid="returned-close" onClick={() => setOpen(null)}>
                {t("common.close")}
              </button>
            </div>
            <ReturnReason reason={open.item.reason} testId="returned-dialog-reason" />
            <div className="review-actions">
              <button
                type="button"
                className="btn btn-primary"
                data-testid="returned-resubmit"
                disabled={busy || open.item.state !== "returned"}
                onClick={() => void resubmit(open)}
              >
                {t("rt.resubmit")}
              </button>
            </div>
            <ReviewBody
              view={open}
              outcomes={outcomes}
              showIds={false}
              onCorrect={open.item.state === "returned" ? setCorrecting : null}
            />
          </div>
        </div>
      )}
      {open && correcting && (
        <CorrectDialog
          question={correcting}
          reasonRequired={false}
          onCancel={() => setCorrecting(null)}
          onCorrect={async (value, reason) => {
            const got = await commands.reviewCorrect({
              interviewId: open.item.interviewId,
              stepId: crypto.randomUUID(),
              answerId: crypto.randomUUID(),
              questionId: correcting.id,
              input: value,
              reason,
            });
            setOpen(got);
            setCorrecting(null);
          }}
        />
      )}
    </section>
  );
}
