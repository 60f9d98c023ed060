//! The control of a ranked question (IRV, STV): the ranked candidates in order, each with
//! "Move up", "Move down" and "Remove", then the unranked ones with "Add to ranking". Buttons
//! rather than drag and drop, so a keyboard, a switch or a thumb can all rank.
//!
//! A button that moves its candidate leaves the DOM or changes place, which would drop the
//! keyboard focus onto the page's body. So every action names the button that should have the
//! focus next, and an effect focuses it once the list is drawn again.

use std::cell::RefCell;
use std::rc::Rc;

use shared::elections::{ElectionCandidate, QuestionView};
use shared::CandidateId;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::question_draft::move_by_one;
use super::question_marks::candidate_text;
use crate::i18n::use_i18n;

#[derive(Properties, PartialEq)]
pub struct QuestionRankingProps {
    pub question: QuestionView,
    /// The ranked candidates, most preferred first.
    pub ranking: Vec<CandidateId>,
    pub enabled: bool,
    pub on_change: Callback<Vec<CandidateId>>,
}

/// The DOM id of one of the ranking's buttons (`add`, `up`, `down`, `remove`).
fn button_id(question: &str, action: &str, candidate: CandidateId) -> String {
    format!("q-{question}-{action}-{candidate}")
}

/// A button's name: its own words (the span inside it), then the candidate's name (and
/// description), so the name starts with what the button shows (WCAG 2.5.3, label in name).
/// Not the button's own id: a button naming itself would be named by its `aria-label`.
fn labelled_by(question: &str, action: &str, candidate: CandidateId) -> String {
    let words = button_id(question, &format!("{action}-words"), candidate);
    format!("{words} {}", button_id(question, "name", candidate))
}

/// Where the focus goes after `action` on `id`, given the lists as they will be drawn.
fn focus_after(
    action: &str,
    id: CandidateId,
    ranked: &[CandidateId],
    unranked: &[CandidateId],
    at: usize,
) -> (&'static str, CandidateId) {
    let last_place =
        |list: &[CandidateId]| list.len().checked_sub(1).map(|last| list[at.min(last)]);
    match action {
        // The next unranked candidate (the one now in the same place), else the one just added.
        "add" => last_place(unranked).map_or(("remove", id), |next| ("add", next)),
        "remove" => last_place(ranked).map_or(("add", id), |next| ("remove", next)),
        // The same candidate's button, unless it reached the end and that one is disabled.
        "up" if ranked.first() == Some(&id) => ("down", id),
        "down" if ranked.last() == Some(&id) => ("up", id),
        "up" => ("up", id),
        _ => ("down", id),
    }
}

/// Focuses the element with this DOM id, if it is on the page.
fn focus_by_id(dom_id: &str) {
    let element = gloo::utils::document().get_element_by_id(dom_id);
    if let Some(element) = element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
    }
}

