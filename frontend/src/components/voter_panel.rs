//! The logged-in voter's panel: who they are, then either the ballot or the receipt. Where the
//! election allows re-voting, the receipt offers "Change my vote", which brings the ballot
//! back; the last vote is the one that counts.

use fluent_bundle::FluentValue;
use shared::dto::{LoginResponse, MeResponse};
use shared::elections::ElectionCandidate;
use shared::{CandidateId, Phase};
use yew::prelude::*;

use crate::components::ballot::Ballot;
use crate::i18n::{use_i18n, I18n};

#[derive(Properties, PartialEq)]
pub struct VoterPanelProps {
    pub login: LoginResponse,
    /// The server's word on whether this voter has voted; `None` until it answers, and the
    /// ballot stays disabled meanwhile so nobody votes twice by racing the page.
    pub me: Option<MeResponse>,
    pub candidates: Vec<ElectionCandidate>,
    pub phase: Phase,
    /// Open and before the deadline, by the server's clock.
    pub accepting: bool,
    pub sending: Option<CandidateId>,
    pub on_vote: Callback<CandidateId>,
    pub on_logout: Callback<()>,
    /// The election lets a voter vote again (the last vote counts).
    #[prop_or_default]
    pub revoting: bool,
    /// The voter chose "Change my vote": the ballot is shown again over the receipt.
    #[prop_or_default]
    pub changing: bool,
    /// `true`: "Change my vote"; `false`: "Keep my vote" (back to the receipt).
    #[prop_or_default]
    pub on_change: Callback<bool>,
}

/// Why the ballot cannot be used right now, if it cannot (a ballot of questions says the same).
pub(crate) fn ballot_note(i18n: &I18n, phase: Phase, accepting: bool) -> Option<String> {
    let key = match phase {
        Phase::Setup => "ballot-note-setup",
        Phase::Open if !accepting => "ballot-note-deadline",
        Phase::Open => return None,
        Phase::Closed | Phase::Published => "ballot-note-closed",
    };
    Some(i18n.t(key))
}

/// Where a name goes in a sentence before it is put there: a private-use character, which no
/// message contains (a name that did would still split at the first one, the marker).
const NAME_MARK: &str = "\u{E000}";

/// Message `key` with a person's name as its `$name`, the name marked as data so a
/// translating browser leaves it alone: the message is formatted with a marker in the
/// name's place, then split around it.
pub(crate) fn with_name(
    i18n: &I18n,
    key: &str,
    name: &str,
    args: &[(&str, FluentValue<'_>)],
) -> Html {
    let mut all = vec![("name", FluentValue::from(NAME_MARK))];
    all.extend(args.iter().cloned());
    let text = i18n.t_args(key, &all);
    match text.split_once(NAME_MARK) {
        Some((before, after)) => html! {
            <>{ before }<span translate="no">{ name }</span>{ after }</>
        },
        None => Html::from(text),
    }
}

/// "Logged in as Ann (voter #3)", with the logout button beside it (both panels).
pub(crate) fn who_and_logout(
    i18n: &I18n,
    login: &LoginResponse,
    on_logout: Callback<MouseEvent>,
) -> Html {
    let who = with_name(
        i18n,
        "panel-who",
        &login.name,
        &[("id", login.voter_id.into())],
    );
    html! {
        <div class="row spread">
            <p data-testid="who">{ who }</p>
            <button type="button" class="link" onclick={on_logout}>{ i18n.t("panel-logout") }</button>
        </div>
    }
}

#[component]
pub fn VoterPanel(props: &VoterPanelProps) -> Html {
    let i18n = use_i18n();
    let on_logout = props.on_logout.reform(|_: MouseEvent| ());
    let voted = props.me.as_ref().filter(|me| me.has_voted);
    let ballot = html! {
        <Ballot candidates={props.candidates.clone()}
            enabled={props.accepting && props.me.is_some()}
            sending={props.sending} on_vote={props.on_vote.clone()} />
    };
    let body = match voted {
        Some(_) if props.changing && props.revoting => html! {
            <>
                <h2 id="ballot-title">{ i18n.t("change-title") }</h2>
                <p class="muted">{ i18n.t("change-intro") }</p>
                if let Some(note) = ballot_note(&i18n, props.phase, props.accepting) {
                    <p class="muted">{ note }</p>
                }
                { ballot }
                <button id="keep-vote" type="button" class="link"
                    disabled={props.sending.is_some()}
                    onclick={props.on_change.reform(|_: MouseEvent| false)}>
                    { i18n.t("keep-vote") }
                </button>
            </>
        },
        Some(me) => html! {
            <div class="confirmation" data-testid="confirmation">
                <h2 id="ballot-title">{ i18n.t("voted-title") }</h2>
                <p>{ i18n.t("voted-private") }</p>
                <p>
                    { i18n.t("voted-receipt") }{ " " }
                    <strong class="mono" data-testid="receipt">
                        { me.vote_seq.map_or_else(|| i18n.t("voted-pending"), |seq| format!("#{seq}")) }
                    </strong>
                </p>
                if props.revoting && props.accepting {
                    <button id="change-vote" type="button"
                        onclick={props.on_change.reform(|_: MouseEvent| true)}>
                        { i18n.t("change-vote") }
                    </button>
                }
            </div>
        },
        None => html! {
            <>
                <h2 id="ballot-title">{ i18n.t("choose-candidate") }</h2>
                if let Some(note) = ballot_note(&i18n, props.phase, props.accepting) {
                    <p class="muted">{ note }</p>
                }
                { ballot }
            </>
        },
    };
    html! {
        <section class="card" aria-labelledby="ballot-title">
            { who_and_logout(&i18n, &props.login, on_logout) }
            { body }
        </section>
    }
}
