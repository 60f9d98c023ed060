//! Questions and their counts in words: what a method asks of a voter, what a threshold
//! needs, what a round passed on, what a draw chose. Shared by the admin's ballot preview,
//! the projector and the audit page, in the page's language ([`crate::i18n::current`]), so
//! the wasm tests pin the English wording.
//!
//! A sentence that names candidates is [`Words`]: the names stay apart from our words, so a
//! page marks them `translate="no"` while the text reads whole.

use fluent_bundle::FluentValue;
use shared::ballots::{
    Method, Question, QuestionResult, Threshold, TieBreak, Transfer, TransferKind,
};
use shared::elections::QuestionView;
use shared::CandidateId;
use yew::prelude::*;

use crate::i18n::{current, I18n};

/// Where the data of a [`Words`] sits in the formatted message: private-use characters,
/// which no resource contains, one per datum.
const FIRST_MARK: u32 = 0xE000;

/// One piece of a sentence: our words, or data (a name) that is not ours to translate.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    Ours(String),
    Data(String),
}

/// A sentence of ours with data in it (names, ids), the data kept apart.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Words(Vec<Piece>);

impl Words {
    /// The message `key` with its variables: `args` formatted as Fluent does (numbers pick
    /// plurals), `data` kept as it is.
    pub fn of(
        i18n: &I18n,
        key: &str,
        args: &[(&str, FluentValue<'_>)],
        data: &[(&str, String)],
    ) -> Words {
        let marks: Vec<String> = (0..data.len() as u32)
            .map(|at| char::from_u32(FIRST_MARK + at).map_or_else(String::new, String::from))
            .collect();
        let mut all: Vec<(&str, FluentValue<'_>)> = args.to_vec();
        for ((name, _), mark) in data.iter().zip(&marks) {
            all.push((name, FluentValue::from(mark.as_str())));
        }
        let text = i18n.t_args(key, &all);
        let mut pieces = Vec::new();
        let mut ours = String::new();
        for c in text.chars() {
            let datum = (c as u32)
                .checked_sub(FIRST_MARK)
                .and_then(|at| data.get(at as usize));
            match datum {
                Some((_, value)) => {
                    pieces.push(Piece::Ours(std::mem::take(&mut ours)));
                    pieces.push(Piece::Data(value.clone()));
                }
                None => ours.push(c),
            }
        }
        pieces.push(Piece::Ours(ours));
        pieces.retain(|piece| !matches!(piece, Piece::Ours(text) if text.is_empty()));
        Words(pieces)
    }

    /// Our words as text, the data each in a `<span translate="no">`.
    pub fn html(&self) -> Html {
        html! {
            { for self.0.iter().map(|piece| match piece {
                Piece::Ours(text) => html! { { text.clone() } },
                Piece::Data(data) => html! { <span translate="no">{ data.clone() }</span> },
            }) }
        }
    }
}

impl std::fmt::Display for Words {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for piece in &self.0 {
            match piece {
                Piece::Ours(text) | Piece::Data(text) => f.write_str(text)?,
            }
        }
        Ok(())
    }
}

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

    /// A candidate's name; "candidate 3" when the definition is not (yet) known.
    pub fn name(&self, id: CandidateId) -> String {
        let known = (id as usize)
            .checked_sub(1)
            .and_then(|at| self.0.get(at))
            .filter(|name| !name.is_empty());
        match known {
            Some(name) => name.clone(),
            None => current().t_args("results-candidate", &[("id", id.into())]),
        }
    }

    /// Several names joined with the language's commas ("Ann, Bob").
    pub fn list(&self, ids: &[CandidateId]) -> String {
        ids.iter()
            .map(|&id| self.name(id))
            .collect::<Vec<_>>()
            .join(&current().t("results-name-separator"))
    }
}

/// The names for a result: from the public definition when it is known, Yes and No for a
/// referendum whose definition is not.
pub fn names_for(result: &QuestionResult, questions: &[QuestionView]) -> Names {
    match questions.iter().find(|q| q.id == result.id) {
        Some(view) => Names::of_view(view),
        None if result.method == Method::Referendum => {
            let i18n = current();
            Names(vec![i18n.t("results-yes"), i18n.t("results-no")])
        }
        None => Names::default(),
    }
}

/// The method's name as a heading says it.
pub fn method_name(method: Method) -> String {
    current().t(match method {
        Method::Plurality => "results-method-plurality",
        Method::Approval => "results-method-approval",
        Method::Irv => "results-method-irv",
        Method::Stv => "results-method-stv",
        Method::Schulze => "results-method-schulze",
        Method::Referendum => "results-method-referendum",
    })
}

/// What a referendum needs to pass, as a sentence: "It needs more Yes than No."
pub fn threshold_in_words(threshold: Threshold) -> String {
    current().t(match threshold {
        Threshold::Majority => "results-referendum-majority",
        Threshold::TwoThirds => "results-referendum-two-thirds",
    })
}

/// What the voter is asked to do, in one line: "Choose up to 2", "Rank any number", "Yes or No".
pub fn instruction(method: Method, max_choices: u32) -> String {
    let i18n = current();
    match method {
        Method::Plurality | Method::Approval if max_choices <= 1 => {
            i18n.t("results-instruction-one")
        }
        Method::Plurality | Method::Approval => {
            i18n.t_args("results-instruction-up-to", &[("max", max_choices.into())])
        }
        Method::Irv | Method::Stv => i18n.t("results-instruction-rank"),
        Method::Schulze => i18n.t("results-instruction-rank-equal"),
        Method::Referendum => i18n.t("results-instruction-yes-no"),
    }
}

/// How the question is decided, in one sentence.
pub fn method_in_words(method: Method, seats: u32, threshold: Option<Threshold>) -> String {
    let i18n = current();
    let with_seats = |key| i18n.t_args(key, &[("seats", seats.into())]);
    match method {
        Method::Plurality if seats <= 1 => i18n.t("results-rule-plurality-one"),
        Method::Plurality => with_seats("results-rule-plurality-many"),
        Method::Approval if seats <= 1 => i18n.t("results-rule-approval-one"),
        Method::Approval => with_seats("results-rule-approval-many"),
        Method::Irv => i18n.t("results-rule-irv"),
        Method::Stv => with_seats("results-rule-stv"),
        Method::Schulze => i18n.t("results-rule-schulze"),
        Method::Referendum => i18n.t(match threshold.unwrap_or(Threshold::Majority) {
            Threshold::Majority => "results-rule-referendum-majority",
            Threshold::TwoThirds => "results-rule-referendum-two-thirds",
        }),
    }
}

/// What a round passed on: "Surplus of Ann (transfer value 0.34409)", "Votes of Bob transferred".
pub fn transfer_in_words(transfer: &Transfer, names: &Names) -> Words {
    let from = [("from", names.name(transfer.from))];
    let i18n = current();
    match (transfer.kind, &transfer.value) {
        (TransferKind::Surplus, Some(value)) => Words::of(
            &i18n,
            "results-transfer-surplus-value",
            &[("value", value.as_str().into())],
            &from,
        ),
        (TransferKind::Surplus, None) => Words::of(&i18n, "results-transfer-surplus", &[], &from),
        (TransferKind::Elimination, _) => Words::of(&i18n, "results-transfer-votes", &[], &from),
    }
}

/// A draw: "Draw in round 2 among Ann, Bob: chose Bob". Schulze numbers its draws by the place
/// in the order being filled.
pub fn tie_break_in_words(tie: &TieBreak, method: Method, names: &Names) -> Words {
    let key = match method {
        Method::Schulze => "results-draw-place",
        _ => "results-draw-round",
    };
    Words::of(
        &current(),
        key,
        &[("round", tie.round.into())],
        &[
            ("among", names.list(&tie.among)),
            ("chosen", names.name(tie.chosen)),
        ],
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
            transfer_in_words(&surplus, &names()).to_string(),
            "Surplus of Ann (transfer value 0.34409)"
        );
        let gone = Transfer {
            from: 2,
            kind: TransferKind::Elimination,
            value: None,
        };
        assert_eq!(
            transfer_in_words(&gone, &names()).to_string(),
            "Votes of Bob transferred"
        );
        let tie = TieBreak {
            round: 2,
            among: vec![1, 2],
            chosen: 2,
        };
        assert_eq!(
            tie_break_in_words(&tie, Method::Irv, &names()).to_string(),
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
