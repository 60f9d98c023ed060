//! The questions of a ballot as the admin edits them, and what is sent. Pure and unit-tested:
//! the form holds the only copy and [`apply_question`] makes the next one, as
//! [`crate::components::candidate_editor::apply`] does for a list of candidates.
//!
//! The form keeps every field a question had, even one its method hides (a referendum's
//! candidates, an STV question's maximum of choices), so switching the method back loses
//! nothing typed; [`to_request`] leaves out what the method does not take.

use shared::ballots::{Method, QuestionSpec, Threshold};
use shared::elections::CandidateSpec;

use crate::components::candidate_editor::{apply, starting_ballot, Edit};

/// One change to the list of questions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuestionEdit {
    /// A new plurality question at the end.
    Add,
    Remove(usize),
    MoveUp(usize),
    MoveDown(usize),
    Id(usize, String),
    Title(usize, String),
    Description(usize, String),
    Method(usize, Method),
    /// Empty text leaves the server's default.
    Seats(usize, Option<u32>),
    MaxChoices(usize, Option<u32>),
    Threshold(usize, Threshold),
    Candidate(usize, Edit),
}

/// Every method, in the order the select offers them.
pub const METHODS: [Method; 6] = [
    Method::Plurality,
    Method::Approval,
    Method::Irv,
    Method::Stv,
    Method::Schulze,
    Method::Referendum,
];

/// The method a select's value names.
pub fn method_named(value: &str) -> Option<Method> {
    METHODS.into_iter().find(|m| m.as_str() == value)
}

/// The key of the method's name in the admin's words (`editor.ftl`), as the select shows it.
pub fn method_key(method: Method) -> &'static str {
    match method {
        Method::Plurality => "editor-method-plurality",
        Method::Approval => "editor-method-approval",
        Method::Irv => "editor-method-irv",
        Method::Stv => "editor-method-stv",
        Method::Schulze => "editor-method-schulze",
        Method::Referendum => "editor-method-referendum",
    }
}

/// A new question: plurality over two empty rows.
pub fn new_question() -> QuestionSpec {
    QuestionSpec {
        id: None,
        title: String::new(),
        description: String::new(),
        method: Method::Plurality,
        candidates: starting_ballot(),
        seats: None,
        max_choices: None,
        threshold: None,
    }
}

/// The questions the simple ballot becomes when the admin adds a question: the candidates
/// typed so far as a first plurality question (nothing typed is lost), then a new one. With
/// nothing typed yet there is only the new one.
pub fn from_simple_ballot(candidates: &[CandidateSpec]) -> Vec<QuestionSpec> {
    let typed = candidates.iter().any(|c| !c.name.trim().is_empty());
    let mut questions = Vec::new();
    if typed {
        questions.push(QuestionSpec {
            candidates: candidates.to_vec(),
            ..new_question()
        });
    }
    questions.push(new_question());
    questions
}

/// The list after `edit`; an edit of a question that does not exist changes nothing. Removing
/// the last question leaves the list empty: the form then returns to the simple ballot.
pub fn apply_question(mut list: Vec<QuestionSpec>, edit: QuestionEdit) -> Vec<QuestionSpec> {
    let len = list.len();
    match edit {
        QuestionEdit::Add => list.push(new_question()),
        QuestionEdit::Remove(at) if at < len => {
            list.remove(at);
        }
        QuestionEdit::MoveUp(at) if at > 0 && at < len => list.swap(at - 1, at),
        QuestionEdit::MoveDown(at) if at + 1 < len => list.swap(at, at + 1),
        QuestionEdit::Id(at, id) if at < len => list[at].id = Some(id),
        QuestionEdit::Title(at, title) if at < len => list[at].title = title,
        QuestionEdit::Description(at, text) if at < len => list[at].description = text,
        QuestionEdit::Method(at, method) if at < len => list[at].method = method,
        QuestionEdit::Seats(at, seats) if at < len => list[at].seats = seats,
        QuestionEdit::MaxChoices(at, max) if at < len => list[at].max_choices = max,
        QuestionEdit::Threshold(at, threshold) if at < len => list[at].threshold = Some(threshold),
        QuestionEdit::Candidate(at, edit) if at < len => {
            let candidates = std::mem::take(&mut list[at].candidates);
            list[at].candidates = apply(candidates, edit);
        }
        _ => {}
    }
    list
}

