//! The mails' words in each language, from Fluent resources (`locales/*.ftl`, one file per
//! language, the same keys in each: a test checks), built once per language.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use shared::languages::Language;

const SOURCES: [(Language, &str); 5] = [
    (Language::English, include_str!("locales/en.ftl")),
    (Language::French, include_str!("locales/fr.ftl")),
    (Language::German, include_str!("locales/de.ftl")),
    (Language::Spanish, include_str!("locales/es.ftl")),
    (Language::Arabic, include_str!("locales/ar.ftl")),
];

type Bundle = FluentBundle<FluentResource>;

fn bundle(language: Language) -> &'static Bundle {
    static BUNDLES: OnceLock<[(Language, Bundle); 5]> = OnceLock::new();
    let bundles = BUNDLES.get_or_init(|| SOURCES.map(|(l, s)| (l, build(l, s))));
    // A language without mails of its own reads English, the first.
    let found = bundles.iter().find(|(l, _)| *l == language);
    found.map_or(&bundles[0].1, |(_, bundle)| bundle)
}

fn build(language: Language, source: &str) -> Bundle {
    let tag = language.tag().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![tag]);
    // Mails are plain text read in mail clients: no invisible isolation marks around values
    // (they would end up in copied links and credentials).
    bundle.set_use_isolating(false);
    // A resource that does not parse keeps what did; the test below refuses any error.
    let resource =
        FluentResource::try_new(source.to_string()).unwrap_or_else(|(partial, _)| partial);
    let _ = bundle.add_resource(resource);
    bundle
}

/// The message `key` in `language` with `args` (English where the language lacks it).
pub fn say(language: Language, key: &str, args: &[(&str, &str)]) -> String {
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        fluent_args.set(*name, value.to_string());
    }
    for bundle in [bundle(language), bundle(Language::English)] {
        if let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            return bundle
                .format_pattern(pattern, Some(&fluent_args), &mut errors)
                .into_owned();
        }
    }
    key.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluent_bundle::FluentResource;
    use std::collections::BTreeSet;

    fn keys(source: &str) -> BTreeSet<String> {
        let resource = FluentResource::try_new(source.to_string())
            .unwrap_or_else(|(_, errors)| panic!("does not parse: {errors:?}"));
        resource
            .entries()
            .filter_map(|entry| match entry {
                fluent_syntax::ast::Entry::Message(message) => Some(message.id.name.to_string()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn every_language_has_every_english_key_and_no_other() {
        let english = keys(SOURCES[0].1);
        assert!(english.len() >= 18);
        for (language, source) in &SOURCES[1..] {
            assert_eq!(keys(source), english, "{}", language.tag());
        }
    }

    #[test]
    fn values_go_in_without_marks_and_a_missing_language_reads_english() {
        let text = say(Language::English, "invitation-subject", &[("title", "AGM")]);
        assert_eq!(text, "Your invitation to vote: AGM");
        let french = say(Language::French, "results-subject", &[("title", "AG")]);
        assert_eq!(french, "Résultats : AG");
        let unknown = say(Language::Unknown, "results-subject", &[("title", "X")]);
        assert_eq!(unknown, "Results: X");
    }
}
