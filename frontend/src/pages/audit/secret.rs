//! A verifiable election's secret ballots, checked here from the public log alone
//! ([`shared::secrecy::audit::audit`]): every trustee's part and the joint key, every sealed
//! ballot's proofs, the encrypted tally, every trustee's decryption and the decrypted sums.
//! The first failure is shown with its place, in the library's words.
//!
//! As for the bulletin board, the lines are trusted only once they hash to the root that
//! enough replicas signed.

use std::rc::Rc;

use shared::elections::ElectionView;
use shared::log::PublicLine;
use shared::recount::lines_match_checkpoint;
use shared::secrecy::audit::{audit, SecretAudit};
use shared::secrecy::ProofError;
use shared::verify::needed_signatures;
use shared::Phase;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api::{self, ApiError, Scope};
use crate::i18n::{use_i18n, I18n};

/// Where the check stands.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum SecretState {
    #[default]
    Idle,
    Loading,
    Checked(Rc<SecretAudit>),
    Failed(SecretFailure),
}

/// Why the check did not pass: kept as data, worded when shown.
#[derive(Debug, Clone, PartialEq)]
pub enum SecretFailure {
    Fetch(ApiError),
    NotSigned,
    NotTheSignedLog,
    Unreadable {
        index: usize,
    },
    /// The log says the election is not verifiable after all.
    Open,
    Proof(ProofError),
}

/// Fetches the signed log and checks it, for a `verifiable` election, on load, after every
/// reconnection and at every phase change.
#[hook]
pub fn use_secret_audit(
    scope: &Scope,
    verifiable: bool,
    phase: Phase,
    generation: u32,
) -> SecretState {
    let state = use_state(SecretState::default);
    {
        let (state, scope) = (state.clone(), scope.clone());
        use_effect_with(
            (verifiable, phase, generation),
            move |(verifiable, _, _)| {
                if *verifiable {
                    spawn_local(async move {
                        if !matches!(*state, SecretState::Checked(_)) {
                            state.set(SecretState::Loading);
                        }
                        state.set(match check(&scope).await {
                            Ok(report) => SecretState::Checked(Rc::new(report)),
                            Err(why) => SecretState::Failed(why),
                        });
                    });
                }
            },
        );
    }
    (*state).clone()
}

async fn check(scope: &Scope) -> Result<SecretAudit, SecretFailure> {
    let keys = api::log::keys().await.map_err(SecretFailure::Fetch)?.keys;
    let checkpoint = api::log::checkpoint(scope)
        .await
        .map_err(SecretFailure::Fetch)?;
    if keys.is_empty() || checkpoint.verify(&keys, needed_signatures(&keys)).is_err() {
        return Err(SecretFailure::NotSigned);
    }
    let texts = api::log::first_entries(scope, checkpoint.tree_size, |_| {})
        .await
        .map_err(SecretFailure::Fetch)?;
    if !lines_match_checkpoint(&texts, &checkpoint) {
        return Err(SecretFailure::NotTheSignedLog);
    }
    let lines = texts
        .iter()
        .enumerate()
        .map(|(index, text)| {
            serde_json::from_str::<PublicLine>(text)
                .map_err(|_| SecretFailure::Unreadable { index })
        })
        .collect::<Result<Vec<_>, _>>()?;
    match audit(scope.id(), &lines) {
        Ok(Some(report)) => Ok(report),
        Ok(None) => Err(SecretFailure::Open),
        Err(why) => Err(SecretFailure::Proof(why)),
    }
}

/// The failure in words; a proof's place and problem are the library's (data).
fn failure(i18n: &I18n, why: &SecretFailure) -> Html {
    let text = match why {
        SecretFailure::Fetch(err) => i18n.t_args(
            "audit-secret-fetch-failed",
            &[("why", err.describe().into())],
        ),
        SecretFailure::NotSigned => i18n.t("audit-board-not-signed"),
        SecretFailure::NotTheSignedLog => i18n.t("audit-board-not-signed-log"),
        SecretFailure::Unreadable { index } => {
            i18n.t_args("audit-entry-unreadable", &[("index", (*index).into())])
        }
        SecretFailure::Open => i18n.t("audit-secret-not-verifiable"),
        SecretFailure::Proof(proof) => {
            return html! {
                <p class="notice notice-error" role="alert" data-testid="secret-verdict"
                    data-verdict="failed">
                    { i18n.t("audit-secret-failed") }{ " " }
                    <span translate="no" data-testid="secret-failure-at">{ proof.at.clone() }</span>
                    { ": " }<span translate="no">{ proof.problem.clone() }</span>
                </p>
            }
        }
    };
    html! {
        <p class="notice notice-error" role="alert" data-testid="secret-verdict" data-verdict="failed">
            { text }
        </p>
    }
}

