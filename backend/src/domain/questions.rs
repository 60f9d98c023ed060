//! What makes a ballot of questions acceptable: the questions an admin defines, and a voter's
//! answers to them. Checked by the receiving node for a quick 400 and again in apply.

use std::collections::HashSet;

use shared::ballots::{
    check_answer, valid_question_id, Answers, Choice, Method, Question, QuestionSpec, Threshold,
    MAIN_QUESTION,
};
use shared::elections::CandidateSpec;
use shared::ids::CandidateId;

use super::definition::{
    check_candidates, check_definition, check_title, MAX_DESCRIPTION, MAX_TITLE,
};
use super::{DomainError, Election};

/// At most this many questions on one ballot.
pub const MAX_QUESTIONS: usize = 32;

fn invalid(question: &str, field: &str, problem: impl Into<String>) -> DomainError {
    DomainError::InvalidElection {
        field: format!("questions[{question}].{field}"),
        problem: problem.into(),
    }
}

/// The questions as stored: ids given or `q1`, `q2`, …, every default settled, text trimmed;
/// or the first problem, naming the question and the field (`questions[q2].seats`).
pub fn check_questions(specs: &[QuestionSpec]) -> Result<Vec<Question>, DomainError> {
    if specs.is_empty() || specs.len() > MAX_QUESTIONS {
        return Err(DomainError::InvalidElection {
            field: "questions".into(),
            problem: format!("there must be 1 to {MAX_QUESTIONS} questions"),
        });
    }
    let mut ids = HashSet::new();
    let mut questions = Vec::with_capacity(specs.len());
    for (index, spec) in specs.iter().enumerate() {
        let id = spec.id.clone().unwrap_or_else(|| format!("q{}", index + 1));
        if !valid_question_id(&id) {
            return Err(DomainError::InvalidElection {
                field: format!("questions[{index}].id"),
                problem: format!("{id:?} must be 1 to 40 of a-z, 0-9 and -"),
            });
        }
        if !ids.insert(id.clone()) {
            return Err(invalid(&id, "id", "is used by two questions"));
        }
        questions.push(check_question(&id, spec)?);
    }
    Ok(questions)
}

fn check_question(id: &str, spec: &QuestionSpec) -> Result<Question, DomainError> {
    let title = spec.title.trim();
    if title.chars().count() > MAX_TITLE || title.chars().any(char::is_control) {
        return Err(invalid(
            id,
            "title",
            format!("must be at most {MAX_TITLE} visible characters"),
        ));
    }
    if spec.description.chars().count() > MAX_DESCRIPTION {
        return Err(invalid(
            id,
            "description",
            format!("must be at most {MAX_DESCRIPTION} characters"),
        ));
    }
    let method = spec.method;
    let candidates = if method == Method::Referendum {
        if !spec.candidates.is_empty() {
            return Err(invalid(
                id,
                "candidates",
                "a referendum has no candidates: its options are 1 Yes and 2 No",
            ));
        }
        Question::referendum_options()
    } else {
        if spec.candidates.len() < 2 {
            return Err(invalid(
                id,
                "candidates",
                "there must be 2 to 200 candidates",
            ));
        }
        check_candidates(&spec.candidates).map_err(|error| match error {
            DomainError::InvalidElection { field, problem } => invalid(id, &field, problem),
            other => other,
        })?
    };
    let count = candidates.len() as u32;
    let seats = spec.seats_or_default();
    if seats == 0 || seats >= count.max(2) && method.multi_seat() {
        return Err(invalid(
            id,
            "seats",
            format!("must be 1 to {} (fewer than the candidates)", count - 1),
        ));
    }
    if seats != 1 && !method.multi_seat() {
        return Err(invalid(
            id,
            "seats",
            format!("{} elects one winner", method.as_str()),
        ));
    }
    let max_choices = spec.max_choices_or_default();
    let limit = if method == Method::Referendum {
        1
    } else {
        count
    };
    if max_choices == 0 || max_choices > limit {
        return Err(invalid(id, "max_choices", format!("must be 1 to {limit}")));
    }
    if method.is_ranked() && max_choices != count {
        return Err(invalid(
            id,
            "max_choices",
            "a ranked question takes a ranking of any length; leave max_choices out",
        ));
    }
    let threshold = match (method, spec.threshold) {
        (Method::Referendum, threshold) => Some(threshold.unwrap_or(Threshold::Majority)),
        (_, Some(_)) => {
            return Err(invalid(
                id,
                "threshold",
                "only a referendum has a threshold",
            ));
        }
        (_, None) => None,
    };
    Ok(Question {
        id: id.to_string(),
        title: title.to_string(),
        description: spec.description.clone(),
        method,
        candidates,
        seats,
        max_choices,
        threshold,
    })
}

/// A definition's title, description and ballot as stored: the old form (`candidates`, one
/// plurality question) or `questions`, never both.
pub fn check_ballot_definition(
    title: &str,
    description: &str,
    candidates: &[CandidateSpec],
    questions: &[QuestionSpec],
) -> Result<(String, String, Vec<CandidateSpec>, Vec<Question>), DomainError> {
    if questions.is_empty() {
        let (title, description, candidates) = check_definition(title, description, candidates)?;
        return Ok((title, description, candidates, Vec::new()));
    }
    if !candidates.is_empty() {
        return Err(DomainError::InvalidElection {
            field: "candidates".into(),
            problem: "give either candidates (one plurality question) or questions, not both"
                .into(),
        });
    }
    let (title, description) = check_title(title, description)?;
    Ok((title, description, Vec::new(), check_questions(questions)?))
}

