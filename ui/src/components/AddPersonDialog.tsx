/** Adds a person: login, full name, role, the campaigns to put them on, and a first password
 * typed twice. Enter adds, Esc closes; a mismatch is refused here, the core's refusals shown in place. */
import { useEffect, useRef, useState } from "react";
import type { AddPersonRequest, CampaignView, Role } from "../api/bindings";
import { useLang } from "../i18n";
import { CampaignChecks } from "./CampaignChecks";
import { DialogActions } from "./DialogActions";
import { DialogForm } from "./DialogForm";
import { useAction } from "./dialogs";
import { FormError } from "./FormError";
import { PasswordPair, mismatched, type Pair } from "./PasswordPair";

const ROLES: readonly Role[] = ["operator", "supervisor", "admin"];

interface Props {
  campaigns: readonly CampaignView[];
  onAdd: (req: AddPersonRequest) => Promise<void>;
  onCancel: () => void;
}

export function AddPersonDialog({ campaigns, onAdd, onCancel }: Props) {
  const { t } = useLang();
  const [login, setLogin] = useState("");
  const [fullName, setFullName] = useState("");
  const [role, setRole] = useState<Role>("operator");
  const [codes, setCodes] = useState<string[]>([]);
  const [password, setPassword] = useState<Pair>({ first: "", second: "" });
  const [mismatch, setMismatch] = useState(false);
  const action = useAction();
  const loginField = useRef<HTMLInputElement>(null);
  const passwordField = useRef<HTMLInputElement>(null);
  useEffect(() => {
    loginField.current?.focus();
  }, []);

  const submit = () => {
    if (mismatched(password)) {
      action.clear();
      setMismatch(true);
      setPassword({ first: "", second: "" });
      passwordField.current?.focus();
      return;
    }
    void action.run(() => onAdd({ login, fullName, role, campaigns: codes, password: password.first }));
  };

  return (
    <DialogForm
      titleId="add-person-title"
      title={t("person.addTitle")}
      testId="add-person-dialog"
      onSubmit={submit}
      onCancel={onCancel}
    >
      <label className="field-label" htmlFor="add-login">
        {t("person.login")}
      </label>
      <input
        ref={loginField}
        id="add-login"
        className="input"
        data-testid="add-login"
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        aria-describedby="add-login-hint"
        value={login}
        onChange={(e) => setLogin(e.target.value)}
      />
      <p className="hint" id="add-login-hint">
        {t("person.loginHint")}
      </p>
      <label className="field-label" htmlFor="add-name">
        {t("person.name")}
      </label>
      <input
        id="add-name"
        className="input"
        data-testid="add-name"
        autoComplete="off"
        value={fullName}
        onChange={(e) => setFullName(e.target.value)}
      />
      <label className="field-label" htmlFor="add-role">
        {t("person.role")}
      </label>
      <select
        id="add-role"
        className="select"
        data-testid="add-role"
        value={role}
        onChange={(e) => setRole(e.target.value as Role)}
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`role.${r}`)}
          </option>
        ))}
      </select>
      <CampaignChecks campaigns={campaigns} codes={codes} onChange={setCodes} testIdPrefix="add-campaign" />
      <PasswordPair
        id="add-password"
        labels={["person.password", "person.passwordAgain"]}
        value={password}
        onChange={(next) => {
          setPassword(next);
          setMismatch(false);
        }}
        mismatch={mismatch}
        firstRef={passwordField}
      />
      {action.error && <FormError error={action.error} testId="add-person-error" />}
      <DialogActions testId="add-person" confirmLabel={t("person.addConfirm")} busy={action.busy} onCancel={onCancel} />
    </DialogForm>
  );
}
