//! One component per route. Pages fetch over [`crate::api`], hold the live state from
//! [`crate::ws::use_live_state`], and hand plain data to [`crate::components`].
//!
//! - [`voter`]: log in (by name and id, or by credential) or register, vote (again, where the
//!   election allows it), keep the receipt, see the results.
//! - [`admin`]: the token gate, the console that runs an election, and the elections list
//!   with the form for a new one.
//! - [`tally`]: the projector view.
//! - [`elections`]: the public list of elections.
//! - [`audit`]: the public log's latest checkpoint, a receipt checker and, once published,
//!   the bulletin board with the recount.
//! - [`trustee`]: a trustee's key ceremony and decryption of a verifiable election.
//!
//! The voter, tally and admin pages serve the original election (`/`, `/tally`, `/admin`) and
//! any other (`/e/{id}`, `/e/{id}/tally`, `/admin/e/{id}`): the [`crate::api::Scope`] picks
//! the routes, and [`use_election_view`] fetches what only a defined election has (title,
//! descriptions, options).

pub mod admin;
pub mod audit;
pub mod elections;
pub mod tally;
pub mod trustee;
pub mod voter;

use std::rc::Rc;

use shared::elections::ElectionView;
use shared::rules::counts_before_deadline;
use shared::Phase;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api::{self, ApiError, Scope};
use crate::clock::{server_now, use_clock_sync, use_now_ms};
use crate::state::{Action, Connection, LiveState};

/// The props of a page that shows either the original election or another one.
#[derive(Properties, PartialEq, Clone)]
pub struct ElectionPageProps {
    /// The election of an `/e/{id}` page, already checked by the route; `None` for the
    /// original pages (`/`, `/tally`), which look exactly as they did before elections
    /// became data.
    #[prop_or_default]
    pub election: Option<AttrValue>,
}

impl ElectionPageProps {
    /// The routes this page calls.
    pub fn scope(&self) -> Scope {
        self.election
            .as_deref()
            .and_then(Scope::of)
            .unwrap_or_default()
    }
}

/// What a page knows of its election's definition.
#[derive(Debug, Clone, PartialEq)]
pub enum Definition {
    /// Not answered yet, or the server could not be reached (the next reconnection asks
    /// again).
    Loading,
    /// The server knows no election with this id.
    Missing,
    Known(Rc<ElectionView>),
}

/// The definition of election `id` (`GET /api/elections/{id}`), fetched on load and again
/// after every reconnection (`generation`), so a page left open sees the admin's changes
/// made during setup. Stays [`Definition::Loading`] without an id.
#[hook]
pub fn use_election_view(id: Option<AttrValue>, generation: u32) -> UseStateHandle<Definition> {
    let definition = use_state(|| Definition::Loading);
    {
        let definition = definition.clone();
        use_effect_with((id, generation), move |(id, _)| {
            if let Some(id) = id.clone() {
                spawn_local(async move {
                    match api::elections::show(&id).await {
                        Ok(view) => definition.set(Definition::Known(Rc::new(view))),
                        Err(ApiError::NotFound(_)) => definition.set(Definition::Missing),
                        // Unreachable or busy: keep what the page shows until it reconnects.
                        Err(_) => {}
                    }
                });
            }
        });
    }
    definition
}

/// The election's latest co-signed checkpoint, fetched on load, after every reconnection and
/// at every phase change, and handed to the reducer, where pushed ones also land (the larger
/// tree wins). Returns why the last fetch failed, in words, until one succeeds.
#[hook]
pub fn use_checkpoint(live: &UseReducerHandle<LiveState>, scope: &Scope) -> Option<String> {
    let failure = use_state(|| None::<String>);
    {
        let (dispatch, scope, failure) = (live.dispatcher(), scope.clone(), failure.clone());
        use_effect_with((live.generation, live.phase), move |_| {
            spawn_local(async move {
                match api::log::checkpoint(&scope).await {
                    Ok(checkpoint) => {
                        failure.set(None);
                        dispatch.dispatch(Action::CheckpointLoaded(checkpoint));
                    }
                    Err(err) => failure.set(Some(err.describe())),
                }
            });
        });
    }
    (*failure).clone()
}

