//! Ballots of several questions: how each question is defined, what a voter's answer to it
//! looks like, voters' weights, and what counting a question gives. The counting rules
//! themselves are in [`crate::count`]; this module is their vocabulary, shared by the server,
//! the pages and `ballot audit`.
//!
//! Figures that may be fractional (weighted voters, STV transfers) are exact fixed-point
//! integers inside and decimal strings on the wire, so every replica, browser and CLI agree to
//! the last digit.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::elections::CandidateSpec;
use crate::ids::CandidateId;

/// How a question is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// Mark up to `max_choices`; the `seats` with most votes win.
    Plurality,
    /// Mark any number up to `max_choices`; the `seats` with most votes win.
    Approval,
    /// Instant runoff: rank; the fewest is eliminated until one holds a majority.
    Irv,
    /// Single transferable vote by the Scottish rules (2007 Order, rules 45–52).
    Stv,
    /// Rank, ties allowed; the Schulze method by winning votes.
    Schulze,
    /// Yes (1) or No (2), passed under its threshold.
    Referendum,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Plurality => "plurality",
            Method::Approval => "approval",
            Method::Irv => "irv",
            Method::Stv => "stv",
            Method::Schulze => "schulze",
            Method::Referendum => "referendum",
        }
    }

    /// Whether a voter ranks the candidates (rather than marking some).
    pub fn is_ranked(self) -> bool {
        matches!(self, Method::Irv | Method::Stv | Method::Schulze)
    }

    /// Whether the method may fill more than one seat.
    pub fn multi_seat(self) -> bool {
        matches!(self, Method::Plurality | Method::Approval | Method::Stv)
    }
}

/// What a referendum needs to pass. Abstentions (blank answers) never count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Threshold {
    /// More Yes than No.
    Majority,
    /// Yes at least two thirds of Yes + No.
    TwoThirds,
}

/// The referendum's options: candidate 1 is Yes, 2 is No.
pub const YES: CandidateId = 1;
pub const NO: CandidateId = 2;

/// One question as the admin writes it; every field but `method` may be left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QuestionSpec {
    /// `[a-z0-9-]{1,40}`; `q1`, `q2`, … by position when absent.
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub description: String,
    pub method: Method,
    /// Numbered 1..n in this order; left out for a referendum (1 Yes, 2 No).
    #[serde(default)]
    pub candidates: Vec<CandidateSpec>,
    #[serde(default)]
    pub seats: Option<u32>,
    #[serde(default)]
    pub max_choices: Option<u32>,
    #[serde(default)]
    pub threshold: Option<Threshold>,
}

impl QuestionSpec {
    /// The seats it asks for, or the default, 1.
    pub fn seats_or_default(&self) -> u32 {
        self.seats.unwrap_or(1)
    }

    /// How many a voter may mark when `max_choices` is left out: plurality, one per seat;
    /// approval, every candidate; a referendum, one; a ranking may name every candidate.
    /// The server settles it with this, and the admin's preview shows the same.
    pub fn max_choices_or_default(&self) -> u32 {
        let count = if self.method == Method::Referendum {
            2
        } else {
            u32::try_from(self.candidates.len()).unwrap_or(u32::MAX)
        };
        self.max_choices.unwrap_or(match self.method {
            Method::Plurality => self.seats_or_default(),
            Method::Referendum => 1,
            Method::Approval | Method::Irv | Method::Stv | Method::Schulze => count,
        })
    }
}

/// One question as stored and shown: every default settled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Question {
    pub id: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub description: String,
    pub method: Method,
    pub candidates: Vec<CandidateSpec>,
    pub seats: u32,
    /// How many a voter may mark (plurality, approval, referendum); for a ranked method the
    /// number of candidates (a ranking may be any length).
    pub max_choices: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threshold: Option<Threshold>,
}

/// The id of the one question of an election defined the old way (`candidates` only).
pub const MAIN_QUESTION: &str = "main";

impl Question {
    /// The one plurality question an election of the old form has.
    pub fn main(candidates: Vec<CandidateSpec>) -> Question {
        Question {
            id: MAIN_QUESTION.to_string(),
            title: String::new(),
            description: String::new(),
            method: Method::Plurality,
            candidates,
            seats: 1,
            max_choices: 1,
            threshold: None,
        }
    }

    /// The Yes and No options of a referendum.
    pub fn referendum_options() -> Vec<CandidateSpec> {
        ["Yes", "No"]
            .into_iter()
            .map(|name| CandidateSpec {
                name: name.to_string(),
                description: String::new(),
            })
            .collect()
    }

    /// Whether `id` names a candidate of this question (ids are 1..=n).
    pub fn has_candidate(&self, id: CandidateId) -> bool {
        id >= 1 && (id as usize) <= self.candidates.len()
    }
}

/// serde's `skip_serializing_if` for a candidate id that is absent (0).
pub fn is_zero(id: &CandidateId) -> bool {
    *id == 0
}

