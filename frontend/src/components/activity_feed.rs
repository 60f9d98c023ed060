//! The live activity feed, newest first.
//!
//! A line from a server that sends its data ([`FeedWords`]) is worded in the page's language,
//! the names, titles and a mail server's text kept apart as data; any other line (an older
//! server, a kind of line newer than this page) shows the server's English as it is.

use fluent_bundle::FluentValue;
use shared::dto::Notification;
use shared::feed::{duration_parts, FeedWords};
use shared::mail::MailKind;
use yew::prelude::*;

use crate::components::question_results_text::Words;
use crate::format::format_time_of_day;
use crate::i18n::I18n;

#[derive(Properties, PartialEq)]
pub struct ActivityFeedProps {
    pub notifications: Vec<Notification>,
}

/// Formats a message with its variables: the page's [`I18n::t_args`], or a test's bundle.
type Say<'a> = dyn Fn(&str, &[(&str, FluentValue<'_>)]) -> String + 'a;

/// Which message words a line, with its variables and its data (names, titles, a server's
/// text: never translated).
struct Line {
    key: &'static str,
    args: Vec<(&'static str, FluentValue<'static>)>,
    data: Vec<(&'static str, String)>,
}

impl Line {
    fn new(key: &'static str) -> Line {
        Line {
            key,
            args: Vec::new(),
            data: Vec::new(),
        }
    }

    fn arg(mut self, name: &'static str, value: impl Into<FluentValue<'static>>) -> Line {
        self.args.push((name, value.into()));
        self
    }

