//! The bar across the top of every dashboard: the page's title, the election's phase,
//! whether pushes are arriving, and the language switcher.

use shared::Phase;
use yew::prelude::*;

use crate::components::language_switcher::LanguageSwitcher;
use crate::components::status::{ConnectionBadge, PhaseBadge};
use crate::state::Connection;

#[derive(Properties, PartialEq)]
pub struct PageHeaderProps {
    pub title: AttrValue,
    pub phase: Phase,
    pub connection: Connection,
    /// Controls after the badges (the admin's "Forget token").
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn PageHeader(props: &PageHeaderProps) -> Html {
    html! {
        <header class="topbar">
            // The title is the election's own (or its translation): never the page's words.
            <h1 translate="no">{ props.title.clone() }</h1>
            <PhaseBadge phase={props.phase} />
            <ConnectionBadge connection={props.connection} />
            <LanguageSwitcher />
            { props.children.clone() }
        </header>
    }
}
