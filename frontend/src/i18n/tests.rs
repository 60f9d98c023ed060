//! Every language has every message of English, and every resource parses; the pages'
//! languages map to the elections' languages and back.

use fluent_bundle::FluentResource;
use shared::languages::Language;
use wasm_bindgen_test::wasm_bindgen_test;

use super::resources::source;
use super::{texts, Lang, AREAS};

/// The message ids a resource defines: lines that start with an identifier and ` =`.
fn keys(source: &str) -> Vec<&str> {
    source
        .lines()
        .filter(|line| line.starts_with(|c: char| c.is_ascii_alphabetic()))
        .filter_map(|line| line.split_once('='))
        .map(|(id, _)| id.trim())
        .collect()
}

#[wasm_bindgen_test]
fn every_resource_parses() {
    for lang in Lang::OFFERED {
        for area in AREAS {
            if let Err((_, errors)) = FluentResource::try_new(source(lang, area).to_string()) {
                panic!("{}/{area}.ftl has syntax errors: {errors:?}", lang.code());
            }
        }
    }
}

#[wasm_bindgen_test]
fn every_language_has_every_english_key_in_the_same_file_and_no_other() {
    let mut total = 0;
    for area in AREAS {
        let english = keys(source(Lang::En, area));
        total += english.len();
        for lang in Lang::OFFERED {
            let translated = keys(source(lang, area));
            let missing: Vec<&&str> = english
                .iter()
                .filter(|key| !translated.contains(key))
                .collect();
            assert!(
                missing.is_empty(),
                "{}/{area}.ftl lacks {missing:?}",
                lang.code()
            );
            let extra: Vec<&&str> = translated
                .iter()
                .filter(|key| !english.contains(key))
                .collect();
            assert!(
                extra.is_empty(),
                "{}/{area}.ftl has keys English lacks: {extra:?}",
                lang.code()
            );
        }
    }
    assert!(total > 50, "{total} keys");
    // Every key also formats from the loaded bundle (a message Fluent could not read is
    // missing there, not in the list above).
    for lang in Lang::OFFERED {
        let loaded = texts(lang);
        for area in AREAS {
            for key in keys(source(Lang::En, area)) {
                assert!(loaded.bundle.has_message(key), "{}: {key}", lang.code());
            }
        }
    }
}

#[wasm_bindgen_test]
fn no_key_is_defined_in_two_areas() {
    let mut seen: Vec<(&str, &str)> = Vec::new();
    for area in AREAS {
        for key in keys(source(Lang::En, area)) {
            if let Some((_, first)) = seen.iter().find(|(known, _)| *known == key) {
                panic!("{key} is in both {first}.ftl and {area}.ftl");
            }
            seen.push((key, area));
        }
    }
}

#[wasm_bindgen_test]
fn plurals_follow_the_language() {
    let blank = |lang: Lang, count: u32| {
        super::I18n {
            texts: texts(lang),
            choose: yew::Callback::noop(),
            follow: yew::Callback::noop(),
        }
        .t_args("review-blank-warning", &[("count", count.into())])
    };
    assert_eq!(
        blank(Lang::En, 1),
        "You left 1 question blank. Cast anyway?"
    );
    assert_eq!(
        blank(Lang::En, 3),
        "You left 3 questions blank. Cast anyway?"
    );
    assert_ne!(blank(Lang::Fr, 1), blank(Lang::Fr, 3));
    assert!(blank(Lang::Pseudo, 2).contains('2'));
}

#[wasm_bindgen_test]
fn every_offered_language_is_an_election_language_and_back() {
    for lang in Lang::OFFERED {
        let language = lang.language();
        assert_eq!(language.tag(), lang.code());
        assert_eq!(Lang::from_language(language), Some(lang));
    }
    for language in Language::ALL {
        let lang = Lang::from_language(language).expect("a language the pages speak");
        assert_eq!(lang.language(), language);
    }
}

#[wasm_bindgen_test]
fn the_pseudo_language_reads_english_and_an_unknown_language_maps_to_none() {
    assert_eq!(Lang::Pseudo.language(), Language::English);
    assert_eq!(Lang::from_language(Language::Unknown), None);
}