    fn data(mut self, name: &'static str, value: &str) -> Line {
        self.data.push((name, value.to_string()));
        self
    }
}

/// How `words` is said: `say` formats the messages a line is made of (a span of time, a
/// voter known only by number). None for a line this page does not know.
fn line_of(words: &FeedWords, say: &Say) -> Option<Line> {
    // Identifiers keep their digits as they are; counts are numbers, which pick plurals.
    let id = |n: u64| FluentValue::from(n.to_string());
    let voter = |line: Line, voter_id: u32, name: &Option<String>| match name {
        Some(name) => line.data("name", name),
        None => line.arg(
            "name",
            say("admin-feed-line-voter", &[("voter", id(voter_id.into()))]),
        ),
    };
    let kind = |kind: &MailKind| kind.as_str();
    Some(match words {
        FeedWords::CandidateAdded { name } => {
            Line::new("admin-feed-line-candidate-added").data("name", name)
        }
        FeedWords::VoterRegistered { voter_id, name } => {
            Line::new("admin-feed-line-voter-registered")
                .data("name", name)
                .arg("voter", id((*voter_id).into()))
        }
        FeedWords::SomeoneRegistered { on_roll } => {
            Line::new("admin-feed-line-someone-registered").arg("count", *on_roll)
        }
        FeedWords::LoggedIn { voter_id, name } => {
            voter(Line::new("admin-feed-line-logged-in"), *voter_id, name)
        }
        FeedWords::Voted { voter_id, name } => {
            voter(Line::new("admin-feed-line-voted"), *voter_id, name)
        }
        FeedWords::SomeoneVoted => Line::new("admin-feed-line-someone-voted"),
        FeedWords::DeadlineSet { closes_in_ms } => {
            let (hours, minutes, seconds) = duration_parts(*closes_in_ms);
            let (h, m, s) = (
                FluentValue::from(hours),
                FluentValue::from(minutes),
                FluentValue::from(seconds),
            );
            let span = match (hours, minutes) {
                (0, 0) => say("admin-feed-line-duration-s", &[("seconds", s)]),
                (0, _) if seconds == 0 => say("admin-feed-line-duration-min", &[("minutes", m)]),
                (0, _) => say(
                    "admin-feed-line-duration-min-s",
                    &[("minutes", m), ("seconds", s)],
                ),
                _ => say(
                    "admin-feed-line-duration-h-min",
                    &[("hours", h), ("minutes", m)],
                ),
            };
            Line::new("admin-feed-line-deadline-set").arg("duration", span)
        }
        FeedWords::LiveResults { enabled: true } => Line::new("admin-feed-line-live-results-on"),
        FeedWords::LiveResults { enabled: false } => Line::new("admin-feed-line-live-results-off"),
        FeedWords::VotingOpened => Line::new("admin-feed-line-voting-opened"),
        FeedWords::VotingStopped => Line::new("admin-feed-line-voting-stopped"),
        FeedWords::DeadlinePassed => Line::new("admin-feed-line-deadline-passed"),
        FeedWords::ResultsPublished => Line::new("admin-feed-line-results-published"),
        FeedWords::ElectionDefined { title, candidates } => {
            Line::new("admin-feed-line-election-defined")
                .data("title", title)
                .arg("count", *candidates)
        }
        FeedWords::ElectionDefinedWithQuestions { title, questions } => {
            Line::new("admin-feed-line-election-defined-questions")
                .data("title", title)
                .arg("count", *questions)
        }
        FeedWords::VoterImported { voter_id, name } => Line::new("admin-feed-line-voter-imported")
            .data("name", name)
            .arg("voter", id((*voter_id).into())),
        FeedWords::RollImported { created, skipped } => Line::new("admin-feed-line-roll-imported")
            .arg("created", *created)
            .arg("skipped", *skipped),
        FeedWords::CredentialIssued { voter_id, name } => voter(
            Line::new("admin-feed-line-credential-issued"),
            *voter_id,
            name,
        ),
        FeedWords::MailFailed {
            voter_id,
            name,
            kind: mail,
            error,
        } => voter(Line::new("admin-feed-line-mail-failed"), *voter_id, name)
            .arg("kind", kind(mail))
            .data("error", error),
        FeedWords::MailQueued {
            kind: mail,
            queued,
            skipped_no_email,
        } => Line::new("admin-feed-line-mail-queued")
            .arg("kind", kind(mail))
            .arg("count", *queued)
            .arg("skipped", *skipped_no_email),
        FeedWords::ReplicaUnreachable { node_id } => {
            Line::new("admin-feed-line-replica-unreachable").arg("node", id(*node_id))
        }
        FeedWords::ReplicaBack { node_id } => {
            Line::new("admin-feed-line-replica-back").arg("node", id(*node_id))
        }
        FeedWords::MemberJoined { node_id } => {
            Line::new("admin-feed-line-member-joined").arg("node", id(*node_id))
        }
        FeedWords::NewLeader { node_id, term } => Line::new("admin-feed-line-new-leader")
            .arg("node", id(*node_id))
            .arg("term", id(*term)),
        FeedWords::NoLeader => Line::new("admin-feed-line-no-leader"),
        FeedWords::Unknown => return None,
    })
}

/// A line in `i18n`'s language, or None when only the server's English can say it.
pub fn feed_line(words: &FeedWords, i18n: &I18n) -> Option<Words> {
    let line = line_of(words, &|key, args| i18n.t_args(key, args))?;
    Some(Words::of(i18n, line.key, &line.args, &line.data))
}

#[component]
pub fn ActivityFeed(props: &ActivityFeedProps) -> Html {
    let i18n = crate::i18n::use_i18n();
    if props.notifications.is_empty() {
        return html! { <p class="muted">{ i18n.t("admin-feed-empty") }</p> };
    }
    // Numbers of the log and of its clock: identifiers, with their digits as they are.
    let meta = |line: &Notification| {
        let lamport = line.lamport.to_string();
        if line.seq > 0 {
            let seq = line.seq.to_string();
            i18n.t_args(
                "admin-feed-meta",
                &[("seq", seq.into()), ("lamport", lamport.into())],
            )
        } else {
            i18n.t_args("admin-feed-lamport", &[("lamport", lamport.into())])
        }
    };
    let message = |line: &Notification| match line.words.as_ref().and_then(|w| feed_line(w, &i18n))
    {
        Some(words) => html! { <span class="feed-message">{ words.html() }</span> },
        // The server's English (with the names in it), as it wrote it.
        None => html! { <span class="feed-message" translate="no">{ &line.message }</span> },
    };
    html! {
        <ol class="feed" tabindex="0" aria-label={i18n.t("admin-feed-label")} data-testid="feed">
            { for props.notifications.iter().map(|line| html! {
                <li class={format!("feed-{}", line.kind)}>
                    <time class="mono">{ format_time_of_day(line.time_ms) }</time>
                    { message(line) }
                    if let Some(by) = &line.by {
                        // Who did it: an official's or observer's name, never translated.
                        <span class="feed-by">
                            { i18n.t("admin-feed-by") }
                            <span translate="no">{ by.name.clone() }</span>
                        </span>
                    }
                    <span class="feed-meta mono">{ meta(line) }</span>
                </li>
            }) }
        </ol>
    }
}

#[cfg(test)]
mod tests {
    use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::*;
    use crate::i18n::Lang;

