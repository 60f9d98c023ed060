//! A ballot of questions while the voter fills it in: what each control holds, how that
//! becomes the [`Answers`] the server takes, and which names an answer reads with on the
//! review step. Pure data, so it is tested without a browser.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use shared::ballots::{Answer, Answers, Choice, Method, NO, YES};
use shared::elections::{ElectionCandidate, QuestionView};
use shared::CandidateId;

/// Whether an election's ballot needs the form of questions. The old form (exactly one
/// plurality question with one mark) keeps its one-click candidate buttons, which existing
/// voters and tests know; everything else is answered question by question and reviewed.
pub fn needs_question_form(questions: &[QuestionView]) -> bool {
    match questions {
        [] => false,
        [only] => !(only.method == Method::Plurality && only.max_choices == 1),
        _ => true,
    }
}

/// What the voter has entered so far, per question id.
///
/// Marks and rankings are both an ordered list of candidates (the order only matters for a
/// ranking). A Schulze question instead keeps a rank number per candidate, because equal
/// numbers are how the voter says "these two equal" (see `question_ranks`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub picks: BTreeMap<String, Vec<CandidateId>>,
    pub ranks: BTreeMap<String, BTreeMap<CandidateId, u32>>,
}

impl Draft {
    pub fn picks(&self, question: &str) -> Vec<CandidateId> {
        self.picks.get(question).cloned().unwrap_or_default()
    }

    pub fn ranks(&self, question: &str) -> BTreeMap<CandidateId, u32> {
        self.ranks.get(question).cloned().unwrap_or_default()
    }

    /// The answer to one question; empty is blank.
    pub fn answer(&self, question: &QuestionView) -> Answer {
        if question.method == Method::Schulze {
            return ranks_to_answer(&self.ranks(&question.id));
        }
        self.picks(&question.id)
            .into_iter()
            .map(Choice::One)
            .collect()
    }

    /// The whole ballot. Blank answers are left out: the server reads a missing question as
    /// blank, and the log then holds only what the voter marked.
    pub fn answers(&self, questions: &[QuestionView]) -> Answers {
        questions
            .iter()
            .map(|question| (question.id.clone(), self.answer(question)))
            .filter(|(_, answer)| !answer.is_empty())
            .collect()
    }
}

/// Rank numbers to a ranking: lower numbers first, equal numbers one group. The numbers need
/// not be consecutive (1, 3 reads as 1, 2), so the voter never has to renumber.
pub fn ranks_to_answer(ranks: &BTreeMap<CandidateId, u32>) -> Answer {
    let mut groups: BTreeMap<u32, Vec<CandidateId>> = BTreeMap::new();
    for (&candidate, &rank) in ranks {
        groups.entry(rank).or_default().push(candidate);
    }
    groups
        .into_values()
        .map(|ids| match ids.as_slice() {
            [one] => Choice::One(*one),
            _ => Choice::Equal(ids),
        })
        .collect()
}

/// A checkbox turned on or off, refusing more than `max` marks.
pub fn toggle(picked: &[CandidateId], id: CandidateId, on: bool, max: u32) -> Vec<CandidateId> {
    let mut next: Vec<CandidateId> = picked.iter().copied().filter(|&p| p != id).collect();
    if on && next.len() < max as usize {
        next.push(id);
        next.sort_unstable();
    }
    next
}

/// A ranked candidate moved one place (`up` towards first); unchanged at either end.
pub fn move_by_one(ranking: &[CandidateId], id: CandidateId, up: bool) -> Vec<CandidateId> {
    let mut next = ranking.to_vec();
    if let Some(at) = next.iter().position(|&c| c == id) {
        let other = if up { at.checked_sub(1) } else { Some(at + 1) };
        if let Some(other) = other.filter(|&o| o < next.len()) {
            next.swap(at, other);
        }
    }
    next
}

/// How a candidate is named to the voter.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Name<'q> {
    /// The election's own wording: data, shown as it is.
    Own(&'q ElectionCandidate),
    /// A referendum's Yes or No as the server words it by default (in English): the page
    /// says it in the voter's language instead. An election that words its options itself
    /// (in its language or a translation) is [`Name::Own`].
    Yes,
    No,
    /// An id the question does not know (a stale answer): shown as `#id`.
    Unknown(CandidateId),
}

/// The name of candidate `id` of `question`.
pub fn name_of(question: &QuestionView, id: CandidateId) -> Name<'_> {
    let Some(candidate) = question.candidates.iter().find(|c| c.id == id) else {
        return Name::Unknown(id);
    };
    match (question.method, id, candidate.name.as_str()) {
        (Method::Referendum, YES, "Yes") => Name::Yes,
        (Method::Referendum, NO, "No") => Name::No,
        _ => Name::Own(candidate),
    }
}