/// Votes from a sum in ten-thousandths, in the page's digits.
fn votes(i18n: &I18n, sum: u64) -> String {
    crate::i18n::number(i18n.lang(), sum as f64 / 10_000.0)
}

#[derive(Properties, PartialEq)]
pub struct SecretBallotsProps {
    pub state: SecretState,
    /// The election's definition, for the names of the questions and candidates.
    pub view: Option<Rc<ElectionView>>,
}

#[component]
pub fn SecretBallots(props: &SecretBallotsProps) -> Html {
    let i18n = use_i18n();
    let report = match &props.state {
        SecretState::Idle | SecretState::Loading => {
            return html! { <p class="muted" role="status">{ i18n.t("audit-secret-checking") }</p> }
        }
        SecretState::Failed(why) => return failure(&i18n, why),
        SecretState::Checked(report) => report,
    };
    let summary = [
        i18n.t_args(
            "audit-secret-ballots",
            &[
                ("count", report.ballots_checked.into()),
                ("counted", report.counted.into()),
            ],
        ),
        i18n.t_args(
            "audit-secret-trustees",
            &[
                ("count", report.trustees.into()),
                ("threshold", report.threshold.into()),
            ],
        ),
        i18n.t(if report.key_published {
            "audit-secret-key-checked"
        } else {
            "audit-secret-key-waiting"
        }),
        i18n.t_args(
            "audit-secret-decryptions",
            &[("count", report.decryptions_checked.into())],
        ),
    ];
    let questions = props
        .view
        .as_ref()
        .map(|v| v.questions.clone())
        .unwrap_or_default();
    let sums = report.sums.clone().map(|sums| {
        html! {
            <>
                <h3>{ i18n.t("audit-secret-sums-title") }</h3>
                { for sums.iter().enumerate().map(|(at, row)| {
                    let question = questions.get(at);
                    let heading = question.map_or_else(
                        || format!("{}", at + 1),
                        |q| if q.title.is_empty() { q.id.clone() } else { q.title.clone() },
                    );
                    html! {
                        <table class="recount" data-testid="secret-sums" key={at}>
                            <caption translate="no">{ heading }</caption>
                            <thead><tr>
                                <th scope="col">{ i18n.t("audit-col-candidate") }</th>
                                <th scope="col">{ i18n.t("audit-secret-col-sum") }</th>
                            </tr></thead>
                            <tbody>
                                { for row.iter().enumerate().map(|(j, sum)| {
                                    let name = question.and_then(|q| q.candidates.get(j)).map_or_else(
                                        || html! { { i18n.t_args("audit-candidate", &[("id", (j + 1).into())]) } },
                                        |c| html! { <span translate="no">{ c.name.clone() }</span> },
                                    );
                                    html! {
                                        <tr>
                                            <td>{ name }</td>
                                            <td class="num" data-testid="secret-sum">{ votes(&i18n, *sum) }</td>
                                        </tr>
                                    }
                                }) }
                            </tbody>
                        </table>
                    }
                }) }
            </>
        }
    });
    html! {
        <>
            <p class="notice notice-success" role="status" data-testid="secret-verdict" data-verdict="passed">
                { i18n.t("audit-secret-passed") }
            </p>
            <ul class="secret-summary" data-testid="secret-summary">
                { for summary.into_iter().map(|line| html! { <li>{ line }</li> }) }
            </ul>
            { sums.unwrap_or_else(|| html! {
                <p class="muted">{ i18n.t("audit-secret-sealed") }</p>
            }) }
        </>
    }
}
