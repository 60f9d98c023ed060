//! Which Fluent resources a page loads: one file per language and area
//! (`frontend/locales/{lang}/{area}.ftl`). English's are embedded in the wasm, so the first
//! paint never waits; every other language's are fetched when a page switches to it
//! ([`url`]: `cargo xtask` copies them into `dist/`, see `xtask/src/dashboards.rs`), so a
//! page's first load carries one language, not five. The wasm tests embed them all.
//!
//! Each app names the areas it shows ([`texts_of!`] in `app.rs`), so the voter page carries
//! and fetches the voter's words and not the admin console's. A component shared by several
//! apps takes its words from `common` (every page) or `results` (every page that shows a
//! count).

use super::Lang;

/// The areas, one file each per language: the reference list for the tests.
pub const AREAS: [&str; 8] = [
    "common", "results", "receipts", "voter", "admin", "editor", "tally", "audit",
];

/// The resource of `area` in `lang` (the pseudo-language reads English), embedded: for the
/// wasm tests, which compare languages and render them without a server.
#[macro_export]
#[doc(hidden)]
macro_rules! ftl {
    ($lang:expr, $area:literal) => {
        match $lang {
            $crate::i18n::Lang::En | $crate::i18n::Lang::Pseudo => include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/locales/en/",
                $area,
                ".ftl"
            )),
            $crate::i18n::Lang::Fr => include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/locales/fr/",
                $area,
                ".ftl"
            )),
            $crate::i18n::Lang::De => include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/locales/de/",
                $area,
                ".ftl"
            )),
            $crate::i18n::Lang::Es => include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/locales/es/",
                $area,
                ".ftl"
            )),
            $crate::i18n::Lang::Ar => include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/locales/ar/",
                $area,
                ".ftl"
            )),
        }
    };
}

/// A [`Resources`] of the named areas, e.g. `texts_of!("common", "results", "voter")`.
#[macro_export]
macro_rules! texts_of {
    ($($area:literal),+ $(,)?) => {
        $crate::i18n::Resources {
            areas: &[$($area),+],
            english: || vec![$(include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/locales/en/",
                $area,
                ".ftl"
            ))),+],
        }
    };
}

/// The resources an app loads: what [`crate::i18n::I18nProvider`] is given.
#[derive(Clone, Copy)]
pub struct Resources {
    /// The areas, in the order their resources are added (a key defined twice keeps the
    /// first).
    pub areas: &'static [&'static str],
    /// English's resources of those areas, embedded.
    pub english: fn() -> Vec<&'static str>,
}

/// Where a page fetches `area`'s resource in `lang` (not English: that one is embedded):
/// one flat name per file in `dist/`, lowercase as the server reads paths.
pub fn url(lang: Lang, area: &str) -> String {
    format!("/ftl-{}-{area}.ftl", lang.code())
}

impl PartialEq for Resources {
    /// An app's resources never change while it runs, so there is nothing to re-render for.
    fn eq(&self, _other: &Self) -> bool {
        true
    }
}

impl std::fmt::Debug for Resources {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Resources")
    }
}

/// Every area: what a component rendered outside any app (the wasm tests) reads.
#[cfg(test)]
pub fn every_area() -> Resources {
    texts_of!("common", "results", "receipts", "voter", "admin", "editor", "tally", "audit")
}

/// `area`'s resource in `lang`, for the tests that compare languages file by file.
#[cfg(test)]
pub fn source(lang: Lang, area: &str) -> &'static str {
    match area {
        "common" => ftl!(lang, "common"),
        "results" => ftl!(lang, "results"),
        "receipts" => ftl!(lang, "receipts"),
        "voter" => ftl!(lang, "voter"),
        "admin" => ftl!(lang, "admin"),
        "editor" => ftl!(lang, "editor"),
        "tally" => ftl!(lang, "tally"),
        "audit" => ftl!(lang, "audit"),
        other => panic!("no area {other}"),
    }
}
