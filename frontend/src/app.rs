//! The routes and the root component.
//!
//! The three dashboards are separate pages for their users (a voter never navigates to the
//! tally), so the route is read once from `location.pathname` instead of pulling in a router:
//! every node answers `index.html` for these paths and the wasm picks the page.

use yew::prelude::*;

use crate::pages::{admin::AdminPage, tally::TallyPage, voter::VoterPage};

/// The pages of the app, one per URL path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// `/`: log in or register, vote, see the receipt and the results.
    Voter,
    /// `/admin`: run the election.
    Admin,
    /// `/tally`: the projector view.
    Tally,
    /// Anything else.
    NotFound,
}

impl Route {
    /// Reads a route from a URL path; a trailing slash and `index.html` are tolerated because
    /// people type both.
    pub fn from_path(path: &str) -> Route {
        let trimmed = path.trim_end_matches('/');
        let trimmed = trimmed.strip_suffix("/index.html").unwrap_or(trimmed);
        match trimmed {
            "" => Route::Voter,
            "/admin" => Route::Admin,
            "/tally" => Route::Tally,
            _ => Route::NotFound,
        }
    }

    /// The path that leads to this route.
    pub fn path(self) -> &'static str {
        match self {
            Route::Voter | Route::NotFound => "/",
            Route::Admin => "/admin",
            Route::Tally => "/tally",
        }
    }

    /// The document title, so browser tabs and the projector's window are recognisable.
    pub fn title(self) -> &'static str {
        match self {
            Route::Voter => "Ballot: vote",
            Route::Admin => "Ballot: admin",
            Route::Tally => "Ballot: tally",
            Route::NotFound => "Ballot: not found",
        }
    }
}

/// Renders the page for a route.
pub fn switch(route: Route) -> Html {
    match route {
        Route::Voter => html! { <VoterPage /> },
        Route::Admin => html! { <AdminPage /> },
        Route::Tally => html! { <TallyPage /> },
        Route::NotFound => html! {
            <main class="page narrow">
                <h1>{ "Page not found" }</h1>
                <p>
                    <a href={Route::Voter.path()}>{ "Vote" }</a>{ " · " }
                    <a href={Route::Tally.path()}>{ "Tally" }</a>{ " · " }
                    <a href={Route::Admin.path()}>{ "Admin" }</a>
                </p>
            </main>
        },
    }
}

/// The root component.
#[component]
pub fn App() -> Html {
    let route = use_memo((), |_| {
        let path = gloo::utils::window()
            .location()
            .pathname()
            .unwrap_or_default();
        Route::from_path(&path)
    });
    use_effect_with(*route, |route| {
        gloo::utils::document().set_title(route.title());
    });
    switch(*route)
}

#[cfg(test)]
mod tests {
    use super::Route;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn paths_map_to_their_routes() {
        assert_eq!(Route::from_path("/"), Route::Voter);
        assert_eq!(Route::from_path(""), Route::Voter);
        assert_eq!(Route::from_path("/index.html"), Route::Voter);
        assert_eq!(Route::from_path("/admin"), Route::Admin);
        assert_eq!(Route::from_path("/admin/"), Route::Admin);
        assert_eq!(Route::from_path("/tally"), Route::Tally);
        assert_eq!(Route::from_path("/tallyho"), Route::NotFound);
    }

    #[wasm_bindgen_test]
    fn every_route_leads_back_to_itself() {
        for route in [Route::Voter, Route::Admin, Route::Tally] {
            assert_eq!(Route::from_path(route.path()), route);
        }
    }
}