/// A number field's text as an optional count: empty (or unreadable) is "the default".
pub fn count_field(text: &str) -> Option<u32> {
    text.trim().parse().ok()
}

/// The question as sent: text trimmed, an empty id left out (the server numbers it), and only
/// the fields its method takes (the server refuses the others, e.g. `max_choices` on a
/// ranked question).
pub fn to_request(question: &QuestionSpec) -> QuestionSpec {
    let method = question.method;
    let id = question
        .id
        .as_deref()
        .map(str::trim)
        .filter(|id| !id.is_empty());
    let referendum = method == Method::Referendum;
    QuestionSpec {
        id: id.map(str::to_string),
        title: question.title.trim().to_string(),
        description: question.description.trim().to_string(),
        method,
        candidates: if referendum {
            Vec::new()
        } else {
            question
                .candidates
                .iter()
                .map(|c| CandidateSpec {
                    name: c.name.trim().to_string(),
                    description: c.description.trim().to_string(),
                })
                .collect()
        },
        seats: question.seats.filter(|_| method.multi_seat()),
        max_choices: question
            .max_choices
            .filter(|_| matches!(method, Method::Plurality | Method::Approval)),
        threshold: referendum.then(|| question.threshold.unwrap_or(Threshold::Majority)),
    }
}

/// How many a voter may mark, as the server will settle it (see `docs/ballots.md`).
pub fn settled_max_choices(question: &QuestionSpec) -> u32 {
    question.max_choices_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn named(names: &[&str]) -> Vec<CandidateSpec> {
        names
            .iter()
            .map(|name| CandidateSpec {
                name: name.to_string(),
                description: String::new(),
            })
            .collect()
    }

    #[wasm_bindgen_test]
    fn adding_a_question_keeps_the_candidates_typed_so_far() {
        let questions = from_simple_ballot(&named(&["Ann", "Bob"]));
        assert_eq!(questions.len(), 2);
        assert_eq!(questions[0].candidates, named(&["Ann", "Bob"]));
        assert_eq!(from_simple_ballot(&named(&["", " "])).len(), 1);
    }

    #[wasm_bindgen_test]
    fn edits_reach_one_question_and_removing_all_empties_the_list() {
        let list = apply_question(
            vec![new_question(), new_question()],
            QuestionEdit::Title(1, "Chair".into()),
        );
        assert_eq!(list[1].title, "Chair");
        let list = apply_question(list, QuestionEdit::MoveUp(1));
        assert_eq!(list[0].title, "Chair");
        let list = apply_question(
            list,
            QuestionEdit::Candidate(0, Edit::Name(0, "Ann".into())),
        );
        assert_eq!(list[0].candidates[0].name, "Ann");
        assert_eq!(apply_question(list.clone(), QuestionEdit::Remove(5)), list);
        let list = apply_question(
            apply_question(list, QuestionEdit::Remove(0)),
            QuestionEdit::Remove(0),
        );
        assert!(list.is_empty());
    }

    #[wasm_bindgen_test]
    fn the_request_leaves_out_what_the_method_does_not_take() {
        let mut question = QuestionSpec {
            id: Some("  ".into()),
            candidates: named(&[" Ann ", "Bob"]),
            seats: Some(2),
            max_choices: Some(2),
            ..new_question()
        };
        question.method = Method::Irv;
        let sent = to_request(&question);
        assert_eq!(
            (sent.id, sent.seats, sent.max_choices, sent.threshold),
            (None, None, None, None)
        );
        assert_eq!(sent.candidates[0].name, "Ann");
        question.method = Method::Referendum;
        let sent = to_request(&question);
        assert!(sent.candidates.is_empty());
        assert_eq!(sent.threshold, Some(Threshold::Majority));
        question.method = Method::Stv;
        assert_eq!(to_request(&question).seats, Some(2));
        assert_eq!(method_named("schulze"), Some(Method::Schulze));
        assert_eq!(count_field(""), None);
    }
}
