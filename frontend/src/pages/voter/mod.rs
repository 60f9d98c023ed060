//! The voter's page: `/` for the original election, `/e/{id}` for any other. Log in (by name
//! and voter id, or by credential, as the election says) or register where the election takes
//! registrations; vote with one click, again where re-voting is on; keep the receipt across
//! reloads; see the results (live if the admin allows it, always once published).
//!
//! `/` shows what it always showed: the ballot from `GET /api/options` under the title
//! "Ballot". An `/e/{id}` page shows the election's own title, description and candidate
//! descriptions from `GET /api/elections/{id}`, in the page's language where the election
//! gives a translation ([`wording`]); a page that nothing asked to show in a language follows
//! the election's own language once it is loaded ([`crate::i18n::I18n::follow_election`]).
//!
//! Opened from an invitation's personal link (`/e/{id}#credential=…`), the page logs in with
//! the link's credential by itself and takes it out of the address bar ([`invitation`]).
//!
//! In a verifiable election the reviewed ballot is sealed in the browser before it is cast,
//! and may be checked first ([`sealing`]); the page then shows its tracking code too.

mod actions;
mod invitation;
mod sealing;
mod wording;

use shared::ballots::Answers;
use shared::dto::MeResponse;
use shared::elections::{ElectionCandidate, LoginMethod};
use shared::CandidateId;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::{
    accepting_votes, no_such_election, page_classes, use_election_view, use_server_clock,
    Definition, ElectionPageProps,
};
use crate::api::voter::VoteBody;
use crate::api::{self, ApiError, PendingWrite};
use crate::clock::server_now;
use crate::components::countdown::Countdown;
use crate::components::credential_form::CredentialForm;
use crate::components::deadline_warning::DeadlineWarning;
use crate::components::display_settings::DisplaySettings;
use crate::components::field_error::{about, Form, Refusal};
use crate::components::login_form::LoginForm;
use crate::components::notice::{Notice, Tone};
use crate::components::page_header::PageHeader;
use crate::components::question_panel::QuestionPanel;
use crate::components::receipt_card::ReceiptCard;
use crate::components::results_summary::ResultsSummary;
use crate::components::voter_panel::VoterPanel;
use crate::format::offset;
use crate::i18n::{use_i18n, Lang};
use crate::receipt::use_receipt_check;
use crate::sealer::SealedJson;
use crate::state::Action;
use crate::storage;
use crate::ws::use_live_state;
use actions::{log_in, register, say, send_vote, while_busy, Doorway, NoticeState, Proof};
use sealing::{Sealing, TrackingCard};
use wording::Shown;

