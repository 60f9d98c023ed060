//! Numbers, dates and times in the page's language, by the browser's `Intl`: its digits and
//! grouping (`1,234`, `1 234`, `١٬٢٣٤`), its month names, and the voter's own time zone,
//! named. The browser already carries every language's rules; shipping them in the wasm
//! would double its size.

use intl_memoizer::{IntlLangMemoizer, Memoizable};
use js_sys::{Array, Intl, Object, Reflect};
use unic_langid::LanguageIdentifier;
use wasm_bindgen::JsValue;

use fluent_bundle::FluentValue;

use super::Lang;

/// An `Intl.NumberFormat` for one language, made once per bundle.
pub struct NumberFormatter(Intl::NumberFormat);

impl Memoizable for NumberFormatter {
    type Args = ();
    type Error = ();

    fn construct(lang: LanguageIdentifier, _args: ()) -> Result<Self, ()> {
        Ok(NumberFormatter(number_format(&lang.to_string())))
    }
}

impl NumberFormatter {
    fn format(&self, value: f64) -> String {
        self.0
            .format()
            .call1(&JsValue::UNDEFINED, &JsValue::from_f64(value))
            .ok()
            .and_then(|text| text.as_string())
            .unwrap_or_else(|| value.to_string())
    }
}

fn locales(tag: &str) -> Array {
    Array::of1(&JsValue::from_str(tag))
}

fn number_format(tag: &str) -> Intl::NumberFormat {
    Intl::NumberFormat::new(&locales(tag), &Object::new())
}

/// Fluent's formatter for numbers given to a message: the bundle's language's digits and
/// grouping, so `{ $count }` reads `1,234` in English and `1 234` in French.
pub fn fluent_number(value: &FluentValue, intls: &IntlLangMemoizer) -> Option<String> {
    match value {
        FluentValue::Number(number) => intls
            .with_try_get::<NumberFormatter, _, _>((), |formatter| formatter.format(number.value))
            .ok(),
        _ => None,
    }
}

/// The tag `Intl` is given: the pseudo-language counts as English.
fn tag(lang: Lang) -> &'static str {
    match lang {
        Lang::Pseudo => "en",
        real => real.code(),
    }
}

/// `value` in `lang`'s digits and grouping.
pub fn number(lang: Lang, value: f64) -> String {
    NumberFormatter(number_format(tag(lang))).format(value)
}

/// A moment as a date and time to the minute in the browser's time zone, with the zone
/// named (`6 Dec 2026, 21:30 CET`), in `lang`'s words and order.
pub fn date_time(lang: Lang, ms: i64) -> String {
    let options = Object::new();
    for (key, value) in [
        ("year", "numeric"),
        ("month", "short"),
        ("day", "numeric"),
        ("hour", "2-digit"),
        ("minute", "2-digit"),
        ("timeZoneName", "short"),
    ] {
        let _ = Reflect::set(&options, &key.into(), &value.into());
    }
    let format = Intl::DateTimeFormat::new(&locales(tag(lang)), &options);
    let text = format
        .format()
        .call1(&JsValue::UNDEFINED, &js_sys::Date::new(&(ms as f64).into()))
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_default();
    // The pseudo-language shows what is localised as such: month and zone names included.
    match lang {
        Lang::Pseudo => super::pseudo(&text),
        _ => text,
    }
}
