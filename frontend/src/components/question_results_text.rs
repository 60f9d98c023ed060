//! Questions and their counts in words: what a method asks of a voter, what a threshold
//! needs, what a round passed on, what a draw chose. Pure, so the wasm tests pin the wording,
//! and shared by the admin's ballot preview, the projector and the audit page.

use shared::ballots::{
    Method, Question, QuestionResult, Threshold, TieBreak, Transfer, TransferKind,
};
use shared::elections::QuestionView;
use shared::CandidateId;

/// The names of one question's candidates, by id (1..=n), for the views of its result,
/// which carry only ids.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Names(pub Vec<String>);

impl Names {
    pub fn of_view(question: &QuestionView) -> Names {
        let mut names = Vec::new();
        for candidate in &question.candidates {
            let at = (candidate.id as usize).saturating_sub(1);
            if names.len() <= at {
                names.resize(at + 1, String::new());
            }
            names[at] = candidate.name.clone();
        }
        Names(names)
    }

    pub fn of_question(question: &Question) -> Names {
        Names(question.candidates.iter().map(|c| c.name.clone()).collect())
    }

    /// A candidate's name; "candidate 3" when the definition is not (yet) known, and Yes/No
    /// for a referendum whose options were not given.
    pub fn name(&self, id: CandidateId) -> String {
        let known = (id as usize)
            .checked_sub(1)
            .and_then(|at| self.0.get(at))
            .filter(|name| !name.is_empty());
        match known {
            Some(name) => name.clone(),
            None => format!("candidate {id}"),
        }
    }

    /// Several names joined with commas ("Ann, Bob").
    pub fn list(&self, ids: &[CandidateId]) -> String {
        ids.iter()
            .map(|&id| self.name(id))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The names for a result: from the public definition when it is known.
pub fn names_for(result: &QuestionResult, questions: &[QuestionView]) -> Names {
    match questions.iter().find(|q| q.id == result.id) {
        Some(view) => Names::of_view(view),
        None if result.method == Method::Referendum => Names(vec!["Yes".into(), "No".into()]),
        None => Names::default(),
    }
}

/// The method's name as a heading says it.
pub fn method_name(method: Method) -> &'static str {
    match method {
        Method::Plurality => "Plurality",
        Method::Approval => "Approval",
        Method::Irv => "Instant runoff",
        Method::Stv => "Single transferable vote",
        Method::Schulze => "Schulze",
        Method::Referendum => "Referendum",
    }
}

/// What a referendum needs to pass.
pub fn threshold_in_words(threshold: Threshold) -> &'static str {
    match threshold {
        Threshold::Majority => "needs more Yes than No",
        Threshold::TwoThirds => "needs two thirds of the Yes and No answers",
    }
}

fn seats_in_words(seats: u32) -> String {
    match seats {
        1 => "one seat".into(),
        n => format!("{n} seats"),
    }
}

/// What the voter is asked to do, in one line: "Choose up to 2", "Rank any number", "Yes or No".
pub fn instruction(method: Method, max_choices: u32) -> String {
    match method {
        Method::Plurality | Method::Approval if max_choices <= 1 => "Choose one".into(),
        Method::Plurality | Method::Approval => format!("Choose up to {max_choices}"),
        Method::Irv | Method::Stv => "Rank any number, most preferred first".into(),
        Method::Schulze => "Rank any number, most preferred first; equal ranks allowed".into(),
        Method::Referendum => "Yes or No".into(),
    }
}

/// How the question is decided, in one sentence.
pub fn method_in_words(method: Method, seats: u32, threshold: Option<Threshold>) -> String {
    match method {
        Method::Plurality if seats <= 1 => {
            "Plurality: the candidate with the most votes wins.".into()
        }
        Method::Plurality => format!("Plurality: the {seats} candidates with the most votes win."),
        Method::Approval if seats <= 1 => {
            "Approval: mark every candidate you accept; the most approved wins.".into()
        }
        Method::Approval => {
            format!("Approval: mark every candidate you accept; the {seats} most approved win.")
        }
        Method::Irv => "Instant runoff: the candidate with the fewest votes is eliminated and \
                        their votes pass to the next preference, until one holds a majority."
            .into(),
        Method::Stv => format!(
            "Single transferable vote (Scottish rules): candidates reaching the quota are elected, \
             surpluses and eliminated candidates' votes pass on, until {} are filled.",
            seats_in_words(seats)
        ),
        Method::Schulze => "Schulze: every pair of candidates is compared head to head; the one \
                            who beats every other by the strongest paths wins."
            .into(),
        Method::Referendum => format!(
            "Referendum: it {}; blank answers do not count.",
            threshold_in_words(threshold.unwrap_or(Threshold::Majority))
        ),
    }
}

