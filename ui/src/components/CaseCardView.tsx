/** The case card on the desk: who to call, about which dossier, and the attempts so far. */
import { useState } from "react";
import type { CaseCard, OutcomeView } from "../api/bindings";
import { useLang } from "../i18n";
import { outcomeLabel } from "../labels";

interface Props {
  card: CaseCard;
  outcomes: readonly OutcomeView[];
}

export function CaseCardView({ card, outcomes }: Props) {
  const { lang, t } = useLang();
  const [copied, setCopied] = useState(false);
  const copy = () => {
    navigator.clipboard
      ?.writeText(card.phone)
      .then(() => setCopied(true))
      .catch(() => setCopied(false));
  };
  return (
    <section className="panel case-card" data-testid="case-card" aria-labelledby="case-name">
      {card.resumed && (
        <p className="tag tag-resumed" data-testid="case-resumed">
          {t("desk.resumed")}
        </p>
      )}
      <h2 className="case-name" id="case-name" data-testid="case-name">
        {card.respondentName}
      </h2>
      <div className="case-phone-row">
        <span className="sr-only">{t("desk.phone")}: </span>
        <span className="case-phone" data-testid="case-phone">
          {card.phone}
        </span>
        <button type="button" className="btn btn-quiet btn-small" onClick={copy} data-testid="copy-phone">
          {copied ? t("desk.copied") : t("desk.copy")}
        </button>
      </div>
      <p className="case-attempts" data-testid="case-attempts">
        {t("desk.attempts", { n: card.attempts + 1, max: card.maxAttempts })}
      </p>
      {card.appointmentAt && (
        <p className="tag tag-appointment" data-testid="case-appointment">
          {t(card.appointmentHard ? "desk.appointmentHard" : "desk.appointment", { at: card.appointmentAt })}
        </p>
      )}
      <dl className="facts">
        <dt>{t("desk.agency")}</dt>
        <dd data-testid="case-agency">{card.agencyName}</dd>
        <dt>{t("desk.procedure")}</dt>
        <dd data-testid="case-procedure">{card.procedure}</dd>
        <dt>{t("desk.received")}</dt>
        <dd data-testid="case-received">{card.receivedOn}</dd>
        <dt>{t("desk.dossier")}</dt>
        <dd className="mono" data-testid="case-dossier">
          {card.dossierCode}
        </dd>
      </dl>

      <h3 className="subhead">{t("desk.history")}</h3>
      {card.history.length === 0 ? (
        <p className="muted" data-testid="case-history-empty">
          {t("desk.noHistory")}
        </p>
      ) : (
        <ol className="history" data-testid="case-history">
          {card.history.map((a, i) => (
            <li key={`${a.at}-${i}`} className="history-item">
              <span className="history-at">{a.at}</span>
              <span className="history-outcome">{outcomeLabel(a.outcome, outcomes, lang)}</span>
              {a.note && <span className="history-note">{a.note}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
