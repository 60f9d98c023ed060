//! The pages' words in the person's language, from Fluent resources.
//!
//! Every text a page shows is a key of English's resources (`frontend/locales/en/*.ftl`, one
//! file per area of the pages, see [`resources`]), translated file for file in every other
//! language (`fr`, `de`, `es`, `ar`). English is embedded in the wasm; another language's
//! resources are fetched when the page switches to it, and the page shows its words once they
//! are here ([`I18nProvider`]; see [`resources`]). The pseudo-language `qps`
//! (accented and 40 % longer, for testing layouts) is English passed through
//! [`pseudo::transform`] at load time, so it needs no file and never lags behind.
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
//! argument, or reads [`current`] (a page has one language at a time: its `<html lang>`).

mod intl;
mod lang;
mod negotiate;
mod pseudo;
mod resources;
#[cfg(test)]
mod tests;

use std::cell::RefCell;
use std::rc::Rc;

use std::cell::Cell;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use gloo::storage::{LocalStorage, Storage};
use yew::prelude::*;

pub use intl::{date_time, number};
pub use lang::Lang;
pub use negotiate::{asked_for, lang_param, negotiate};
pub use pseudo::pseudo;
pub use resources::{Resources, AREAS};

/// Where a language the person chose is remembered.
const CHOSEN_KEY: &str = "ballot.lang";

/// One language's messages, ready to format.
pub struct Texts {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
}

impl Texts {
    /// Parses `lang`'s resources (`sources`, one per area). A message with a syntax error is
    /// left out (and shown as its key); the test of the resources keeps that from being
    /// shipped.
    fn load(lang: Lang, sources: Vec<String>) -> Texts {
        // The pseudo-language counts and plurals as English does.
        let plural_rules = if lang == Lang::Pseudo { Lang::En } else { lang };
        let id = plural_rules.code().parse().unwrap_or_default();
        let mut bundle = FluentBundle::new(vec![id]);
        // Isolation marks keep a Latin name from reordering an Arabic sentence; in a
        // left-to-right language they would only be invisible noise in the page's text.
        bundle.set_use_isolating(lang.dir() == "rtl");
        // Numbers in messages take the language's digits and grouping.
        bundle.set_formatter(Some(intl::fluent_number));
        if lang == Lang::Pseudo {
            bundle.set_transform(Some(pseudo::transform));
        }
        for source in sources {
            let resource =
                FluentResource::try_new(source).unwrap_or_else(|(partial, _errors)| partial);
            // A key defined twice keeps its first definition; a test keeps keys unique.
            let _ = bundle.add_resource(resource);
        }
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
    /// The app's resources, given to its [`I18nProvider`].
    static RESOURCES: Cell<Option<Resources>> = const { Cell::new(None) };
    /// The page's language, as `<html lang>` says.
    static CURRENT: Cell<Lang> = const { Cell::new(Lang::En) };
}

/// The resources of this app; every area outside an app (the wasm tests), none in an app
/// that has not mounted its provider yet.
fn app_resources() -> Resources {
    match RESOURCES.with(Cell::get) {
        Some(installed) => installed,
        #[cfg(test)]
        None => resources::every_area(),
        #[cfg(not(test))]
        None => Resources {
            areas: &[],
            english: Vec::new,
        },
    }
}

/// `lang`'s resources of this app's areas if the wasm holds them: English's and the
/// pseudo-language's (in the wasm tests, every language's).
fn embedded(lang: Lang) -> Option<Vec<String>> {
    let resources = app_resources();
    match lang {
        Lang::En | Lang::Pseudo => Some(
            (resources.english)()
                .into_iter()
                .map(String::from)
                .collect(),
        ),
        #[cfg(test)]
        _ => Some(
            (resources.areas.iter())
                .map(|area| resources::source(lang, area).to_string())
                .collect(),
        ),
        #[cfg(not(test))]
        _ => None,
    }
}

/// `lang`'s messages, parsed on first use; English's while a language the wasm does not hold
/// has not been fetched ([`fetch`]: the provider switches only once it has).
fn texts(lang: Lang) -> Rc<Texts> {
    let found = LOADED.with(|loaded| {
        (loaded.borrow().iter())
            .find(|texts| texts.lang == lang)
            .cloned()
    });
    if let Some(found) = found {
        return found;
    }
    let Some(sources) = embedded(lang) else {
        return texts(Lang::En);
    };
    let made = Rc::new(Texts::load(lang, sources));
    LOADED.with(|loaded| loaded.borrow_mut().push(made.clone()));
    made
}

/// Whether `lang`'s words can be shown right now, without fetching.
fn ready(lang: Lang) -> bool {
    LOADED.with(|loaded| loaded.borrow().iter().any(|texts| texts.lang == lang))
        || embedded(lang).is_some()
}

/// Fetches `lang`'s resources of this app's areas (every request sent before the first
/// answer is read) and parses them.
async fn fetch(lang: Lang) -> Result<(), String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let resources = app_resources();
    let window = gloo::utils::window();
    let pending: Vec<JsFuture> = (resources.areas.iter())
        .map(|area| JsFuture::from(window.fetch_with_str(&resources::url(lang, area))))
        .collect();
    let mut sources = Vec::with_capacity(pending.len());
    for answer in pending {
        let response: web_sys::Response = answer
            .await
            .map_err(crate::worker::describe)?
            .unchecked_into();
        if !response.ok() {
            return Err(format!("{} answered {}", response.url(), response.status()));
        }
        let text = response.text().map_err(crate::worker::describe)?;
        let text = JsFuture::from(text)
            .await
            .map_err(crate::worker::describe)?;
        sources.push(text.as_string().unwrap_or_default());
    }
    let made = Rc::new(Texts::load(lang, sources));
    LOADED.with(|loaded| loaded.borrow_mut().push(made));
    Ok(())
}