#[component]
pub fn VoterPage(props: &ElectionPageProps) -> Html {
    let i18n = use_i18n();
    let scope = props.scope();
    let live = use_live_state(scope.clone());
    let server_now_ms = use_server_clock(&live);
    let definition = use_election_view(props.election.clone(), live.generation);
    // The original page's ballot, from `GET /api/options` as it always was.
    let classic_candidates = use_state(Vec::<ElectionCandidate>::new);
    let session = {
        let scope = scope.clone();
        use_state(move || storage::voter_session(&scope))
    };
    let me = use_state(|| None::<MeResponse>);
    let busy = use_state(|| false);
    let sending = use_state(|| None::<CandidateId>);
    // A ballot of questions is being sent (it has no one candidate to show as sending).
    let casting = use_state(|| false);
    let changing = use_state(|| false);
    let notice: NoticeState = use_state(|| (Tone::Info, None));
    let refusal: UseStateHandle<Refusal> = use_state(|| None);
    // A verifiable election: the reviewed answers being sealed, until the ballot is cast.
    let sealing = use_state(|| None::<Answers>);
    // The tracking code of the sealed ballot this page just cast (what is stored is read again
    // only when the server's word on the vote changes, which may come first).
    let cast_code = use_state(|| None::<String>);

    // The ballot and the figures, on load and again after every reconnection.
    {
        let (candidates, dispatch) = (classic_candidates.clone(), live.dispatcher());
        let (classic, scope) = (props.election.is_none(), scope.clone());
        use_effect_with(live.generation, move |_| {
            spawn_local(async move {
                if classic {
                    if let Ok(options) = api::voter::options(&scope).await {
                        let described = options.candidates.into_iter().map(|c| ElectionCandidate {
                            id: c.id,
                            name: c.name,
                            description: String::new(),
                        });
                        candidates.set(described.collect());
                    }
                }
                if let Ok(results) = api::voter::results(&scope).await {
                    dispatch.dispatch(Action::ResultsLoaded(results));
                }
            });
        });
    }
    // Whether this voter has voted: the server is the judge, so a reload shows the receipt.
    // A vote that was still being sent when the page was left is sent again, with its key.
    {
        let (me, session_handle, notice) = (me.clone(), session.clone(), notice.clone());
        let (dispatch, sending, scope) = (live.dispatcher(), sending.clone(), scope.clone());
        let (casting, i18n, cast_code) = (casting.clone(), i18n.clone(), cast_code.clone());
        let token = session.as_ref().map(|s| s.session.clone());
        use_effect_with(token, move |token| {
            me.set(None);
            if let (Some(token), Some(login)) = (token.clone(), (*session_handle).clone()) {
                spawn_local(async move {
                    match api::voter::me(&scope, &token).await {
                        Ok(answer) if answer.has_voted => {
                            storage::forget_pending_vote(&scope);
                            me.set(Some(answer));
                        }
                        Ok(answer) => {
                            me.set(Some(answer));
                            if let Some(write) = storage::pending_vote(&scope, &token) {
                                sending.set(write.body.candidate_id);
                                let body = &write.body;
                                casting.set(body.answers.is_some() || body.sealed.is_some());
                                let code = body.sealed.as_ref().map(SealedJson::tracking_code);
                                say(&notice, Tone::Info, i18n.t("notice-sending-again"));
                                let thanks = i18n.t("notice-counted");
                                let voter = login.voter_id;
                                let sent = send_vote(
                                    scope.clone(),
                                    write,
                                    login,
                                    dispatch,
                                    me,
                                    notice,
                                    thanks,
                                )
                                .await;
                                if let (true, Some(code)) = (sent, code) {
                                    sealing::save_tracking(&scope, voter, &code);
                                    cast_code.set(Some(code));
                                }
                                sending.set(None);
                                casting.set(false);
                            }
                        }
                        Err(ApiError::Unauthorized(_)) => {
                            storage::forget_voter_session(&scope);
                            storage::forget_pending_vote(&scope);
                            session_handle.set(None);
                            say(&notice, Tone::Info, i18n.t("notice-session-ended"));
                        }
                        Err(err) => say(&notice, Tone::Error, err.describe()),
                    }
                });
            }
        });
    }

    // The receipt of this voter's last vote from this browser, read again whenever the
    // server's word on the vote changes (a vote, a re-vote, a reload).
    let receipt = {
        let voter = session.as_ref().map(|login| login.voter_id);
        let vote_seq = me.as_ref().and_then(|me| me.vote_seq);
        use_memo((scope.clone(), voter, vote_seq), |(scope, voter, _)| {
            voter.and_then(|voter| storage::receipt(scope, voter))
        })
    };
    // A verifiable election's tracking code of the ballot cast from this browser, likewise.
    let tracking = {
        let voter = session.as_ref().map(|login| login.voter_id);
        let vote_seq = me.as_ref().and_then(|me| me.vote_seq);
        use_memo((scope.clone(), voter, vote_seq), |(scope, voter, _)| {
            voter.and_then(|voter| sealing::tracking(scope, voter))
        })
    };
    let (check, start_check) = use_receipt_check(crate::receipt::verifier::in_worker);

    let door = Doorway {
        scope: scope.clone(),
        session: session.clone(),
        notice: notice.clone(),
        refusal: refusal.clone(),
        i18n: i18n.clone(),
    };
    let on_login = while_busy(&busy, &door, |door, (name, voter_id): (String, u32)| {
        let welcome = (door.i18n).t_args("notice-welcome", &[("name", name.as_str().into())]);
        async move {
            let proof = Proof::NameAndId { name, voter_id };
            log_in(&door, proof, Some(welcome)).await;
        }
    });
    let on_credential = while_busy(&busy, &door, |door, credential: String| async move {
        log_in(&door, Proof::Credential(credential), None).await;
    });
    // Once, on opening: the link's credential logs in exactly as if pasted into the form, so
    // a refusal shows the form's own message and leaves the form there to try by hand.
    {
        let (on_credential, notice) = (on_credential.clone(), notice.clone());
        let i18n = i18n.clone();
        use_effect_with((), move |()| {
            if let Some(credential) = invitation::take_credential() {
                say(&notice, Tone::Info, i18n.t("notice-link-login"));
                on_credential.emit(credential);
            }
        });
    }
    let on_register = while_busy(&busy, &door, |door, name: String| async move {
        register(&door, name).await;
    });
    let on_logout = {
        let (session, notice, scope) = (session.clone(), notice.clone(), scope.clone());
        let (changing, sealing) = (changing.clone(), sealing.clone());
        let cast_code = cast_code.clone();
        Callback::from(move |()| {
            sealing.set(None);
            cast_code.set(None);
            if let Some(login) = &*session {
                storage::forget_draft(&login.session);
            }
            storage::forget_voter_session(&scope);
            storage::forget_pending_vote(&scope);
            session.set(None);
            changing.set(false);
            notice.set((Tone::Info, None));
        })
    };
    let on_change = {
        let (changing, notice) = (changing.clone(), notice.clone());
        Callback::from(move |change: bool| {
            changing.set(change);
            notice.set((Tone::Info, None));
        })
    };
    // One cast, from either ballot: the old form's candidate or a ballot of questions.
    let cast = {
        let (live, session, me) = (live.clone(), session.clone(), me.clone());
        let (sending, notice, changing) = (sending.clone(), notice.clone(), changing.clone());
        let (casting, scope, i18n) = (casting.clone(), scope.clone(), i18n.clone());
        let (sealing, cast_code) = (sealing.clone(), cast_code.clone());
        Callback::from(
            move |(candidate_id, answers, sealed): (
                Option<CandidateId>,
                Option<Answers>,
                Option<SealedJson>,
            )| {
                let Some(login) = (*session).clone() else {
                    return;
                };
                let code = sealed.as_ref().map(SealedJson::tracking_code);
                let replacing = me.as_ref().is_some_and(|me| me.has_voted);
                // The click time is read now, from the synchronised clock, not at render time.
                let click_time_ms = server_now(js_sys::Date::now(), live.offset_ms());
                let (_, lamport) = live.lamport.send();
                live.dispatch(Action::LamportSent(lamport));
                // One click, one write: its key is kept for every retry of this vote only.
                let write = PendingWrite::new(VoteBody {
                    session: login.session.clone(),
                    candidate_id,
                    answers,
                    sealed,
                    lamport,
                    click_time_ms,
                });
                sending.set(candidate_id);
                casting.set(candidate_id.is_none());
                say(&notice, Tone::Info, i18n.t("notice-sending"));
                let thanks = i18n.t(if replacing {
                    "notice-replaced"
                } else {
                    "notice-counted"
                });
                let (dispatch, me, sending, notice) = (
                    live.dispatcher(),
                    me.clone(),
                    sending.clone(),
                    notice.clone(),
                );
                let (changing, casting, scope) = (changing.clone(), casting.clone(), scope.clone());
                let (sealing, cast_code) = (sealing.clone(), cast_code.clone());
                spawn_local(async move {
                    let voter = login.voter_id;
                    if send_vote(scope.clone(), write, login, dispatch, me, notice, thanks).await {
                        if let Some(code) = code {
                            sealing::save_tracking(&scope, voter, &code);
                            cast_code.set(Some(code));
                        }
                        sealing.set(None);
                        changing.set(false);
                    }
                    sending.set(None);
                    casting.set(false);
                });
            },
        )
    };
    let on_vote = cast.reform(|candidate_id| (Some(candidate_id), None, None));
    let on_cast = cast.reform(|answers| (None, Some(answers), None));
    let on_cast_sealed = cast.reform(|sealed| (None, None, Some(sealed)));

    // The election's language is the negotiation's last resort; it is known only now.
    {
        let election_lang = match &*definition {
            Definition::Known(view) => Lang::from_language(view.language),
            _ => None,
        };
        let i18n = i18n.clone();
        use_effect_with(election_lang, move |election_lang| {
            if let Some(lang) = *election_lang {
                i18n.follow_election(lang);
            }
        });
    }

    // The election's wording in the page's language; ids and answers stay the same.
    let shown = match (&props.election, &*definition) {
        (Some(id), Definition::Missing) => return no_such_election(id),
        (election, definition) => {
            Shown::of(election.as_ref(), definition, &i18n, &classic_candidates)
        }
    };
    let loading = props.election.is_some() && *definition == Definition::Loading;
    // A verifiable election's reviewed ballot is sealed here before it is cast.
    let verifiable = !shown.options.secrecy.is_open();
    let on_cast = if verifiable {
        let sealing = sealing.clone();
        Callback::from(move |answers: Answers| sealing.set(Some(answers)))
    } else {
        on_cast
    };

    let accepting = accepting_votes(live.phase, live.deadline_ms, server_now_ms);
    let voted = me.as_ref().is_some_and(|me| me.has_voted);
    let voter_section = match ((*session).clone(), shown.options.login) {
        _ if loading => html! { <p class="muted">{ i18n.t("voter-loading") }</p> },
        (None, LoginMethod::NameAndId) => html! {
            <LoginForm busy={*busy} on_login={on_login} on_register={on_register}
                self_registration={shown.options.self_registration}
                login_error={about(&refusal, Form::Login)}
                register_error={about(&refusal, Form::Register)} />
        },
        (None, LoginMethod::Credential) => html! {
            <CredentialForm busy={*busy} on_login={on_credential}
                error={about(&refusal, Form::Credential)} />
        },
        // A verifiable election's reviewed ballot, sealed, until it is cast.
        (Some(_), _) if verifiable && (!voted || *changing) && sealing.is_some() => html! {
            <Sealing scope={scope.clone()} questions={shown.questions.clone()}
                answers={(*sealing).clone().unwrap_or_default()}
                enabled={accepting && me.is_some()} sending={*casting}
                on_cast={on_cast_sealed}
                on_change={{
                    let sealing = sealing.clone();
                    Callback::from(move |()| sealing.set(None))
                }} />
        },
        // A ballot of questions until it is counted; then the same receipt as any ballot.
        (Some(login), _) if !shown.questions.is_empty() && (!voted || *changing) => html! {
            <QuestionPanel login={login} me={(*me).clone()} questions={shown.questions.clone()}
                phase={live.phase} accepting={accepting} sending={*casting}
                on_cast={on_cast} on_logout={on_logout}
                changing={*changing} on_change={on_change} sealed={verifiable} />
        },
        (Some(login), _) => html! {
            <VoterPanel login={login} me={(*me).clone()} candidates={shown.candidates.clone()}
                phase={live.phase} accepting={accepting} sending={*sending}
                on_vote={on_vote} on_logout={on_logout}
                revoting={shown.options.revoting} changing={*changing} on_change={on_change} />
        },
    };

    let results = live.results.clone();
    html! {
        <main class={page_classes("voter", live.connection)}>
            <PageHeader title={shown.title.clone()} phase={live.phase} connection={live.connection}>
                <DisplaySettings />
            </PageHeader>
            if !shown.description.is_empty() {
                <p class="election-description" data-testid="description">{ &shown.description }</p>
            }
            <div class="row spread wrap">
                <Countdown phase={live.phase} deadline_ms={live.deadline_ms} server_now_ms={server_now_ms} />
                <p class="clock muted" data-testid="clock-offset">
                    { match live.clock {
                        Some(sample) => i18n.t_args("clock-offset", &[
                            ("offset", offset(sample.offset_ms).into()),
                            ("margin", (sample.rtt_ms / 2 + 1).into()),
                        ]),
                        None => i18n.t("clock-synchronising"),
                    } }
                </p>
            </div>
            <DeadlineWarning phase={live.phase} deadline_ms={live.deadline_ms}
                server_now_ms={server_now_ms} still_voting={!voted || *changing} />
            // Above the forms, so that on a phone the answer to a tap is on screen.
            <Notice tone={notice.0} text={notice.1.clone().map(AttrValue::from)} />
            { voter_section }
            if let (Some(receipt), true) = ((*receipt).clone(), voted && !*changing) {
                <ReceiptCard receipt={receipt} check={(*check).clone()} on_verify={start_check}
                    audit_href={format!("/e/{}/audit", scope.id())} sealed={verifiable} />
            }
            if let (Some(code), true) = (
                (*cast_code).clone().or_else(|| (*tracking).clone()),
                verifiable && voted && !*changing,
            ) {
                <TrackingCard code={code} audit_href={format!("/e/{}/audit", scope.id())} />
            }
            if let Some(results) = results {
                <section class="card results" aria-labelledby="results-title">
                    <h2 id="results-title">{ i18n.t("results-title") }</h2>
                    <ResultsSummary results={results} />
                </section>
            }
            <p class="muted page-links">
                if let Some(id) = props.election.clone() {
                    <a href="/elections">{ i18n.t("link-all-elections") }</a>{ " · " }
                    <a href={format!("/e/{id}/tally")}>{ i18n.t("link-projector") }</a>{ " · " }
                }
                <a id="audit-link" href={format!("/e/{}/audit", scope.id())}>{ i18n.t("link-audit") }</a>
            </p>
        </main>
    }
}
