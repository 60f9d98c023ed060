//! Where the key ceremony and the decryption stand, trustee by trustee: shown to the trustees
//! (audit app, words from `audit`) and on the admin's console (words from `admin`), so the
//! words are looked up under the page's `prefix`.

use shared::secrecy::wire::{SecrecyView, SecretStage};
use yew::prelude::*;

use crate::i18n::{use_i18n, I18n};

/// The key of `stage`'s sentence, under `prefix` (`audit` or `admin`).
pub fn stage_key(prefix: &str, stage: SecretStage) -> String {
    let name = match stage {
        SecretStage::NoTrustees => "no-trustees",
        SecretStage::Commitments => "commitments",
        SecretStage::Polynomials => "polynomials",
        SecretStage::Shares => "shares",
        SecretStage::KeyPublished => "key-published",
        SecretStage::Decrypting => "decrypting",
        SecretStage::Decrypted => "decrypted",
    };
    format!("{prefix}-stage-{name}")
}

/// How many more decryptions the result needs, and the names of the trustees who have not
/// sent theirs (any of them will do).
pub fn still_needed(view: &SecrecyView) -> (u64, Vec<String>) {
    let done = view.trustees.iter().filter(|t| t.decrypted).count() as u64;
    let needed = u64::from(view.threshold).saturating_sub(done);
    let names = view
        .trustees
        .iter()
        .filter(|t| !t.decrypted)
        .map(|t| t.name.clone())
        .collect();
    (needed, names)
}

/// "Sealed: waiting for 2 more trustees: Alice, Bob" (the names are data).
pub fn sealed_line(i18n: &I18n, prefix: &str, view: &SecrecyView) -> Html {
    let (needed, names) = still_needed(view);
    let waiting = i18n.t_args(
        &format!("{prefix}-sealed-waiting"),
        &[("count", needed.into())],
    );
    html! {
        <p data-testid="sealed-waiting">
            { waiting }{ " " }<span translate="no">{ names.join(", ") }</span>
        </p>
    }
}

#[derive(Properties, PartialEq)]
pub struct TrusteeProgressProps {
    pub view: SecrecyView,
    /// `audit` or `admin`: the area the words come from.
    pub prefix: AttrValue,
    /// The trustee looking, marked in the table.
    #[prop_or_default]
    pub me: Option<u32>,
}

/// The stage in words, then a row per trustee with the parts the log has from them.
#[component]
pub fn TrusteeProgress(props: &TrusteeProgressProps) -> Html {
    let i18n = use_i18n();
    let prefix = props.prefix.as_str();
    let key = |name: &str| format!("{prefix}-trustee-{name}");
    let view = &props.view;
    let mut trustees: Vec<_> = view.trustees.iter().collect();
    trustees.sort_by_key(|t| t.trustee_id);
    let cell = |has: bool| {
        let word = i18n.t(&key(if has { "part-in" } else { "part-missing" }));
        html! { <td class={classes!(if has { "good" } else { "muted" })}>{ word }</td> }
    };
    let closed = matches!(view.stage, SecretStage::Decrypting | SecretStage::Decrypted);
    html! {
        <>
            <p data-testid="secret-stage" data-stage={format!("{:?}", view.stage)}>
                { i18n.t(&stage_key(prefix, view.stage)) }
            </p>
            if !trustees.is_empty() {
                <div class="table-scroll" tabindex="0">
                <table class="trustees" data-testid="trustee-progress">
                    <thead><tr>
                        <th scope="col">{ i18n.t(&key("col-trustee")) }</th>
                        <th scope="col">{ i18n.t(&key("col-commitment")) }</th>
                        <th scope="col">{ i18n.t(&key("col-polynomial")) }</th>
                        <th scope="col">{ i18n.t(&key("col-shares")) }</th>
                        if closed {
                            <th scope="col">{ i18n.t(&key("col-decryption")) }</th>
                        }
                    </tr></thead>
                    <tbody>
                        { for trustees.iter().map(|t| html! {
                            <tr key={t.trustee_id} data-trustee={t.trustee_id.to_string()}>
                                <th scope="row">
                                    <span translate="no">{ t.name.clone() }</span>
                                    if props.me == Some(t.trustee_id) {
                                        { " " }{ i18n.t(&key("you")) }
                                    }
                                </th>
                                { cell(t.commitment.is_some()) }
                                { cell(t.polynomial.is_some()) }
                                { cell(t.shares.is_some()) }
                                if closed {
                                    { cell(t.decrypted) }
                                }
                            </tr>
                        }) }
                    </tbody>
                </table>
                </div>
            }
        </>
    }
}
