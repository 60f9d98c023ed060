//! `ballot config --print`: a node's effective settings as TOML that reads back as a
//! configuration file, each line's comment naming where its value came from, secrets masked.

use std::collections::HashMap;
use std::fmt::Write;

use clap::builder::ArgAction;
use clap::ArgMatches;

use super::settings;

/// Where a setting's value came from, lowest precedence first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Source {
    Default,
    File,
    Env,
    Flag,
}

impl Source {
    fn name(self) -> &'static str {
        match self {
            Source::Default => "default",
            Source::File => "file",
            Source::Env => "env",
            Source::Flag => "flag",
        }
    }
}

/// How a value is written in TOML.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Boolean,
    /// Strings and paths: always quoted, so a digits-only value reads back as text.
    Text,
    /// Numbers bare, anything else (addresses, lists) quoted.
    Other,
}

#[derive(Debug, Clone)]
struct Setting {
    key: String,
    value: Option<String>,
    source: Source,
    kind: Kind,
}

/// The settings of one command after layering, in clap's order.
#[derive(Debug, Clone, Default)]
pub struct Effective {
    command: String,
    settings: Vec<Setting>,
}

impl Effective {
    pub(super) fn new(
        command: &str,
        sub: &clap::Command,
        matches: &ArgMatches,
        sources: &HashMap<String, Source>,
    ) -> Effective {
        let settings = settings(sub)
            .map(|(arg, key)| {
                let raw = matches.try_get_raw(arg.get_id().as_str()).ok().flatten();
                let value = raw.map(|values| {
                    let texts: Vec<_> = values.map(|v| v.to_string_lossy().into_owned()).collect();
                    texts.join(",")
                });
                let type_id = arg.get_value_parser().type_id();
                let kind = if matches!(arg.get_action(), ArgAction::SetTrue | ArgAction::SetFalse) {
                    Kind::Boolean
                } else if type_id == std::any::TypeId::of::<String>()
                    || type_id == std::any::TypeId::of::<std::path::PathBuf>()
                {
                    Kind::Text
                } else {
                    Kind::Other
                };
                let source = sources.get(&key).copied().unwrap_or(Source::Default);
                Setting {
                    key,
                    value,
                    source,
                    kind,
                }
            })
            .collect();
        Effective {
            command: command.to_string(),
            settings,
        }
    }

    /// The settings as TOML, secrets shown as `"***"`.
    pub fn to_toml(&self) -> String {
        let mut out = format!(
            "# The effective settings of `ballot {}` (secrets masked); each comment names the \
             value's source:\n# default, file (--config), env (BALLOT_*) or flag.\n",
            if self.command == "config" {
                "node"
            } else {
                &self.command
            }
        );
        for setting in &self.settings {
            let source = setting.source.name();
            let Some(value) = &setting.value else {
                let _ = writeln!(out, "# {} is not set  # {source}", setting.key);
                continue;
            };
            let value = mask(&setting.key, value);
            let written = match setting.kind {
                Kind::Boolean => value,
                Kind::Other if value.parse::<i64>().is_ok() => value,
                Kind::Text | Kind::Other => quote(&value),
            };
            let _ = writeln!(out, "{} = {written}  # {source}", setting.key);
        }
        out
    }
}

/// A secret's value as `***`: any key naming a secret, token or password, and the password
/// inside an SMTP URL's `user:password@`.
pub fn mask(key: &str, value: &str) -> String {
    if ["secret", "token", "password"]
        .iter()
        .any(|word| key.contains(word))
    {
        return "***".into();
    }
    if key == "smtp_url" {
        return mask_url_password(value);
    }
    value.to_string()
}

/// `smtp://ann:pw@host` becomes `smtp://ann:***@host`; a URL without a password is kept.
fn mask_url_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let Some((user_info, host)) = rest.rsplit_once('@') else {
        return url.to_string();
    };
    match user_info.split_once(':') {
        Some((user, _)) => format!("{scheme}://{user}:***@{host}"),
        None => url.to_string(),
    }
}

/// A TOML basic string: JSON's escapes are all valid TOML ones.
fn quote(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".into())
}
