//! The routes and the four dashboard apps' root components.
//!
//! The dashboards are separate pages for their users (a voter never navigates to the tally),
//! so the route is read once from `location.pathname` instead of pulling in a router. They are
//! built as four wasm apps, one root component each ([`VoterApp`], [`AdminApp`], [`TallyApp`],
//! [`AuditApp`]); every node answers a page path with its app's HTML entry
//! ([`shared::dashboards::Dashboard::for_path`]) and the app picks the page. Links between
//! pages are plain `<a href>`: a page load per move costs little and keeps every page
//! bookmarkable.

use std::rc::Rc;

use shared::dashboards::Dashboard;
use shared::elections::ElectionId;
use yew::prelude::*;

use crate::api::Scope;
use crate::i18n::{use_i18n, I18n, I18nProvider};
use crate::pages::admin::{AdminPage, AdminScreen};
use crate::pages::audit::AuditPage;
use crate::pages::elections::ElectionsPage;
use crate::pages::trustee::TrusteePage;
use crate::pages::{tally::TallyPage, voter::VoterPage};

/// The pages of the app, one per URL path. The ids in election routes are checked with
/// [`Scope::of`], so a page never sends an id the server could not have made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// `/`: log in or register, vote, see the receipt and the results (original election).
    Voter,
    /// `/admin`: run the original election.
    Admin,
    /// `/tally`: the projector view of the original election.
    Tally,
    /// `/elections`: every election, with its phase and turnout.
    Elections,
    /// `/e/{id}`: the voter's page of one election.
    ElectionVoter(ElectionId),
    /// `/e/{id}/tally`: the projector view of one election.
    ElectionTally(ElectionId),
    /// `/e/{id}/audit`: the public log's checkpoint, receipt checks and the bulletin board
    /// (`/e/default/audit` for the original election).
    ElectionAudit(ElectionId),
    /// `/e/{id}/trustee#token=…`: a trustee's key ceremony and decryption (audit app).
    ElectionTrustee(ElectionId),
    /// `/admin/elections`: the admin's list and the form for a new election.
    AdminElections,
    /// `/admin/e/{id}`: the console of one election.
    AdminElection(ElectionId),
    /// Anything else.
    NotFound,
}

/// `id` as an election route's id, if the server could have made it.
fn election(id: &str, route: fn(ElectionId) -> Route) -> Route {
    match Scope::of(id) {
        Some(_) => route(id.to_string()),
        None => Route::NotFound,
    }
}

impl Route {
    /// Reads a route from a URL path; a trailing slash and `index.html` are tolerated because
    /// people type both.
    pub fn from_path(path: &str) -> Route {
        let trimmed = path.trim_end_matches('/');
        let trimmed = trimmed.strip_suffix("/index.html").unwrap_or(trimmed);
        let segments: Vec<&str> = trimmed.split('/').skip(1).collect();
        match segments.as_slice() {
            [] => Route::Voter,
            ["admin"] => Route::Admin,
            ["tally"] => Route::Tally,
            ["elections"] => Route::Elections,
            ["e", id] => election(id, Route::ElectionVoter),
            ["e", id, "tally"] => election(id, Route::ElectionTally),
            ["e", id, "audit"] => election(id, Route::ElectionAudit),
            ["e", id, "trustee"] => election(id, Route::ElectionTrustee),
            ["admin", "elections"] => Route::AdminElections,
            ["admin", "e", id] => election(id, Route::AdminElection),
            _ => Route::NotFound,
        }
    }

    /// The path that leads to this route.
    pub fn path(&self) -> String {
        match self {
            Route::Voter | Route::NotFound => "/".into(),
            Route::Admin => "/admin".into(),
            Route::Tally => "/tally".into(),
            Route::Elections => "/elections".into(),
            Route::ElectionVoter(id) => format!("/e/{id}"),
            Route::ElectionTally(id) => format!("/e/{id}/tally"),
            Route::ElectionAudit(id) => format!("/e/{id}/audit"),
            Route::ElectionTrustee(id) => format!("/e/{id}/trustee"),
            Route::AdminElections => "/admin/elections".into(),
            Route::AdminElection(id) => format!("/admin/e/{id}"),
        }
    }

    /// The app that renders this route; the server picks the same one from the path
    /// ([`Dashboard::for_path`]), which a test checks for every route.
    pub fn dashboard(&self) -> Dashboard {
        match self {
            Route::Voter | Route::ElectionVoter(_) | Route::NotFound => Dashboard::Voter,
            Route::Admin | Route::AdminElections | Route::AdminElection(_) => Dashboard::Admin,
            Route::Tally | Route::ElectionTally(_) | Route::Elections => Dashboard::Tally,
            Route::ElectionAudit(_) | Route::ElectionTrustee(_) => Dashboard::Audit,
        }
    }

