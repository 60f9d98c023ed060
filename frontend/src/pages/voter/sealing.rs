//! A verifiable election's last step before casting: the reviewed answers sealed in this
//! browser under the election's key (`shared::secrecy::ballot::seal`), the ballot's tracking
//! code, and the choice between "Cast it" and "Check this ballot" (Benaloh's challenge).
//!
//! Checking reveals the seed the ballot was sealed with, the marks and the tracking code, and
//! re-seals them to show the verdict; anyone can do the same on the audit page or with
//! `ballot audit`. A checked ballot is never cast: it is thrown away and the same answers are
//! sealed again with a new seed, so the ballot finally cast is one nobody saw the seed of.
//!
//! Sealing and checking take tens of milliseconds of CPU and the code of the curve's
//! arithmetic: both run in the sealer's Web Worker ([`crate::sealer`]), fetched when a voter
//! first seals, so the page says "Sealing…" in its live region meanwhile and the rest of the
//! voter page's first load does not carry them. The page draws the seed and keeps it.

use std::rc::Rc;

use shared::ballots::{Answers, Question};
use shared::elections::{CandidateSpec, QuestionView};
use shared::secrecy::ballot;
use shared::secrecy::wire::SealedQuestion;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api::{self, Scope};
use crate::i18n::use_i18n;
use crate::sealer::{check_in_worker, seal_in_worker, Job, SealedJson};

/// What sealing needs, fixed once the election's key is known: a [`Job`] but for its seed.
struct Sealer {
    key: Box<serde_json::value::RawValue>,
    election: String,
    questions: Vec<SealedQuestion>,
    marks: Vec<Vec<bool>>,
}

impl Sealer {
    fn job(&self, seed: [u8; 32]) -> Job {
        Job {
            election: self.election.clone(),
            key: self.key.clone(),
            questions: self.questions.clone(),
            marks: self.marks.clone(),
            seed,
        }
    }
}

/// One sealed ballot and what made it (the seed stays in this page unless it is checked).
struct Sealed {
    ballot: SealedJson,
    seed: [u8; 32],
    marks: Vec<Vec<bool>>,
    code: String,
}

#[derive(Clone)]
enum Stage {
    Loading,
    /// The trustees have not published the key yet.
    NotOpen,
    /// The key could not be fetched, or sealing failed: the detail (not ours to translate).
    Failed(String),
    Sealing,
    Sealed(Rc<Sealed>),
    Checking,
    /// The challenged ballot and the verdict (the detail of a mismatch).
    Checked(Rc<Sealed>, Result<(), String>),
}

impl Stage {
    /// What the focus follows: a change of this moves it to the step's heading.
    fn kind(&self) -> u8 {
        match self {
            Stage::Loading | Stage::Sealing | Stage::Checking => 0,
            Stage::NotOpen | Stage::Failed(_) => 1,
            Stage::Sealed(_) => 2,
            Stage::Checked(..) => 3,
        }
    }
}

fn to_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// 32 bytes from the browser's cryptographic generator; `None` where there is none (a
/// ballot's secrecy rests on this seed: no weaker fallback).
fn random_seed() -> Option<[u8; 32]> {
    let mut seed = [0_u8; 32];
    let crypto = web_sys::window()?.crypto().ok()?;
    crypto.get_random_values_with_u8_array(&mut seed).ok()?;
    Some(seed)
}

/// The marks of every sealed question, in the ballot's order (a question the page does not
/// know, or left blank, is all zeros).
fn marks(
    sealed: &[SealedQuestion],
    questions: &[QuestionView],
    answers: &Answers,
) -> Vec<Vec<bool>> {
    sealed
        .iter()
        .map(|sealed| {
            let Some(shown) = questions.iter().find(|q| q.id == sealed.question) else {
                return vec![false; sealed.options as usize];
            };
            let question = Question {
                id: shown.id.clone(),
                title: String::new(),
                description: String::new(),
                method: shown.method,
                candidates: (shown.candidates.iter())
                    .map(|c| CandidateSpec {
                        name: c.name.clone(),
                        description: String::new(),
                    })
                    .collect(),
                seats: shown.seats,
                max_choices: shown.max_choices,
                threshold: shown.threshold,
            };
            let answer = answers.get(&shown.id).map(Vec::as_slice).unwrap_or(&[]);
            ballot::marks_of(&question, answer)
        })
        .collect()
}

/// Seals the answers with a fresh seed in the sealer's worker; a failure's detail is the
/// library's (or the browser's) own words.
async fn seal(sealer: &Sealer) -> Result<Sealed, String> {
    let i18n = crate::i18n::current();
    let seed = random_seed().ok_or_else(|| i18n.t("voter-seal-no-random"))?;
    let ballot = seal_in_worker(sealer.job(seed)).await?;
    Ok(Sealed {
        code: ballot.tracking_code(),
        ballot,
        seed,
        marks: sealer.marks.clone(),
    })
}