/// Whether `id` is a well-formed question id: 1–40 of `a-z`, `0-9` and `-`.
pub fn valid_question_id(id: &str) -> bool {
    (1..=40).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// One item of an answer: a candidate, or (Schulze only) several ranked equal. On the wire a
/// number or an array of numbers (serde's `untagged`, read by hand: see [`ChoiceVisitor`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(untagged)]
pub enum Choice {
    One(CandidateId),
    Equal(Vec<CandidateId>),
}

/// Reads a [`Choice`] straight from the number or the array. A derived untagged enum buffers
/// each item and tries the variants in turn; a ballot's items are read on every vote, by the
/// receiving node and again by each member from the Raft entry, and that buffering showed in
/// the vote path's profile.
struct ChoiceVisitor;

impl<'de> serde::de::Visitor<'de> for ChoiceVisitor {
    type Value = Choice;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a candidate id or an array of candidate ids")
    }

    fn visit_u64<E: serde::de::Error>(self, id: u64) -> Result<Choice, E> {
        CandidateId::try_from(id)
            .map(Choice::One)
            .map_err(|_| E::custom(format!("candidate id {id} is out of range")))
    }

    fn visit_i64<E: serde::de::Error>(self, id: i64) -> Result<Choice, E> {
        u64::try_from(id)
            .map_err(|_| E::custom(format!("candidate id {id} is out of range")))
            .and_then(|id| self.visit_u64(id))
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Choice, A::Error> {
        let mut ids = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(16));
        while let Some(id) = seq.next_element::<CandidateId>()? {
            ids.push(id);
        }
        Ok(Choice::Equal(ids))
    }
}

impl<'de> Deserialize<'de> for Choice {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Choice, D::Error> {
        deserializer.deserialize_any(ChoiceVisitor)
    }
}

impl Choice {
    /// The candidates of this item.
    pub fn ids(&self) -> &[CandidateId] {
        match self {
            Choice::One(id) => std::slice::from_ref(id),
            Choice::Equal(ids) => ids,
        }
    }
}

/// A voter's answer to one question: the marked candidates, or a ranking most preferred
/// first. Empty is blank.
pub type Answer = Vec<Choice>;

/// A whole ballot: question id → answer. Ordered, so it serialises the same everywhere.
pub type Answers = BTreeMap<String, Answer>;

/// Why an answer is refused, in words naming the problem (the caller names the question).
pub fn check_answer(question: &Question, answer: &[Choice]) -> Result<(), String> {
    let mut seen = std::collections::BTreeSet::new();
    let mut marked = 0usize;
    for item in answer {
        if let Choice::Equal(ids) = item {
            if question.method != Method::Schulze {
                return Err("only a schulze question may rank candidates equal".into());
            }
            if ids.is_empty() {
                return Err("a group of candidates ranked equal must not be empty".into());
            }
        }
        for &id in item.ids() {
            if !question.has_candidate(id) {
                return Err(format!("candidate {id} is not on this question's ballot"));
            }
            if !seen.insert(id) {
                return Err(format!("candidate {id} is named twice"));
            }
            marked += 1;
        }
    }
    if !question.method.is_ranked() && marked > question.max_choices as usize {
        return Err(format!(
            "at most {} may be marked, {marked} were",
            question.max_choices
        ));
    }
    Ok(())
}

/// The candidates a ballot's answer adds to the old `counts` field (one per ballot, unweighted):
/// every mark, or a ranking's first preference.
pub fn first_marks<'a>(
    question: &Question,
    answer: &'a [Choice],
) -> impl Iterator<Item = CandidateId> + 'a {
    let marked = if question.method.is_ranked() {
        answer.get(..1).unwrap_or_default()
    } else {
        answer
    };
    marked
        .iter()
        .flat_map(|choice| choice.ids().iter().copied())
}

mod result;
mod weight;

pub use result::{QuestionResult, Round, RoundTally, TieBreak, Transfer, TransferKind};
pub use weight::{decimal, Weight};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_read_exactly_and_write_without_trailing_zeros() {
        assert_eq!(Weight::parse("1").unwrap(), Weight::ONE);
        assert_eq!(Weight::parse("2.5").unwrap().0, 25_000);
        assert_eq!(Weight::parse("0.0001").unwrap().0, 1);
        assert_eq!(Weight::parse("1000000").unwrap(), Weight::MAX);
        for bad in [
            "0",
            "0.0000",
            "-1",
            "1.00001",
            "1000000.0001",
            "",
            ".5",
            "5.",
            "1e3",
            "x",
        ] {
            assert!(Weight::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(Weight(25_000).to_string(), "2.5");
        assert_eq!(Weight(20_000).to_string(), "2");
        assert_eq!(Weight(1).to_string(), "0.0001");
        let from_number: Weight = serde_json::from_str("1.25").unwrap();
        let from_text: Weight = serde_json::from_str("\"1.25\"").unwrap();
        assert_eq!(from_number, from_text);
        assert_eq!(serde_json::to_string(&from_number).unwrap(), "\"1.25\"");
    }

    #[test]
    fn an_answer_names_each_candidate_once_and_marks_at_most_max_choices() {
        let mut question = Question::main(Question::referendum_options());
        assert!(check_answer(&question, &[Choice::One(1)]).is_ok());
        assert!(check_answer(&question, &[]).is_ok());
        assert!(check_answer(&question, &[Choice::One(1), Choice::One(2)]).is_err());
        assert!(check_answer(&question, &[Choice::One(3)]).is_err());
        assert!(check_answer(&question, &[Choice::Equal(vec![1])]).is_err());
        question.method = Method::Schulze;
        assert!(check_answer(&question, &[Choice::Equal(vec![1, 2])]).is_ok());
        assert!(check_answer(&question, &[Choice::One(1), Choice::Equal(vec![1])]).is_err());
        let parsed: Answer = serde_json::from_str("[2, [1, 3]]").unwrap();
        assert_eq!(parsed, vec![Choice::One(2), Choice::Equal(vec![1, 3])]);
    }
}