/// What a round passed on: "Surplus of Ann (transfer value 0.34409)", "Votes of Bob transferred".
pub fn transfer_in_words(transfer: &Transfer, names: &Names) -> String {
    let from = names.name(transfer.from);
    match (transfer.kind, &transfer.value) {
        (TransferKind::Surplus, Some(value)) => {
            format!("Surplus of {from} (transfer value {value})")
        }
        (TransferKind::Surplus, None) => format!("Surplus of {from}"),
        (TransferKind::Elimination, _) => format!("Votes of {from} transferred"),
    }
}

/// A draw: "Draw in round 2 among Ann, Bob: chose Bob". Schulze numbers its draws by the place
/// in the order being filled.
pub fn tie_break_in_words(tie: &TieBreak, method: Method, names: &Names) -> String {
    let at = match method {
        Method::Schulze => format!("for place {}", tie.round),
        _ => format!("in round {}", tie.round),
    };
    format!(
        "Draw {at} among {}: chose {}",
        names.list(&tie.among),
        names.name(tie.chosen)
    )
}

/// A decimal string as millionths, for comparing and drawing bars (never for display, which
/// keeps the exact string). Unreadable text is 0.
pub fn millionths(text: &str) -> u128 {
    let (whole, fraction) = text.trim().split_once('.').unwrap_or((text.trim(), ""));
    let whole: u128 = whole.parse().unwrap_or(0);
    let mut part = 0u128;
    for place in 0..6 {
        let digit = fraction
            .as_bytes()
            .get(place)
            .map_or(0, |b| b.wrapping_sub(b'0'));
        part = part * 10 + u128::from(digit.min(9));
    }
    whole.saturating_mul(1_000_000).saturating_add(part)
}

/// The width of a bar as a percentage of the largest, one decimal ("33.3").
pub fn share_of(value: u128, max: u128) -> String {
    let per_mille = (value.saturating_mul(1000) + max / 2)
        .checked_div(max)
        .unwrap_or(0);
    format!("{}.{}", per_mille / 10, per_mille % 10)
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn names() -> Names {
        Names(vec!["Ann".into(), "Bob".into(), "Cy".into()])
    }

    #[wasm_bindgen_test]
    fn transfers_and_draws_read_as_sentences() {
        let surplus = Transfer {
            from: 1,
            kind: TransferKind::Surplus,
            value: Some("0.34409".into()),
        };
        assert_eq!(
            transfer_in_words(&surplus, &names()),
            "Surplus of Ann (transfer value 0.34409)"
        );
        let gone = Transfer {
            from: 2,
            kind: TransferKind::Elimination,
            value: None,
        };
        assert_eq!(
            transfer_in_words(&gone, &names()),
            "Votes of Bob transferred"
        );
        let tie = TieBreak {
            round: 2,
            among: vec![1, 2],
            chosen: 2,
        };
        assert_eq!(
            tie_break_in_words(&tie, Method::Irv, &names()),
            "Draw in round 2 among Ann, Bob: chose Bob"
        );
        assert_eq!(names().name(9), "candidate 9");
    }

    #[wasm_bindgen_test]
    fn decimals_compare_without_floats() {
        assert_eq!(millionths("2.5"), 2_500_000);
        assert_eq!(millionths("0.0001"), 100);
        assert_eq!(millionths("x"), 0);
        assert_eq!(share_of(1, 3), "33.3");
        assert_eq!(share_of(0, 0), "0.0");
        assert_eq!(instruction(Method::Approval, 3), "Choose up to 3");
        assert_eq!(instruction(Method::Plurality, 1), "Choose one");
    }
}
