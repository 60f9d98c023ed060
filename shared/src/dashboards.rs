//! Which dashboard answers which page path.
//!
//! The dashboards are four wasm apps built from the one `frontend` library, so a voter's first
//! load carries none of the admin console, the projector or the audit page. Each app has its
//! own HTML entry in `dist/`; a node answers every page path with the entry of the app that
//! renders it, and that app picks the page from the path. Both sides call [`Dashboard::for_path`],
//! so the server and the apps cannot disagree about where a page lives.
//!
//! The choice is by the path's shape only (an id is not checked here): the app that gets a
//! path with a malformed id shows its "page not found", as the single app did.

/// One of the four dashboard apps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dashboard {
    /// `/`, `/e/{id}` and every path no other app claims (they show "page not found").
    Voter,
    /// `/admin`, `/admin/elections`, `/admin/e/{id}`: everything under `/admin`.
    Admin,
    /// `/tally`, `/e/{id}/tally` and the public list `/elections`.
    Tally,
    /// `/e/{id}/audit`: the public log, receipt checks and the bulletin board; and
    /// `/e/{id}/trustee`, a trustee's key ceremony and decryption (they share the crypto).
    Audit,
}

impl Dashboard {
    /// Every app, in the order the build and the size report list them.
    pub const ALL: [Dashboard; 4] = [
        Dashboard::Voter,
        Dashboard::Admin,
        Dashboard::Tally,
        Dashboard::Audit,
    ];

    /// The app that renders the page at `path` (a URL path, without query). A trailing slash
    /// and a last `index.html` are ignored, as the apps' router ignores them.
    pub fn for_path(path: &str) -> Dashboard {
        let trimmed = path.trim_end_matches('/');
        let trimmed = trimmed.strip_suffix("/index.html").unwrap_or(trimmed);
        let segments: Vec<&str> = trimmed.split('/').skip(1).collect();
        match segments.as_slice() {
            ["admin", ..] => Dashboard::Admin,
            ["tally"] | ["elections"] | ["e", _, "tally"] => Dashboard::Tally,
            ["e", _, "audit"] | ["e", _, "trustee"] => Dashboard::Audit,
            _ => Dashboard::Voter,
        }
    }

    /// The app's position in [`Dashboard::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The app's short name: its cargo binary, and its line in the size report.
    pub fn name(self) -> &'static str {
        match self {
            Dashboard::Voter => "voter",
            Dashboard::Admin => "admin",
            Dashboard::Tally => "tally",
            Dashboard::Audit => "audit",
        }
    }

    /// The app's HTML entry in `dist/`. The voter's is `index.html`, so a plain static server
    /// still opens the voter page at `/`.
    pub fn entry(self) -> &'static str {
        match self {
            Dashboard::Voter => "index.html",
            Dashboard::Admin => "admin.html",
            Dashboard::Tally => "tally.html",
            Dashboard::Audit => "audit.html",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Dashboard;

    #[test]
    fn every_page_path_has_its_app() {
        for (path, app) in [
            ("/", Dashboard::Voter),
            ("", Dashboard::Voter),
            ("/index.html", Dashboard::Voter),
            ("/e/board-2027", Dashboard::Voter),
            ("/e/board-2027/", Dashboard::Voter),
            ("/admin", Dashboard::Admin),
            ("/admin/", Dashboard::Admin),
            ("/admin/elections", Dashboard::Admin),
            ("/admin/e/board-2027", Dashboard::Admin),
            ("/admin/nothing/here", Dashboard::Admin),
            ("/tally", Dashboard::Tally),
            ("/elections", Dashboard::Tally),
            ("/e/board-2027/tally", Dashboard::Tally),
            ("/e/default/audit", Dashboard::Audit),
            ("/e/board-2027/audit/", Dashboard::Audit),
            ("/e/board-2027/trustee", Dashboard::Audit),
        ] {
            assert_eq!(Dashboard::for_path(path), app, "{path}");
        }
    }

    #[test]
    fn paths_no_app_claims_go_to_the_voter_app() {
        for path in [
            "/tallyho",
            "/e",
            "/e/x/y/z",
            "/administrator",
            "/e/board-2027/admin",
        ] {
            assert_eq!(Dashboard::for_path(path), Dashboard::Voter, "{path}");
        }
    }

    #[test]
    fn entries_and_names_are_distinct() {
        let entries: std::collections::HashSet<_> =
            Dashboard::ALL.iter().map(|d| d.entry()).collect();
        let names: std::collections::HashSet<_> = Dashboard::ALL.iter().map(|d| d.name()).collect();
        assert_eq!((entries.len(), names.len()), (4, 4));
        for (index, app) in Dashboard::ALL.iter().enumerate() {
            assert_eq!(app.index(), index);
        }
    }
}
