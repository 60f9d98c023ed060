//! The one WebSocket hook: [`use_live_state`] opens `/ws` (`/ws?election={id}` for an election
//! other than the original one), feeds every push into the page's
//! [`LiveState`] reducer, and reconnects by itself with a growing delay when the connection
//! drops (a node restarting, a laptop waking up). The reducer's `connection` field makes the
//! "reconnecting" state visible, and its `generation` tells pages to refetch their snapshots
//! after a reconnection, because pushes sent while disconnected are lost.
//!
//! The admin token never goes in the URL (proxies and logs keep URLs): the admin page sends it
//! as the first message after every (re)connection, [`ClientMessage::Auth`]. A refused token
//! (close code [`CLOSE_UNAUTHORIZED`]) stops the reconnecting, since the same token would be
//! refused again; a connection closed for being too slow ([`CLOSE_SLOW_CONSUMER`]) simply
//! reconnects, and the new `hello` resynchronises it.
//!
//! The admin console reads every push ([`use_admin_live_state`]); the public pages read only
//! the pushes a public connection gets and they use ([`use_live_state`], [`public`]), so their
//! wasm carries no decoder of the admin's pushes or of the activity feed's lines.

mod public;

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use shared::ws::{ClientMessage, ServerMessage, CLOSE_SLOW_CONSUMER, CLOSE_UNAUTHORIZED};
use shared::ErrorCode;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{CloseEvent, Event, MessageEvent, WebSocket};
use yew::prelude::*;

use crate::api::Scope;
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

/// The socket's URL for a page about `scope`'s election served from `protocol//host`. The
/// same for voters and admins: an admin authenticates with its first message, see
/// [`auth_message`].
pub fn ws_url(protocol: &str, host: &str, scope: &Scope) -> String {
    let scheme = if protocol == "https:" { "wss" } else { "ws" };
    format!("{scheme}://{host}/ws{}", scope.ws_query())
}

/// The first message an admin page sends once the socket is open.
pub fn auth_message(admin_token: &str) -> String {
    let message = ClientMessage::Auth {
        admin_token: admin_token.to_owned(),
    };
    // Serialising a struct of one string cannot fail.
    serde_json::to_string(&message).unwrap_or_default()
}

/// What to do when the socket closes with `code`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterClose {
    /// Connect again after the usual back-off: a node restarting, a network blip, or a
    /// connection the server dropped for being too slow (4008), which reconnecting resyncs.
    Reconnect,
    /// The admin token was refused (4001): stop, and let the page ask for the token again.
    Stop,
}

pub fn after_close(code: u16) -> AfterClose {
    match code {
        CLOSE_UNAUTHORIZED => AfterClose::Stop,
        CLOSE_SLOW_CONSUMER => AfterClose::Reconnect,
        _ => AfterClose::Reconnect,
    }
}

