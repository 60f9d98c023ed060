//! The public audit page, `/e/{id}/audit` (`/e/default/audit` for the original election):
//! the log's latest checkpoint and who signed it, checked here against the members' keys and
//! kept live by the `/ws` push; a box where anyone checks a receipt; and after publication the
//! bulletin board with the recount ([`board`]) and every question recounted
//! ([`questions`]); for a verifiable election, its secret ballots checked from the log
//! ([`secret`]). Nothing on it needs a login.

mod board;
mod challenge;
mod questions;
mod secret;

use shared::checkpoint::{Checkpoint, LogKey};
use shared::verify::needed_signatures;
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
use crate::format::{count, when};
use crate::i18n::{use_i18n, I18n};
use crate::receipt::{parse, replicas_in_words, use_receipt_check, CheckState, Refusal, Verdict};
use crate::state::Action;
use crate::ws::use_live_state;
use board::{use_bulletin_board, Board};
use challenge::ChallengeCheck;
use secret::{use_secret_audit, SecretBallots};

/// The checkpoint's signatures against the listed keys, in words, and whether enough hold.
fn signers_in_words(i18n: &I18n, checkpoint: &Checkpoint, keys: &[LogKey]) -> (bool, String) {
    if keys.is_empty() {
        return (false, i18n.t("audit-no-keys"));
    }
    let needed = needed_signatures(keys);
    let valid = checkpoint.verify(keys, 0).unwrap_or_default();
    let of = match keys.len() {
        1 => i18n.t("audit-only-replica-signs"),
        listed => i18n.t_args(
            "audit-replicas-must-sign",
            &[("needed", needed.into()), ("listed", listed.into())],
        ),
    };
    if valid.len() >= needed {
        let args = [
            ("count", valid.len().into()),
            ("list", replicas_in_words(i18n, &valid).into()),
            ("rule", of.into()),
        ];
        (true, i18n.t_args("audit-signed-by", &args))
    } else {
        let args = [("count", valid.len().into()), ("rule", of.into())];
        (false, i18n.t_args("audit-too-few-signatures", &args))
    }
}

#[component]
pub fn AuditPage(props: &ElectionPageProps) -> Html {
    let i18n = use_i18n();
    let scope = props.scope();
    let live = use_live_state(scope.clone());
    let definition = use_election_view(props.election.clone(), live.generation);
    let checkpoint_failure = use_checkpoint(&live, &scope);
    // The error, not its sentence, so it is worded in the page's language of the moment.
    let keys = use_state(|| None::<Result<Vec<LogKey>, api::ApiError>>);
    {
        let (keys, dispatch, scope) = (keys.clone(), live.dispatcher(), scope.clone());
        use_effect_with(live.generation, move |_| {
            spawn_local(async move {
                match api::log::keys().await {
                    Ok(answer) => keys.set(Some(Ok(answer.keys))),
                    Err(err) => keys.set(Some(Err(err))),
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
            Ok(receipt) if receipt.election_id != election => check.set(CheckState::Done(
                Verdict::Refused(Refusal::OtherElectionsReceipt(receipt.election_id)),
            )),
            Ok(receipt) => start_check.emit(receipt),
            Err(why) => check.set(CheckState::Done(Verdict::Refused(why))),
        })
    };
    let board = use_bulletin_board(&scope, live.phase == Phase::Published, live.generation);
    let known = match &*definition {
        Definition::Known(view) => Some(view.clone()),
        _ => None,
    };
    let verifiable = known
        .as_ref()
        .is_some_and(|view| !view.options.secrecy.is_open());
    let secret = use_secret_audit(&scope, verifiable, live.phase, live.generation);

    // The election's title (or id) is data; `PageHeader` takes its title as text.
    let titled = |title: &str| -> AttrValue {
        i18n.t_args("audit-title", &[("title", title.into())])
            .into()
    };
    let title = match (&props.election, &*definition) {
        (Some(id), Definition::Missing) => return no_such_election(id),
        (Some(_), Definition::Known(view)) => titled(&view.title),
        _ => titled(scope.id()),
    };
    let checkpoint = match (&live.checkpoint, &*keys) {
        (Some(checkpoint), keys) => {
            let (trusted, signers) = match keys {
                Some(Ok(keys)) => signers_in_words(&i18n, checkpoint, keys),
                Some(Err(why)) => (
                    false,
                    i18n.t_args("audit-keys-failed", &[("why", why.describe().into())]),
                ),
                None => (false, i18n.t("audit-keys-fetching")),
            };
            html! {
                <dl class="checkpoint">
                    <dt>{ i18n.t("audit-entries") }</dt>
                    <dd data-testid="checkpoint-size">{ count(checkpoint.tree_size) }</dd>
                    <dt>{ i18n.t("audit-root") }</dt>
                    <dd class="mono" data-testid="checkpoint-root" translate="no"
                        title={checkpoint.root_hash_hex.clone()}>
                        { short_root(&checkpoint.root_hash_hex, 16) }
                    </dd>
                    <dt>{ i18n.t("audit-signed-at") }</dt>
                    <dd>{ when(checkpoint.timestamp_ms) }</dd>
                    <dt>{ i18n.t("audit-signers") }</dt>
                    <dd data-testid="checkpoint-signers"
                        class={classes!(if trusted { "good" } else { "bad" })}>{ signers }</dd>
                </dl>
            }
        }
        (None, _) => html! {
            <p class="muted" data-testid="checkpoint-waiting">
                { checkpoint_failure.map_or_else(
                    || i18n.t("audit-checkpoint-fetching"),
                    |why| i18n.t_args("audit-checkpoint-failed", &[("why", why.into())]),
                ) }
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
                <h2 id="checkpoint-title">{ i18n.t("audit-log-title") }</h2>
                <p class="muted">{ i18n.t("audit-log-intro") }</p>
                { checkpoint }
            </section>
            <section class="card" aria-labelledby="check-title">
                <h2 id="check-title">{ i18n.t("audit-check-title") }</h2>
                <ReceiptBox busy={*check == CheckState::Checking} on_check={on_check} />
                <VerdictLine check={(*check).clone()} testid="audit-verdict" />
            </section>
            if verifiable {
                <section class="card" aria-labelledby="secret-title">
                    <h2 id="secret-title">{ i18n.t("audit-secret-title") }</h2>
                    <p class="muted">{ i18n.t("audit-secret-intro") }</p>
                    <SecretBallots state={secret} view={known} />
                </section>
                <section class="card" aria-labelledby="challenge-title">
                    <h2 id="challenge-title">{ i18n.t("audit-challenge-title") }</h2>
                    <p class="muted">{ i18n.t("audit-challenge-intro") }</p>
                    <ChallengeCheck scope={scope.clone()} />
                </section>
            }
            <section class="card" aria-labelledby="board-title">
                <h2 id="board-title">{ i18n.t("audit-board-title") }</h2>
                <p class="muted">{ i18n.t("audit-board-intro") }</p>
                <Board state={board} results={live.results.clone()} />
            </section>
            <p class="muted page-links">
                <a href={voter_href}>{ i18n.t("audit-link-vote") }</a>{ " · " }
                <a href={format!("/e/{id}/tally")}>{ i18n.t("audit-link-tally") }</a>{ " · " }
                <a href="/elections">{ i18n.t("audit-link-elections") }</a>
            </p>
        </main>
    }
}
