//! The configuration file (`--config FILE`, TOML) and the `BALLOT_*` environment, layered
//! under the command line of `ballot node`, `tally`, `cluster` and `config --print`.
//!
//! Every flag is a key: its long name with `_` for `-` (`data_dir`, `smtp_url`, `peers`), and
//! `BALLOT_<KEY>` in the environment. Precedence, lowest first: built-in defaults, the file,
//! the environment, the command line. The keys come from clap's own list of arguments, so a
//! flag someone adds is a key at once. The command line is parsed once to learn which
//! arguments it (or clap's own `env = "BALLOT_…"`) gave; the file's and the environment's
//! values for the others are then appended as `--key=value` and the whole line is parsed
//! again, so clap's checks (value parsers, conflicts) apply to every source alike.
//!
//! - [`effective`]: `ballot config --print`, the settings as TOML with their sources.

mod effective;
#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail, Context};
use clap::builder::ArgAction;
use clap::error::ContextKind;
use clap::parser::ValueSource;
use clap::{Arg, ArgMatches, Args, CommandFactory, FromArgMatches};
use figment::providers::{Env, Format, Toml};
use figment::value::Value;
use figment::{Figment, Provider};

use super::{Cli, Command, NodeArgs};
pub use effective::{Effective, Source};

/// The subcommands a configuration file applies to (`tally` takes `node`'s flags).
const SERVER_COMMANDS: [&str; 4] = ["node", "tally", "cluster", "config"];
/// Arguments that are not settings: the file's own path and `config`'s `--print`.
const NOT_SETTINGS: [&str; 2] = ["config", "print"];

/// `ballot config`: what a node started with the same flags would run with.
#[derive(Debug, Clone, Args)]
pub struct ConfigArgs {
    /// Print the effective settings as TOML (secrets masked), each with where it came from:
    /// default, file, env or flag.
    #[arg(long, required = true)]
    pub print: bool,
    #[command(flatten)]
    pub node: NodeArgs,
    /// Filled in by [`parse`] after the layering.
    #[arg(skip)]
    pub effective: Effective,
}

/// Parses the process's command line with the file and environment layered under it; exits
/// as clap does on `--help`, `--version` or a usage error.
pub fn parse() -> anyhow::Result<Cli> {
    match parse_from(std::env::args_os().collect()) {
        Err(error) => match error.downcast::<clap::Error>() {
            Ok(clap_error) => clap_error.exit(),
            Err(error) => Err(error),
        },
        parsed => parsed,
    }
}

/// [`parse`] on a given command line (its first item is the program's name).
pub fn parse_from(argv: Vec<OsString>) -> anyhow::Result<Cli> {
    let first = Cli::command().try_get_matches_from(&argv)?;
    let Some((name, given)) = first.subcommand() else {
        return Ok(Cli::from_arg_matches(&first)?);
    };
    if !SERVER_COMMANDS.contains(&name) {
        return Ok(Cli::from_arg_matches(&first)?);
    }
    let command = Cli::command();
    let sub = command
        .find_subcommand(name)
        .ok_or_else(|| anyhow!("no subcommand {name}"))?;
    let config = given.get_one::<PathBuf>("config").cloned();
    let layers = Layers::gather(config.as_deref(), sub)?;
    let plan = Plan::new(sub, given, &layers)?;
    let mut full = argv;
    full.extend(plan.extra.iter().map(OsString::from));
    let second = Cli::command()
        .try_get_matches_from(&full)
        .map_err(|error| plan.explain(error, config.as_deref()))?;
    let mut cli = Cli::from_arg_matches(&second)?;
    if let Command::Config(args) = &mut cli.command {
        let matches = second.subcommand_matches(name).unwrap_or(&second);
        args.effective = Effective::new(name, sub, matches, &plan.sources);
    }
    Ok(cli)
}

/// A server command's settings (every argument but [`NOT_SETTINGS`] and clap's own).
fn settings(sub: &clap::Command) -> impl Iterator<Item = (&Arg, String)> {
    sub.get_arguments().filter_map(|arg| {
        let long = arg.get_long()?;
        let own = matches!(arg.get_action(), ArgAction::Help | ArgAction::Version);
        let key = long.replace('-', "_");
        (!own && !NOT_SETTINGS.contains(&key.as_str())).then_some((arg, key))
    })
}