/// The socket and the JS callbacks it points to, which must live as long as it does.
struct Connection {
    url: String,
    /// Sent as the first message of every connection, so each reconnection is an admin one.
    admin_token: Option<String>,
    /// The server refused the token (an `admin_unauthorized` error): do not reconnect.
    refused: bool,
    dispatch: UseReducerDispatcher<LiveState>,
    /// What a push says to the page (`None`: nothing for this page).
    decode: Decode,
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
                if let (Some(socket), Some(token)) = (&this.socket, &this.admin_token) {
                    // A failed send closes the socket, and the close handler reconnects.
                    let _ = socket.send_with_str(&auth_message(token));
                }
                this.dispatch.clone()
            };
            dispatch.dispatch(Action::Connected);
        })
    };
    let on_message = {
        let (dispatch, shared) = (this.dispatch.clone(), Rc::clone(shared));
        Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let Some(text) = event.data().as_string() else {
                return;
            };
            let decode = shared.borrow().decode;
            match decode(&text) {
                Ok(None) => {}
                Ok(Some(action)) => {
                    if let Action::Server(ServerMessage::Error { error, message }) = &action {
                        gloo::console::warn!(format!("the server refused: {error}: {message}"));
                        if *error == ErrorCode::AdminUnauthorized {
                            shared.borrow_mut().refused = true;
                        }
                    }
                    dispatch.dispatch(action);
                }
                // A newer server may push kinds this build does not know; skip them.
                Err(err) => gloo::console::warn!(format!("ignoring push: {err}")),
            }
        })
    };
    let on_close = {
        let shared = Rc::clone(shared);
        Closure::<dyn FnMut(CloseEvent)>::new(move |event: CloseEvent| {
            // Only an admin connection can be refused; a public page always reconnects.
            let refused = {
                let this = shared.borrow();
                this.admin_token.is_some()
                    && (this.refused || after_close(event.code()) == AfterClose::Stop)
            };
            if refused {
                let dispatch = {
                    let mut this = shared.borrow_mut();
                    this.stopped = true;
                    this.dispatch.clone()
                };
                dispatch.dispatch(Action::AdminRefused);
            } else {
                schedule_retry(&shared);
            }
        })
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

/// A push read into what it tells the page: `None` when it tells this page nothing.
type Decode = fn(&str) -> Result<Option<Action>, String>;

/// Every push, as the admin console reads them.
fn every_push(text: &str) -> Result<Option<Action>, String> {
    let message = serde_json::from_str::<ServerMessage>(text).map_err(|err| err.to_string())?;
    Ok(Some(Action::Server(message)))
}

/// The admin console's live state: every push, the admin's included once `admin_token` is
/// accepted.
#[hook]
pub fn use_admin_live_state(
    admin_token: Option<String>,
    scope: Scope,
) -> UseReducerHandle<LiveState> {
    use_live(admin_token, scope, every_push)
}

/// A public page's live state (voter, tally, audit): the pushes of a public connection.
#[hook]
pub fn use_live_state(scope: Scope) -> UseReducerHandle<LiveState> {
    use_live(None, scope, public::public_push)
}

/// The page's live state for `scope`'s election, kept current by `/ws`, each push read by
/// `decode`. With a token, every connection starts with an `auth` message carrying it.
/// Changing the token or the election reconnects.
#[hook]
fn use_live(
    admin_token: Option<String>,
    scope: Scope,
    decode: Decode,
) -> UseReducerHandle<LiveState> {
    let state = use_reducer(LiveState::default);
    let dispatch = state.dispatcher();
    use_effect_with((admin_token, scope), move |(admin_token, scope)| {
        let location = gloo::utils::window().location();
        let url = ws_url(
            &location.protocol().unwrap_or_default(),
            &location.host().unwrap_or_default(),
            scope,
        );
        let shared = Rc::new(RefCell::new(Connection {
            url,
            admin_token: admin_token.clone(),
            refused: false,
            dispatch,
            decode,
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
    fn the_socket_url_follows_the_page_and_never_carries_a_token() {
        let original = Scope::Original;
        assert_eq!(
            ws_url("http:", "127.0.0.1:8080", &original),
            "ws://127.0.0.1:8080/ws"
        );
        assert_eq!(
            ws_url("https:", "vote.example", &original),
            "wss://vote.example/ws"
        );
        let board = Scope::Election("board-2027".into());
        assert_eq!(
            ws_url("http:", "127.0.0.1:8080", &board),
            "ws://127.0.0.1:8080/ws?election=board-2027"
        );
    }

    #[wasm_bindgen_test]
    fn the_admin_token_goes_in_the_first_message() {
        let text = auth_message("a b\"&c");
        assert_eq!(text, r#"{"type":"auth","admin_token":"a b\"&c"}"#);
        let parsed: ClientMessage = serde_json::from_str(&text).unwrap();
        assert_eq!(
            parsed,
            ClientMessage::Auth {
                admin_token: "a b\"&c".into()
            }
        );
    }

    #[wasm_bindgen_test]
    fn a_refused_token_stops_reconnecting_and_a_slow_consumer_reconnects() {
        assert_eq!(after_close(CLOSE_UNAUTHORIZED), AfterClose::Stop);
        assert_eq!(after_close(4001), AfterClose::Stop);
        assert_eq!(after_close(CLOSE_SLOW_CONSUMER), AfterClose::Reconnect);
        assert_eq!(after_close(4008), AfterClose::Reconnect);
        assert_eq!(
            after_close(1006),
            AfterClose::Reconnect,
            "a dropped network"
        );
        assert_eq!(
            after_close(1001),
            AfterClose::Reconnect,
            "a node going away"
        );
    }
}