    /// The document title, so browser tabs and the projector's window are recognisable: the
    /// page's name in the page's language, then the election's id.
    pub fn title(&self, i18n: &I18n) -> String {
        let (key, id) = match self {
            Route::Voter => ("title-vote", None),
            Route::Admin => ("title-admin", None),
            Route::Tally => ("title-tally", None),
            Route::Elections => ("title-elections", None),
            Route::ElectionVoter(id) => ("title-vote", Some(id)),
            Route::ElectionTally(id) => ("title-tally", Some(id)),
            Route::ElectionAudit(id) => ("title-audit", Some(id)),
            // Only the audit app renders it, and it loads the `audit` words.
            Route::ElectionTrustee(id) => ("audit-trustee-doc-title", Some(id)),
            Route::AdminElections => ("title-admin-elections", None),
            Route::AdminElection(id) => ("title-admin", Some(id)),
            Route::NotFound => ("title-not-found", None),
        };
        let name = i18n.t(key);
        match id {
            Some(id) => format!("{name} · {id}"),
            None => name,
        }
    }
}

/// Reads the route once from `location.pathname` and keeps the document title in step.
#[hook]
fn use_route() -> Rc<Route> {
    let route = use_memo((), |_| {
        let path = gloo::utils::window()
            .location()
            .pathname()
            .unwrap_or_default();
        Route::from_path(&path)
    });
    route
}

#[derive(Properties, PartialEq)]
struct PageProps {
    route: Rc<Route>,
    children: Html,
}

/// A page of an app: its document title follows the route and the page's language.
#[component]
fn Page(props: &PageProps) -> Html {
    let i18n = use_i18n();
    use_effect_with((props.route.clone(), i18n.lang()), move |(route, _)| {
        gloo::utils::document().set_title(&route.title(&i18n));
    });
    props.children.clone()
}

/// What every app shows for a path it has no page for.
#[component]
fn NotFound() -> Html {
    let i18n = use_i18n();
    html! {
        <main class="page narrow">
            <header class="topbar">
                <h1>{ i18n.t("not-found-title") }</h1>
                <crate::components::language_switcher::LanguageSwitcher />
            </header>
            <p>
                <a href={Route::Voter.path()}>{ i18n.t("not-found-vote") }</a>{ " · " }
                <a href={Route::Tally.path()}>{ i18n.t("not-found-tally") }</a>{ " · " }
                <a href={Route::Elections.path()}>{ i18n.t("not-found-elections") }</a>{ " · " }
                <a href={Route::Admin.path()}>{ i18n.t("not-found-admin") }</a>
            </p>
        </main>
    }
}

fn not_found() -> Html {
    html! { <NotFound /> }
}

// One root component per dashboard app (see `shared::dashboards`). Each names only its own
// pages, so the linker leaves the other apps' pages out of its wasm. A route another app
// renders is "not found" here: the server never sends this app for it.

/// The voter app (`index.html`): `/` and `/e/{id}`.
#[component]
pub fn VoterApp() -> Html {
    let route = use_route();
    let page = match &*route {
        Route::Voter => html! { <VoterPage /> },
        Route::ElectionVoter(id) => html! {
            <VoterPage election={Some(AttrValue::from(id.clone()))} />
        },
        _ => not_found(),
    };
    html! {
        <I18nProvider resources={crate::texts_of!("common", "results", "receipts", "voter")}>
            <Page route={route}>{ page }</Page>
        </I18nProvider>
    }
}

/// The admin app (`admin.html`): `/admin`, `/admin/elections` and `/admin/e/{id}`.
#[component]
pub fn AdminApp() -> Html {
    let route = use_route();
    let page = match &*route {
        Route::Admin => html! { <AdminPage screen={AdminScreen::Console(None)} /> },
        Route::AdminElections => html! { <AdminPage screen={AdminScreen::Elections} /> },
        Route::AdminElection(id) => html! {
            <AdminPage screen={AdminScreen::Console(Some(id.clone()))} />
        },
        _ => not_found(),
    };
    html! {
        <I18nProvider resources={crate::texts_of!("common", "results", "admin", "editor")}>
            <Page route={route}>{ page }</Page>
        </I18nProvider>
    }
}