fn start_sealing(stage: &UseStateHandle<Stage>, sealer: &Rc<Sealer>) {
    stage.set(Stage::Sealing);
    let (stage, sealer) = (stage.clone(), sealer.clone());
    spawn_local(async move {
        stage.set(match seal(&sealer).await {
            Ok(sealed) => Stage::Sealed(Rc::new(sealed)),
            Err(detail) => Stage::Failed(detail),
        })
    });
}

/// A challenged ballot with what opens it, `{ballot, seed, marks}`: what anyone checks it from.
fn challenge_json(sealed: &Sealed) -> String {
    serde_json::json!({
        "ballot": sealed.ballot,
        "seed": to_hex(&sealed.seed),
        "marks": sealed.marks,
    })
    .to_string()
}

/// `/e/{id}/audit#challenge=…`: the audit page's own check of a challenged ballot.
fn audit_href(election: &str, sealed: &Sealed) -> String {
    let encoded = js_sys::encode_uri_component(&challenge_json(sealed));
    format!("/e/{election}/audit#challenge={encoded}")
}

#[derive(Properties, PartialEq)]
pub struct SealingProps {
    pub scope: Scope,
    pub questions: Vec<QuestionView>,
    /// The reviewed answers (blank questions left out).
    pub answers: Answers,
    /// Voting is open for this voter.
    pub enabled: bool,
    /// The sealed ballot is being sent.
    pub sending: bool,
    pub on_cast: Callback<SealedJson>,
    /// "Change answers": back to the ballot, answers kept.
    pub on_change: Callback<()>,
}

#[component]
pub fn Sealing(props: &SealingProps) -> Html {
    let i18n = use_i18n();
    let stage = use_state(|| Stage::Loading);
    let sealer = use_state(|| None::<Rc<Sealer>>);
    // On opening: the key and the questions' shapes, then the first sealing.
    {
        let (stage, sealer) = (stage.clone(), sealer.clone());
        let (scope, questions) = (props.scope.clone(), props.questions.clone());
        let answers = props.answers.clone();
        use_effect_with((), move |()| {
            spawn_local(async move {
                match api::voter::sealing(&scope).await {
                    Ok(view) => match &view.key {
                        None => stage.set(Stage::NotOpen),
                        Some(key) => {
                            let made = Rc::new(Sealer {
                                key: key.clone(),
                                election: scope.id().to_string(),
                                marks: marks(&view.questions, &questions, &answers),
                                questions: view.questions.clone(),
                            });
                            sealer.set(Some(made.clone()));
                            start_sealing(&stage, &made);
                        }
                    },
                    Err(err) => stage.set(Stage::Failed(err.describe())),
                }
            });
        });
    }
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with(stage.kind(), move |kind| {
            if *kind > 0 {
                if let Some(element) = heading.cast::<web_sys::HtmlElement>() {
                    let _ = element.focus();
                }
            }
        });
    }

    let on_check = {
        let (stage, sealer) = (stage.clone(), sealer.clone());
        Callback::from(move |_: MouseEvent| {
            let (Stage::Sealed(sealed), Some(sealer)) = ((*stage).clone(), (*sealer).clone())
            else {
                return;
            };
            stage.set(Stage::Checking);
            let stage = stage.clone();
            spawn_local(async move {
                let job = Job {
                    marks: sealed.marks.clone(),
                    ..sealer.job(sealed.seed)
                };
                let verdict = match check_in_worker(job, sealed.ballot.clone()).await {
                    Ok(None) => Ok(()),
                    Ok(Some(mismatch)) => Err(mismatch),
                    Err(detail) => Err(detail),
                };
                stage.set(Stage::Checked(sealed, verdict));
            });
        })
    };
    let on_again = {
        let (stage, sealer) = (stage.clone(), sealer.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(sealer) = &*sealer {
                start_sealing(&stage, sealer);
            }
        })
    };
    let on_cast = {
        let (stage, on_cast) = (stage.clone(), props.on_cast.clone());
        Callback::from(move |_: MouseEvent| {
            if let Stage::Sealed(sealed) = &*stage {
                on_cast.emit(sealed.ballot.clone());
            }
        })
    };
    let busy = props.sending;
    let status = match &*stage {
        Stage::Loading => html! { i18n.t("voter-seal-loading") },
        Stage::NotOpen => html! { i18n.t("voter-seal-not-open") },
        Stage::Failed(detail) => html! {
            <>{ i18n.t("voter-seal-failed") }{ " " }<span translate="no">{ detail }</span></>
        },
        Stage::Sealing => html! { i18n.t("voter-seal-sealing") },
        Stage::Sealed(_) => html! { i18n.t("voter-seal-sealed") },
        Stage::Checking => html! { i18n.t("voter-seal-checking") },
        Stage::Checked(_, Ok(())) => html! { i18n.t("voter-check-ok") },
        Stage::Checked(_, Err(detail)) => html! {
            <>{ i18n.t("voter-check-bad") }{ " " }<span translate="no">{ detail }</span></>
        },
    };
    let tone = match &*stage {
        Stage::Failed(_) | Stage::Checked(_, Err(_)) => Some("notice-error"),
        Stage::Checked(_, Ok(())) => Some("notice-success"),
        _ => None,
    };
    let title = match &*stage {
        Stage::Checked(..) => "voter-check-title",
        _ => "voter-seal-title",
    };
    let body = match &*stage {
        Stage::Sealed(sealed) => html! {
            <>
                { tracking_line(&i18n.t("voter-tracking-code"), &sealed.code, "tracking-code") }
                <p class="muted">{ i18n.t("voter-tracking-hint") }</p>
                <div class="row wrap">
                    <button type="button" id="cast-sealed" data-testid="cast-sealed" class="primary"
                        disabled={!props.enabled || busy} aria-busy={busy.to_string()}
                        onclick={on_cast}>
                        { i18n.t(if busy { "sending" } else { "voter-seal-cast" }) }
                    </button>
                    <button type="button" id="check-ballot" data-testid="check-ballot"
                        disabled={busy} onclick={on_check}>
                        { i18n.t("voter-seal-check") }
                    </button>
                </div>
            </>
        },
        Stage::Checked(sealed, _) => html! {
            <>
                <p class="muted">{ i18n.t("voter-check-intro") }</p>
                { tracking_line(&i18n.t("voter-tracking-code"), &sealed.code, "check-tracking-code") }
                <p>
                    { i18n.t("voter-check-seed") }{ " " }
                    <code class="mono" translate="no" data-testid="check-seed"
                        style="overflow-wrap: anywhere">{ to_hex(&sealed.seed) }</code>
                </p>
                <p>
                    { i18n.t("voter-check-marks") }{ " " }
                    <code class="mono" translate="no" data-testid="check-marks"
                        style="overflow-wrap: anywhere">
                        { serde_json::to_string(&sealed.marks).unwrap_or_default() }
                    </code>
                </p>
                <p>
                    <label for="check-json">{ i18n.t("voter-check-json") }</label>
                    <textarea id="check-json" data-testid="check-json" readonly=true rows="3"
                        translate="no" spellcheck="false"
                        style="width: 100%; box-sizing: border-box; font-size: 0.85rem"
                        value={challenge_json(sealed)} />
                </p>
                <p>
                    <a href={audit_href(props.scope.id(), sealed)} data-testid="check-audit-link">
                        { i18n.t("voter-check-audit") }
                    </a>
                </p>
                <button type="button" id="seal-again" data-testid="seal-again" class="primary"
                    onclick={on_again}>
                    { i18n.t("voter-seal-again") }
                </button>
            </>
        },
        _ => Html::default(),
    };
    html! {
        <section class="card" aria-labelledby="ballot-title">
        <h2 id="ballot-title">{ i18n.t("your-ballot") }</h2>
        <div class="sealing" data-testid="sealing">
            <h3 ref={heading} tabindex="-1" id="sealing-title">{ i18n.t(title) }</h3>
            <p class="muted">{ i18n.t("voter-seal-intro") }</p>
            <p role="status" aria-live="polite" data-testid="seal-status"
                class={classes!(tone)}>{ status }</p>
            { body }
            <button type="button" id="sealed-change-answers" data-testid="sealed-change-answers"
                disabled={busy} onclick={props.on_change.reform(|_: MouseEvent| ())}>
                { i18n.t("change-answers") }
            </button>
        </div>
        </section>
    }
}

