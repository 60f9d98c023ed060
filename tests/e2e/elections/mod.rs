//! Elections as data in the browser, and what their tests share.
//!
//! - [`credentials`]: the admin creates an election through the form, imports a roll by
//!   pasting CSV and saves the credentials file the page built; a voter logs in with one,
//!   votes and changes their vote; a replaced credential, the projector, the public list and
//!   the exports follow; the admin stops and publishes and everyone sees the winner; the
//!   audit page's bulletin board marks the replaced ballot and its recount matches.
//! - [`name_and_id`]: an election whose voters log in by name and id, without re-voting; an
//!   unknown election.

mod credentials;
mod name_and_id;

use fantoccini::Client;
use serde_json::json;

pub use crate::helpers::wait_gone;
use crate::helpers::{click, find, screenshot, type_into, wait_enabled, wait_text, Text};

/// Five voters; one name holds a comma, so the credentials file must quote it.
pub const ROLL: &str = "name,email,external_id\n\
                        Ann Smith,ann@example.org,A-1\n\
                        \"Bo, the Second\",bo@example.org,\n\
                        Cy,,C-3\n\
                        Di,di@example.org,D-4\n\
                        Ed,ed@example.org,E-5\n";

/// The text behind a link the page made (`blob:` URL), fetched inside the page: it is exactly
/// what the browser would save.
pub async fn linked_text(client: &Client, css: &str) -> String {
    let script = r#"
const [css] = arguments; const done = arguments[arguments.length - 1];
fetch(document.querySelector(css).href).then((r) => r.text()).then(done, (e) => done(`error: ${e}`));
"#;
    let text = client
        .execute_async(script, vec![json!(css)])
        .await
        .unwrap_or_else(|err| panic!("reading the file behind {css}: {err}"));
    text.as_str().expect("the file as text").to_string()
}

/// A field's current value.
pub async fn value(client: &Client, css: &str) -> String {
    find(client, css)
        .await
        .prop("value")
        .await
        .expect("reading a field")
        .unwrap_or_default()
}

/// Clicks a button that asks first, then its confirmation.
pub async fn confirm(client: &Client, id: &str) {
    wait_enabled(client, &format!("#{id}")).await;
    click(client, &format!("#{id}")).await;
    click(client, &format!("#{id}-confirm")).await;
}

/// Logs in at `/e/{id}` with a credential typed (pasted) into the one field; `shot` names a
/// screenshot of the login form.
pub async fn log_in_with(
    client: &Client,
    base: &str,
    id: &str,
    credential: &str,
    name: &str,
    shot: Option<&str>,
) {
    client
        .goto(&format!("{base}/e/{id}"))
        .await
        .expect("opening the election's voter page");
    find(client, "#credential").await;
    if let Some(shot) = shot {
        wait_text(client, "[data-testid=connection]", Text::Contains("Live")).await;
        screenshot(client, shot).await;
    }
    type_into(client, "#credential", credential).await;
    click(client, "#credential-submit").await;
    wait_text(
        client,
        "[data-testid=who]",
        Text::Contains(&format!("Logged in as {name}")),
    )
    .await;
}
