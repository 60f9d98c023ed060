//! The languages the pages speak, and an election's wording in more than one of them.
//!
//! An election is written in its `language` (English when not said) and may carry
//! `translations`: for another language, the same shape as the definition (title,
//! description, candidates, questions), each part optional. A voter reading in a language
//! sees its translation where one is given and the election's own wording elsewhere
//! ([`Languages::title`], …): a missing translation never hides anything.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::ballots::Question;
use crate::elections::CandidateSpec;

/// A language of the pages (and of an election's wording).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Language {
    #[default]
    #[serde(rename = "en")]
    English,
    #[serde(rename = "fr")]
    French,
    #[serde(rename = "de")]
    German,
    #[serde(rename = "es")]
    Spanish,
    #[serde(rename = "ar")]
    Arabic,
    /// A language this build does not know (from a newer server); a definition naming one is
    /// refused.
    #[serde(other, rename = "unknown")]
    Unknown,
}

impl Language {
    pub const ALL: [Language; 5] = [
        Language::English,
        Language::French,
        Language::German,
        Language::Spanish,
        Language::Arabic,
    ];

    /// The BCP 47 tag, as on the wire.
    pub fn tag(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::French => "fr",
            Language::German => "de",
            Language::Spanish => "es",
            Language::Arabic => "ar",
            Language::Unknown => "unknown",
        }
    }

    /// The language's name in itself, for a language menu.
    pub fn own_name(self) -> &'static str {
        match self {
            Language::English => "English",
            Language::French => "Français",
            Language::German => "Deutsch",
            Language::Spanish => "Español",
            Language::Arabic => "العربية",
            Language::Unknown => "?",
        }
    }

    /// Whether it is written right to left.
    pub fn right_to_left(self) -> bool {
        self == Language::Arabic
    }

    /// The language of a tag such as `fr`, `fr-CA` or `AR_eg` (by its primary subtag).
    pub fn from_tag(tag: &str) -> Option<Language> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        Language::ALL.into_iter().find(|l| l.tag() == primary)
    }
}

/// An election's wording in another language; every part may be left out.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Translation {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// The old form's candidates, in the definition's order (all of them, or none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub candidates: Vec<CandidateSpec>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<QuestionTranslation>,
}

/// One question's wording in another language, named by the question's id.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QuestionTranslation {
    pub id: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// The question's candidates (a referendum's: Yes, No), in order (all of them, or none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub candidates: Vec<CandidateSpec>,
}

/// An election's language and its translations, as they travel beside the definition (both
/// fields left out when not used, so a definition without them reads as it always has).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Languages {
    /// The language the election is written in (English when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Language>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: BTreeMap<Language, Translation>,
}

impl Languages {
    pub fn is_empty(&self) -> bool {
        self.language.is_none() && self.translations.is_empty()
    }

    /// The election's own language.
    pub fn language(&self) -> Language {
        self.language.unwrap_or(Language::English)
    }

    fn translation(&self, reader: Language) -> Option<&Translation> {
        (reader != self.language()).then(|| self.translations.get(&reader))?
    }

    /// The title for a reader of `reader`: its translation where given, else `own`.
    pub fn title<'a>(&'a self, reader: Language, own: &'a str) -> &'a str {
        self.translation(reader)
            .map(|t| t.title.as_str())
            .filter(|title| !title.is_empty())
            .unwrap_or(own)
    }

    /// The description for a reader of `reader`.
    pub fn description<'a>(&'a self, reader: Language, own: &'a str) -> &'a str {
        self.translation(reader)
            .map(|t| t.description.as_str())
            .filter(|text| !text.is_empty())
            .unwrap_or(own)
    }

    /// Question `question` for a reader of `reader`: title, description and candidates, each
    /// translated where given.
    pub fn question(&self, reader: Language, question: &Question) -> Question {
        let mut read = question.clone();
        let Some(translation) = self.translation(reader) else {
            return read;
        };
        let given = translation.questions.iter().find(|q| q.id == question.id);
        let (title, description, candidates) = match given {
            Some(q) => (&q.title, &q.description, &q.candidates),
            // The old form's one question takes the translation's own candidates.
            None if question.id == crate::ballots::MAIN_QUESTION => {
                (&String::new(), &String::new(), &translation.candidates)
            }
            None => return read,
        };
        if !title.is_empty() {
            read.title = title.clone();
        }
        if !description.is_empty() {
            read.description = description.clone();
        }
        if candidates.len() == read.candidates.len() {
            read.candidates = candidates.clone();
        }
        read
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ballots::Method;

    fn spec(name: &str) -> CandidateSpec {
        CandidateSpec {
            name: name.into(),
            description: String::new(),
        }
    }

    fn chair() -> Question {
        Question {
            id: "chair".into(),
            title: "Chair".into(),
            description: String::new(),
            method: Method::Plurality,
            candidates: vec![spec("Ann"), spec("Bob")],
            seats: 1,
            max_choices: 1,
            threshold: None,
        }
    }

    #[test]
    fn tags_are_the_wire_names_and_regional_tags_find_their_language() {
        for language in Language::ALL {
            assert_eq!(serde_json::to_value(language).unwrap(), language.tag());
            assert_eq!(Language::from_tag(language.tag()), Some(language));
        }
        assert_eq!(Language::from_tag("fr-CA"), Some(Language::French));
        assert_eq!(Language::from_tag("AR_eg"), Some(Language::Arabic));
        assert_eq!(Language::from_tag("pt"), None);
        let newer: Language = serde_json::from_str("\"pt\"").unwrap();
        assert_eq!(newer, Language::Unknown);
        assert!(Language::Arabic.right_to_left() && !Language::French.right_to_left());
    }

    #[test]
    fn a_reader_sees_the_translation_where_given_and_the_own_wording_elsewhere() {
        let mut languages: Languages = serde_json::from_value(serde_json::json!({
            "translations": {"fr": {"title": "Élection", "questions": [
                {"id": "chair", "title": "Présidence"}]}}
        }))
        .unwrap();
        assert_eq!(languages.title(Language::French, "Election"), "Élection");
        assert_eq!(languages.title(Language::German, "Election"), "Election");
        assert_eq!(languages.description(Language::French, "Own"), "Own");
        let read = languages.question(Language::French, &chair());
        assert_eq!(read.title, "Présidence");
        assert_eq!(read.candidates, chair().candidates, "no candidates given");
        languages
            .translations
            .get_mut(&Language::French)
            .unwrap()
            .questions[0]
            .candidates = vec![spec("Anne"), spec("Bob")];
        let read = languages.question(Language::French, &chair());
        assert_eq!(read.candidates[0].name, "Anne");
        // The election's own language is never overridden by a translation into it.
        languages.language = Some(Language::French);
        assert_eq!(
            languages.title(Language::French, "Élection 2"),
            "Élection 2"
        );
    }

    #[test]
    fn without_languages_nothing_is_written() {
        assert_eq!(
            serde_json::to_value(Languages::default()).unwrap(),
            serde_json::json!({})
        );
    }
}