/// An answer as the review step says it: one group per choice in order (several names when
/// ranked equal); empty is blank.
pub fn answer_names<'q>(question: &'q QuestionView, answer: &[Choice]) -> Vec<Vec<Name<'q>>> {
    answer
        .iter()
        .map(|choice| {
            choice
                .ids()
                .iter()
                .map(|&id| name_of(question, id))
                .collect()
        })
        .collect()
}

/// A question's own title, or none when it has none (the page then says "Question N").
pub fn title(question: &QuestionView) -> Option<&str> {
    Some(question.title.as_str()).filter(|title| !title.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::elections::ElectionCandidate;

    fn question(id: &str, method: Method, names: &[&str], max_choices: u32) -> QuestionView {
        QuestionView {
            id: id.into(),
            title: String::new(),
            description: String::new(),
            method,
            candidates: names
                .iter()
                .zip(1..)
                .map(|(name, id)| ElectionCandidate {
                    id,
                    name: name.to_string(),
                    description: String::new(),
                })
                .collect(),
            seats: 1,
            max_choices,
            threshold: None,
        }
    }

    #[test]
    fn only_a_single_one_mark_plurality_question_keeps_the_candidate_buttons() {
        let main = question("main", Method::Plurality, &["A", "B"], 1);
        assert!(!needs_question_form(std::slice::from_ref(&main)));
        assert!(!needs_question_form(&[]));
        assert!(needs_question_form(&[main.clone(), main.clone()]));
        assert!(needs_question_form(&[question(
            "m",
            Method::Plurality,
            &["A", "B"],
            2
        )]));
        assert!(needs_question_form(&[question(
            "r",
            Method::Referendum,
            &["Yes", "No"],
            1
        )]));
    }

    #[test]
    fn equal_rank_numbers_become_one_group_and_gaps_do_not_matter() {
        let ranks = BTreeMap::from([(1, 1), (2, 5), (3, 1)]);
        assert_eq!(
            ranks_to_answer(&ranks),
            vec![Choice::Equal(vec![1, 3]), Choice::One(2)]
        );
        assert!(ranks_to_answer(&BTreeMap::new()).is_empty());
    }

    #[test]
    fn a_checkbox_beyond_the_limit_is_refused() {
        let two = toggle(&toggle(&[], 3, true, 2), 1, true, 2);
        assert_eq!(two, vec![1, 3]);
        assert_eq!(toggle(&two, 2, true, 2), vec![1, 3]);
        assert_eq!(toggle(&two, 3, false, 2), vec![1]);
    }

    #[test]
    fn moving_stops_at_either_end() {
        assert_eq!(move_by_one(&[1, 2, 3], 2, true), vec![2, 1, 3]);
        assert_eq!(move_by_one(&[1, 2, 3], 1, true), vec![1, 2, 3]);
        assert_eq!(move_by_one(&[1, 2, 3], 3, false), vec![1, 2, 3]);
        assert_eq!(move_by_one(&[1, 2, 3], 1, false), vec![2, 1, 3]);
    }

    #[test]
    fn blank_answers_are_left_out_and_answers_name_their_candidates() {
        let chair = question("chair", Method::Irv, &["Ann", "Bob"], 2);
        let logo = question("logo", Method::Schulze, &["Red", "Green", "Blue"], 3);
        let mut draft = Draft::default();
        draft.picks.insert("chair".into(), vec![2, 1]);
        draft.ranks.insert("logo".into(), BTreeMap::new());
        let answers = draft.answers(&[chair.clone(), logo.clone()]);
        assert_eq!(answers.len(), 1);
        assert_eq!(answers["chair"], vec![Choice::One(2), Choice::One(1)]);
        fn own(q: &QuestionView, i: usize) -> Name<'_> {
            Name::Own(&q.candidates[i])
        }
        assert_eq!(
            answer_names(&chair, &answers["chair"]),
            vec![vec![own(&chair, 1)], vec![own(&chair, 0)]]
        );
        assert!(answer_names(&logo, &[]).is_empty());
        let tied = [Choice::Equal(vec![1, 3]), Choice::One(2), Choice::One(9)];
        assert_eq!(
            answer_names(&logo, &tied),
            vec![
                vec![own(&logo, 0), own(&logo, 2)],
                vec![own(&logo, 1)],
                vec![Name::Unknown(9)]
            ]
        );
        assert_eq!(title(&logo), None);
    }

    #[test]
    fn a_referendum_says_its_default_options_in_the_page_language() {
        let motion = question("motion", Method::Referendum, &["Yes", "No"], 1);
        assert_eq!(name_of(&motion, YES), Name::Yes);
        assert_eq!(name_of(&motion, NO), Name::No);
        let worded = question("motion", Method::Referendum, &["Oui", "Non"], 1);
        assert_eq!(name_of(&worded, YES), Name::Own(&worded.candidates[0]));
    }
}
