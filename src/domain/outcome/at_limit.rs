//! What the attempt limit closes a case with: the most informative outcome of its calls, by a
//! precedence the catalogue states (its `[[at_limit]]` lines), so a refusal that was never
//! converted stays a refusal in the published rates (queXS 1.15.9 fixed the same fault). The
//! precedence is folded one call at a time: a case carries the outcome it would close with, and
//! closing it needs no read of its history.

use super::code::OutcomeCode;

/// One line of the precedence: the outcomes it matches, and what a case whose calls of this
/// line recorded different codes closes with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LimitLine {
    /// A code or the start of codes, digit by digit: `2.1` is 2.1 and every 2.1x (2.111,
    /// 2.112, 2.12), AAPOR's codes being a hierarchy.
    pub prefix: OutcomeCode,
    /// `None`: the latest call of the line gives the code.
    pub mixed: Option<OutcomeCode>,
}

impl LimitLine {
    /// Whether a recorded code is one of the line's.
    pub fn prefix_matches(&self, code: &OutcomeCode) -> bool {
        code.as_str().starts_with(self.prefix.as_str())
    }

    /// Whether a recorded code, or the `mixed` code this line closes with, belongs to the line.
    fn holds(&self, code: &OutcomeCode) -> bool {
        self.prefix_matches(code) || self.mixed.as_ref() == Some(code)
    }
}

/// The lines, most informative first.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LimitPrecedence {
    lines: Vec<LimitLine>,
}

impl LimitPrecedence {
    pub fn new(lines: Vec<LimitLine>) -> Self {
        Self { lines }
    }

    pub fn lines(&self) -> &[LimitLine] {
        &self.lines
    }

    /// The line a code belongs to (0 is the most informative), if any.
    pub fn line_of(&self, code: &OutcomeCode) -> Option<usize> {
        self.lines.iter().position(|line| line.holds(code))
    }

    /// What a case whose calls so far close as `so_far` closes as once a call recorded
    /// `recorded`: the more informative of the two; within one line the latest, or the line's
    /// `mixed` code when the two differ. A code no line matches changes nothing.
    pub fn fold(
        &self,
        so_far: Option<&OutcomeCode>,
        recorded: &OutcomeCode,
    ) -> Option<OutcomeCode> {
        let Some(new_line) = self.line_of(recorded) else {
            return so_far.cloned();
        };
        let Some(old) = so_far else {
            return Some(recorded.clone());
        };
        match self.line_of(old) {
            Some(old_line) if old_line < new_line => Some(old.clone()),
            Some(old_line) if old_line == new_line && old != recorded => Some(
                self.lines[new_line]
                    .mixed
                    .clone()
                    .unwrap_or_else(|| recorded.clone()),
            ),
            _ => Some(recorded.clone()),
        }
    }

    /// Folds a whole history, oldest call first.
    pub fn over<'a>(
        &self,
        calls: impl IntoIterator<Item = &'a OutcomeCode>,
    ) -> Option<OutcomeCode> {
        calls
            .into_iter()
            .fold(None, |so_far, code| self.fold(so_far.as_ref(), code))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::outcome::OutcomeCatalogue;

    fn code(text: &str) -> OutcomeCode {
        text.parse().expect("code")
    }

    fn closes_as(history: &[&str]) -> Option<String> {
        let codes: Vec<OutcomeCode> = history.iter().map(|c| code(c)).collect();
        OutcomeCatalogue::builtin()
            .at_limit()
            .over(&codes)
            .map(String::from)
    }

    #[test]
    fn each_branch_of_the_builtin_precedence() {
        let table: &[(&[&str], Option<&str>)] = &[
            // A refusal never converted stays a refusal, whatever came after it.
            (&["2.111", "3.13"], Some("2.111")),
            (&["3.13", "2.111", "3.12", "2.22", "2.21"], Some("2.111")),
            // A partial interview outranks everything: AAPOR counts it as P.
            (&["1.2", "2.111", "3.13"], Some("1.2")),
            // Reached, never available: a callback never kept.
            (&["2.21", "3.13", "3.13"], Some("2.21")),
            (&["3.13", "2.22", "2.21", "3.16"], Some("2.21")),
            // Only an answering machine of a confirmed household.
            (&["3.13", "2.22", "3.12"], Some("2.22")),
            // Other contact with the eligible person (when a campaign makes it retryable).
            (&["2.32", "3.13"], Some("2.32")),
            (&["2.33", "2.22"], Some("2.22")),
            // Nobody ever reached: the 3.1x code when every call had it, else 3.90.
            (&["3.13", "3.13", "3.13"], Some("3.13")),
            (&["3.12", "3.12"], Some("3.12")),
            (&["3.13", "3.12", "3.13"], Some("3.90")),
            (&["3.16", "3.13"], Some("3.90")),
            (&[], None),
        ];
        for (history, expected) in table {
            assert_eq!(
                closes_as(history).as_deref(),
                *expected,
                "history {history:?}"
            );
        }
    }

    #[test]
    fn within_a_line_the_latest_call_gives_the_code() {
        let precedence = OutcomeCatalogue::builtin().at_limit();
        assert_eq!(
            precedence.over(&[code("2.111"), code("3.13"), code("2.12")]),
            Some(code("2.12"))
        );
    }

    #[test]
    fn a_code_no_line_matches_changes_nothing() {
        let precedence = LimitPrecedence::new(vec![LimitLine {
            prefix: code("2.1"),
            mixed: None,
        }]);
        assert_eq!(precedence.over(&[code("3.13"), code("2.22")]), None);
        assert_eq!(
            precedence.over(&[code("2.111"), code("3.13")]),
            Some(code("2.111"))
        );
        assert_eq!(precedence.line_of(&code("2.21")), None, "2.21 is not 2.1x");
    }
}