    fn samples() -> Vec<FeedWords> {
        vec![
            FeedWords::Voted {
                voter_id: 3,
                name: Some("Ada".into()),
            },
            FeedWords::LoggedIn {
                voter_id: 9,
                name: None,
            },
            FeedWords::DeadlineSet {
                closes_in_ms: 90 * 60_000,
            },
            FeedWords::DeadlineSet {
                closes_in_ms: 12 * 60_000 + 30_000,
            },
            FeedWords::ElectionDefinedWithQuestions {
                title: "Board".into(),
                questions: 1,
            },
            FeedWords::ElectionDefined {
                title: "Board".into(),
                candidates: 3,
            },
            FeedWords::RollImported {
                created: 5,
                skipped: 1,
            },
            FeedWords::MailFailed {
                voter_id: 3,
                name: Some("Ada".into()),
                kind: MailKind::Results,
                error: "550 no such user".into(),
            },
            FeedWords::MailQueued {
                kind: MailKind::Invitation,
                queued: 1,
                skipped_no_email: 0,
            },
            FeedWords::MailQueued {
                kind: MailKind::Reminder,
                queued: 4,
                skipped_no_email: 2,
            },
            FeedWords::NewLeader {
                node_id: 2,
                term: 7,
            },
        ]
    }

    // The server's English is the contract (`message`); the page's English must not drift.
    #[wasm_bindgen_test]
    fn english_lines_read_as_the_server_writes_them() {
        let i18n = I18n::english();
        for words in samples() {
            let line = feed_line(&words, &i18n).expect("a known line");
            assert_eq!(line.to_string(), words.english(), "{words:?}");
        }
        assert!(feed_line(&FeedWords::Unknown, &i18n).is_none());
    }

    // The page's I18n is only made for its own language, so French is read from its
    // resource directly.
    #[wasm_bindgen_test]
    fn french_lines_are_french_and_keep_the_names() {
        let mut bundle = FluentBundle::new(vec!["fr".parse().unwrap()]);
        bundle.set_use_isolating(false);
        bundle
            .add_resource(
                FluentResource::try_new(crate::ftl!(Lang::Fr, "admin").to_string()).unwrap(),
            )
            .unwrap();
        let format = |key: &str, args: &[(&str, FluentValue<'_>)]| {
            let mut fluent = FluentArgs::new();
            for (name, value) in args {
                fluent.set(*name, value.clone());
            }
            let message = bundle.get_message(key).and_then(|m| m.value()).expect(key);
            let mut errors = Vec::new();
            let text = bundle
                .format_pattern(message, Some(&fluent), &mut errors)
                .into_owned();
            assert!(errors.is_empty(), "{key}: {errors:?}");
            text
        };
        for words in samples() {
            let line = line_of(&words, &format).expect("a known line");
            let mut args = line.args.clone();
            args.extend(
                line.data
                    .iter()
                    .map(|(name, value)| (*name, FluentValue::from(value.as_str()))),
            );
            let french = format(line.key, &args);
            assert_ne!(french, words.english(), "{words:?}");
            for (_, datum) in &line.data {
                assert!(french.contains(datum.as_str()), "{french} lacks {datum}");
            }
        }
        let ada = line_of(&samples()[0], &format).unwrap();
        assert_eq!(format(ada.key, &[("name", "Ada".into())]), "Ada a voté");
    }
}
