//! The pages' words in the person's language, from Fluent resources.
//!
//! Every text a page shows is a key of `frontend/locales/en.ftl`, translated in one file per
//! language (`fr`, `de`, `es`, `ar`) embedded in the wasm. The pseudo-language `qps` (accented
//! and 40 % longer, for testing layouts) is English passed through [`pseudo::transform`] at
//! load time, so it needs no file and never lags behind.
//!
//! - [`negotiate`]: which language a page opens in (`?lang=`, the person's earlier choice,
//!   the browser's languages, the election's default), a pure function. The election's
//!   language is only known once its definition is loaded, so a page that nothing else
//!   decided opens in English and follows the election then ([`I18n::follow_election`]).
//! - [`I18nProvider`] and [`use_i18n`]: the context every component reads its words from
//!   ([`I18n::t`], [`I18n::t_args`] with Fluent's plurals); it keeps `<html lang dir>` in step
//!   and remembers a language chosen with [`crate::components::language_switcher`].
//!
//! A function that is not a component (a page's actions) takes the page's [`I18n`] as an
//! argument, so what it says is said in the language of the page that called it.

mod negotiate;
mod pseudo;
#[cfg(test)]
mod tests;

use std::cell::RefCell;
use std::rc::Rc;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use gloo::storage::{LocalStorage, Storage};
use shared::languages::Language;
use unic_langid::LanguageIdentifier;
use yew::prelude::*;

pub use negotiate::{asked_for, lang_param, negotiate};
pub use pseudo::pseudo;

/// Where a language the person chose is remembered.
const CHOSEN_KEY: &str = "ballot.lang";

/// A language the pages are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    Fr,
    De,
    Es,
    Ar,
    /// Accented, 40 % longer English, only by `?lang=qps`.
    Pseudo,
}

impl Lang {
    /// The languages the switcher offers to everyone, in its order.
    pub const OFFERED: [Lang; 5] = [Lang::En, Lang::Fr, Lang::De, Lang::Es, Lang::Ar];

    /// The BCP 47 code, as `<html lang>` and `?lang=` spell it (`shared`'s for a real one).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Pseudo => "qps",
            real => real.language().tag(),
        }
    }

    /// The language of a tag such as `fr`, `fr-CA` or `de_AT`, by its primary subtag.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let id: LanguageIdentifier = tag.trim().replace('_', "-").parse().ok()?;
        match id.language.as_str() {
            "qps" => Some(Lang::Pseudo),
            primary => Lang::from_language(Language::from_tag(primary)?),
        }
    }

    /// The language's name in itself, as the switcher lists it.
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::Pseudo => "Ƥšéûðö",
            real => real.language().own_name(),
        }
    }

    /// The language an election's wording is read in: the pseudo-language reads English.
    pub fn language(self) -> Language {
        match self {
            Lang::En | Lang::Pseudo => Language::English,
            Lang::Fr => Language::French,
            Lang::De => Language::German,
            Lang::Es => Language::Spanish,
            Lang::Ar => Language::Arabic,
        }
    }

    /// The pages' language for an election's language (none for one this build does not
    /// know).
    pub fn from_language(language: Language) -> Option<Lang> {
        match language {
            Language::English => Some(Lang::En),
            Language::French => Some(Lang::Fr),
            Language::German => Some(Lang::De),
            Language::Spanish => Some(Lang::Es),
            Language::Arabic => Some(Lang::Ar),
            Language::Unknown => None,
        }
    }

    /// `<html dir>`: the layout mirrors for a right-to-left language.
    pub fn dir(self) -> &'static str {
        match self.language().right_to_left() {
            true => "rtl",
            false => "ltr",
        }
    }

    /// The Fluent resource, embedded in the wasm.
    fn source(self) -> &'static str {
        match self {
            Lang::En | Lang::Pseudo => include_str!("../../locales/en.ftl"),
            Lang::Fr => include_str!("../../locales/fr.ftl"),
            Lang::De => include_str!("../../locales/de.ftl"),
            Lang::Es => include_str!("../../locales/es.ftl"),
            Lang::Ar => include_str!("../../locales/ar.ftl"),
        }
    }
}

/// One language's messages, ready to format.
pub struct Texts {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
}

impl Texts {
    /// Parses `lang`'s resource. A message with a syntax error is left out (and shown as its
    /// key); the test of the resources keeps that from being shipped.
    fn load(lang: Lang) -> Texts {
        let resource = FluentResource::try_new(lang.source().to_string())
            .unwrap_or_else(|(partial, _errors)| partial);
        // The pseudo-language counts and plurals as English does.
        let plural_rules = if lang == Lang::Pseudo { Lang::En } else { lang };
        let id = plural_rules.code().parse().unwrap_or_default();
        let mut bundle = FluentBundle::new(vec![id]);
        // Isolation marks keep a Latin name from reordering an Arabic sentence; in a
        // left-to-right language they would only be invisible noise in the page's text.
        bundle.set_use_isolating(lang.dir() == "rtl");
        if lang == Lang::Pseudo {
            bundle.set_transform(Some(pseudo::transform));
        }
        let _ = bundle.add_resource(resource);
        Texts { lang, bundle }
    }

    /// The message `key` formatted with `args`, or the key itself if there is no such message.
    fn format(&self, key: &str, args: Option<&FluentArgs>) -> String {
        let Some(pattern) = self.bundle.get_message(key).and_then(|m| m.value()) else {
            return key.to_string();
        };
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned()
    }
}