/// The first `n` hex digits of a root: enough to compare two screens by eye.
pub fn short_root(root_hash_hex: &str, n: usize) -> String {
    root_hash_hex.chars().take(n).collect()
}

/// Replaces the current history entry by the same page without its fragment: path and query
/// only. Should the browser refuse (it never does for the page's own origin), the fragment
/// is cleared the old way, which leaves an empty `#` but no secret.
pub fn forget_fragment(location: &web_sys::Location) {
    let path = location.pathname().unwrap_or_default();
    let query = location.search().unwrap_or_default();
    let replaced = gloo::utils::history().replace_state_with_url(
        &wasm_bindgen::JsValue::NULL,
        "",
        Some(&format!("{path}{query}")),
    );
    if replaced.is_err() {
        let _ = location.set_hash("");
    }
}

/// A callback that keeps a text field's value in `field` as it is typed.
pub fn text_setter(field: &UseStateHandle<String>) -> Callback<InputEvent> {
    let field = field.clone();
    Callback::from(move |event: InputEvent| {
        field.set(
            event
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .value(),
        )
    })
}

/// The page for an election id the server does not know (a typo, or one not created yet).
pub fn no_such_election(id: &str) -> Html {
    use crate::components::language_switcher::LanguageSwitcher;
    let i18n = crate::i18n::current();
    html! {
        <main class="page narrow">
            <header class="topbar">
                <h1>{ i18n.t("missing-title") }</h1>
                <LanguageSwitcher />
            </header>
            <p data-testid="missing">
                { i18n.t("missing-before-id") }
                <span translate="no">{ id.to_string() }</span>
                { i18n.t("missing-after-id") }
            </p>
            <p><a href="/elections">{ i18n.t("missing-see-all") }</a></p>
        </main>
    }
}

/// The clock every page needs: synchronised with the server, ticking once a second.
/// Returns the server's time now.
#[hook]
pub fn use_server_clock(live: &UseReducerHandle<LiveState>) -> i64 {
    let dispatch = live.dispatcher();
    use_clock_sync(Callback::from(move |sample| {
        dispatch.dispatch(Action::ClockSynced(sample))
    }));
    let local_now = use_now_ms(1000);
    server_now(local_now, live.offset_ms())
}

/// The classes of a page's `<main>`. While the socket is down the live figures are dimmed
/// (`stale`), so a projector never shows frozen numbers as if they were current.
pub fn page_classes(page: &'static str, connection: Connection) -> Classes {
    classes!(
        "page",
        page,
        (connection != Connection::Live).then_some("stale")
    )
}

/// Whether votes can be cast right now, by the server's clock: the phase is open and a click
/// now would count by the server's deadline rule ([`counts_before_deadline`]).
pub fn accepting_votes(phase: Phase, deadline_ms: Option<i64>, server_now_ms: i64) -> bool {
    phase == Phase::Open && counts_before_deadline(server_now_ms, deadline_ms)
}

#[cfg(test)]
mod tests {
    use super::{accepting_votes, page_classes};
    use crate::state::Connection;
    use shared::Phase;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn votes_are_taken_only_while_open_and_before_the_deadline() {
        assert!(accepting_votes(Phase::Open, None, 5));
        assert!(accepting_votes(Phase::Open, Some(10), 9));
        assert!(
            accepting_votes(Phase::Open, Some(10), 10),
            "a click at the deadline counts"
        );
        assert!(!accepting_votes(Phase::Open, Some(10), 11));
        assert!(!accepting_votes(Phase::Setup, None, 0));
        assert!(!accepting_votes(Phase::Closed, Some(10), 0));
    }

    #[wasm_bindgen_test]
    fn figures_are_dimmed_unless_the_socket_is_live() {
        assert!(!page_classes("tally", Connection::Live).contains("stale"));
        assert!(page_classes("tally", Connection::Connecting).contains("stale"));
        let down = Connection::Reconnecting {
            attempt: 1,
            retry_in_ms: 500,
        };
        assert!(page_classes("tally", down).contains("stale"));
        assert!(page_classes("tally", down).contains("tally"));
    }
}
