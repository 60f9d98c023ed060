//! The public audit page, `/e/{id}/audit` (`/e/default/audit` for the original election):
//! the log's latest checkpoint and who signed it, checked here against the members' keys and
//! kept live by the `/ws` push; a box where anyone checks a receipt; and after publication the
//! bulletin board with the recount ([`board`]) and every question recounted
//! ([`questions`]). Nothing on it needs a login.

mod board;
mod questions;

use shared::checkpoint::{Checkpoint, LogKey};
use shared::verify::{list_in_words, needed_signatures, with_thousands};
use shared::Phase;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::{
    no_such_election, page_classes, short_root, use_checkpoint, use_election_view, Definition,
    ElectionPageProps,
};
use crate::api;
use crate::components::page_header::PageHeader;
use crate::components::receipt_box::ReceiptBox;
use crate::components::verdict::VerdictLine;
use crate::format::format_date_time;
use crate::receipt::{parse, use_receipt_check, CheckState, Verdict};
use crate::state::Action;
use crate::ws::use_live_state;
use board::{use_bulletin_board, Board};

/// The checkpoint's signatures against the listed keys, in words, and whether enough hold.
fn signers_in_words(checkpoint: &Checkpoint, keys: &[LogKey]) -> (bool, String) {
    if keys.is_empty() {
        return (false, "The server lists no signing keys.".into());
    }
    let needed = needed_signatures(keys);
    let valid = checkpoint.verify(keys, 0).unwrap_or_default();
    let of = match keys.len() {
        1 => "the only listed replica must sign".to_string(),
        listed => format!("{needed} of the {listed} listed replicas must sign"),
    };
    if valid.len() >= needed {
        let who = if valid.len() == 1 {
            "replica"
        } else {
            "replicas"
        };
        (
            true,
            format!("Signed by {who} {} ({of}).", list_in_words(&valid)),
        )
    } else {
        (
            false,
            format!(
                "Only {} valid signature(s): {of}. Do not trust this log.",
                valid.len()
            ),
        )
    }
}

#[component]
pub fn AuditPage(props: &ElectionPageProps) -> Html {
    let scope = props.scope();
    let live = use_live_state(None, scope.clone());
    let definition = use_election_view(props.election.clone(), live.generation);
    let checkpoint_failure = use_checkpoint(&live, &scope);
    let keys = use_state(|| None::<Result<Vec<LogKey>, String>>);
    {
        let (keys, dispatch, scope) = (keys.clone(), live.dispatcher(), scope.clone());
        use_effect_with(live.generation, move |_| {
            spawn_local(async move {
                match api::log::keys().await {
                    Ok(answer) => keys.set(Some(Ok(answer.keys))),
                    Err(err) => keys.set(Some(Err(err.describe()))),
                }
                if let Ok(results) = api::voter::results(&scope).await {
                    dispatch.dispatch(Action::ResultsLoaded(results));
                }
            });
        });
    }
    let (check, start_check) = use_receipt_check(crate::receipt::in_place);
    let on_check = {
        let (check, start_check, election) =
            (check.clone(), start_check.clone(), scope.id().to_string());
        Callback::from(move |text: String| match parse(&text) {
            Ok(receipt) if receipt.election_id != election => {
                let other = &receipt.election_id;
                check.set(CheckState::Done(Verdict::Refused(format!(
                    "This receipt is for the election “{other}”, not this one: check it on /e/{other}/audit."
                ))));
            }
            Ok(receipt) => start_check.emit(receipt),
            Err(why) => check.set(CheckState::Done(Verdict::Refused(why))),
        })
    };
    let board = use_bulletin_board(&scope, live.phase == Phase::Published, live.generation);

    let title: AttrValue = match (&props.election, &*definition) {
        (Some(id), Definition::Missing) => return no_such_election(id),
        (Some(_), Definition::Known(view)) => format!("Audit: {}", view.title).into(),
        _ => format!("Audit: {}", scope.id()).into(),
    };
    let checkpoint = match (&live.checkpoint, &*keys) {
        (Some(checkpoint), keys) => {
            let (trusted, signers) = match keys {
                Some(Ok(keys)) => signers_in_words(checkpoint, keys),
                Some(Err(why)) => (false, format!("The keys could not be fetched: {why}")),
                None => (false, "Fetching the replicas' keys…".into()),
            };
            html! {
                <dl class="checkpoint">
                    <dt>{ "Entries" }</dt>
                    <dd data-testid="checkpoint-size">{ with_thousands(checkpoint.tree_size) }</dd>
                    <dt>{ "Root" }</dt>
                    <dd class="mono" data-testid="checkpoint-root" title={checkpoint.root_hash_hex.clone()}>
                        { short_root(&checkpoint.root_hash_hex, 16) }
                    </dd>
                    <dt>{ "Signed at" }</dt>
                    <dd>{ format_date_time(checkpoint.timestamp_ms) }</dd>
                    <dt>{ "Signers" }</dt>
                    <dd data-testid="checkpoint-signers"
                        class={classes!(if trusted { "good" } else { "bad" })}>{ signers }</dd>
                </dl>
            }
        }
        (None, _) => html! {
            <p class="muted" data-testid="checkpoint-waiting">
                { checkpoint_failure.map_or("Fetching the latest checkpoint…".into(), |why| format!("No checkpoint yet: {why}")) }
            </p>
        },
    };
    let id = scope.id().to_string();
    let voter_href = if props.election.is_none() || id == shared::DEFAULT_ELECTION {
        "/".to_string()
    } else {
        format!("/e/{id}")
    };
    html! {
        <main class={page_classes("audit", live.connection)}>
            <PageHeader title={title} phase={live.phase} connection={live.connection} />
            <section class="card" aria-labelledby="checkpoint-title">
                <h2 id="checkpoint-title">{ "The public log" }</h2>
                <p class="muted">
                    { "Every event of this election, as lines anyone can download and hash. The replicas sign its size and root; this page checks their signatures itself." }
                </p>
                { checkpoint }
            </section>
            <section class="card" aria-labelledby="check-title">
                <h2 id="check-title">{ "Check a receipt" }</h2>
                <ReceiptBox busy={*check == CheckState::Checking} on_check={on_check} />
                <VerdictLine check={(*check).clone()} testid="audit-verdict" />
            </section>
            <section class="card" aria-labelledby="board-title">
                <h2 id="board-title">{ "Bulletin board" }</h2>
                <p class="muted">
                    { "Every ballot with its choice, never its voter. The replicas' private store still links voters to ballots: there is no encryption." }
                </p>
                <Board state={board} results={live.results.clone()} />
            </section>
            <p class="muted page-links">
                <a href={voter_href}>{ "Vote" }</a>{ " · " }
                <a href={format!("/e/{id}/tally")}>{ "Projector view" }</a>{ " · " }
                <a href="/elections">{ "All elections" }</a>
            </p>
        </main>
    }
}
