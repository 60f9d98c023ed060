//! The election's wording in the reader's language ([`shared::languages::Languages`]): the
//! questions' titles, descriptions and candidates' names and descriptions are translated
//! where the election gives a translation, while every id (the question's, the candidates')
//! stays the one the server knows, so what is sent is the same in every language.

use shared::ballots::{Question, MAIN_QUESTION};
use shared::elections::{CandidateSpec, ElectionCandidate, ElectionOptions, QuestionView};
use shared::languages::{Language, Languages};
use yew::AttrValue;

use super::super::Definition;
use crate::components::question_draft::needs_question_form;
use crate::i18n::I18n;

/// The candidates with the wording of `read` (same order), keeping their own ids.
fn reworded(candidates: &[ElectionCandidate], read: Vec<CandidateSpec>) -> Vec<ElectionCandidate> {
    candidates
        .iter()
        .zip(read)
        .map(|(own, read)| ElectionCandidate {
            id: own.id,
            name: read.name,
            description: read.description,
        })
        .collect()
}

fn specs(candidates: &[ElectionCandidate]) -> Vec<CandidateSpec> {
    candidates
        .iter()
        .map(|c| CandidateSpec {
            name: c.name.clone(),
            description: c.description.clone(),
        })
        .collect()
}

/// Question `view` as a reader of `reader` sees it.
pub fn read_question(languages: &Languages, reader: Language, view: &QuestionView) -> QuestionView {
    let own = Question {
        id: view.id.clone(),
        title: view.title.clone(),
        description: view.description.clone(),
        method: view.method,
        candidates: specs(&view.candidates),
        seats: view.seats,
        max_choices: view.max_choices,
        threshold: view.threshold,
    };
    let read = languages.question(reader, &own);
    QuestionView {
        title: read.title,
        description: read.description,
        candidates: reworded(&view.candidates, read.candidates),
        ..view.clone()
    }
}

/// The old form's candidates (its one question, `main`) as a reader of `reader` sees them.
pub fn read_candidates(
    languages: &Languages,
    reader: Language,
    candidates: &[ElectionCandidate],
) -> Vec<ElectionCandidate> {
    let main = QuestionView {
        id: MAIN_QUESTION.to_string(),
        title: String::new(),
        description: String::new(),
        method: shared::ballots::Method::Plurality,
        candidates: candidates.to_vec(),
        seats: 1,
        max_choices: 1,
        threshold: None,
    };
    read_question(languages, reader, &main).candidates
}

/// What the voter page shows of the election, in the reader's language.
pub struct Shown {
    pub title: AttrValue,
    pub description: String,
    pub candidates: Vec<ElectionCandidate>,
    /// Set only for a ballot that needs the form of questions ([`needs_question_form`]), and
    /// for every verifiable election.
    pub questions: Vec<QuestionView>,
    pub options: ElectionOptions,
}

impl Shown {
    /// The original election (`election` none, with its candidates as the server listed
    /// them), an election still loading (its id as the title), or a known one's wording in
    /// the page's language. A missing election is the page's business.
    pub fn of(
        election: Option<&AttrValue>,
        definition: &Definition,
        i18n: &I18n,
        classic_candidates: &[ElectionCandidate],
    ) -> Shown {
        let reader = i18n.lang().language();
        let bare = |title: AttrValue, candidates: Vec<ElectionCandidate>| Shown {
            title,
            description: String::new(),
            candidates,
            questions: Vec::new(),
            options: ElectionOptions::default(),
        };
        match (election, definition) {
            (None, _) => bare(i18n.t("voter-title").into(), classic_candidates.to_vec()),
            (Some(_), Definition::Known(view)) => {
                let languages = view.languages();
                Shown {
                    title: languages.title(reader, &view.title).to_string().into(),
                    description: languages.description(reader, &view.description).to_string(),
                    candidates: read_candidates(&languages, reader, &view.candidates),
                    // A verifiable election seals a reviewed ballot: never the one-click form.
                    questions: if needs_question_form(&view.questions)
                        || !view.options.secrecy.is_open()
                    {
                        let read = |q| read_question(&languages, reader, q);
                        view.questions.iter().map(read).collect()
                    } else {
                        Vec::new()
                    },
                    options: view.options.clone(),
                }
            }
            (Some(id), Definition::Loading | Definition::Missing) => bare(id.clone(), Vec::new()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn candidate(id: u32, name: &str) -> ElectionCandidate {
        ElectionCandidate {
            id,
            name: name.into(),
            description: String::new(),
        }
    }

    #[wasm_bindgen_test]
    fn a_question_is_reworded_and_keeps_its_ids() {
        let languages: Languages = serde_json::from_value(serde_json::json!({
            "translations": {"fr": {"title": "Assemblée", "questions": [
                {"id": "chair", "title": "Présidence",
                 "candidates": [{"name": "Anne"}, {"name": "Bob"}]}]}}
        }))
        .unwrap();
        let view = QuestionView {
            id: "chair".into(),
            title: "Chair".into(),
            description: "Who chairs".into(),
            method: shared::ballots::Method::Plurality,
            candidates: vec![candidate(7, "Ann"), candidate(9, "Bob")],
            seats: 1,
            max_choices: 1,
            threshold: None,
        };
        let read = read_question(&languages, Language::French, &view);
        assert_eq!(read.title, "Présidence");
        assert_eq!(read.description, "Who chairs");
        assert_eq!(
            read.candidates,
            vec![candidate(7, "Anne"), candidate(9, "Bob")]
        );
        assert_eq!(read_question(&languages, Language::German, &view), view);
    }
}