/// A cast ballot as stored: either the one choice of the old form, or the answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckedBallot {
    /// An election of the old form, one candidate marked: logged as `candidate_id`, so its
    /// lines read as they always have.
    Single(CandidateId),
    Answers(Answers),
}

/// Checks a ballot against the election's `questions`: every question named exists, every
/// answer is one its method takes; blank answers are left out. `candidate_id` is the old
/// body's choice, taken where the election has one plurality question.
pub fn check_ballot(
    questions: &[Question],
    old_form: bool,
    candidate_id: Option<CandidateId>,
    answers: Option<&Answers>,
) -> Result<CheckedBallot, DomainError> {
    let answers = match (answers, candidate_id) {
        (Some(answers), _) => answers,
        (None, Some(candidate)) => match questions {
            [only] if only.method == Method::Plurality => {
                if !only.has_candidate(candidate) {
                    return Err(DomainError::UnknownCandidate(candidate));
                }
                if old_form {
                    // The old body in an old-form election: nothing more to check or build.
                    return Ok(CheckedBallot::Single(candidate));
                }
                let answer = Answers::from([(only.id.clone(), vec![Choice::One(candidate)])]);
                return Ok(CheckedBallot::Answers(answer));
            }
            _ => {
                return Err(DomainError::InvalidBallot {
                    question: String::new(),
                    problem: "this ballot has several questions: send \"answers\"".into(),
                })
            }
        },
        (None, None) => {
            return Err(DomainError::InvalidBallot {
                question: String::new(),
                problem: "send \"answers\" (question id → answer)".into(),
            })
        }
    };
    let mut kept = Answers::new();
    for (id, answer) in answers {
        let Some(question) = questions.iter().find(|q| q.id == *id) else {
            return Err(DomainError::InvalidBallot {
                question: id.clone(),
                problem: "there is no such question on this ballot".into(),
            });
        };
        check_answer(question, answer).map_err(|problem| DomainError::InvalidBallot {
            question: id.clone(),
            problem,
        })?;
        if !answer.is_empty() {
            kept.insert(id.clone(), answer.clone());
        }
    }
    if old_form {
        if let Some([Choice::One(candidate)]) = kept.get(MAIN_QUESTION).map(Vec::as_slice) {
            return Ok(CheckedBallot::Single(*candidate));
        }
    }
    Ok(CheckedBallot::Answers(kept))
}

impl Election {
    /// A cast's ballot checked against this election: `candidate_id` is the old body's
    /// choice (0 when absent), ignored when `answers` carries the ballot. The receiving node
    /// asks this for a quick 400, and `decide` again.
    pub fn check_cast(
        &self,
        candidate_id: CandidateId,
        answers: Option<&Answers>,
    ) -> Result<CheckedBallot, DomainError> {
        let old_choice = answers.is_none().then_some(candidate_id);
        check_ballot(&self.questions, !self.with_questions, old_choice, answers)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(method: Method, names: &[&str]) -> QuestionSpec {
        QuestionSpec {
            id: None,
            title: String::new(),
            description: String::new(),
            method,
            candidates: names
                .iter()
                .map(|name| CandidateSpec {
                    name: name.to_string(),
                    description: String::new(),
                })
                .collect(),
            seats: None,
            max_choices: None,
            threshold: None,
        }
    }

    #[test]
    fn defaults_are_settled_when_a_ballot_is_defined() {
        let questions = check_questions(&[
            spec(Method::Approval, &["A", "B", "C"]),
            spec(Method::Referendum, &[]),
            spec(Method::Schulze, &["A", "B"]),
        ])
        .unwrap();
        let ids: Vec<&str> = questions.iter().map(|q| q.id.as_str()).collect();
        assert_eq!(ids, ["q1", "q2", "q3"]);
        assert_eq!((questions[0].seats, questions[0].max_choices), (1, 3));
        assert_eq!(questions[1].threshold, Some(Threshold::Majority));
        assert_eq!(questions[1].candidates.len(), 2);
        assert_eq!(
            questions[2].max_choices, 2,
            "a ranking may name every candidate"
        );
    }

    #[test]
    fn blank_answers_are_left_out_and_an_old_form_choice_stays_a_candidate_id() {
        let questions = check_questions(&[
            spec(Method::Irv, &["A", "B", "C"]),
            spec(Method::Approval, &["A", "B"]),
        ])
        .unwrap();
        let answers = Answers::from([
            ("q1".to_string(), vec![Choice::One(2), Choice::One(1)]),
            ("q2".to_string(), vec![]),
        ]);
        let Ok(CheckedBallot::Answers(kept)) =
            check_ballot(&questions, false, None, Some(&answers))
        else {
            panic!("a valid ballot");
        };
        assert_eq!(kept.len(), 1, "the blank answer is left out");

        let main = [Question::main(Question::referendum_options())];
        assert_eq!(
            check_ballot(&main, true, Some(2), None),
            Ok(CheckedBallot::Single(2))
        );
        let as_answers = Answers::from([("main".to_string(), vec![Choice::One(1)])]);
        assert_eq!(
            check_ballot(&main, true, None, Some(&as_answers)),
            Ok(CheckedBallot::Single(1)),
            "the same ballot either way, logged as it always was"
        );
        assert_eq!(
            check_ballot(&main, true, Some(3), None),
            Err(DomainError::UnknownCandidate(3))
        );
        assert!(matches!(
            check_ballot(&questions, false, Some(1), None),
            Err(DomainError::InvalidBallot { .. })
        ));
    }
}
