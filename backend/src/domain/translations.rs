//! What makes an election's language and translations acceptable: known languages, no
//! translation into the election's own language, and each translated part held to the limits
//! of the part it translates (a translated candidate list names every candidate, in order).

use std::collections::{BTreeMap, HashSet};

use shared::ballots::Question;
use shared::elections::CandidateSpec;
use shared::languages::{Language, QuestionTranslation, Translation};

use super::definition::{check_candidates, MAX_DESCRIPTION, MAX_TITLE};
use super::DomainError;

fn invalid(field: impl Into<String>, problem: impl Into<String>) -> DomainError {
    DomainError::InvalidElection {
        field: field.into(),
        problem: problem.into(),
    }
}

/// The language and translations as stored (texts trimmed, names in NFC), or the first
/// problem, naming its field (`translations.fr.questions[0].title`, …).
pub fn check_translations(
    language: Option<Language>,
    translations: &BTreeMap<Language, Translation>,
    candidates: &[CandidateSpec],
    questions: &[Question],
) -> Result<BTreeMap<Language, Translation>, DomainError> {
    let known = Language::ALL.map(Language::tag).join(", ");
    if language == Some(Language::Unknown) {
        return Err(invalid("language", format!("must be one of {known}")));
    }
    let own = language.unwrap_or_default();
    let mut checked = BTreeMap::new();
    for (reader, translation) in translations {
        let at = format!("translations.{}", reader.tag());
        if *reader == Language::Unknown {
            return Err(invalid("translations", format!("languages are {known}")));
        }
        if *reader == own {
            return Err(invalid(
                at,
                "is the election's own language: write it in the definition itself",
            ));
        }
        checked.insert(*reader, check_one(&at, translation, candidates, questions)?);
    }
    Ok(checked)
}

fn check_one(
    at: &str,
    translation: &Translation,
    candidates: &[CandidateSpec],
    questions: &[Question],
) -> Result<Translation, DomainError> {
    let title = check_title(&format!("{at}.title"), &translation.title)?;
    let description = check_description(&format!("{at}.description"), &translation.description)?;
    let candidates = check_names(
        &format!("{at}.candidates"),
        &translation.candidates,
        candidates.len(),
    )?;
    let mut seen = HashSet::new();
    let mut translated = Vec::with_capacity(translation.questions.len());
    for (index, question) in translation.questions.iter().enumerate() {
        let field = format!("{at}.questions[{index}]");
        let Some(own) = questions.iter().find(|q| q.id == question.id) else {
            return Err(invalid(
                format!("{field}.id"),
                format!("there is no question {:?}", question.id),
            ));
        };
        if !seen.insert(question.id.as_str()) {
            return Err(invalid(
                format!("{field}.id"),
                format!("question {:?} is translated twice", question.id),
            ));
        }
        translated.push(QuestionTranslation {
            id: question.id.clone(),
            title: check_title(&format!("{field}.title"), &question.title)?,
            description: check_description(&format!("{field}.description"), &question.description)?,
            candidates: check_names(
                &format!("{field}.candidates"),
                &question.candidates,
                own.candidates.len(),
            )?,
        });
    }
    Ok(Translation {
        title,
        description,
        candidates,
        questions: translated,
    })
}

/// An optional title: empty, or trimmed, within the title's length, no control characters.
fn check_title(field: &str, title: &str) -> Result<String, DomainError> {
    let title = title.trim();
    if title.chars().count() > MAX_TITLE {
        return Err(invalid(
            field,
            format!("must be at most {MAX_TITLE} characters"),
        ));
    }
    if title.chars().any(char::is_control) {
        return Err(invalid(field, "must not hold control characters"));
    }
    Ok(title.to_string())
}

/// An optional description, kept as written (line breaks included) within its length.
fn check_description(field: &str, text: &str) -> Result<String, DomainError> {
    if text.chars().count() > MAX_DESCRIPTION {
        return Err(invalid(
            field,
            format!("must be at most {MAX_DESCRIPTION} characters"),
        ));
    }
    Ok(text.to_string())
}

