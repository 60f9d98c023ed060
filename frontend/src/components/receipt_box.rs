//! Where anyone pastes a receipt, or drops or picks its file, to have it checked.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;
use web_sys::{FileList, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReceiptBoxProps {
    /// The text to check, when the person presses the box's button.
    pub on_check: Callback<String>,
    pub busy: bool,
}

/// The first file of a list, read as text into `text`.
fn read_first(files: Option<FileList>, text: UseStateHandle<String>) {
    let Some(file) = files.and_then(|files| files.get(0)) else {
        return;
    };
    spawn_local(async move {
        let file = gloo::file::File::from(file);
        match gloo::file::futures::read_as_text(&file).await {
            Ok(read) => text.set(read),
            Err(_) => text.set(String::new()),
        }
    });
}

#[component]
pub fn ReceiptBox(props: &ReceiptBoxProps) -> Html {
    let text = use_state(String::new);
    let on_input = {
        let text = text.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(area) = event.target_dyn_into::<HtmlTextAreaElement>() {
                text.set(area.value());
            }
        })
    };
    let on_file = {
        let text = text.clone();
        Callback::from(move |event: Event| {
            let input = event.target_dyn_into::<HtmlInputElement>();
            read_first(input.and_then(|input| input.files()), text.clone());
        })
    };
    // The drop's files are read through `dataTransfer` by name, which spares a web-sys
    // feature (and a rebuild of every crate that uses web-sys) for one property.
    let on_drop = {
        let text = text.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            let files = js_sys::Reflect::get(&event, &"dataTransfer".into())
                .and_then(|transfer| js_sys::Reflect::get(&transfer, &"files".into()))
                .ok()
                .and_then(|files| files.dyn_into::<FileList>().ok());
            read_first(files, text.clone());
        })
    };
    // Without this the browser opens a dropped file instead of handing it to the page.
    let on_drag_over = Callback::from(|event: DragEvent| event.prevent_default());
    let i18n = crate::i18n::use_i18n();
    let on_check = {
        let (text, on_check) = (text.clone(), props.on_check.clone());
        Callback::from(move |_: MouseEvent| on_check.emit((*text).clone()))
    };
    html! {
        <div class="receipt-box" ondrop={on_drop} ondragover={on_drag_over}>
            <label for="receipt-text">{ i18n.t("receipts-paste-label") }</label>
            // A receipt is JSON, its placeholder too: nothing in it is to be translated.
            <textarea id="receipt-text" rows="8" class="mono" spellcheck="false" translate="no"
                value={(*text).clone()} oninput={on_input}
                placeholder="{ \"election_id\": …, \"ballot_id\": …, … }" />
            <div class="row wrap">
                <label class="file-pick">
                    { i18n.t("receipts-pick-file") }{ " " }
                    <input id="receipt-file" type="file" accept=".json,application/json" onchange={on_file} />
                </label>
                <button id="check-receipt" type="button" class="primary" disabled={props.busy}
                    onclick={on_check}>
                    { i18n.t("receipts-verify") }
                </button>
            </div>
        </div>
    }
}
