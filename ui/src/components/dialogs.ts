/** What the people dialogs share: an action that runs once at a time and keeps the core's
 * refusal to show in place, Enter on a checkbox to submit, and Esc to close. */
import { useState, type KeyboardEvent } from "react";
import type { ApiError } from "../api/bindings";
import { toApiError } from "../errors";

export interface Action {
  busy: boolean;
  /** The core's refusal of the last try, shown in the dialog. */
  error: ApiError | null;
  run: (work: () => Promise<void>) => Promise<void>;
  clear: () => void;
}

export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = async (work: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run, clear: () => setError(null) };
}

/** A checkbox's key handler: Enter submits its form, as Enter in a text field does. */
export function enterSubmits(e: KeyboardEvent<HTMLInputElement>): void {
  if (e.key === "Enter" && !e.nativeEvent.isComposing) {
    e.preventDefault();
    e.currentTarget.form?.requestSubmit();
  }
}

/** The overlay's key handler: Esc closes the dialog. */
export function escapeCloses(onCancel: () => void): (e: KeyboardEvent) => void {
  return (e) => {
    if (e.key === "Escape") {
      e.preventDefault();
      onCancel();
    }
  };
}