/// Every key some server command takes: a file shared by `cluster` and its members may hold
/// keys of both, and each command ignores the other's.
fn every_key() -> Vec<String> {
    let command = Cli::command();
    let mut keys: Vec<String> = Vec::new();
    for sub in SERVER_COMMANDS
        .iter()
        .filter_map(|name| command.find_subcommand(name))
    {
        for (_, key) in settings(sub) {
            if !keys.contains(&key) {
                keys.push(key);
            }
        }
    }
    keys
}

/// The file's and the environment's values for one command's keys, the environment's
/// overriding the file's.
struct Layers {
    merged: Figment,
    /// The environment's values as written (figment reads `8000` as a number, `[a]` as an
    /// array; clap wants the text).
    env: HashMap<String, String>,
    file: Option<PathBuf>,
}

impl Layers {
    fn gather(file: Option<&Path>, sub: &clap::Command) -> anyhow::Result<Layers> {
        // Arguments with clap's own `env = …` read their variable themselves, and the
        // command line's first parse already saw it.
        let keys: Vec<String> = settings(sub)
            .filter(|(arg, _)| arg.get_env().is_none())
            .map(|(_, key)| key)
            .collect();
        let key_refs: Vec<&str> = keys.iter().map(String::as_str).collect();
        let env = Env::prefixed("BALLOT_").only(&key_refs);
        let raw_env = env.iter().map(|(k, v)| (k.to_string(), v)).collect();
        let mut merged = Figment::new();
        if let Some(path) = file {
            merged = merged.merge(read_file(path)?);
        }
        Ok(Layers {
            merged: merged.merge(env),
            env: raw_env,
            file: file.map(Path::to_path_buf),
        })
    }

    /// The value for `key` as clap's command line would spell it, and where it came from.
    fn get(&self, arg: &Arg, key: &str) -> anyhow::Result<Option<(Vec<String>, Source)>> {
        let Ok(value) = self.merged.find_value(key) else {
            return Ok(None);
        };
        let from_file = self
            .merged
            .get_metadata(value.tag())
            .is_some_and(|meta| matches!(meta.source, Some(figment::Source::File(_))));
        if !from_file {
            return Ok(self
                .env
                .get(key)
                .map(|raw| (vec![raw.clone()], Source::Env)));
        }
        let file = self.file.as_deref().unwrap_or(Path::new("?"));
        let texts = flag_texts(arg, &value)
            .with_context(|| format!("key `{key}` in the configuration file {}", file.display()))?;
        Ok(Some((texts, Source::File)))
    }
}

/// The file, refused if it holds a key no server command takes.
fn read_file(path: &Path) -> anyhow::Result<Figment> {
    let context = || format!("reading the configuration file {}", path.display());
    std::fs::metadata(path).with_context(context)?;
    let file = Figment::from(Toml::file_exact(path));
    let data = file
        .data()
        .map_err(|e| anyhow!("{e}"))
        .with_context(context)?;
    let known = every_key();
    for key in data.values().flat_map(|dict| dict.keys()) {
        if !known.contains(key) {
            bail!(
                "unknown key `{key}` in the configuration file {} (the keys are the flags' \
                 long names with `_` for `-`: {})",
                path.display(),
                known.join(", ")
            );
        }
    }
    Ok(file)
}

/// A file's value as the text(s) clap parses: a boolean flag takes `true` or `false`, a
/// string or path takes a string, anything else a string, a number or a list (joined by
/// commas, as `--peers` and `--rate-limit-exempt` take it).
fn flag_texts(arg: &Arg, value: &Value) -> anyhow::Result<Vec<String>> {
    let boolean = matches!(arg.get_action(), ArgAction::SetTrue | ArgAction::SetFalse);
    let type_id = arg.get_value_parser().type_id();
    let text = type_id == std::any::TypeId::of::<String>()
        || type_id == std::any::TypeId::of::<PathBuf>()
        || type_id == std::any::TypeId::of::<OsString>();
    let wrong = |expected: &str| anyhow!("is {}; it takes {expected}", kind(value));
    match value {
        Value::Bool(_, b) if boolean => Ok(vec![b.to_string()]),
        _ if boolean => Err(wrong("true or false")),
        Value::String(_, s) => Ok(vec![s.clone()]),
        Value::Char(_, c) => Ok(vec![c.to_string()]),
        _ if text => Err(wrong("a string")),
        Value::Num(..) => Ok(vec![scalar(value).unwrap_or_default()]),
        Value::Array(_, items) => {
            let texts: Option<Vec<String>> = items.iter().map(scalar).collect();
            let texts = texts.ok_or_else(|| wrong("strings or numbers"))?;
            if matches!(arg.get_action(), ArgAction::Append) {
                Ok(texts)
            } else {
                Ok(vec![texts.join(",")])
            }
        }
        _ => Err(wrong("a string or a number")),
    }
}

