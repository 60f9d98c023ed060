//! The election's wording in the reader's language ([`shared::languages::Languages`]): the
//! questions' titles, descriptions and candidates' names and descriptions are translated
//! where the election gives a translation, while every id (the question's, the candidates')
//! stays the one the server knows, so what is sent is the same in every language.

use shared::ballots::{Question, MAIN_QUESTION};
use shared::elections::{CandidateSpec, ElectionCandidate, QuestionView};
use shared::languages::{Language, Languages};

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
