//! The one WebSocket hook: [`use_live_state`] opens `/ws`, feeds every push into the page's
//! [`LiveState`] reducer, and reconnects by itself with a growing delay when the connection
//! drops (a node restarting, a laptop waking up). The reducer's `connection` field makes the
//! "reconnecting" state visible, and its `generation` tells pages to refetch their snapshots
//! after a reconnection, because pushes sent while disconnected are lost.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use shared::ws::ServerMessage;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{CloseEvent, Event, MessageEvent, WebSocket};
use yew::prelude::*;

use crate::state::{Action, LiveState};

/// The first retry comes quickly (a blip), later ones back off so a down server is not hammered.
const FIRST_RETRY_MS: u32 = 500;
const MAX_RETRY_MS: u32 = 8_000;

/// How long to wait before reconnection attempt number `attempt` (1-based).
pub fn retry_delay_ms(attempt: u32) -> u32 {
    let doublings = attempt.saturating_sub(1).min(16);
    FIRST_RETRY_MS
        .saturating_mul(1 << doublings)
        .min(MAX_RETRY_MS)
}

/// The socket's URL for a page served from `protocol//host`, with the admin token as a query
/// parameter (browsers cannot set headers on a WebSocket).
pub fn ws_url(protocol: &str, host: &str, admin_token: Option<&str>) -> String {
    let scheme = if protocol == "https:" { "wss" } else { "ws" };
    match admin_token {
        Some(token) => {
            let token = String::from(js_sys::encode_uri_component(token));
            format!("{scheme}://{host}/ws?admin_token={token}")
        }
        None => format!("{scheme}://{host}/ws"),
    }
}

/// The socket and the JS callbacks it points to, which must live as long as it does.
struct Connection {
    url: String,
    dispatch: UseReducerDispatcher<LiveState>,
    socket: Option<WebSocket>,
    on_open: Option<Closure<dyn FnMut(Event)>>,
    on_message: Option<Closure<dyn FnMut(MessageEvent)>>,
    on_close: Option<Closure<dyn FnMut(CloseEvent)>>,
    retry: Option<Timeout>,
    attempt: u32,
    /// Set when the page unmounts, so a late close event does not start a new connection.
    stopped: bool,
}

impl Connection {
    /// Detaches and closes the current socket. Only called outside its own callbacks: a
    /// closure must not be dropped while it runs.
    fn release_socket(&mut self) {
        if let Some(socket) = self.socket.take() {
            socket.set_onopen(None);
            socket.set_onmessage(None);
            socket.set_onclose(None);
            let _ = socket.close();
        }
        self.on_open = None;
        self.on_message = None;
        self.on_close = None;
    }
}

fn connect(shared: &Rc<RefCell<Connection>>) {
    let mut this = shared.borrow_mut();
    if this.stopped {
        return;
    }
    this.release_socket();
    let socket = match WebSocket::new(&this.url) {
        Ok(socket) => socket,
        Err(_) => {
            drop(this);
            schedule_retry(shared);
            return;
        }
    };

    let on_open = {
        let shared = Rc::clone(shared);
        Closure::<dyn FnMut(Event)>::new(move |_| {
            let dispatch = {
                let mut this = shared.borrow_mut();
                this.attempt = 0;
                this.dispatch.clone()
            };
            dispatch.dispatch(Action::Connected);
        })
    };
    let on_message = {
        let dispatch = this.dispatch.clone();
        Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let Some(text) = event.data().as_string() else {
                return;
            };
            match serde_json::from_str::<ServerMessage>(&text) {
                Ok(message) => dispatch.dispatch(Action::Server(message)),
                // A newer server may push kinds this build does not know; skip them.
                Err(err) => gloo::console::warn!(format!("ignoring push: {err}")),
            }
        })
    };
    let on_close = {
        let shared = Rc::clone(shared);
        Closure::<dyn FnMut(CloseEvent)>::new(move |_| schedule_retry(&shared))
    };
    socket.set_onopen(Some(on_open.as_ref().unchecked_ref()));
    socket.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    socket.set_onclose(Some(on_close.as_ref().unchecked_ref()));
    this.socket = Some(socket);
    this.on_open = Some(on_open);
    this.on_message = Some(on_message);
    this.on_close = Some(on_close);
}

fn schedule_retry(shared: &Rc<RefCell<Connection>>) {
    let (dispatch, attempt, retry_in_ms) = {
        let mut this = shared.borrow_mut();
        if this.stopped {
            return;
        }
        this.attempt += 1;
        let delay = retry_delay_ms(this.attempt);
        let again = Rc::clone(shared);
        // Replacing the previous timeout is safe: it has fired already, that is why we are here.
        this.retry = Some(Timeout::new(delay, move || connect(&again)));
        (this.dispatch.clone(), this.attempt, delay)
    };
    dispatch.dispatch(Action::Disconnected {
        attempt,
        retry_in_ms,
    });
}

/// The page's live state, kept current by `/ws` (or `/ws?admin_token=…` when a token is
/// given). Changing the token reconnects with the new one.
#[hook]
pub fn use_live_state(admin_token: Option<String>) -> UseReducerHandle<LiveState> {
    let state = use_reducer(LiveState::default);
    let dispatch = state.dispatcher();
    use_effect_with(admin_token, move |admin_token| {
        let location = gloo::utils::window().location();
        let url = ws_url(
            &location.protocol().unwrap_or_default(),
            &location.host().unwrap_or_default(),
            admin_token.as_deref(),
        );
        let shared = Rc::new(RefCell::new(Connection {
            url,
            dispatch,
            socket: None,
            on_open: None,
            on_message: None,
            on_close: None,
            retry: None,
            attempt: 0,
            stopped: false,
        }));
        connect(&shared);
        move || {
            let mut this = shared.borrow_mut();
            this.stopped = true;
            this.retry = None;
            this.release_socket();
        }
    });
    state
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn retries_back_off_up_to_a_ceiling() {
        let delays: Vec<u32> = (1..=7).map(retry_delay_ms).collect();
        assert_eq!(delays, vec![500, 1000, 2000, 4000, 8000, 8000, 8000]);
        assert_eq!(retry_delay_ms(u32::MAX), MAX_RETRY_MS);
    }

    #[wasm_bindgen_test]
    fn the_socket_url_follows_the_page() {
        assert_eq!(
            ws_url("http:", "127.0.0.1:8080", None),
            "ws://127.0.0.1:8080/ws"
        );
        assert_eq!(
            ws_url("https:", "vote.example", None),
            "wss://vote.example/ws"
        );
        assert_eq!(
            ws_url("http:", "h:1", Some("a b&c")),
            "ws://h:1/ws?admin_token=a%20b%26c",
            "the token is escaped"
        );
    }
}