/// A string or number as text; `None` for anything else.
fn scalar(value: &Value) -> Option<String> {
    match value {
        Value::String(_, s) => Some(s.clone()),
        Value::Char(_, c) => Some(c.to_string()),
        Value::Num(_, n) => n
            .to_i128()
            .map(|i| i.to_string())
            .or_else(|| n.to_f64().map(|f| f.to_string())),
        _ => None,
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::String(..) | Value::Char(..) => "a string",
        Value::Bool(..) => "a boolean",
        Value::Num(..) => "a number",
        Value::Array(..) => "a list",
        Value::Dict(..) => "a table",
        Value::Empty(..) => "empty",
    }
}

/// What the second parse adds to the command line, and where every setting came from.
struct Plan {
    extra: Vec<String>,
    sources: HashMap<String, Source>,
}

impl Plan {
    fn new(sub: &clap::Command, given: &ArgMatches, layers: &Layers) -> anyhow::Result<Plan> {
        let mut candidates = Vec::new();
        let mut sources = HashMap::new();
        for (arg, key) in settings(sub) {
            let source = match given.value_source(arg.get_id().as_str()) {
                Some(ValueSource::CommandLine) => Source::Flag,
                Some(ValueSource::EnvVariable) => Source::Env,
                _ => match layers.get(arg, &key)? {
                    Some((texts, source)) => {
                        candidates.push((arg, key.clone(), texts, source));
                        source
                    }
                    None => Source::Default,
                },
            };
            sources.insert(key, source);
        }
        let mut extra = Vec::new();
        for (arg, key, texts, source) in candidates {
            // A value from a higher layer wins over a conflicting one from a lower layer
            // (`ballot cluster` hands its members the admin token in the environment, and
            // the file may name an admin token file).
            let beaten = sub.get_arg_conflicts_with(arg).iter().any(|other| {
                let other = other.get_long().unwrap_or_default().replace('-', "_");
                sources.get(&other).copied().unwrap_or(Source::Default) > source
            });
            if beaten {
                sources.insert(key, Source::Default);
                continue;
            }
            let long = arg.get_long().unwrap_or(&key);
            for text in texts {
                match arg.get_action() {
                    ArgAction::SetTrue if text == "true" => extra.push(format!("--{long}")),
                    ArgAction::SetFalse if text == "false" => extra.push(format!("--{long}")),
                    ArgAction::SetTrue | ArgAction::SetFalse
                        if text == "true" || text == "false" => {}
                    // Only the environment can get here: a file's boolean is checked by type.
                    ArgAction::SetTrue | ArgAction::SetFalse => bail!(
                        "the environment variable BALLOT_{} is {text:?}; it takes true or false",
                        key.to_uppercase()
                    ),
                    _ => extra.push(format!("--{long}={text}")),
                }
            }
        }
        Ok(Plan { extra, sources })
    }

    /// Names the key and its file or variable when clap refuses a value that came from one.
    fn explain(&self, error: clap::Error, file: Option<&Path>) -> anyhow::Error {
        let culprit = error
            .get(ContextKind::InvalidArg)
            .map(|arg| arg.to_string());
        let key = culprit.as_deref().map(|arg| {
            let long = arg.trim_start_matches('-');
            let long = long.split([' ', '=']).next().unwrap_or(long);
            long.replace('-', "_")
        });
        let source = key.as_deref().and_then(|key| self.sources.get(key));
        let (Some(key), Some(source)) = (key, source) else {
            return error.into();
        };
        let place = match (source, file) {
            (Source::File, Some(file)) => format!("the configuration file {}", file.display()),
            (Source::Env, _) => format!("the environment variable BALLOT_{}", key.to_uppercase()),
            _ => return error.into(),
        };
        let message = error.to_string();
        let first = message.lines().next().unwrap_or_default();
        anyhow!(
            "key `{key}` in {place}: {}",
            first.trim_start_matches("error: ")
        )
    }
}
