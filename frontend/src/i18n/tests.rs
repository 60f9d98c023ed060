//! Every language has every message of English, and every resource parses.

use fluent_bundle::FluentResource;
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
