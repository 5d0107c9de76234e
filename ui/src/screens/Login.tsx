/** The login screen: which database the window works on, the server on a shared PostgreSQL
 * database (the last one typed is remembered while the app's own setting stays the same), the person's login and password. Enter logs in;
 * a refusal is shown under the form, the login kept and the password cleared. */
import { useEffect, useRef, useState } from "react";
import { commands, type ApiError, type AppInfo, type SessionView } from "../api/bindings";
import { FormError } from "../components/FormError";
import { toApiError } from "../errors";
import { useLang } from "../i18n";

interface Props {
  info: AppInfo | null;
  loading: boolean;
  failed: boolean;
  onRetry: () => void;
  onLoggedIn: (person: SessionView) => void;
}

const SERVER_KEY = "khaosat.server";

/** The server last logged in to from this workstation while the app was set up for `location`.
 * A server remembered under another setting is stale: the app's own location is offered. */
function rememberedServer(location: string): string | null {
  try {
    const stored = JSON.parse(globalThis.localStorage?.getItem(SERVER_KEY) ?? "null") as unknown;
    if (stored && typeof stored === "object" && "location" in stored && "server" in stored) {
      const { location: under, server } = stored as { location: unknown; server: unknown };
      if (under === location && typeof server === "string") return server;
    }
  } catch {
    // Storage that cannot be read, or a value from an older version: nothing remembered.
  }
  return null;
}

function rememberServer(location: string, server: string): void {
  try {
    globalThis.localStorage?.setItem(SERVER_KEY, JSON.stringify({ location, server }));
  } catch {
    // A workstation without storage offers the app's server next time.
  }
}

export function Login({ info, loading, failed, onRetry, onLoggedIn }: Props) {
  const { t } = useLang();
  const [server, setServer] = useState<string | null>(null);
  const [login, setLogin] = useState("");
  const [password, setPassword] = useState("");
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const loginField = useRef<HTMLInputElement>(null);
  const passwordField = useRef<HTMLInputElement>(null);
  const postgres = info?.backend === "postgres";
  const serverValue = server ?? (info ? (rememberedServer(info.location) ?? info.location) : "");

  useEffect(() => {
    if (info) loginField.current?.focus();
  }, [info]);

  const submit = async () => {
    if (busy) return;
    if (login.trim() === "" || password === "") {
      setError(null);
      setMissing(true);
      (login.trim() === "" ? loginField : passwordField).current?.focus();
      return;
    }
    setMissing(false);
    setError(null);
    setBusy(true);
    const typedServer = postgres ? serverValue.trim() : null;
    try {
      const person = await commands.login({ server: typedServer, login: login.trim(), password });
      if (typedServer && info) rememberServer(info.location, typedServer);
      onLoggedIn(person);
    } catch (e) {
      const refused = toApiError(e);
      setError(refused);
      setBusy(false);
      if (refused.kind === "loginRefused") {
        setPassword("");
        passwordField.current?.focus();
      }
    }
  };

  return (
    <main className="start login" data-testid="login-screen">
      <div className="start-head">
        <h1 className="start-title">{t("app.title")}</h1>
        <p className="start-subtitle">{t("app.subtitle")}</p>
      </div>

      {loading && <p className="muted">{t("common.loading")}</p>}
      {failed && (
        <button type="button" className="btn btn-primary" data-testid="retry" onClick={onRetry}>
          {t("common.retry")}
        </button>
      )}

      {info && (
        <>
          <form
            className="panel login-form"
            data-testid="login-form"
            aria-labelledby="login-title"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void submit();
            }}
          >
            <h2 className="section-title" id="login-title">
              {t("login.title")}
            </h2>
            {postgres && (
              <>
                <label className="field-label" htmlFor="login-server">
                  {t("login.server")}
                </label>
                <input
                  id="login-server"
                  className="input mono"
                  data-testid="login-server"
                  aria-describedby="login-server-hint"
                  spellCheck={false}
                  autoCapitalize="none"
                  value={serverValue}
                  onChange={(e) => setServer(e.target.value)}
                />
                <p className="hint login-hint" id="login-server-hint">
                  {t("login.serverHint")}
                </p>
              </>
            )}
            <label className="field-label" htmlFor="login-user">
              {t("login.user")}
            </label>
            <input
              ref={loginField}
              id="login-user"
              className="input"
              data-testid="login-user"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              value={login}
              onChange={(e) => {
                setLogin(e.target.value);
                setMissing(false);
              }}
            />
            <label className="field-label" htmlFor="login-password">
              {t("login.password")}
            </label>
            <input
              ref={passwordField}
              id="login-password"
              type="password"
              className="input"
              data-testid="login-password"
              autoComplete="current-password"
              aria-invalid={error?.kind === "loginRefused"}
              value={password}
              onChange={(e) => {
                setPassword(e.target.value);
                setMissing(false);
              }}
            />
            {missing && (
              <p className="field-error" role="alert" data-testid="login-missing">
                {t("login.missing")}
              </p>
            )}
            {error && <FormError error={error} testId="login-error" />}
            <div className="login-actions">
              <button type="submit" className="btn btn-primary btn-large" data-testid="login-submit" disabled={busy}>
                {busy ? t("login.busy") : t("login.submit")} <kbd className="key key-light">Enter</kbd>
              </button>
            </div>
          </form>
          <p className="db-info" data-testid="db-info">
            {t("login.db", { backend: info.backend, location: info.location })}
            <span className="muted"> · {t("login.version", { version: info.version })}</span>
          </p>
        </>
      )}
    </main>
  );
}
