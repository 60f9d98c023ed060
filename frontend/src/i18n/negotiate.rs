//! Which language a page opens in: the first of the address's `?lang=`, the language the
//! person chose before, the browser's languages in the person's order, the election's
//! default, and English.

use super::Lang;

/// The page's language. Only `lang` (from `?lang=`) may pick the pseudo-language: a tester
/// asks for it, and nobody stays in it by accident.
pub fn negotiate(
    lang: Option<&str>,
    chosen_before: Option<&str>,
    browser: &[String],
    election_default: Option<&str>,
) -> Lang {
    asked_for(lang, chosen_before, browser)
        .or_else(|| election_default.and_then(offered))
        .unwrap_or(Lang::En)
}

/// A language of the pages other than the pseudo-language.
fn offered(tag: &str) -> Option<Lang> {
    Lang::from_tag(tag).filter(|lang| *lang != Lang::Pseudo)
}

/// The language the address, an earlier choice or the browser ask for, if any of them asks
/// for one the pages speak: when none does, the election's default decides.
pub fn asked_for(
    lang: Option<&str>,
    chosen_before: Option<&str>,
    browser: &[String],
) -> Option<Lang> {
    lang.and_then(Lang::from_tag)
        .or_else(|| chosen_before.and_then(offered))
        .or_else(|| browser.iter().find_map(|tag| offered(tag)))
}

/// The value of `lang` in a query string such as `?lang=fr&x=1` (`location.search`).
pub fn lang_param(search: &str) -> Option<String> {
    search
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(name, _)| *name == "lang")
        .map(|(_, value)| value.to_string())
        .filter(|value| !value.is_empty())
}

#[cfg(test)]
mod tests {
    use super::{asked_for, lang_param, negotiate, Lang};
    use wasm_bindgen_test::wasm_bindgen_test;

    fn tags(list: &[&str]) -> Vec<String> {
        list.iter().map(|tag| tag.to_string()).collect()
    }

    #[wasm_bindgen_test]
    fn the_address_wins_over_everything() {
        let browser = tags(&["de-DE", "en"]);
        assert_eq!(
            negotiate(Some("ar"), Some("fr"), &browser, Some("es")),
            Lang::Ar
        );
    }

    #[wasm_bindgen_test]
    fn an_earlier_choice_wins_over_the_browser() {
        let browser = tags(&["de-DE", "en"]);
        assert_eq!(negotiate(None, Some("fr"), &browser, Some("es")), Lang::Fr);
    }

    #[wasm_bindgen_test]
    fn the_first_browser_language_the_pages_speak_wins() {
        let browser = tags(&["pt-BR", "es-MX", "fr"]);
        assert_eq!(negotiate(None, None, &browser, Some("de")), Lang::Es);
    }

    #[wasm_bindgen_test]
    fn the_election_default_then_english_close_the_list() {
        assert_eq!(negotiate(None, None, &tags(&["ja"]), Some("de")), Lang::De);
        assert_eq!(negotiate(None, None, &[], None), Lang::En);
    }

    #[wasm_bindgen_test]
    fn nothing_is_asked_for_when_only_the_election_could_decide() {
        assert_eq!(asked_for(None, None, &tags(&["ja", "qps"])), None);
        assert_eq!(
            asked_for(None, None, &tags(&["ja", "fr-CA"])),
            Some(Lang::Fr)
        );
    }

    #[wasm_bindgen_test]
    fn unknown_or_malformed_tags_are_skipped() {
        let browser = tags(&["", "x!", "zh-Hant", "de_AT"]);
        assert_eq!(
            negotiate(Some("klingon!"), Some("??"), &browser, None),
            Lang::De
        );
    }

    #[wasm_bindgen_test]
    fn only_the_address_picks_the_pseudo_language() {
        assert_eq!(negotiate(Some("qps"), None, &[], None), Lang::Pseudo);
        assert_eq!(
            negotiate(None, Some("qps"), &tags(&["qps"]), Some("qps")),
            Lang::En
        );
    }

    #[wasm_bindgen_test]
    fn the_lang_parameter_is_read_from_the_query() {
        assert_eq!(lang_param("?lang=fr"), Some("fr".into()));
        assert_eq!(lang_param("?x=1&lang=ar-EG"), Some("ar-EG".into()));
        assert_eq!(lang_param("?language=fr"), None);
        assert_eq!(lang_param("?lang="), None);
        assert_eq!(lang_param(""), None);
    }
}
