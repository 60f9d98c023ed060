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
    bulletin_board, compare, lines_match_checkpoint, recount_matches, BoardBallot, BulletinBoard,
    RecountError,
};
use shared::verify::needed_signatures;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::questions::QuestionRecount;
use crate::api::{self, ApiError, Scope};
use crate::format::count;
use crate::i18n::{use_i18n, I18n};

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
    Failed(BoardFailure),
}

/// Why there is no board: kept as data, so it is worded in the page's language of the moment.
#[derive(Debug, Clone, PartialEq)]
pub enum BoardFailure {
    Fetch(ApiError),
    /// Too few replicas signed the checkpoint.
    NotSigned,
    /// The entries do not hash to the signed root.
    NotTheSignedLog,
    Recount(RecountError),
}

impl BoardFailure {
    fn text(&self, i18n: &I18n) -> String {
        match self {
            BoardFailure::Fetch(err) => i18n.t_args(
                "audit-board-fetch-failed",
                &[("why", err.describe().into())],
            ),
            BoardFailure::NotSigned => i18n.t("audit-board-not-signed"),
            BoardFailure::NotTheSignedLog => i18n.t("audit-board-not-signed-log"),
            BoardFailure::Recount(failed) => {
                let (key, index) = match failed {
                    RecountError::Unreadable { index } => ("audit-entry-unreadable", index),
                    RecountError::OutOfPlace { index } => ("audit-entry-out-of-place", index),
                    RecountError::UnknownSuperseded { index } => {
                        ("audit-entry-unknown-superseded", index)
                    }
                };
                i18n.t_args(key, &[("index", (*index).into())])
            }
        }
    }
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

async fn load(
    scope: &Scope,
    state: &UseStateHandle<BoardState>,
) -> Result<BulletinBoard, BoardFailure> {
    let fetch_failed = BoardFailure::Fetch;
    let keys: Vec<LogKey> = api::log::keys().await.map_err(fetch_failed)?.keys;
    let checkpoint = api::log::checkpoint(scope).await.map_err(fetch_failed)?;
    let needed = needed_signatures(&keys);
    if keys.is_empty() || checkpoint.verify(&keys, needed).is_err() {
        return Err(BoardFailure::NotSigned);
    }
    let of = checkpoint.tree_size;
    state.set(BoardState::Loading { fetched: 0, of });
    let progress = |fetched| state.set(BoardState::Loading { fetched, of });
    let lines = api::log::first_entries(scope, of, progress)
        .await
        .map_err(fetch_failed)?;
    if !lines_match_checkpoint(&lines, &checkpoint) {
        return Err(BoardFailure::NotTheSignedLog);
    }
    bulletin_board(scope.id(), &lines).map_err(BoardFailure::Recount)
}

/// A candidate the page has no name for: "candidate 3".
fn unnamed(i18n: &I18n, id: u32) -> Html {
    html! { { i18n.t_args("audit-candidate", &[("id", id.into())]) } }
}

/// A name, which is the election's data.
fn named(name: &str) -> Html {
    html! { <span translate="no">{ name.to_string() }</span> }
}

/// A ballot of questions in words, question by question: "q1: Ann; q2: Bob > Cy = Di".
/// Marks are joined by "+", a ranking by ">", candidates ranked equal by "="; the question
/// ids and names are data.
fn answers_in_words(i18n: &I18n, board: &BulletinBoard, ballot: &BoardBallot) -> Html {
    if ballot.answers.is_empty() {
        return html! { { i18n.t("audit-blank") } };
    }
    let parts = ballot
        .answers
        .iter()
        .enumerate()
        .map(|(at, (question_id, answer))| {
            let question = board.questions.iter().find(|q| q.id == *question_id);
            let name = |id: u32| {
                question
                    .and_then(|q| q.candidates.get((id as usize).wrapping_sub(1)))
                    .map_or_else(|| unnamed(i18n, id), |c| named(&c.name))
            };
            let ranked = question.is_some_and(|q| q.method.is_ranked());
            let items = answer.iter().enumerate().map(|(i, choice)| {
                let ids: Vec<u32> = match choice {
                    Choice::One(id) => vec![*id],
                    Choice::Equal(ids) => ids.clone(),
                };
                let joined = ids.iter().enumerate().map(|(j, &id)| {
                    html! { <>{ (j > 0).then_some(" = ") }{ name(id) }</> }
                });
                let between = if ranked { " > " } else { " + " };
                html! { <>{ (i > 0).then_some(between) }{ for joined }</> }
            });
            html! {
                <>
                    { (at > 0).then_some("; ") }
                    <span translate="no">{ question_id.clone() }</span>{ ": " }
                    { for items }
                </>
            }
        });
    html! { <>{ for parts }</> }
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
    let i18n = use_i18n();
    let board = match &props.state {
        BoardState::Idle => {
            return html! {
                <p class="muted" data-testid="board-waiting">{ i18n.t("audit-board-waiting") }</p>
            }
        }
        BoardState::Loading { fetched, of } => {
            let args = [("fetched", (*fetched).into()), ("count", (*of).into())];
            return html! { <p class="muted">{ i18n.t_args("audit-board-loading", &args) }</p> };
        }
        BoardState::Failed(why) => {
            return html! {
                <p class="notice notice-error" role="alert" data-testid="board-error">
                    { why.text(&i18n) }
                </p>
            }
        }
        BoardState::Ready(board) => board,
    };
    let counts = props
        .results
        .as_ref()
        .map(|r| r.counts.clone())
        .unwrap_or_default();
    let rows = compare(board, &counts);
    // A name the published counts give; `compare` words the others in English.
    let name = |id| match counts.iter().find(|c| c.candidate_id == id) {
        Some(known) => named(&known.name),
        None => unnamed(&i18n, id),
    };
    let verdict = match &props.results {
        Some(results) if results.counts_visible => {
            if recount_matches(&rows, results.total_votes, board) {
                html! { <p class="notice notice-success" data-testid="recount-verdict">{ i18n.t("audit-recount-matches") }</p> }
            } else {
                html! { <p class="notice notice-error" role="alert" data-testid="recount-verdict">{ i18n.t("audit-recount-differs") }</p> }
            }
        }
        _ => {
            html! { <p class="muted" data-testid="recount-verdict">{ i18n.t("audit-recount-waiting") }</p> }
        }
    };
    let summary = i18n.t_args(
        "audit-board-summary",
        &[
            ("count", board.ballots.len().into()),
            ("counted", board.counted.into()),
        ],
    );
    html! {
        <>
            { verdict }
            <table class="recount" data-testid="recount">
                <thead><tr>
                    <th scope="col">{ i18n.t("audit-col-candidate") }</th>
                    <th scope="col">{ i18n.t("audit-col-published") }</th>
                    <th scope="col">{ i18n.t("audit-col-recounted") }</th>
                </tr></thead>
                <tbody>
                    { for rows.iter().map(|row| html! {
                        <tr data-candidate={row.candidate_id.to_string()}>
                            <td>{ name(row.candidate_id) }</td>
                            <td class="num">{ count(row.published) }</td>
                            <td class="num" data-testid="recounted">{ count(row.recounted) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            <QuestionRecount board={board.clone()} results={props.results.clone()} />
            <p class="muted">{ summary }</p>
            // Focusable, so a keyboard can scroll it (WCAG 2.1.1).
            <div class="table-scroll" tabindex="0">
            <table class="board" data-testid="board">
                <thead><tr>
                    <th scope="col">{ i18n.t("audit-col-entry") }</th>
                    <th scope="col">{ i18n.t("audit-col-ballot") }</th>
                    <th scope="col">{ i18n.t("audit-col-choice") }</th>
                    <th scope="col">{ i18n.t("audit-col-counted") }</th>
                </tr></thead>
                <tbody>
                    { for board.ballots.iter().map(|ballot| html! {
                        <tr class={classes!(ballot.superseded.then_some("superseded"))}
                            data-ballot={ballot.ballot_id.clone()}>
                            <td class="num">{ count(ballot.index) }</td>
                            <td class="mono" translate="no">{ &ballot.ballot_id }</td>
                            <td>{ if ballot.candidate_id == 0 { answers_in_words(&i18n, board, ballot) } else { name(ballot.candidate_id) } }</td>
                            <td>{ i18n.t(if ballot.superseded { "audit-replaced" } else { "audit-counted" }) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            </div>
        </>
    }
}