/// Translated candidates: none, or all `count` of them, each held to a candidate's rules.
fn check_names(
    field: &str,
    names: &[CandidateSpec],
    count: usize,
) -> Result<Vec<CandidateSpec>, DomainError> {
    if names.is_empty() {
        return Ok(Vec::new());
    }
    if names.len() != count {
        return Err(invalid(
            field,
            format!("give all {count} candidates, in the definition's order, or none"),
        ));
    }
    check_candidates(names).map_err(|error| match error {
        DomainError::InvalidElection {
            field: inner,
            problem,
        } => {
            // `candidates[2].name` becomes `translations.fr.candidates[2].name`.
            let inner = inner
                .strip_prefix("candidates")
                .unwrap_or(&inner)
                .to_string();
            invalid(format!("{field}{inner}"), problem)
        }
        other => other,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::ballots::Method;

    fn spec(name: &str) -> CandidateSpec {
        CandidateSpec {
            name: name.into(),
            description: String::new(),
        }
    }

    fn motion() -> Question {
        Question {
            id: "motion".into(),
            title: "Motion".into(),
            description: String::new(),
            method: Method::Referendum,
            candidates: vec![spec("Yes"), spec("No")],
            seats: 1,
            max_choices: 1,
            threshold: None,
        }
    }

    fn french(translation: Translation) -> BTreeMap<Language, Translation> {
        BTreeMap::from([(Language::French, translation)])
    }

    fn field_of(result: Result<BTreeMap<Language, Translation>, DomainError>) -> String {
        match result {
            Err(DomainError::InvalidElection { field, .. }) => field,
            other => panic!("expected a refusal, got {other:?}"),
        }
    }

    #[test]
    fn a_translation_is_trimmed_and_kept() {
        let translation = Translation {
            title: "  Assemblée  ".into(),
            questions: vec![QuestionTranslation {
                id: "motion".into(),
                title: "Motion".into(),
                description: String::new(),
                candidates: vec![spec("Oui"), spec("Non")],
            }],
            ..Translation::default()
        };
        let checked = check_translations(None, &french(translation), &[], &[motion()]).unwrap();
        let french = &checked[&Language::French];
        assert_eq!(french.title, "Assemblée");
        assert_eq!(french.questions[0].candidates[0].name, "Oui");
    }

    #[test]
    fn every_wrong_part_is_named() {
        let unknown = BTreeMap::from([(Language::Unknown, Translation::default())]);
        assert_eq!(
            field_of(check_translations(None, &unknown, &[], &[])),
            "translations"
        );
        assert_eq!(
            field_of(check_translations(
                Some(Language::Unknown),
                &BTreeMap::new(),
                &[],
                &[]
            )),
            "language"
        );
        let own = french(Translation::default());
        assert_eq!(
            field_of(check_translations(Some(Language::French), &own, &[], &[])),
            "translations.fr"
        );
        let too_few = french(Translation {
            candidates: vec![spec("A")],
            ..Translation::default()
        });
        assert_eq!(
            field_of(check_translations(
                None,
                &too_few,
                &[spec("A"), spec("B")],
                &[]
            )),
            "translations.fr.candidates"
        );
        let twice = french(Translation {
            candidates: vec![spec("Même"), spec("même")],
            ..Translation::default()
        });
        assert_eq!(
            field_of(check_translations(
                None,
                &twice,
                &[spec("A"), spec("B")],
                &[]
            )),
            "translations.fr.candidates[1].name"
        );
        let stray = french(Translation {
            questions: vec![QuestionTranslation {
                id: "nope".into(),
                ..QuestionTranslation::default()
            }],
            ..Translation::default()
        });
        assert_eq!(
            field_of(check_translations(None, &stray, &[], &[motion()])),
            "translations.fr.questions[0].id"
        );
        let long = french(Translation {
            title: "x".repeat(MAX_TITLE + 1),
            ..Translation::default()
        });
        assert_eq!(
            field_of(check_translations(None, &long, &[], &[])),
            "translations.fr.title"
        );
    }
}
