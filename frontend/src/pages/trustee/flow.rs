//! The trustee page's state between polls and what one poll does: read the public view,
//! send the part waiting to go, else move the key on as far as the board allows
//! ([`super::ceremony`]); and the status line that says what just happened.

use std::cell::RefCell;
use std::rc::Rc;

use shared::secrecy::ceremony::TrusteeKey;
use shared::secrecy::wire::{SecrecyView, TrusteeMe};
use shared::secrecy::ProofError;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::ceremony::{self, FileTrouble, Next, Outgoing, Pending, Sent, Trouble};
use crate::api::ApiError;
use crate::download::Download;

/// What the page says about the last thing it did: kept as data, worded when shown.
#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    /// A sentence of the page (its key).
    Said(&'static str),
    /// The server refused or could not be reached.
    Api(ApiError),
    Trouble(Trouble),
    File(FileTrouble),
}

impl Status {
    fn is_error(&self) -> bool {
        !matches!(self, Status::Said(_))
    }
}

/// The page's memory between polls, outside the render (the interval reads it).
#[derive(Default)]
pub struct Memory {
    pub key: Option<TrusteeKey>,
    pub pending: Option<Pending>,
    polling: bool,
}

/// The handles a poll and the buttons share.
#[derive(Clone)]
pub struct Handles {
    pub election: String,
    pub token: String,
    pub me: TrusteeMe,
    pub memory: Rc<RefCell<Memory>>,
    pub view: UseStateHandle<Option<SecrecyView>>,
    pub status: UseStateHandle<Option<Status>>,
    pub download: UseStateHandle<Option<Download>>,
    pub ready: UseStateHandle<bool>,
}

impl Handles {
    /// Keeps `key` and offers it as a file at once.
    pub fn keep(&self, key: TrusteeKey) {
        let file = Download::from_text(
            &ceremony::file_text(&key),
            "application/json",
            ceremony::file_name(&key),
        );
        let ready = key.is_ready();
        // Memory first: the renders the handles ask for read it.
        self.memory.borrow_mut().key = Some(key);
        self.download.set(Some(file));
        self.ready.set(ready);
    }

    /// One poll: the view, then the pending part, else the next step the board allows.
    pub fn poll(&self) {
        if std::mem::replace(&mut self.memory.borrow_mut().polling, true) {
            return;
        }
        let this = self.clone();
        spawn_local(async move {
            match ceremony::secrecy(&this.election).await {
                Ok(view) => {
                    this.view.set(Some(view.clone()));
                    this.step(&view).await;
                }
                Err(err) => this.status.set(Some(Status::Api(err))),
            }
            this.memory.borrow_mut().polling = false;
        });
    }

    async fn step(&self, view: &SecrecyView) {
        let pending = self.memory.borrow().pending.clone();
        if let Some(pending) = pending {
            return self.send(pending).await;
        }
        let key = self.memory.borrow().key.clone();
        let Some(key) = key else { return };
        match ceremony::advance(&key, view) {
            Ok(Next::Wait) => {}
            Ok(Next::Keep(key)) => {
                self.keep(key);
                self.status
                    .set(Some(Status::Said("audit-trustee-key-ready")));
            }
            Ok(Next::Send(pending)) => {
                self.memory.borrow_mut().pending = Some(pending.clone());
                self.send(pending).await;
            }
            Err(trouble) => self.status.set(Some(Status::Trouble(trouble))),
        }
    }

    /// Sends a pending part; keeps its key once the server has the part.
    async fn send(&self, pending: Pending) {
        let sent = ceremony::send(
            &pending.part,
            &self.election,
            &self.token,
            self.me.trustee_id,
        );
        match sent.await {
            Sent::Taken => {
                self.memory.borrow_mut().pending = None;
                let said = match pending.part {
                    Outgoing::Decryption(_) => "audit-trustee-decrypted-mine",
                    _ => "audit-trustee-sent",
                };
                self.keep(pending.key);
                self.status.set(Some(Status::Said(said)));
                if let Ok(view) = ceremony::secrecy(&self.election).await {
                    self.view.set(Some(view));
                }
            }
            Sent::Retry(err) => self.status.set(Some(Status::Api(err))),
            Sent::Refused(err) => {
                let commitment = matches!(pending.part, Outgoing::Commitment(_));
                {
                    let mut memory = self.memory.borrow_mut();
                    memory.pending = None;
                    // A commitment refused for good leaves a key the board will never match.
                    if commitment {
                        memory.key = None;
                    }
                }
                if commitment {
                    self.download.set(None);
                }
                self.status.set(Some(Status::Api(err)));
            }
        }
    }
}

/// The line that says what just happened: a live region, so a screen reader hears each step.
pub fn status_html(i18n: &crate::i18n::I18n, status: Option<&Status>) -> Html {
    let Some(status) = status else {
        return html! { <p class="notice" role="status" aria-live="polite" data-testid="trustee-status"></p> };
    };
    let (text, detail): (String, Option<String>) = match status {
        Status::Said(key) => (i18n.t(key), None),
        Status::Api(err) => (err.describe(), None),
        Status::Trouble(Trouble::NoRandomness) => (i18n.t("audit-trustee-no-randomness"), None),
        Status::Trouble(Trouble::Proof(ProofError { at, problem })) => (
            i18n.t("audit-trustee-proof-failed"),
            Some(format!("{at}: {problem}")),
        ),
        Status::File(why) => (
            i18n.t(match why {
                FileTrouble::Unreadable => "audit-trustee-file-unreadable",
                FileTrouble::OtherElection => "audit-trustee-file-other-election",
                FileTrouble::OtherTrustee => "audit-trustee-file-other-trustee",
            }),
            None,
        ),
    };
    let (class, role) = if status.is_error() {
        ("notice notice-error", "alert")
    } else {
        ("notice notice-info", "status")
    };
    html! {
        <p class={class} role={role} aria-live="polite" data-testid="trustee-status">
            { text }
            if let Some(detail) = detail {
                { " " }<span translate="no">{ detail }</span>
            }
        </p>
    }
}
