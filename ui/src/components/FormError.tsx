/** A refusal from the core shown in place, beside the form that caused it: its Vietnamese
 * message; in English, a sentence per kind above it. */
import type { ApiError } from "../api/bindings";
import { ENGLISH_BY_KIND } from "../errors";
import { useLang } from "../i18n";

interface Props {
  error: ApiError;
  testId: string;
}

export function FormError({ error, testId }: Props) {
  const { lang } = useLang();
  return (
    <div className="form-error" role="alert" data-testid={testId} data-kind={error.kind}>
      {lang === "en" ? (
        <>
          <p className="form-error-main">{ENGLISH_BY_KIND[error.kind]}</p>
          <p lang="vi">{error.message}</p>
        </>
      ) : (
        <p className="form-error-main">{error.message}</p>
      )}
    </div>
  );
}
