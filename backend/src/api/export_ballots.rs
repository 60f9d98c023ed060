//! Exports of a ballot of questions: the rounds of each question as CSV rows, and a ranked
//! question's anonymised ballots as a BLT file, the format STV counters read (OpenSTV, Droop,
//! ERS's), so anyone can recount with other software.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use axum::extract::State;
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use shared::ballots::{Choice, Question, QuestionResult, Weight};
use shared::Phase;

use super::export::{file, wrong_phase};
use super::extract::{Admin, AppPath, Scope};
use crate::api::error::ApiError;
use crate::api::state::AppState;
use crate::domain::{DomainError, Election};
use crate::projections::results::question_results;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/admin/elections/{id}/export/{file}", get(admin_blt))
        .route("/api/elections/{id}/export/{file}", get(public_blt))
}

/// The results CSV's columns for a ballot of questions: the old file's five first, then where
/// the row belongs. One row per question, round and candidate; `votes` is a decimal string,
/// `share` the percent of the round's votes, `outcome` `elected`, `eliminated` or empty.
pub const QUESTION_COLUMNS: [&str; 7] = [
    "candidate_id",
    "name",
    "votes",
    "share",
    "outcome",
    "question",
    "round",
];

/// The rows of [`QUESTION_COLUMNS`] for every question of `election`.
pub fn question_rows(election: &Election) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    for (question, result) in election.questions.iter().zip(question_results(election)) {
        rows.extend(rounds_rows(question, &result));
    }
    rows
}

fn rounds_rows(question: &Question, result: &QuestionResult) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    for round in &result.rounds {
        // Shares in exact arithmetic on the decimal strings' units, shown to two places.
        let units = |votes: &str| parse_units(votes).unwrap_or(0);
        let total: u128 = round.tallies.iter().map(|t| units(&t.votes)).sum();
        for tally in &round.tallies {
            let share = (units(&tally.votes) * 10_000)
                .checked_div(total)
                .unwrap_or(0);
            let outcome = if round.elected.contains(&tally.candidate_id) {
                "elected"
            } else if round.eliminated.contains(&tally.candidate_id) {
                "eliminated"
            } else {
                ""
            };
            let name = question
                .candidates
                .get((tally.candidate_id as usize).wrapping_sub(1))
                .map_or_else(String::new, |c| c.name.clone());
            rows.push(vec![
                tally.candidate_id.to_string(),
                name,
                tally.votes.clone(),
                format!("{}.{:02}", share / 100, share % 100),
                outcome.to_string(),
                question.id.clone(),
                round.round.to_string(),
            ]);
        }
    }
    rows
}

/// A decimal string as units of 10^-9 (enough for every figure a count writes).
fn parse_units(text: &str) -> Option<u128> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let mut units: u128 = whole.parse::<u128>().ok()?.checked_mul(1_000_000_000)?;
    let mut scale = 100_000_000u128;
    for digit in fraction.bytes().take(9) {
        units += u128::from(digit.checked_sub(b'0')?) * scale;
        scale /= 10;
    }
    Some(units)
}

/// The BLT text of a ranked question: `candidates seats`, one line per distinct ranking with
/// its total weight (`weight pref pref … 0`, equal ranks joined by `=`), `0`, the candidates'
/// names and the title, quoted. Identical rankings are merged and sorted, so nothing in the
/// file follows the order in which people voted.
pub fn blt(election: &Election, question: &Question) -> String {
    let mut rankings: BTreeMap<String, u64> = BTreeMap::new();
    for voter in election.voters.values() {
        let Some(answer) = voter.answer(&question.id).filter(|a| !a.is_empty()) else {
            continue;
        };
        let mut line = String::new();
        for choice in answer {
            let ids: Vec<String> = match choice {
                Choice::One(id) => vec![id.to_string()],
                Choice::Equal(ids) => ids.iter().map(u32::to_string).collect(),
            };
            let _ = write!(line, "{} ", ids.join("="));
        }
        let total = rankings.entry(line).or_insert(0);
        *total = total.saturating_add(voter.weight().0);
    }
    let mut text = format!("{} {}\n", question.candidates.len(), question.seats);
    for (ranking, weight) in rankings {
        let _ = writeln!(text, "{} {ranking}0", Weight(weight));
    }
    text.push_str("0\n");
    for candidate in &question.candidates {
        let _ = writeln!(text, "{}", quoted(&candidate.name));
    }
    let title = if question.title.is_empty() {
        election.title.clone()
    } else {
        format!("{} — {}", election.title, question.title)
    };
    let _ = writeln!(text, "{}", quoted(&title));
    text
}

/// A BLT string: double quotes, with any inside turned into single ones (the format has no
/// escape).
fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "'"))
}

/// `{question_id}.blt` → the ranked question's BLT file, or 404.
fn blt_file(id: &str, election: &Election, file_name: &str) -> Result<Response, ApiError> {
    let not_found = || ApiError::NotFound;
    let question_id = file_name.strip_suffix(".blt").ok_or_else(not_found)?;
    let question = election
        .questions
        .iter()
        .find(|q| q.id == question_id && q.method.is_ranked())
        .ok_or_else(not_found)?;
    Ok(file(
        "text/plain; charset=utf-8",
        format!("{id}-{question_id}.blt"),
        blt(election, question).into_bytes(),
    ))
}

/// The admin's copy: once voting has closed, or live where counts are public.
async fn admin_blt(
    State(state): State<AppState>,
    _: Admin,
    Scope(id): Scope,
    AppPath((_, file_name)): AppPath<(String, String)>,
) -> Result<Response, ApiError> {
    state.election(&id, |e| {
        if e.phase < Phase::Closed && !e.live_results {
            return Err(wrong_phase("export ballots", e.phase));
        }
        blt_file(&id, e, &file_name)
    })?
}

/// Everyone's copy, once published.
async fn public_blt(
    State(state): State<AppState>,
    Scope(id): Scope,
    AppPath((_, file_name)): AppPath<(String, String)>,
) -> Result<Response, ApiError> {
    state.election(&id, |e| {
        if e.phase != Phase::Published {
            return Err(DomainError::WrongPhase {
                action: "export unpublished ballots".into(),
                phase: e.phase,
            }
            .into());
        }
        blt_file(&id, e, &file_name)
    })?
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_strings_read_as_exact_units() {
        assert_eq!(parse_units("2"), Some(2_000_000_000));
        assert_eq!(parse_units("0.5"), Some(500_000_000));
        assert_eq!(parse_units("1.00001"), Some(1_000_010_000));
        assert_eq!(parse_units("x"), None);
    }

    #[test]
    fn a_name_with_quotes_stays_one_blt_string() {
        assert_eq!(quoted("Ann \"A\" Lee"), "\"Ann 'A' Lee\"");
    }
}
