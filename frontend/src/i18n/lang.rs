//! The languages the pages are written in, mapped to the elections' languages in `shared`.

use shared::languages::Language;
use unic_langid::LanguageIdentifier;

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
}
