/** A new password typed twice; the form refuses a mismatch before anything is sent. */
import type { RefObject } from "react";
import { useLang, type MessageKey } from "../i18n";

export interface Pair {
  first: string;
  second: string;
}

interface Props {
  /** Element ids and test ids: `<id>`, `<id>-again`, and `<id>-mismatch` for the refusal. */
  id: string;
  labels: [MessageKey, MessageKey];
  value: Pair;
  onChange: (value: Pair) => void;
  mismatch: boolean;
  firstRef: RefObject<HTMLInputElement | null>;
}

/** The two entries differ: nothing may be sent. */
export function mismatched(pair: Pair): boolean {
  return pair.first !== pair.second;
}

export function PasswordPair({ id, labels, value, onChange, mismatch, firstRef }: Props) {
  const { t } = useLang();
  return (
    <>
      <label className="field-label" htmlFor={id}>
        {t(labels[0])}
      </label>
      <input
        ref={firstRef}
        id={id}
        type="password"
        className="input"
        data-testid={id}
        autoComplete="new-password"
        aria-describedby={`${id}-hint`}
        aria-invalid={mismatch}
        value={value.first}
        onChange={(e) => onChange({ ...value, first: e.target.value })}
      />
      <p className="hint" id={`${id}-hint`}>
        {t("person.passwordHint")}
      </p>
      <label className="field-label" htmlFor={`${id}-again`}>
        {t(labels[1])}
      </label>
      <input
        id={`${id}-again`}
        type="password"
        className="input"
        data-testid={`${id}-again`}
        autoComplete="new-password"
        aria-invalid={mismatch}
        aria-errormessage={mismatch ? `${id}-mismatch` : undefined}
        value={value.second}
        onChange={(e) => onChange({ ...value, second: e.target.value })}
      />
      {mismatch && (
        <p className="field-error" id={`${id}-mismatch`} role="alert" data-testid={`${id}-mismatch`}>
          {t("person.mismatch")}
        </p>
      )}
    </>
  );
}
