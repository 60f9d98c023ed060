//! Files the page makes itself (the credentials after an import, the exports fetched with the
//! admin token) and hands to the browser's downloads.
//!
//! The text goes into a `Blob` behind an object URL (`blob:…`), which the page links to with
//! a `download` attribute. The URL lives as long as the [`Download`] (gloo's `ObjectUrl`
//! revokes it when dropped), so a credentials file disappears from memory once the admin
//! dismisses it or leaves the page.

use gloo::file::{Blob, ObjectUrl};
use wasm_bindgen::JsCast;

/// A file in memory, ready to be saved.
#[derive(Clone)]
pub struct Download {
    url: ObjectUrl,
    file_name: String,
}

impl PartialEq for Download {
    /// Two downloads are the same when they point at the same object URL.
    fn eq(&self, other: &Self) -> bool {
        *self.url == *other.url
    }
}

impl Download {
    /// A file named `file_name` holding `text`, saved with `mime` (UTF-8).
    pub fn from_text(text: &str, mime: &str, file_name: impl Into<String>) -> Download {
        let blob = Blob::new_with_options(text, Some(&format!("{mime};charset=utf-8")));
        Download {
            url: ObjectUrl::from(blob),
            file_name: file_name.into(),
        }
    }

    /// The `blob:` URL, for an `<a href>`.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The name the browser saves the file under, for the `download` attribute.
    pub fn file_name(&self) -> &str {
        &self.file_name
    }

    /// Starts the download as a click on a link would, for files fetched after a click (the
    /// exports), where there was no link to click yet.
    pub fn start(&self) {
        let document = gloo::utils::document();
        let Ok(link) = document.create_element("a") else {
            return;
        };
        let _ = link.set_attribute("href", self.url());
        let _ = link.set_attribute("download", self.file_name());
        if let Ok(link) = link.dyn_into::<web_sys::HtmlElement>() {
            link.click();
        }
    }
}
