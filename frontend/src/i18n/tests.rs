//! Every language has every message of English, and every resource parses; the pages'
//! languages map to the elections' languages and back.

use fluent_bundle::FluentResource;
use shared::languages::Language;
use wasm_bindgen_test::wasm_bindgen_test;

use super::{texts, Lang};

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
        if let Err((_, errors)) = FluentResource::try_new(lang.source().to_string()) {
            panic!("{}.ftl has syntax errors: {errors:?}", lang.code());
        }
    }
}

#[wasm_bindgen_test]
fn every_language_has_every_english_key() {
    let english = keys(Lang::En.source());
    assert!(english.len() > 20, "{english:?}");
    for lang in Lang::OFFERED {
        let loaded = texts(lang);
        let missing: Vec<&&str> = english
            .iter()
            .filter(|key| !loaded.bundle.has_message(key))
            .collect();
        assert!(missing.is_empty(), "{}.ftl lacks {missing:?}", lang.code());
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