/// Shows `lang`: now if its words are here, else once they are fetched. The page keeps its
/// language meanwhile, and of two switches the later wins even if the earlier's words arrive
/// last. Words that cannot be fetched leave the page as it is (and say why in the console).
/// `waiting`, if given, is cleared once the switch is over, whatever its outcome.
fn switch_to(
    lang: Lang,
    shown: &UseStateHandle<Lang>,
    wanted: &Rc<Cell<Lang>>,
    waiting: Option<UseStateHandle<bool>>,
) {
    wanted.set(lang);
    if ready(lang) {
        mark_document(lang);
        shown.set(lang);
        return;
    }
    let (shown, wanted) = (shown.clone(), wanted.clone());
    wasm_bindgen_futures::spawn_local(async move {
        match fetch(lang).await {
            Ok(()) if wanted.get() == lang => {
                mark_document(lang);
                shown.set(lang);
            }
            Ok(()) => {}
            Err(why) => gloo::console::warn!(format!("no words in {}: {why}", lang.code())),
        }
        if let Some(waiting) = waiting {
            waiting.set(false);
        }
    });
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

/// The page's language for code that is not a component: the sentences of errors
/// ([`crate::api::ApiError::describe`]) and of actions started by a click.
pub fn current() -> I18n {
    I18n {
        texts: texts(CURRENT.with(Cell::get)),
        choose: Callback::noop(),
        follow: Callback::noop(),
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
    CURRENT.with(|current| current.set(lang));
    let root = gloo::utils::document_element();
    let _ = root.set_attribute("lang", lang.code());
    let _ = root.set_attribute("dir", lang.dir());
}

#[derive(Properties, PartialEq)]
pub struct I18nProviderProps {
    /// The areas of words this app shows ([`crate::texts_of!`]).
    pub resources: Resources,
    pub children: Html,
}

/// Gives every component under it the page's language, and switches it on a choice.
#[component]
pub fn I18nProvider(props: &I18nProviderProps) -> Html {
    // Whether the election's language may still decide: nothing asked for a language when
    // the page opened, the election's language has not been followed yet and the person has
    // not chosen one.
    let undecided = use_mut_ref(|| false);
    // The language the page is to show: the one shown, or one whose words are being fetched.
    let wanted: Rc<Cell<Lang>> = use_memo((), |()| Cell::new(Lang::En));
    let lang = use_state(|| {
        RESOURCES.with(|installed| installed.set(Some(props.resources)));
        // Anything parsed before the app named its resources is parsed again with them.
        LOADED.with(|loaded| loaded.borrow_mut().clear());
        let asked = opening_language();
        *undecided.borrow_mut() = asked.is_none();
        // English until the election (if the page shows one) says otherwise, and until the
        // asked language's words are here (see the effect below).
        let lang = asked.filter(|&asked| ready(asked)).unwrap_or(Lang::En);
        wanted.set(asked.unwrap_or(Lang::En));
        mark_document(lang);
        lang
    });
    // A page opened in a language the wasm does not hold shows nothing until its words are
    // here (or could not be fetched), rather than English for a moment.
    let waiting = use_state(|| wanted.get() != *lang);
    {
        let (lang, wanted, waiting) = (lang.clone(), wanted.clone(), waiting.clone());
        use_effect_with((), move |()| {
            if *waiting {
                switch_to(wanted.get(), &lang, &wanted, Some(waiting));
            }
        });
    }
    let follow = {
        let (lang, undecided, wanted) = (lang.clone(), undecided.clone(), wanted.clone());
        use_callback((), move |election: Lang, _| {
            if std::mem::replace(&mut *undecided.borrow_mut(), false) {
                switch_to(election, &lang, &wanted, None);
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
            switch_to(chosen, &lang, &wanted, None);
        })
    };
    let i18n = I18n {
        texts: texts(*lang),
        choose,
        follow,
    };
    if *waiting {
        return Html::default();
    }
    html! {
        <ContextProvider<I18n> context={i18n}>{ props.children.clone() }</ContextProvider<I18n>>
    }
}
