//! Typed JSON answers.

use serde::de::DeserializeOwned;

/// Sends `request` and reads its JSON body as `T`, whatever the status.
pub async fn fetch_json<T: DeserializeOwned>(
    request: reqwest::RequestBuilder,
) -> reqwest::Result<T> {
    request.send().await?.json().await
}
