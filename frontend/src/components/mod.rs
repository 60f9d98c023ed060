//! Presentational components. They only take props and emit callbacks; fetching and live
//! state belong to the pages.
//!
//! - [`status`]: the connection and phase badges; [`page_header`]: the title bar with both;
//!   [`language_switcher`]: the page's language; [`display_settings`]: the voter page's
//!   high-contrast theme and text size.
//! - [`countdown`]: time left until the deadline.
//! - [`notice`]: the message line under a form (reserved space, so nothing jumps).
//! - [`bar_chart`]: votes per candidate; [`outcome`]: the winner announcement.
//! - [`login_form`], [`credential_form`], [`ballot`], [`voter_panel`]: the voter's forms and
//!   receipt.
//! - [`receipt_card`]: the voter's receipt with Download and Verify; [`receipt_box`]: a
//!   receipt pasted or dropped on the audit page; [`verdict`]: what checking one came to.
//! - [`results_summary`]: outcome, bars and turnout together.
//! - [`confirm_button`], [`deadline_form`], [`voter_table`], [`cluster_table`],
//!   [`activity_feed`]: the admin's controls and tables.
//! - [`election_list`]: every election with phase and turnout; [`election_form`] with
//!   [`candidate_editor`]: a new election; [`credentials`]: credentials shown once.
//! - [`mail_status`]: the mail to voters: progress per kind, failures to resend, set-up help.
//! - [`question_editor`] (edits in [`question_editor_edits`], the voter's ballot previewed by
//!   [`question_editor_preview`]): a question of a ballot of questions.
//! - [`question_results`]: one question's result, with [`rounds`] (IRV, STV), [`pairwise`]
//!   (Schulze) and [`referendum`]; its wording in [`question_results_text`].
//! - [`question_panel`] with [`question_ballot`]: a ballot of several questions, each by
//!   [`question_marks`] (radios, checkboxes), [`question_ranking`] (IRV, STV) or
//!   [`question_ranks`] (Schulze), then [`review`]; [`question_draft`] holds the answers.

pub mod activity_feed;
pub mod ballot;
pub mod bar_chart;
pub mod candidate_editor;
pub mod cluster_table;
pub mod confirm_button;
pub mod countdown;
pub mod credential_form;
pub mod credentials;
pub mod deadline_form;
pub mod deadline_warning;
pub mod display_settings;
pub mod election_form;
pub mod election_list;
pub mod field_error;
pub mod language_switcher;
pub mod login_form;
pub mod mail_status;
pub mod notice;
pub mod outcome;
pub mod page_header;
pub mod pairwise;
pub mod question_ballot;
pub mod question_draft;
pub mod question_editor;
pub mod question_editor_edits;
pub mod question_editor_preview;
pub mod question_marks;
pub mod question_panel;
pub mod question_ranking;
pub mod question_ranks;
pub mod question_results;
pub mod question_results_text;
pub mod receipt_box;
pub mod receipt_card;
pub mod referendum;
pub mod results_summary;
pub mod review;
pub mod rounds;
pub mod status;
pub mod verdict;
pub mod voter_panel;
pub mod voter_table;
