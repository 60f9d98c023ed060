//! The bulletin board: after publication, every ballot of the log (its id and choice, never
//! its voter), the ones a re-vote replaced marked, and the recount made here from the lines
//! next to the published counts; then every question recounted ([`QuestionRecount`]).
//!
//! The lines are trusted only once they hash to the root that enough replicas signed, so a
//! server cannot show one board and sign another.

use std::rc::Rc;

use shared::ballots::Choice;
use shared::checkpoint::LogKey;
use shared::dto::ResultsResponse;
use shared::recount::{
    bulletin_board, compare, lines_match_checkpoint, recount_matches, BulletinBoard,
};
use shared::verify::{needed_signatures, with_thousands};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::questions::QuestionRecount;
use crate::api::{self, Scope};

/// Where the board stands.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum BoardState {
    /// Not published yet: nothing to show.
    #[default]
    Idle,
    /// Fetching: how many lines of how many have come.
    Loading {
        fetched: u64,
        of: u64,
    },
    /// Shared, so the recount of the questions is memoised on it without copying it.
    Ready(Rc<BulletinBoard>),
    Failed(String),
}

/// Fetches and checks the whole log once `published`, and again after every reconnection.
#[hook]
pub fn use_bulletin_board(scope: &Scope, published: bool, generation: u32) -> BoardState {
    let state = use_state(BoardState::default);
    {
        let (state, scope) = (state.clone(), scope.clone());
        use_effect_with((published, generation), move |(published, _)| {
            if *published {
                spawn_local(async move {
                    let outcome = load(&scope, &state).await;
                    state.set(outcome.map_or_else(BoardState::Failed, |board| {
                        BoardState::Ready(Rc::new(board))
                    }));
                });
            }
        });
    }
    (*state).clone()
}

async fn load(scope: &Scope, state: &UseStateHandle<BoardState>) -> Result<BulletinBoard, String> {
    let fetch_failed =
        |err: api::ApiError| format!("The log could not be fetched: {}", err.describe());
    let keys: Vec<LogKey> = api::log::keys().await.map_err(fetch_failed)?.keys;
    let checkpoint = api::log::checkpoint(scope).await.map_err(fetch_failed)?;
    let needed = needed_signatures(&keys);
    if keys.is_empty() || checkpoint.verify(&keys, needed).is_err() {
        return Err(
            "The log is not signed by enough replicas, so there is nothing to recount.".into(),
        );
    }
    let of = checkpoint.tree_size;
    state.set(BoardState::Loading { fetched: 0, of });
    let progress = |fetched| state.set(BoardState::Loading { fetched, of });
    let lines = api::log::first_entries(scope, of, progress)
        .await
        .map_err(fetch_failed)?;
    if !lines_match_checkpoint(&lines, &checkpoint) {
        return Err("The entries the server sent are not the log the replicas signed.".into());
    }
    bulletin_board(scope.id(), &lines).map_err(|err| err.to_string())
}

/// A ballot of questions in words, question by question: "q1: Ann; q2: Bob > Cy = Di".
/// Marks are joined by "+", a ranking by ">", candidates ranked equal by "=".
fn answers_in_words(board: &BulletinBoard, ballot: &shared::recount::BoardBallot) -> String {
    let parts: Vec<String> = ballot
        .answers
        .iter()
        .map(|(question_id, answer)| {
            let question = board.questions.iter().find(|q| q.id == *question_id);
            let name = |id: u32| {
                question
                    .and_then(|q| q.candidates.get((id as usize).wrapping_sub(1)))
                    .map_or_else(|| format!("candidate {id}"), |c| c.name.clone())
            };
            let ranked = question.is_some_and(|q| q.method.is_ranked());
            let items: Vec<String> = answer
                .iter()
                .map(|choice| match choice {
                    Choice::One(id) => name(*id),
                    Choice::Equal(ids) => ids
                        .iter()
                        .map(|&id| name(id))
                        .collect::<Vec<_>>()
                        .join(" = "),
                })
                .collect();
            format!(
                "{question_id}: {}",
                items.join(if ranked { " > " } else { " + " })
            )
        })
        .collect();
    if parts.is_empty() {
        "blank".into()
    } else {
        parts.join("; ")
    }
}

