//! The ballot as the admin writes it: one row per candidate (name and description), rows added,
//! removed and moved up or down. The ballot's order is the order voters see.
//!
//! The editor is controlled: it shows the list it is given and emits the list an edit makes
//! ([`apply`], pure and unit-tested), so the form that holds it owns the only copy.

use shared::elections::CandidateSpec;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::i18n::use_i18n;

/// One change to the list of candidates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// A new empty row at the end.
    Add,
    Remove(usize),
    /// Swaps the row with the one above it.
    MoveUp(usize),
    /// Swaps the row with the one below it.
    MoveDown(usize),
    Name(usize, String),
    Description(usize, String),
}

fn blank() -> CandidateSpec {
    CandidateSpec {
        name: String::new(),
        description: String::new(),
    }
}

/// The list after `edit`. An edit of a row that does not exist, or a move past either end,
/// changes nothing; removing the last row leaves one empty row, so there is always a field to
/// type the first candidate into.
pub fn apply(mut list: Vec<CandidateSpec>, edit: Edit) -> Vec<CandidateSpec> {
    let len = list.len();
    match edit {
        Edit::Add => list.push(blank()),
        Edit::Remove(at) if at < len => {
            list.remove(at);
            if list.is_empty() {
                list.push(blank());
            }
        }
        Edit::MoveUp(at) if at > 0 && at < len => list.swap(at - 1, at),
        Edit::MoveDown(at) if at + 1 < len => list.swap(at, at + 1),
        Edit::Name(at, name) if at < len => list[at].name = name,
        Edit::Description(at, text) if at < len => list[at].description = text,
        Edit::Remove(_)
        | Edit::MoveUp(_)
        | Edit::MoveDown(_)
        | Edit::Name(..)
        | Edit::Description(..) => {}
    }
    list
}

/// What a new election's ballot starts with: two empty rows, since a ballot offers a choice.
pub fn starting_ballot() -> Vec<CandidateSpec> {
    vec![blank(), blank()]
}

#[derive(Properties, PartialEq)]
pub struct CandidateEditorProps {
    pub candidates: Vec<CandidateSpec>,
    pub on_edit: Callback<Edit>,
    /// Starts every element id, so a form with several questions keeps its ids unique; the
    /// simple ballot keeps `candidate` (`candidate-name-0`, `candidate-add`), which tests use.
    #[prop_or(AttrValue::Static("candidate"))]
    pub prefix: AttrValue,
    /// The fieldset's legend; "Candidates, in ballot order" in the page's language if none.
    #[prop_or_default]
    pub legend: Option<AttrValue>,
}

