//! The bulletin board and the recount, from an election's public log alone: every ballot
//! (its id and choice, never its voter), which ones a re-vote replaced, and the count of the
//! rest, compared with the published result. Pure, so the browser's audit page and the native
//! tests run the same code.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;

use crate::ballots::{
    first_marks, Answers, Choice, Question, QuestionResult, Weight, MAIN_QUESTION,
};
use crate::checkpoint::Checkpoint;
use crate::count::count_answers;
use crate::ids::CandidateId;
use crate::log::{PublicEntry, PublicLine};
use crate::merkle;
use crate::results::CandidateCount;

/// One ballot as the log shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoardBallot {
    pub index: u64,
    pub ballot_id: String,
    /// The one choice of an old-form ballot (0 when `answers` holds the ballot).
    pub candidate_id: CandidateId,
    /// The ballot question by question (blank answers left out); an old-form ballot answers
    /// `main` with its one choice.
    pub answers: Answers,
    pub weight: Weight,
    /// A later ballot of the same voter replaced this one, so it does not count.
    pub superseded: bool,
}

/// Every ballot of a log, in log order, and what the ones that count add up to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BulletinBoard {
    pub ballots: Vec<BoardBallot>,
    /// Votes per candidate, counting each ballot that no later one replaced.
    pub counts: BTreeMap<CandidateId, u64>,
    /// How many ballots count.
    pub counted: u64,
    /// The log says the results were published.
    pub published: bool,
    /// The ballot's questions, from the log's definition (or its `candidate_added` lines).
    pub questions: Vec<Question>,
    /// The root of the log before its `results_published` line: the published draws' seed.
    pub draw_root: Option<merkle::Hash>,
    /// The root of the whole log read, the seed of a count before publication.
    pub root: merkle::Hash,
    /// A verifiable election's ballots are sealed: its count is the trustees' decrypted sums
    /// (per question and option, ten-thousandths), checked by [`crate::secrecy::audit`].
    pub verifiable: bool,
    pub sums: Option<Vec<Vec<u64>>>,
}

/// Why a log cannot be recounted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecountError {
    /// Line `index` is not a public line in canonical form.
    Unreadable { index: u64 },
    /// Line `index` names another place or another election: lines were moved or added.
    OutOfPlace { index: u64 },
    /// Line `index` replaces a ballot that is not earlier in the log (or already replaced).
    UnknownSuperseded { index: u64 },
}

impl fmt::Display for RecountError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecountError::Unreadable { index } => {
                write!(f, "Entry {index} of the log cannot be read.")
            }
            RecountError::OutOfPlace { index } => write!(
                f,
                "Entry {index} of the log says it belongs elsewhere: entries were moved or added."
            ),
            RecountError::UnknownSuperseded { index } => write!(
                f,
                "Entry {index} of the log replaces a ballot that is not in the log before it."
            ),
        }
    }
}

impl std::error::Error for RecountError {}

/// Reads `lines` (the log from its first entry) into the board: each `ballot_cast` counts, and
/// one with `supersedes` takes the place of the ballot it names.
pub fn bulletin_board(election_id: &str, lines: &[String]) -> Result<BulletinBoard, RecountError> {
    let mut board = BulletinBoard::default();
    // ballot_id → its place in `board.ballots`, for the ballots that still count.
    let mut counting: HashMap<String, usize> = HashMap::new();
    let mut old_form: Vec<crate::elections::CandidateSpec> = Vec::new();
    let mut tree = merkle::Tree::default();
    for (at, text) in lines.iter().enumerate() {
        let index = at as u64;
        let line: PublicLine =
            serde_json::from_str(text).map_err(|_| RecountError::Unreadable { index })?;
        if line.canonical() != *text {
            return Err(RecountError::Unreadable { index });
        }
        if line.index != index || line.election_id != election_id {
            return Err(RecountError::OutOfPlace { index });
        }
        match line.entry {
            PublicEntry::ElectionDefined {
                candidates,
                questions,
                options,
                ..
            } => {
                old_form = candidates;
                board.questions = questions;
                board.verifiable = !options.secrecy.is_open();
            }
            PublicEntry::TallyDecrypted { sums } => board.sums = Some(sums),
            PublicEntry::CandidateAdded { name, .. } => {
                old_form.push(crate::elections::CandidateSpec {
                    name,
                    description: String::new(),
                })
            }
            PublicEntry::BallotCast {
                ballot_id,
                candidate_id,
                supersedes,
                answers,
                weight,
                sealed,
                ..
            } => {
                let sealed = sealed.is_some();
                if let Some(old) = supersedes {
                    let place = counting
                        .remove(&old)
                        .ok_or(RecountError::UnknownSuperseded { index })?;
                    board.ballots[place].superseded = true;
                }
                counting.insert(ballot_id.clone(), board.ballots.len());
                board.ballots.push(BoardBallot {
                    index,
                    ballot_id,
                    candidate_id,
                    answers: answers.unwrap_or_else(|| match sealed {
                        // A sealed ballot's marks are nobody's to read.
                        true => Answers::new(),
                        false => Answers::from([(
                            MAIN_QUESTION.to_string(),
                            vec![Choice::One(candidate_id)],
                        )]),
                    }),
                    weight: weight.unwrap_or(Weight::ONE),
                    superseded: false,
                });
            }
            PublicEntry::ResultsPublished => {
                board.published = true;
                board.draw_root.get_or_insert(tree.root());
            }
            _ => {}
        }
        tree.push(merkle::leaf_hash(text.as_bytes()));
    }
    board.root = tree.root();
    if board.questions.is_empty() {
        board.questions = vec![Question::main(old_form)];
    }
    // `counts` as the results' old field has them: old-form choices, or the first question's
    // marks (first preferences when ranked), one per ballot.
    let first = board.questions.first().cloned();
    if let (Some(first), Some(row)) = (&first, board.sums.as_ref().and_then(|s| s.first())) {
        for (index, sum) in row.iter().enumerate().take(first.candidates.len()) {
            board.counts.insert(index as u32 + 1, sum / Weight::SCALE);
        }
    }
    for ballot in board.ballots.iter().filter(|b| !b.superseded) {
        board.counted += 1;
        if ballot.candidate_id != 0 {
            *board.counts.entry(ballot.candidate_id).or_insert(0) += 1;
        } else if let Some(first) = &first {
            for id in first_marks(first, ballot.answer(&first.id).unwrap_or_default()) {
                *board.counts.entry(id).or_insert(0) += 1;
            }
        }
    }
    Ok(board)
}

