/** Sets a new password for a person, typed twice: Enter sets it, Esc closes; a mismatch is
 * refused here, the core's refusals (too short, the login itself…) shown in place. */
import { useEffect, useRef, useState } from "react";
import type { PersonView } from "../api/bindings";
import { useLang } from "../i18n";
import { DialogActions } from "./DialogActions";
import { DialogForm } from "./DialogForm";
import { useAction } from "./dialogs";
import { FormError } from "./FormError";
import { PasswordPair, mismatched, type Pair } from "./PasswordPair";

interface Props {
  person: PersonView;
  onSet: (password: string) => Promise<void>;
  onCancel: () => void;
}

export function PasswordDialog({ person, onSet, onCancel }: Props) {
  const { t } = useLang();
  const [password, setPassword] = useState<Pair>({ first: "", second: "" });
  const [mismatch, setMismatch] = useState(false);
  const action = useAction();
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    field.current?.focus();
  }, []);

  const submit = () => {
    if (mismatched(password)) {
      action.clear();
      setMismatch(true);
      setPassword({ first: "", second: "" });
      field.current?.focus();
      return;
    }
    void action.run(() => onSet(password.first));
  };

  return (
    <DialogForm
      titleId="password-title"
      title={t("person.passwordTitle", { name: person.fullName })}
      testId="password-dialog"
      describedBy="password-text"
      onSubmit={submit}
      onCancel={onCancel}
    >
      <p className="dialog-note" id="password-text">
        {t("person.passwordText", { login: person.login })}
      </p>
      <PasswordPair
        id="password-new"
        labels={["person.newPassword", "person.newPasswordAgain"]}
        value={password}
        onChange={(next) => {
          setPassword(next);
          setMismatch(false);
        }}
        mismatch={mismatch}
        firstRef={field}
      />
      {action.error && <FormError error={action.error} testId="password-error" />}
      <DialogActions testId="password" confirmLabel={t("person.passwordConfirm")} busy={action.busy} onCancel={onCancel} />
    </DialogForm>
  );
}