/// The tally app (`tally.html`): `/tally`, `/e/{id}/tally` and the list `/elections`.
#[component]
pub fn TallyApp() -> Html {
    let route = use_route();
    let page = match &*route {
        Route::Tally => html! { <TallyPage /> },
        Route::ElectionTally(id) => html! {
            <TallyPage election={Some(AttrValue::from(id.clone()))} />
        },
        Route::Elections => html! { <ElectionsPage /> },
        _ => not_found(),
    };
    html! {
        <I18nProvider resources={crate::texts_of!("common", "results", "tally")}>
            <Page route={route}>{ page }</Page>
        </I18nProvider>
    }
}

/// The audit app (`audit.html`): `/e/{id}/audit` and a trustee's `/e/{id}/trustee`.
#[component]
pub fn AuditApp() -> Html {
    let route = use_route();
    let page = match &*route {
        Route::ElectionAudit(id) => html! {
            <AuditPage election={Some(AttrValue::from(id.clone()))} />
        },
        Route::ElectionTrustee(id) => html! {
            <TrusteePage election={AttrValue::from(id.clone())} />
        },
        _ => not_found(),
    };
    html! {
        <I18nProvider resources={crate::texts_of!("common", "results", "receipts", "audit")}>
            <Page route={route}>{ page }</Page>
        </I18nProvider>
    }
}

#[cfg(test)]
mod tests {
    use super::Route;
    use shared::dashboards::Dashboard;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn the_server_sends_each_route_the_app_that_renders_it() {
        let id = || "board-2027".to_string();
        for route in [
            Route::Voter,
            Route::Admin,
            Route::Tally,
            Route::Elections,
            Route::ElectionVoter(id()),
            Route::ElectionTally(id()),
            Route::ElectionAudit(id()),
            Route::ElectionAudit("default".into()),
            Route::ElectionTrustee(id()),
            Route::AdminElections,
            Route::AdminElection(id()),
        ] {
            assert_eq!(
                Dashboard::for_path(&route.path()),
                route.dashboard(),
                "{route:?}"
            );
        }
        for path in ["/tallyho", "/e/ab", "/nothing/here"] {
            assert_eq!(Route::from_path(path), Route::NotFound);
            assert_eq!(Dashboard::for_path(path), Dashboard::Voter, "{path}");
        }
    }

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
    fn election_paths_carry_their_id() {
        let id = || "board-2027".to_string();
        assert_eq!(Route::from_path("/elections"), Route::Elections);
        assert_eq!(Route::from_path("/elections/"), Route::Elections);
        assert_eq!(
            Route::from_path("/e/board-2027"),
            Route::ElectionVoter(id())
        );
        assert_eq!(
            Route::from_path("/e/board-2027/"),
            Route::ElectionVoter(id())
        );
        assert_eq!(
            Route::from_path("/e/board-2027/tally"),
            Route::ElectionTally(id())
        );
        assert_eq!(Route::from_path("/admin/elections"), Route::AdminElections);
        assert_eq!(
            Route::from_path("/admin/e/board-2027"),
            Route::AdminElection(id())
        );
        assert_eq!(
            Route::from_path("/e/default"),
            Route::ElectionVoter("default".into())
        );
        assert_eq!(
            Route::from_path("/e/board-2027/audit"),
            Route::ElectionAudit(id())
        );
        assert_eq!(
            Route::from_path("/e/default/audit/"),
            Route::ElectionAudit("default".into())
        );
    }

    #[wasm_bindgen_test]
    fn malformed_election_paths_are_not_found() {
        for path in [
            "/e",
            "/e/",
            "/e/ab",
            "/e/Board-2027",
            "/e/board%202027",
            "/e/board-2027/admin",
            "/e/board-2027/tally/more",
            "/e/board-2027/audit/more",
            "/admin/e",
            "/admin/e/x",
            "/admin/elections/board-2027",
            "//e/board-2027",
        ] {
            assert_eq!(Route::from_path(path), Route::NotFound, "{path}");
        }
    }

    #[wasm_bindgen_test]
    fn every_route_leads_back_to_itself() {
        let id = || "board-2027".to_string();
        for route in [
            Route::Voter,
            Route::Admin,
            Route::Tally,
            Route::Elections,
            Route::ElectionVoter(id()),
            Route::ElectionTally(id()),
            Route::ElectionAudit(id()),
            Route::AdminElections,
            Route::AdminElection(id()),
        ] {
            assert_eq!(Route::from_path(&route.path()), route);
        }
    }
}