#[component]
pub fn CandidateEditor(props: &CandidateEditorProps) -> Html {
    let i18n = use_i18n();
    let last = props.candidates.len().saturating_sub(1);
    let prefix = props.prefix.clone();
    let row = |(at, candidate): (usize, &CandidateSpec)| {
        let emit = props.on_edit.clone();
        let on_name = emit.reform(move |event: InputEvent| {
            Edit::Name(
                at,
                event.target_unchecked_into::<HtmlInputElement>().value(),
            )
        });
        let on_description = emit.reform(move |event: InputEvent| {
            Edit::Description(
                at,
                event.target_unchecked_into::<HtmlTextAreaElement>().value(),
            )
        });
        let click = |edit: fn(usize) -> Edit| emit.reform(move |_: MouseEvent| edit(at));
        let number = at + 1;
        let numbered = |key: &str| i18n.t_args(key, &[("number", number.into())]);
        html! {
            <li class="candidate-row" data-testid="candidate-row">
                <span class="candidate-number" aria-hidden="true">{ crate::format::count(number as u64) }</span>
                <div class="candidate-fields">
                    <label for={format!("{prefix}-name-{at}")}>{ numbered("editor-candidate") }</label>
                    <input id={format!("{prefix}-name-{at}")} type="text" required=true
                        maxlength="100" value={candidate.name.clone()} oninput={on_name} />
                    <label for={format!("{prefix}-description-{at}")} class="minor">
                        { i18n.t("editor-description") }
                    </label>
                    <textarea id={format!("{prefix}-description-{at}")} rows="2" maxlength="2000"
                        value={candidate.description.clone()} oninput={on_description} />
                </div>
                <div class="candidate-tools">
                    <button id={format!("{prefix}-up-{at}")} type="button" disabled={at == 0}
                        aria-label={numbered("editor-candidate-move-up")} onclick={click(Edit::MoveUp)}>
                        { "↑" }
                    </button>
                    <button id={format!("{prefix}-down-{at}")} type="button" disabled={at == last}
                        aria-label={numbered("editor-candidate-move-down")} onclick={click(Edit::MoveDown)}>
                        { "↓" }
                    </button>
                    <button id={format!("{prefix}-remove-{at}")} type="button"
                        aria-label={numbered("editor-candidate-remove")} onclick={click(Edit::Remove)}>
                        { "✕" }
                    </button>
                </div>
            </li>
        }
    };
    let on_add = props.on_edit.reform(|_: MouseEvent| Edit::Add);
    html! {
        <fieldset class="candidates">
            <legend>{ props.legend.clone().unwrap_or_else(|| i18n.t("editor-candidates-legend").into()) }</legend>
            <ol class="candidate-editor">
                { for props.candidates.iter().enumerate().map(row) }
            </ol>
            <button id={format!("{prefix}-add")} type="button" onclick={on_add}>{ i18n.t("editor-add-candidate") }</button>
        </fieldset>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn named(names: &[&str]) -> Vec<CandidateSpec> {
        names
            .iter()
            .map(|name| CandidateSpec {
                name: name.to_string(),
                description: format!("about {name}"),
            })
            .collect()
    }

    fn names(list: &[CandidateSpec]) -> Vec<&str> {
        list.iter().map(|c| c.name.as_str()).collect()
    }

    #[wasm_bindgen_test]
    fn moving_swaps_with_the_neighbour_and_keeps_descriptions() {
        let list = apply(named(&["Ada", "Brian", "Chen"]), Edit::MoveUp(2));
        assert_eq!(names(&list), ["Ada", "Chen", "Brian"]);
        assert_eq!(list[1].description, "about Chen");
        let list = apply(list, Edit::MoveDown(0));
        assert_eq!(names(&list), ["Chen", "Ada", "Brian"]);
    }

    #[wasm_bindgen_test]
    fn moves_past_either_end_change_nothing() {
        let list = named(&["Ada", "Brian"]);
        assert_eq!(apply(list.clone(), Edit::MoveUp(0)), list);
        assert_eq!(apply(list.clone(), Edit::MoveDown(1)), list);
        assert_eq!(apply(list.clone(), Edit::MoveDown(7)), list);
        assert_eq!(apply(list.clone(), Edit::MoveUp(7)), list);
        assert_eq!(apply(list.clone(), Edit::Remove(2)), list);
        assert_eq!(apply(list.clone(), Edit::Name(2, "X".into())), list);
    }

    #[wasm_bindgen_test]
    fn adding_appends_an_empty_row_and_editing_changes_one_field() {
        let list = apply(named(&["Ada"]), Edit::Add);
        assert_eq!(list.len(), 2);
        assert_eq!(list[1], blank());
        let list = apply(list, Edit::Name(1, "Brian".into()));
        let list = apply(list, Edit::Description(1, "Treasurer".into()));
        assert_eq!(list[1].name, "Brian");
        assert_eq!(list[1].description, "Treasurer");
        assert_eq!(list[0].name, "Ada");
    }

    #[wasm_bindgen_test]
    fn removing_the_last_row_leaves_an_empty_one() {
        let list = apply(named(&["Ada", "Brian", "Chen"]), Edit::Remove(1));
        assert_eq!(names(&list), ["Ada", "Chen"]);
        let list = apply(apply(list, Edit::Remove(0)), Edit::Remove(0));
        assert_eq!(list, vec![blank()]);
        assert_eq!(starting_ballot().len(), 2);
    }
}
