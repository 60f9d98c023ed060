//! The deployment files in `deploy/` stay in step with the binary, without Docker or systemd:
//! the image runs as a user of its own with its data on a volume and a health check a node
//! answers; every setting the image and the unit give is a flag of `ballot node`; the unit keeps
//! its hardening and takes its secrets as credentials, never on its command line.

use std::path::PathBuf;
use std::process::Command;

use reqwest::StatusCode;

use crate::helpers::*;

fn deploy_file(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../deploy")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Lines with their `\` continuations joined, comments and blank lines left out.
fn logical_lines(text: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut current = String::new();
    for line in text.lines().map(str::trim) {
        if current.is_empty() && (line.is_empty() || line.starts_with('#')) {
            continue;
        }
        match line.strip_suffix('\\') {
            Some(start) => current.push_str(start),
            None => {
                current.push_str(line);
                lines.push(std::mem::take(&mut current));
            }
        }
    }
    lines
}

/// The runtime stage's instructions (after the last `FROM`) as (INSTRUCTION, arguments).
fn runtime_stage() -> Vec<(String, String)> {
    let lines = logical_lines(&deploy_file("Dockerfile"));
    let last_from = lines.iter().rposition(|l| l.starts_with("FROM ")).unwrap();
    lines[last_from..]
        .iter()
        .map(|line| {
            let (instruction, args) = line.split_once(' ').unwrap_or((line, ""));
            (instruction.to_uppercase(), args.trim().to_string())
        })
        .collect()
}

fn instruction(stage: &[(String, String)], name: &str) -> String {
    let found = stage.iter().rfind(|(i, _)| i == name);
    found
        .unwrap_or_else(|| panic!("no {name} in the runtime stage"))
        .1
        .clone()
}

/// The image's `ENV` settings as (name, value).
fn image_env(stage: &[(String, String)]) -> Vec<(String, String)> {
    let env = stage.iter().filter(|(i, _)| i == "ENV");
    env.flat_map(|(_, args)| args.split_whitespace().map(str::to_string))
        .filter_map(|pair| {
            let (name, value) = pair.split_once('=')?;
            Some((name.to_string(), value.to_string()))
        })
        .collect()
}

/// The unit's `Key=Value` settings, continuations joined.
fn unit_settings() -> Vec<(String, String)> {
    let lines = logical_lines(&deploy_file("ballot.service"));
    let settings = lines.iter().filter_map(|l| l.split_once('='));
    settings
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn unit_setting(settings: &[(String, String)], key: &str) -> Vec<String> {
    let values = settings.iter().filter(|(k, _)| k == key);
    values.map(|(_, v)| v.clone()).collect()
}

fn node_help() -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_ballot"))
        .args(["node", "--help"])
        .output()
        .unwrap();
    assert!(output.status.success());
    String::from_utf8(output.stdout).unwrap()
}

/// Whether `ballot node --help` lists `--flag` (followed by a space, a comma or a line end).
fn is_flag(help: &str, flag: &str) -> bool {
    help.lines()
        .any(|line| line.split([' ', ',', '=', '<']).any(|word| word == flag))
}

#[test]
fn the_image_runs_as_a_user_of_its_own_with_its_data_on_a_volume() {
    let stage = runtime_stage();
    let user = instruction(&stage, "USER");
    assert!(
        !["root", "0", "0:0", "root:root"].contains(&user.as_str()),
        "USER {user}"
    );
    let env = image_env(&stage);
    let setting = |name: &str| env.iter().find(|(n, _)| n == name).map(|(_, v)| v.clone());
    let data_dir = setting("BALLOT_DATA_DIR").expect("the image sets BALLOT_DATA_DIR");
    assert!(instruction(&stage, "VOLUME").contains(&format!("\"{data_dir}\"")));
    let owned = stage
        .iter()
        .any(|(i, args)| i == "RUN" && args.contains(&format!("chown {user}:{user} {data_dir}")));
    assert!(owned, "the volume's directory belongs to {user}");
    let port = setting("BALLOT_LISTEN")
        .expect("BALLOT_LISTEN")
        .rsplit(':')
        .next()
        .map(String::from);
    assert_eq!(Some(instruction(&stage, "EXPOSE")), port);
    let dist = setting("BALLOT_DIST").expect("the image passes the dashboards as BALLOT_DIST");
    let copied = stage
        .iter()
        .any(|(i, args)| i == "COPY" && args.ends_with(&format!(" {dist}")));
    assert!(copied, "the dashboards are copied to {dist}");
    assert_eq!(
        instruction(&stage, "ENTRYPOINT"),
        r#"["/usr/local/bin/ballot"]"#
    );
    assert_eq!(instruction(&stage, "CMD"), r#"["node"]"#);
}

#[test]
fn every_setting_of_the_image_and_the_unit_is_a_flag_of_ballot_node() {
    let help = node_help();
    for (name, _) in image_env(&runtime_stage()) {
        let flag = format!(
            "--{}",
            name["BALLOT_".len()..].to_lowercase().replace('_', "-")
        );
        assert!(
            is_flag(&help, &flag),
            "ENV {name}: no {flag} in `ballot node --help`"
        );
    }
    let settings = unit_settings();
    let exec = unit_setting(&settings, "ExecStart").concat();
    let mut words = exec.split_whitespace();
    let program = words.next().unwrap();
    assert!(program.ends_with("/ballot"), "{program}");
    assert!(
        deploy_file("README.md").contains(program),
        "deploy/README.md installs {program}"
    );
    assert_eq!(words.next(), Some("node"));
    let flags: Vec<&str> = words.filter(|w| w.starts_with("--")).collect();
    assert!(flags.len() >= 5, "{exec}");
    for flag in flags {
        assert!(
            is_flag(&help, flag),
            "ExecStart's {flag} is not in `ballot node --help`"
        );
    }
}

#[test]
fn the_unit_keeps_its_hardening_and_takes_secrets_as_credentials() {
    let settings = unit_settings();
    let one = |key: &str| unit_setting(&settings, key).join(" ");
    assert!(
        !["", "root", "0"].contains(&one("User").as_str()),
        "User={}",
        one("User")
    );
    assert_eq!(one("StateDirectory"), "ballot");
    for (key, value) in [
        ("NoNewPrivileges", "yes"),
        ("ProtectSystem", "strict"),
        ("ProtectHome", "yes"),
        ("PrivateTmp", "yes"),
        ("Restart", "on-failure"),
    ] {
        assert_eq!(one(key), value, "{key}=");
    }
    let exec = one("ExecStart");
    let data_dir = exec
        .split_whitespace()
        .skip_while(|w| *w != "--data-dir")
        .nth(1);
    let data_dir = data_dir.expect("ExecStart gives --data-dir");
    assert_eq!(data_dir, "/var/lib/ballot", "the StateDirectory");
    assert!(one("ReadWritePaths")
        .split_whitespace()
        .any(|p| p == data_dir));
    // A secret's value on argv is readable by every local user: only its file may be named,
    // and every file named is a credential the unit loads.
    for secret in ["--admin-token ", "--cluster-secret "] {
        assert!(!exec.contains(secret), "{exec}");
    }
    let loaded = unit_setting(&settings, "LoadCredential");
    let credentials = exec.split("${CREDENTIALS_DIRECTORY}/").skip(1);
    let names: Vec<&str> = credentials
        .filter_map(|c| c.split_whitespace().next())
        .collect();
    for name in ["admin-token", "cluster-secret"] {
        assert!(
            names.contains(&name),
            "ExecStart reads {name} as a credential: {exec}"
        );
    }
    for name in names {
        let prefix = format!("{name}:");
        assert!(
            loaded.iter().any(|l| l.starts_with(&prefix)),
            "no LoadCredential={name}:…"
        );
    }
}

#[tokio::test]
async fn the_image_health_check_asks_a_route_a_node_answers_with_200() {
    let stage = runtime_stage();
    let check = instruction(&stage, "HEALTHCHECK");
    let port = instruction(&stage, "EXPOSE");
    let urls: Vec<&str> = check
        .split_whitespace()
        .filter(|w| w.contains("://"))
        .collect();
    assert!(!urls.is_empty(), "HEALTHCHECK {check}");
    let app = spawn_app().await;
    for url in urls {
        let local = format!("127.0.0.1:{port}/");
        let path = url.split_once(&local).map(|(_, path)| path);
        let path = path.unwrap_or_else(|| panic!("{url} asks the container's own port {port}"));
        let response = app.get(&format!("/{path}")).await;
        assert_eq!(response.status(), StatusCode::OK, "{url}");
    }
}

/// `deploy/ballot.toml` is a file `ballot` reads: every key one of its settings, every value
/// one its flag takes (`ballot config --print` layers it as a node would).
#[test]
fn the_example_configuration_file_is_read_by_ballot() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../deploy/ballot.toml");
    let output = Command::new(env!("CARGO_BIN_EXE_ballot"))
        .args(["config", "--print", "--config"])
        .arg(&path)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    let printed = String::from_utf8(output.stdout).unwrap();
    let from_file = |key: &str| {
        let prefix = format!("{key} = ");
        printed
            .lines()
            .any(|l| l.starts_with(&prefix) && l.contains("file"))
    };
    for key in ["id", "listen", "peers", "public_url"] {
        assert!(
            from_file(key),
            "{key} is not read from the file:\n{printed}"
        );
    }
}

/// The image installs the dashboards' tools at the versions `cargo xtask` pins (and trunk
/// refuses others: `Trunk.toml` is offline), so a bump there must be made here too.
#[test]
fn the_image_builds_with_the_tool_versions_xtask_pins() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let read = |path: &str| std::fs::read_to_string(root.join(path)).unwrap();
    let setup = read("xtask/src/setup.rs");
    let constant = |name: &str| {
        let line = setup
            .lines()
            .find(|l| l.starts_with(&format!("const {name}")));
        let line = line.unwrap_or_else(|| panic!("no {name} in xtask/src/setup.rs"));
        line.split('"').nth(1).unwrap().to_string()
    };
    let lock = read("Cargo.lock");
    let bindgen = lock.split("name = \"wasm-bindgen\"\nversion = \"").nth(1);
    let bindgen = bindgen.and_then(|rest| rest.split('"').next()).unwrap();
    let dockerfile = deploy_file("Dockerfile");
    for wanted in [
        format!("trunk --version {}", constant("TRUNK_VERSION")),
        format!("wasm-bindgen-cli --version {bindgen}"),
        format!("binaryen@{}", constant("BINARYEN_VERSION")),
        format!("axe-core@{}", constant("AXE_CORE_VERSION")),
    ] {
        assert!(
            dockerfile.contains(&wanted),
            "deploy/Dockerfile lacks `{wanted}`"
        );
    }
}
