/** The error banner: the ApiError's Vietnamese message; in English, a sentence per kind above it. */
import type { ApiError } from "../api/bindings";
import { ENGLISH_BY_KIND } from "../errors";
import { useLang } from "../i18n";

interface Props {
  error: ApiError | null;
  onClose: () => void;
}

export function ErrorBanner({ error, onClose }: Props) {
  const { lang, t } = useLang();
  if (!error) return null;
  return (
    <div className="banner banner-error" role="alert" data-testid="error" data-kind={error.kind}>
      <div className="banner-text">
        {lang === "en" ? (
          <>
            <p className="banner-main">{ENGLISH_BY_KIND[error.kind]}</p>
            <p className="banner-sub" lang="vi">
              {error.message}
            </p>
          </>
        ) : (
          <p className="banner-main">{error.message}</p>
        )}
      </div>
      <button
        type="button"
        className="btn btn-quiet banner-close"
        onClick={onClose}
        aria-label={t("common.close")}
        title={t("common.close")}
        data-testid="error-close"
      >
        ×
      </button>
    </div>
  );
}