thread_local! {
    /// Each language is parsed once per page, when first used.
    static LOADED: RefCell<Vec<Rc<Texts>>> = const { RefCell::new(Vec::new()) };
}

/// `lang`'s messages, parsed on first use.
fn texts(lang: Lang) -> Rc<Texts> {
    LOADED.with(|loaded| {
        let mut loaded = loaded.borrow_mut();
        if let Some(found) = loaded.iter().find(|texts| texts.lang == lang) {
            return found.clone();
        }
        let made = Rc::new(Texts::load(lang));
        loaded.push(made.clone());
        made
    })
}

/// What components read their words from: the page's language and a way to change it.
#[derive(Clone)]
pub struct I18n {
    texts: Rc<Texts>,
    choose: Callback<Lang>,
    follow: Callback<Lang>,
}

impl PartialEq for I18n {
    fn eq(&self, other: &Self) -> bool {
        self.texts.lang == other.texts.lang
            && self.choose == other.choose
            && self.follow == other.follow
    }
}

impl I18n {
    /// English with no way to change it: what a component sees outside any provider (the
    /// wasm tests that render one alone).
    pub fn english() -> I18n {
        I18n {
            texts: texts(Lang::En),
            choose: Callback::noop(),
            follow: Callback::noop(),
        }
    }

    pub fn lang(&self) -> Lang {
        self.texts.lang
    }

    /// The message `key`.
    pub fn t(&self, key: &str) -> String {
        self.texts.format(key, None)
    }

    /// The message `key` with its variables: strings, or numbers, which pick plural forms.
    pub fn t_args(&self, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let mut fluent = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            fluent.set(*name, value.clone());
        }
        self.texts.format(key, Some(&fluent))
    }

    /// Switches the pages to `lang` and remembers the choice for the next visits.
    pub fn choose(&self, lang: Lang) {
        self.choose.emit(lang);
    }

    /// The election's language, once its definition is loaded: the last resort of the
    /// negotiation. The page switches to it only if nothing asked for a language when it
    /// opened (no `?lang=`, no earlier choice, no browser language the pages speak) and the
    /// person has not chosen one since; only the first call counts, and nothing is
    /// remembered, so the next election's page follows its own language.
    pub fn follow_election(&self, lang: Lang) {
        self.follow.emit(lang);
    }
}

/// The page's [`I18n`] (English outside an [`I18nProvider`]).
#[hook]
pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or_else(I18n::english)
}

/// The language this page is asked to open in, from the address, the storage and the browser;
/// none when only the election's language (not loaded yet) could decide.
fn opening_language() -> Option<Lang> {
    let search = gloo::utils::window()
        .location()
        .search()
        .unwrap_or_default();
    let stored: Option<String> = LocalStorage::get(CHOSEN_KEY).ok();
    asked_for(
        lang_param(&search).as_deref(),
        stored.as_deref(),
        &browser_languages(),
    )
}

/// `navigator.languages` (or `navigator.language`), read by name, which spares a web-sys
/// feature.
fn browser_languages() -> Vec<String> {
    let window = gloo::utils::window();
    let navigator = js_sys::Reflect::get(&window, &"navigator".into()).unwrap_or_default();
    let read = |name: &str| js_sys::Reflect::get(&navigator, &name.into()).ok();
    if let Some(list) = read("languages").filter(js_sys::Array::is_array) {
        return js_sys::Array::from(&list)
            .iter()
            .filter_map(|tag| tag.as_string())
            .collect();
    }
    read("language")
        .and_then(|tag| tag.as_string())
        .into_iter()
        .collect()
}

/// `<html lang dir>` for `lang`, so screen readers pronounce the page in its language and
/// the layout mirrors for Arabic.
fn mark_document(lang: Lang) {
    let root = gloo::utils::document_element();
    let _ = root.set_attribute("lang", lang.code());
    let _ = root.set_attribute("dir", lang.dir());
}

#[derive(Properties, PartialEq)]
pub struct I18nProviderProps {
    pub children: Html,
}

/// Gives every component under it the page's language, and switches it on a choice.
#[component]
pub fn I18nProvider(props: &I18nProviderProps) -> Html {
    // Whether the election's language may still decide: nothing asked for a language when
    // the page opened, the election's language has not been followed yet and the person has
    // not chosen one.
    let undecided = use_mut_ref(|| false);
    let lang = use_state(|| {
        let asked = opening_language();
        *undecided.borrow_mut() = asked.is_none();
        // English until the election (if the page shows one) says otherwise.
        let lang = asked.unwrap_or(Lang::En);
        mark_document(lang);
        lang
    });
    let follow = {
        let (lang, undecided) = (lang.clone(), undecided.clone());
        use_callback((), move |election: Lang, _| {
            if std::mem::replace(&mut *undecided.borrow_mut(), false) {
                mark_document(election);
                lang.set(election);
            }
        })
    };
    let choose = {
        let lang = lang.clone();
        use_callback((), move |chosen: Lang, _| {
            *undecided.borrow_mut() = false;
            // The pseudo-language is for a test session only; it is never remembered.
            if chosen != Lang::Pseudo {
                let _ = LocalStorage::set(CHOSEN_KEY, chosen.code());
            }
            mark_document(chosen);
            lang.set(chosen);
        })
    };
    let i18n = I18n {
        texts: texts(*lang),
        choose,
        follow,
    };
    html! {
        <ContextProvider<I18n> context={i18n}>{ props.children.clone() }</ContextProvider<I18n>>
    }
}
