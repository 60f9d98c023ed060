//! One component per route. Pages fetch over [`crate::api`], hold the live state from
//! [`crate::ws::use_live_state`], and hand plain data to [`crate::components`].
//!
//! - [`voter`]: log in or register, vote once, keep the receipt, see the results.
//! - [`admin`]: the token gate and the console that runs the election.
//! - [`tally`]: the projector view.

pub mod admin;
pub mod tally;
pub mod voter;

use shared::rules::counts_before_deadline;
use shared::Phase;
use yew::prelude::*;

use crate::clock::{server_now, use_clock_sync, use_now_ms};
use crate::state::{Action, Connection, LiveState};

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
