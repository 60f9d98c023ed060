//! A refusal shown next to the field it is about, in plain words, tied to the field so a
//! screen reader reads it with the field (`aria-describedby`) and marks the field invalid
//! (`aria-invalid`). The page's notice line still announces it; this is where the eye and
//! the focus find it when the person goes back to correct the field.

use yew::prelude::*;

/// Which of the voter's forms a refusal is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// Name and voter id.
    Login,
    /// A new voter's name.
    Register,
    /// A credential from the roll.
    Credential,
}

/// A refusal of one form, worded for people.
pub type Refusal = Option<(Form, String)>;

/// The refusal's text if it is about `form`.
pub fn about(refusal: &Refusal, form: Form) -> Option<AttrValue> {
    match refusal {
        Some((about, text)) if *about == form => Some(AttrValue::from(text.clone())),
        _ => None,
    }
}

/// `aria-invalid` for a field whose form was refused (absent otherwise).
pub fn invalid(error: &Option<AttrValue>) -> Option<AttrValue> {
    error.as_ref().map(|_| AttrValue::from("true"))
}

#[derive(Properties, PartialEq)]
pub struct FieldErrorProps {
    /// The id the field's `aria-describedby` names.
    pub id: AttrValue,
    pub text: Option<AttrValue>,
}

#[component]
pub fn FieldError(props: &FieldErrorProps) -> Html {
    match &props.text {
        Some(text) => html! {
            <p id={props.id.clone()} class="field-error" data-testid="field-error">
                { text.clone() }
            </p>
        },
        None => html! {},
    }
}
