/** The case the desk holds: kept above the screens so its lease and heartbeat outlive a screen switch. */
import type { CaseCard, InterviewView, StaffView } from "./api/bindings";

export interface HeldCase {
  card: CaseCard;
  operator: StaffView;
  campaignId: string;
  /** The open interview; null while the interview panel is closed. */
  interview: InterviewView | null;
}

/** A case whose open interview has answers is kept (not released) when the operator leaves the desk. */
export function mustKeep(held: HeldCase | null): boolean {
  return held?.interview?.questions.some((q) => q.answer !== null) ?? false;
}

export type Screen =
  | { kind: "start" }
  | { kind: "desk"; person: StaffView }
  | { kind: "supervisor"; person: StaffView };
