/** The case the desk holds, and the screens of a logged-in person. The held case is kept above
 * the screens so its lease and heartbeat outlive a screen switch. */
import type { CaseCard, InterviewView, Role } from "./api/bindings";

export interface HeldCase {
  card: CaseCard;
  campaignId: string;
  /** The open interview; null while the interview panel is closed. */
  interview: InterviewView | null;
}

/** A case whose open interview has answers is kept (not released) when the operator leaves the desk. */
export function mustKeep(held: HeldCase | null): boolean {
  return held?.interview?.questions.some((q) => q.answer !== null) ?? false;
}

/** `campaigns`: the operator's choice of campaign; `people`: the administrator's staff list;
 * `privacy`: the administrator's register of requests about personal data and campaign purges;
 * `setup`: the administrator's campaigns, and making one. */
export type Screen =
  | { kind: "campaigns" }
  | { kind: "desk" }
  | { kind: "supervisor" }
  | { kind: "people" }
  | { kind: "privacy" }
  | { kind: "setup" };

/** Supervisors and administrators supervise; operators call. */
export function supervises(role: Role): boolean {
  return role !== "operator";
}

/** Where a person lands after logging in: an operator at the desk of their only campaign, or
 * choosing among theirs; a supervisor or an administrator on the supervisor screens. */
export function homeScreen(role: Role, campaigns: number): Screen {
  if (supervises(role)) return { kind: "supervisor" };
  return campaigns === 1 ? { kind: "desk" } : { kind: "campaigns" };
}

/** The screens a role may open. */
export function mayOpen(role: Role, screen: Screen): boolean {
  switch (screen.kind) {
    case "campaigns":
    case "desk":
      return role === "operator";
    case "supervisor":
      return supervises(role);
    case "people":
    case "privacy":
    case "setup":
      return role === "admin";
  }
}