impl BoardBallot {
    /// This ballot's answer to `question` (an old-form ballot answers `main`).
    pub fn answer(&self, question: &str) -> Option<&[Choice]> {
        self.answers.get(question).map(Vec::as_slice)
    }
}

/// Every question recounted from the board by the same rules the server counts with, the
/// draws seeded as the server seeds them: by the log before its `results_published` line once
/// published, else by the whole log read.
pub fn recount_questions(board: &BulletinBoard) -> Vec<QuestionResult> {
    let root = board.draw_root.unwrap_or(board.root);
    if board.verifiable {
        let Some(sums) = &board.sums else {
            return Vec::new();
        };
        let valid: u128 = board
            .ballots
            .iter()
            .filter(|b| !b.superseded)
            .map(|b| u128::from(b.weight.0))
            .sum();
        return board
            .questions
            .iter()
            .zip(sums)
            .map(|(question, sums)| crate::count::count_sums(question, sums, valid, &root))
            .collect();
    }
    board
        .questions
        .iter()
        .map(|question| {
            let counting = board.ballots.iter().filter(|b| !b.superseded);
            let answers = counting.map(|ballot| (ballot.weight, ballot.answer(&question.id)));
            count_answers(question, answers, &root)
        })
        .collect()
}

/// Each published question next to its recount: whether they agree to the last digit.
pub fn compare_questions(
    published: &[QuestionResult],
    recounted: &[QuestionResult],
) -> Vec<(String, bool)> {
    let ids: BTreeSet<&str> = published
        .iter()
        .chain(recounted)
        .map(|q| q.id.as_str())
        .collect();
    ids.into_iter()
        .map(|id| {
            let find = |all: &[QuestionResult]| all.iter().find(|q| q.id == id).cloned();
            let agrees = matches!((find(published), find(recounted)), (Some(a), Some(b)) if a == b);
            (id.to_string(), agrees)
        })
        .collect()
}

/// Whether `lines` are exactly the log `checkpoint` signed: as many, and the same root.
pub fn lines_match_checkpoint(lines: &[String], checkpoint: &Checkpoint) -> bool {
    let leaves: Vec<merkle::Hash> = lines
        .iter()
        .map(|line| merkle::leaf_hash(line.as_bytes()))
        .collect();
    let root: String = merkle::root(&leaves)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    leaves.len() as u64 == checkpoint.tree_size
        && root.eq_ignore_ascii_case(&checkpoint.root_hash_hex)
}

/// One candidate's published and recounted votes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecountRow {
    pub candidate_id: CandidateId,
    pub name: String,
    pub published: u64,
    pub recounted: u64,
}

/// The recount next to the published counts, one row per candidate either names.
pub fn compare(board: &BulletinBoard, published: &[CandidateCount]) -> Vec<RecountRow> {
    let ids: BTreeSet<CandidateId> = published
        .iter()
        .map(|c| c.candidate_id)
        .chain(board.counts.keys().copied())
        .collect();
    ids.into_iter()
        .map(|candidate_id| {
            let shown = published.iter().find(|c| c.candidate_id == candidate_id);
            RecountRow {
                candidate_id,
                name: shown.map_or_else(|| format!("candidate {candidate_id}"), |c| c.name.clone()),
                published: shown.map_or(0, |c| c.votes),
                recounted: board.counts.get(&candidate_id).copied().unwrap_or(0),
            }
        })
        .collect()
}

/// Whether every row agrees and the totals do.
pub fn recount_matches(rows: &[RecountRow], published_total: u64, board: &BulletinBoard) -> bool {
    published_total == board.counted && rows.iter().all(|row| row.published == row.recounted)
}

#[cfg(test)]
mod tests;
