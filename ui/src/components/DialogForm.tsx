/** The frame every form dialog shares: an overlay that Esc closes, a modal form that Enter
 * submits (the dialog's own checks run in `onSubmit`, not the browser's), and its title. */
import type { ReactNode } from "react";
import { escapeCloses } from "./dialogs";

interface Props {
  /** The title's id, which names the dialog for a screen reader. */
  titleId: string;
  title: ReactNode;
  testId: string;
  /** The id of the text that explains the dialog, if any. */
  describedBy?: string;
  /** `alertdialog` for a dialog that asks before something that cannot be undone. */
  role?: "dialog" | "alertdialog";
  busy?: boolean;
  onSubmit: () => void;
  onCancel: () => void;
  children: ReactNode;
}

export function DialogForm(props: Props) {
  const { titleId, title, testId, describedBy, role = "dialog", busy, onSubmit, onCancel, children } = props;
  return (
    <div className="overlay" onKeyDown={escapeCloses(onCancel)}>
      <form
        className="dialog dialog-form"
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={describedBy}
        aria-busy={busy}
        data-testid={testId}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        {children}
      </form>
    </div>
  );
}