/// "Tracking code: …", the code marked as data and free to wrap on a narrow screen.
fn tracking_line(label: &str, code: &str, testid: &'static str) -> Html {
    html! {
        <p>
            { label }{ " " }
            <strong class="mono" translate="no" data-testid={testid}
                style="overflow-wrap: anywhere">{ code }</strong>
        </p>
    }
}

/// After a sealed ballot is cast: its tracking code, to find it in the public log.
#[derive(Properties, PartialEq)]
pub struct TrackingCardProps {
    pub code: AttrValue,
    pub audit_href: AttrValue,
}

#[component]
pub fn TrackingCard(props: &TrackingCardProps) -> Html {
    let i18n = use_i18n();
    html! {
        <section class="card" aria-labelledby="tracking-title">
            <h2 id="tracking-title">{ i18n.t("voter-cast-tracking-title") }</h2>
            { tracking_line(&i18n.t("voter-tracking-code"), &props.code, "cast-tracking-code") }
            <p class="muted">
                { i18n.t("voter-cast-tracking-hint") }{ " " }
                <a href={props.audit_href.clone()}>{ i18n.t("receipt-audit") }</a>
            </p>
        </section>
    }
}

fn tracking_key(scope: &Scope, voter_id: u32) -> String {
    format!("ballot.tracking{}.{voter_id}", scope.storage_suffix())
}

/// The tracking code of this voter's last ballot cast from this browser, kept like the
/// receipt so a reload still shows it.
pub fn tracking(scope: &Scope, voter_id: u32) -> Option<String> {
    use gloo::storage::{LocalStorage, Storage};
    LocalStorage::get(tracking_key(scope, voter_id)).ok()
}

pub fn save_tracking(scope: &Scope, voter_id: u32, code: &str) {
    use gloo::storage::{LocalStorage, Storage};
    let _ = LocalStorage::set(tracking_key(scope, voter_id), code);
}
