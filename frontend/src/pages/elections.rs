//! The public list of elections (`/elections`): title, phase, deadline and turnout, each
//! leading to the election's voter page. Fetched once on load: it is a directory, not a live
//! figure, and the election pages it leads to are live.

use shared::elections::ElectionSummary;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api;
use crate::components::election_list::ElectionList;
use crate::components::language_switcher::LanguageSwitcher;
use crate::components::notice::{Notice, Tone};
use crate::i18n::use_i18n;

#[component]
pub fn ElectionsPage() -> Html {
    let i18n = use_i18n();
    let elections = use_state(|| None::<Vec<ElectionSummary>>);
    let error = use_state(|| None::<String>);
    {
        let (elections, error) = (elections.clone(), error.clone());
        use_effect_with((), move |_| {
            spawn_local(async move {
                match api::elections::list().await {
                    Ok(answer) => elections.set(Some(answer.elections)),
                    Err(err) => error.set(Some(err.describe())),
                }
            });
        });
    }
    html! {
        <main class="page">
            <header class="topbar">
                <h1>{ i18n.t("tally-elections-title") }</h1>
                <LanguageSwitcher />
            </header>
            <section class="card" aria-labelledby="list-title">
                <h2 id="list-title">{ i18n.t("tally-elections-choose") }</h2>
                if let Some(list) = (*elections).clone() {
                    <ElectionList elections={list} />
                } else {
                    <p class="muted">{ i18n.t("tally-elections-loading") }</p>
                }
            </section>
            <Notice tone={Tone::Error} text={(*error).clone().map(AttrValue::from)} />
        </main>
    }
}
