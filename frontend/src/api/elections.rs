//! Elections as data: the public list and view of each election, and defining a new one
//! (admin). Bodies are `shared::elections`' types.

use shared::elections::{ElectionRequest, ElectionView, ElectionsResponse};

use super::{get, post, ApiError, PendingWrite};

/// `GET /api/elections`: every election with its phase, deadline and turnout.
pub async fn list() -> Result<ElectionsResponse, ApiError> {
    get("/api/elections", None).await
}

/// `GET /api/admin/elections`: the same list, as the admin's console asks for it (so a wrong
/// token is noticed here rather than on the first write).
pub async fn admin_list(token: &str) -> Result<ElectionsResponse, ApiError> {
    get("/api/admin/elections", Some(token)).await
}

/// `GET /api/elections/{id}`: the title, the ballot with descriptions, the options.
pub async fn show(id: &str) -> Result<ElectionView, ApiError> {
    get(&format!("/api/elections/{id}"), None).await
}

/// `POST /api/admin/elections`: defines a new election (201 with its view). Its id is the
/// request's, or one the server derives from the title.
pub async fn create(
    token: &str,
    write: &PendingWrite<ElectionRequest>,
) -> Result<ElectionView, ApiError> {
    post("/api/admin/elections", Some(token), write).await
}