#[component]
pub fn QuestionRanking(props: &QuestionRankingProps) -> Html {
    let i18n = use_i18n();
    let question = &props.question;
    let qid = question.id.clone();
    // The button to focus after the next drawing; a ref, as setting it must not redraw.
    let focus_next: Rc<RefCell<Option<String>>> = use_mut_ref(|| None);
    {
        let focus_next = focus_next.clone();
        use_effect(move || {
            if let Some(dom_id) = focus_next.borrow_mut().take() {
                focus_by_id(&dom_id);
            }
        });
    }
    let candidate = |id: CandidateId| question.candidates.iter().find(|c| c.id == id);
    let unranked: Vec<&ElectionCandidate> = question
        .candidates
        .iter()
        .filter(|c| !props.ranking.contains(&c.id))
        .collect();

    // One action on one candidate: the new ranking, and which button gets the focus.
    let act = |action: &'static str, id: CandidateId| {
        let (ranking, on_change) = (props.ranking.clone(), props.on_change.clone());
        let (focus_next, qid) = (focus_next.clone(), qid.clone());
        let all: Vec<CandidateId> = question.candidates.iter().map(|c| c.id).collect();
        Callback::from(move |_: MouseEvent| {
            let unranked_before: Vec<CandidateId> = all
                .iter()
                .copied()
                .filter(|c| !ranking.contains(c))
                .collect();
            let (next, at) = match action {
                "add" => {
                    let at = unranked_before.iter().position(|&c| c == id).unwrap_or(0);
                    ([ranking.as_slice(), &[id]].concat(), at)
                }
                "remove" => {
                    let at = ranking.iter().position(|&c| c == id).unwrap_or(0);
                    (ranking.iter().copied().filter(|&c| c != id).collect(), at)
                }
                _ => (move_by_one(&ranking, id, action == "up"), 0),
            };
            let unranked: Vec<CandidateId> =
                all.iter().copied().filter(|c| !next.contains(c)).collect();
            let (target_action, target) = focus_after(action, id, &next, &unranked, at);
            *focus_next.borrow_mut() = Some(button_id(&qid, target_action, target));
            on_change.emit(next);
        })
    };

    let disabled = !props.enabled;
    let count = props.ranking.len();
    // A button's name with the candidate's in it, for the buttons that have no visible one.
    let with_name = |key: &str, name: &str| i18n.t_args(key, &[("name", name.into())]);
    let ranked_items = props.ranking.iter().enumerate().filter_map(|(place, &id)| {
        let name = candidate(id)?.name.clone();
        Some(html! {
            <li key={id} class="ranked" data-testid={format!("ranked-{qid}-{id}")}>
                <span class="rank-place">
                    { i18n.t_args("voter-rank-place", &[("place", (place + 1).into())]) }
                </span>
                <span class="candidate-name" id={button_id(&qid, "name", id)} translate="no">
                    { &name }
                </span>
                <span class="rank-actions">
                    // Named by its visible words, then the candidate's (WCAG 2.5.3).
                    <button type="button" id={button_id(&qid, "up", id)} onclick={act("up", id)}
                        aria-labelledby={labelled_by(&qid, "up", id)}
                        disabled={disabled || place == 0}
                        aria-label={with_name("voter-move-up-label", &name)}>
                        <span id={button_id(&qid, "up-words", id)}>{ i18n.t("voter-move-up") }</span>
                    </button>
                    <button type="button" id={button_id(&qid, "down", id)} onclick={act("down", id)}
                        aria-labelledby={labelled_by(&qid, "down", id)}
                        disabled={disabled || place + 1 == count}
                        aria-label={with_name("voter-move-down-label", &name)}>
                        <span id={button_id(&qid, "down-words", id)}>{ i18n.t("voter-move-down") }</span>
                    </button>
                    <button type="button" id={button_id(&qid, "remove", id)} onclick={act("remove", id)}
                        {disabled} aria-label={with_name("voter-remove-label", &name)}>
                        { i18n.t("voter-remove") }
                    </button>
                </span>
            </li>
        })
    });
    let unranked_items = unranked.iter().map(|c| {
        let id = c.id;
        html! {
            <li key={id} class="unranked">
                <span class="candidate-text" id={button_id(&qid, "name", id)}>
                    { candidate_text(&i18n, question, c) }
                </span>
                <button type="button" id={button_id(&qid, "add", id)} onclick={act("add", id)}
                    aria-labelledby={labelled_by(&qid, "add", id)}
                    {disabled} aria-label={with_name("voter-add-label", &c.name)}>
                    <span id={button_id(&qid, "add-words", id)}>{ i18n.t("voter-add") }</span>
                </button>
            </li>
        }
    });
    html! {
        <div class="ranking">
            <p class="muted">{ i18n.t("voter-ranking-intro") }</p>
            if count == 0 {
                <p class="muted" data-testid={format!("ranking-empty-{qid}")}>
                    { i18n.t("voter-ranking-empty") }
                </p>
            }
            <ol class="ranked-list" aria-label={i18n.t("voter-ranked")}
                data-testid={format!("ranked-{qid}")}>
                { for ranked_items }
            </ol>
            if !unranked.is_empty() {
                <p class="muted">{ i18n.t("voter-unranked-heading") }</p>
                <ul class="unranked-list" aria-label={i18n.t("voter-unranked")}
                    data-testid={format!("unranked-{qid}")}>
                    { for unranked_items }
                </ul>
            }
        </div>
    }
}