/// "1 ballot", "1,234 ballots".
fn ballots(n: u64) -> String {
    format!(
        "{} ballot{}",
        with_thousands(n),
        if n == 1 { "" } else { "s" }
    )
}

#[derive(Properties, PartialEq)]
pub struct BoardProps {
    pub state: BoardState,
    /// The published figures (names and counts), if the page has them.
    pub results: Option<ResultsResponse>,
}

/// The recount against the published result, then every ballot.
#[component]
pub fn Board(props: &BoardProps) -> Html {
    let board = match &props.state {
        BoardState::Idle => {
            return html! {
                <p class="muted" data-testid="board-waiting">
                    { "The bulletin board appears here once the results are published." }
                </p>
            }
        }
        BoardState::Loading { fetched, of } => {
            return html! {
                <p class="muted">{ format!("Fetching the log: {} of {} entries…", with_thousands(*fetched), with_thousands(*of)) }</p>
            }
        }
        BoardState::Failed(why) => {
            return html! { <p class="notice notice-error" role="alert" data-testid="board-error">{ why }</p> }
        }
        BoardState::Ready(board) => board,
    };
    let counts = props
        .results
        .as_ref()
        .map(|r| r.counts.clone())
        .unwrap_or_default();
    let rows = compare(board, &counts);
    let name = |id| {
        rows.iter()
            .find(|row| row.candidate_id == id)
            .map_or_else(|| format!("candidate {id}"), |row| row.name.clone())
    };
    let verdict = match &props.results {
        Some(results) if results.counts_visible => {
            if recount_matches(&rows, results.total_votes, board) {
                html! { <p class="notice notice-success" data-testid="recount-verdict">{ "The recount matches the published result." }</p> }
            } else {
                html! { <p class="notice notice-error" role="alert" data-testid="recount-verdict">{ "The recount does not match the published result." }</p> }
            }
        }
        _ => {
            html! { <p class="muted" data-testid="recount-verdict">{ "Waiting for the published result to compare with…" }</p> }
        }
    };
    html! {
        <>
            { verdict }
            <table class="recount" data-testid="recount">
                <thead><tr><th scope="col">{ "Candidate" }</th><th scope="col">{ "Published" }</th><th scope="col">{ "Recounted here" }</th></tr></thead>
                <tbody>
                    { for rows.iter().map(|row| html! {
                        <tr data-candidate={row.candidate_id.to_string()}>
                            <td>{ &row.name }</td>
                            <td class="num">{ row.published }</td>
                            <td class="num" data-testid="recounted">{ row.recounted }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            <QuestionRecount board={board.clone()} results={props.results.clone()} />
            <p class="muted">
                { format!("{} in the log, {} counted (a re-vote replaces the ballot it names).",
                    ballots(board.ballots.len() as u64), with_thousands(board.counted)) }
            </p>
            // Focusable, so a keyboard can scroll it (WCAG 2.1.1).
            <div class="table-scroll" tabindex="0">
            <table class="board" data-testid="board">
                <thead><tr><th scope="col">{ "Entry" }</th><th scope="col">{ "Ballot" }</th><th scope="col">{ "Choice" }</th><th scope="col">{ "Counted" }</th></tr></thead>
                <tbody>
                    { for board.ballots.iter().map(|ballot| html! {
                        <tr class={classes!(ballot.superseded.then_some("superseded"))}
                            data-ballot={ballot.ballot_id.clone()}>
                            <td class="num">{ ballot.index }</td>
                            <td class="mono">{ &ballot.ballot_id }</td>
                            <td>{ if ballot.candidate_id == 0 { answers_in_words(board, ballot) } else { name(ballot.candidate_id) } }</td>
                            <td>{ if ballot.superseded { "replaced by a later vote" } else { "counted" } }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            </div>
        </>
    }
}
