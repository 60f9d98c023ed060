//! The projector view (`/tally`, or `/e/{id}/tally` for another election): live bars per
//! candidate (or the turnout alone while results are hidden), the total, the phase, the
//! countdown, and the winner once published; for a ballot of questions, each question's
//! count as its method gives it (rounds, pairwise table, Yes/No). No controls: it is read
//! from across a room.

use shared::Phase;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::{
    no_such_election, page_classes, short_root, use_checkpoint, use_election_view,
    use_server_clock, Definition, ElectionPageProps,
};
use crate::api;
use crate::components::bar_chart::BarChart;
use crate::components::countdown::Countdown;
use crate::components::outcome::{leaders, OutcomeBanner};
use crate::components::page_header::PageHeader;
use crate::components::question_results::{only_main, QuestionResults};
use crate::format::{count, percent};
use crate::i18n::use_i18n;
use crate::state::Action;
use crate::ws::use_live_state;

#[component]
pub fn TallyPage(props: &ElectionPageProps) -> Html {
    let i18n = use_i18n();
    let scope = props.scope();
    let live = use_live_state(scope.clone());
    let server_now_ms = use_server_clock(&live);
    // The definition names the questions' candidates; the original election has one too.
    let view_id = props
        .election
        .clone()
        .or(Some(AttrValue::Static(shared::DEFAULT_ELECTION)));
    let definition = use_election_view(view_id, live.generation);
    // The log's size and root, live from the pushed checkpoint (fetched on load and at each
    // phase change until a push arrives), so the room can compare it with the audit page.
    use_checkpoint(&live, &scope);
    let audit_href = format!("/e/{}/audit", scope.id());

    // The figures on load and after every reconnection; pushes keep them fresh in between.
    {
        let dispatch = live.dispatcher();
        use_effect_with(live.generation, move |_| {
            spawn_local(async move {
                if let Ok(results) = api::voter::results(&scope).await {
                    dispatch.dispatch(Action::ResultsLoaded(results));
                }
            });
        });
    }
    // The original projector keeps its heading; another election's shows its own title.
    let title: AttrValue = match (&props.election, &*definition) {
        (None, _) => i18n.t("tally-title").into(),
        (Some(id), Definition::Missing) => return no_such_election(id),
        (Some(id), Definition::Loading) => id.clone(),
        (Some(_), Definition::Known(view)) => view.title.clone().into(),
    };

    let body = match live.results.clone() {
        None => html! { <p class="tally-waiting">{ i18n.t("tally-waiting") }</p> },
        Some(results) => {
            let questions = match &*definition {
                Definition::Known(view) => view.questions.clone(),
                _ => Vec::new(),
            };
            // Weighted voters: the weight that voted, beside the number of ballots.
            let weighted = !results.voted_weight.is_empty()
                && results.voted_weight != results.total_votes.to_string();
            let turnout = percent(results.total_votes, results.eligible_voters);
            // A ballot of questions shows each question below; its legacy `counts` (the first
            // question's marks) would only repeat the first one without saying so.
            let questions_shown = !results.questions.is_empty() && !only_main(&results.questions);
            let chart = if questions_shown {
                html! {}
            } else if results.counts_visible && !results.counts.is_empty() {
                html! {
                    <BarChart class="huge" counts={results.counts.clone()}
                        leaders={leaders(results.outcome.as_ref())} />
                }
            } else {
                html! {
                    <div class="turnout-only" data-testid="turnout-only">
                        <p class="huge-number">{ format!("{turnout} %") }</p>
                        <p class="tally-caption">
                            { i18n.t(if live.phase == Phase::Published { "tally-turnout" }
                              else { "tally-turnout-hidden" }) }
                        </p>
                        <meter min="0" max={results.eligible_voters.max(1).to_string()}
                            value={results.total_votes.to_string()}
                            aria-label={i18n.t("tally-turnout-label")}></meter>
                    </div>
                }
            };
            html! {
                <>
                    <div class="tally-figures">
                        <div class="figure">
                            <span class="figure-value" data-testid="total-votes">{ count(results.total_votes) }</span>
                            <span class="figure-label">
                                { i18n.t_args("tally-votes-cast", &[
                                    ("count", results.total_votes.into()),
                                    ("voters", results.eligible_voters.into()),
                                ]) }
                            </span>
                        </div>
                        if weighted {
                            <div class="figure">
                                <span class="figure-value" data-testid="voted-weight">{ results.voted_weight.clone() }</span>
                                <span class="figure-label">
                                    { i18n.t_args("tally-weight-voted", &[
                                        ("weight", results.eligible_weight.as_str().into()),
                                    ]) }
                                </span>
                            </div>
                        }
                        <Countdown class="huge" phase={live.phase} deadline_ms={live.deadline_ms}
                            server_now_ms={server_now_ms} />
                    </div>
                    // The banner's space is kept even before publication, so the chart does
                    // not jump down when the winner appears.
                    <div class="outcome-slot">
                        if let Some(outcome) = results.outcome.clone() {
                            <OutcomeBanner class="huge" outcome={outcome} counts={results.counts.clone()} />
                        }
                    </div>
                    { chart }
                    <QuestionResults results={results.questions.clone()} questions={questions} />
                </>
            }
        }
    };

    html! {
        <main class={page_classes("tally", live.connection)}>
            <PageHeader title={title} phase={live.phase} connection={live.connection} />
            { body }
            <p class="tally-log muted" data-testid="tally-log">
                { match &live.checkpoint {
                    Some(checkpoint) => html! {
                        <>
                            { i18n.t_args("tally-log", &[("entries", checkpoint.tree_size.into())]) }
                            { " " }
                            <span class="mono" data-testid="tally-root" translate="no">
                                { short_root(&checkpoint.root_hash_hex, 12) }
                            </span>
                            { " · " }
                        </>
                    },
                    None => html! { <>{ i18n.t("tally-log-waiting") }{ " · " }</> },
                } }
                <a href={audit_href}>{ i18n.t("tally-audit") }</a>
            </p>
        </main>
    }
}
