use std::sync::Mutex;

use super::*;
use crate::config::Peers;

/// These tests set `BALLOT_*` variables of the whole process: one at a time.
static ENV: Mutex<()> = Mutex::new(());

/// Removes the variables it set, also when the test fails.
struct Vars(Vec<&'static str>);

impl Drop for Vars {
    fn drop(&mut self) {
        for name in &self.0 {
            std::env::remove_var(name);
        }
    }
}

/// Parses `ballot ARGS --config FILE` with `file` as the file's text and `env` set.
fn parse_with(file: &str, env: &[(&'static str, &str)], args: &[&str]) -> anyhow::Result<Cli> {
    let _one_at_a_time = ENV.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ballot.toml");
    std::fs::write(&path, file).unwrap();
    let _vars = Vars(env.iter().map(|(name, _)| *name).collect());
    for (name, value) in env {
        std::env::set_var(name, value);
    }
    let mut argv: Vec<OsString> = vec!["ballot".into()];
    argv.extend(args.iter().map(OsString::from));
    argv.extend(["--config".into(), path.into_os_string()]);
    parse_from(argv)
}

fn node(file: &str, env: &[(&'static str, &str)], args: &[&str]) -> NodeArgs {
    let mut full = vec!["node"];
    full.extend(args);
    match parse_with(file, env, &full).unwrap().command {
        Command::Node(args) => args,
        other => panic!("parsed as {other:?}"),
    }
}

const FILE: &str = r#"
listen = "127.0.0.1:9001"
peers = ["1=127.0.0.1:9001", "2=127.0.0.1:9002"]
smtp_url = "smtp://file.example:25"
max_vote_batch = 7
base_port = 9000
"#;

fn peers(text: &str) -> Option<Peers> {
    Some(super::super::parse_peers(text).unwrap())
}

#[test]
fn the_file_sets_what_neither_the_environment_nor_a_flag_gives() {
    let args = node(FILE, &[], &[]);
    assert_eq!(args.listen.to_string(), "127.0.0.1:9001");
    assert_eq!(args.peers, peers("1=127.0.0.1:9001,2=127.0.0.1:9002"));
    assert_eq!(
        args.common.mail.smtp_url.as_deref(),
        Some("smtp://file.example:25")
    );
    assert_eq!(args.max_vote_batch, 7);
    // Untouched by the file: the built-in default.
    assert_eq!(args.max_concurrent_votes, 5);
}

#[test]
fn the_environment_overrides_the_file() {
    let env = [
        ("BALLOT_LISTEN", "127.0.0.1:9002"),
        ("BALLOT_PEERS", "1=127.0.0.1:9002"),
        ("BALLOT_SMTP_URL", "smtp://env.example:25"),
    ];
    let args = node(FILE, &env, &[]);
    assert_eq!(args.listen.to_string(), "127.0.0.1:9002");
    assert_eq!(args.peers, peers("1=127.0.0.1:9002"));
    assert_eq!(
        args.common.mail.smtp_url.as_deref(),
        Some("smtp://env.example:25")
    );
    assert_eq!(args.max_vote_batch, 7);
}

#[test]
fn a_flag_overrides_the_environment_and_the_file() {
    let env = [
        ("BALLOT_LISTEN", "127.0.0.1:9002"),
        ("BALLOT_SMTP_URL", "smtp://env.example:25"),
    ];
    let flags = [
        "--listen",
        "127.0.0.1:9003",
        "--peers",
        "3=127.0.0.1:9003",
        "--smtp-url",
        "smtp://flag.example:25",
    ];
    let args = node(FILE, &env, &flags);
    assert_eq!(args.listen.to_string(), "127.0.0.1:9003");
    assert_eq!(args.peers, peers("3=127.0.0.1:9003"));
    assert_eq!(
        args.common.mail.smtp_url.as_deref(),
        Some("smtp://flag.example:25")
    );
}

#[test]
fn an_admin_token_flag_beats_a_token_file_named_in_the_file() {
    // The same rule lets `ballot cluster`'s members take the admin token from the environment
    // it gives them (the integration test runs that case: clap reads the variable, and other
    // unit tests of this process parse the command line too).
    let token = "a-token-from-the-command-line";
    let file = "admin_token_file = \"/nonexistent/token\"\n";
    let args = node(file, &[], &["--admin-token", token]);
    assert_eq!(args.common.admin_token.as_deref(), Some(token));
    assert_eq!(args.common.admin_token_file, None);
}

#[test]
fn an_unknown_key_is_refused_naming_it_and_the_file() {
    let error = parse_with("listne = \"127.0.0.1:1\"\n", &[], &["node"]).unwrap_err();
    let message = format!("{error:#}");
    assert!(message.contains("`listne`"), "{message}");
    assert!(message.contains("ballot.toml"), "{message}");
}

#[test]
fn a_value_of_the_wrong_type_is_refused_naming_its_key_and_the_file() {
    for file in [
        "listen = true\n",
        "data_dir = 3\n",
        "max_vote_batch = \"many\"\n",
    ] {
        let error = parse_with(file, &[], &["node"]).unwrap_err();
        let message = format!("{error:#}");
        let key = file.split(' ').next().unwrap();
        assert!(message.contains(&format!("`{key}`")), "{message}");
        assert!(message.contains("ballot.toml"), "{message}");
    }
}

#[test]
fn a_bad_value_from_the_environment_names_its_variable() {
    let env = [("BALLOT_MAX_VOTE_BATCH", "lots")];
    let error = parse_with("", &env, &["node"]).unwrap_err();
    assert!(
        format!("{error:#}").contains("BALLOT_MAX_VOTE_BATCH"),
        "{error:#}"
    );
}

#[test]
fn the_cluster_takes_its_own_keys_and_ignores_the_members_ones() {
    let Command::Cluster(args) = parse_with(FILE, &[], &["cluster"]).unwrap().command else {
        panic!("parsed as cluster");
    };
    assert_eq!(args.base_port, 9000);
    assert_eq!(
        args.common.mail.smtp_url.as_deref(),
        Some("smtp://file.example:25")
    );
}

#[test]
fn the_printed_settings_name_their_sources_and_mask_secrets() {
    let file = format!("{FILE}smtp_url = \"smtp://ann:hunter2-pw@mail.example:587\"\n")
        .replace("smtp_url = \"smtp://file.example:25\"\n", "");
    let env = [("BALLOT_MAX_VOTE_BATCH", "9")];
    let secret = "a-cluster-secret-of-length";
    let args = [
        "config",
        "--print",
        "--grace-ms",
        "5",
        "--cluster-secret",
        secret,
    ];
    let Command::Config(config) = parse_with(&file, &env, &args).unwrap().command else {
        panic!("parsed as config");
    };
    let printed = config.effective.to_toml();
    for line in [
        "listen = \"127.0.0.1:9001\"  # file",
        "peers = \"1=127.0.0.1:9001,2=127.0.0.1:9002\"  # file",
        "grace_ms = 5  # flag",
        "max_concurrent_votes = 5  # default",
        "cluster_secret = \"***\"  # flag",
        "max_vote_batch = 9  # env",
        "smtp_url = \"smtp://ann:***@mail.example:587\"  # file",
        "# admin_token is not set  # default",
    ] {
        assert!(printed.contains(line), "{line:?} not in\n{printed}");
    }
    assert!(!printed.contains("hunter2") && !printed.contains("a-cluster-secret"));
}

#[test]
fn secrets_are_masked_by_their_name_and_inside_the_smtp_url() {
    assert_eq!(effective::mask("admin_token", "x"), "***");
    assert_eq!(effective::mask("tls_key_password", "x"), "***");
    assert_eq!(
        effective::mask("smtp_url", "smtps://u:p@h:465"),
        "smtps://u:***@h:465"
    );
    assert_eq!(effective::mask("smtp_url", "smtp://h:25"), "smtp://h:25");
    assert_eq!(effective::mask("listen", "1.2.3.4:5"), "1.2.3.4:5");
}
