//! Installing what is missing, idempotently: each step checks the installed version first.

use std::path::Path;
use std::process::{Command, Stdio};

use anyhow::{bail, Context, Result};

use crate::run;

const TRUNK_VERSION: &str = "0.21.14";
const BINARYEN_VERSION: &str = "132.0.0";
/// axe-core, the accessibility checker the browser tests inject (`tests/e2e/axe.rs`).
const AXE_CORE_VERSION: &str = "4.14.1";

/// The PATH the tools run with: the project-local binaryen first, then cargo's bin folder.
pub fn tool_path() -> String {
    let root = crate::project_root();
    let cargo_bin = std::env::var("CARGO_HOME")
        .map(|home| format!("{home}/bin"))
        .unwrap_or_else(|_| format!("{}/.cargo/bin", std::env::var("HOME").unwrap_or_default()));
    let binaryen = root.join(".tools/node_modules/.bin");
    format!(
        "{}:{cargo_bin}:{}",
        binaryen.display(),
        std::env::var("PATH").unwrap_or_default()
    )
}

/// Everything both commands need; `browser` adds what the tests need besides: Chromium and
/// ChromeDriver, and aiosmtpd for the mail tests' SMTP server.
pub fn ensure_all(root: &Path, browser: bool) -> Result<()> {
    ensure_wasm_target()?;
    ensure_cargo_tool(
        "trunk",
        TRUNK_VERSION,
        &["install", "--locked", "trunk", "--version", TRUNK_VERSION],
    )?;
    let bindgen = wasm_bindgen_version(root)?;
    ensure_cargo_tool(
        "wasm-bindgen",
        &bindgen,
        &["install", "wasm-bindgen-cli", "--version", &bindgen],
    )?;
    ensure_npm_tools(root)?;
    if browser {
        ensure_browser()?;
        ensure_smtp_sink()?;
    }
    Ok(())
}

fn ensure_wasm_target() -> Result<()> {
    let installed = output(Command::new("rustup").args(["target", "list", "--installed"]))?;
    if !installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }
    Ok(())
}

/// Installs a cargo tool unless `tool --version` already names `version`.
fn ensure_cargo_tool(tool: &str, version: &str, install: &[&str]) -> Result<()> {
    let current =
        output(Command::new(tool).arg("--version").env("PATH", tool_path())).unwrap_or_default();
    if current.split_whitespace().any(|word| word == version) {
        return Ok(());
    }
    println!("xtask: installing {tool} {version} (once; this can take several minutes)");
    run(Command::new("cargo").args(install))
}

/// The wasm-bindgen version in Cargo.lock: the CLI must equal it exactly.
fn wasm_bindgen_version(root: &Path) -> Result<String> {
    let lock = std::fs::read_to_string(root.join("Cargo.lock")).context("reading Cargo.lock")?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            if let Some(version) = lines.next().and_then(|l| l.strip_prefix("version = \"")) {
                return Ok(version.trim_end_matches('"').to_string());
            }
        }
    }
    bail!("no wasm-bindgen in Cargo.lock")
}

/// The npm packages in `.tools/`: binaryen's wasm-opt (Debian's is too old for rustc's wasm)
/// and axe-core for the browser tests' accessibility checks. npm prunes what a `--no-save`
/// install does not name, so when either is missing or at another version both are installed
/// together, in one command.
fn ensure_npm_tools(root: &Path) -> Result<()> {
    let tools = root.join(".tools");
    if binaryen_installed(&tools) && axe_core_installed(&tools) {
        return Ok(());
    }
    run(Command::new("npm")
        .args(["install", "--no-save", "--prefix"])
        .arg(&tools)
        .arg(format!("binaryen@{BINARYEN_VERSION}"))
        .arg(format!("axe-core@{AXE_CORE_VERSION}")))
}

/// Whether `.tools/` holds wasm-opt of binaryen's major version (it prints only that).
fn binaryen_installed(tools: &Path) -> bool {
    let wasm_opt = tools.join("node_modules/.bin/wasm-opt");
    let current = output(Command::new(wasm_opt).arg("--version")).unwrap_or_default();
    let major = BINARYEN_VERSION.split('.').next().unwrap_or("");
    current.contains(&format!("version {major}"))
}

/// Whether `.tools/` holds exactly axe-core [`AXE_CORE_VERSION`], by its package.json.
fn axe_core_installed(tools: &Path) -> bool {
    let manifest = tools.join("node_modules/axe-core/package.json");
    let wanted = format!("\"version\": \"{AXE_CORE_VERSION}\"");
    std::fs::read_to_string(manifest).is_ok_and(|text| text.contains(&wanted))
        && tools.join("node_modules/axe-core/axe.min.js").is_file()
}

/// Debian's Chromium and ChromeDriver, for the browser tests.
fn ensure_browser() -> Result<()> {
    if Path::new("/usr/bin/chromium").exists() && Path::new("/usr/bin/chromedriver").exists() {
        return Ok(());
    }
    apt_install(&["chromium", "chromium-driver"])
}

/// Debian's aiosmtpd, for `tests/support/smtp_sink.py`. Checked with the interpreter the tests
/// run it with (`tests/support/smtp.rs`): Debian's, which a pyenv or venv `python3` earlier on
/// the PATH would not see the package from.
fn ensure_smtp_sink() -> Result<()> {
    let python = if Path::new("/usr/bin/python3").exists() {
        "/usr/bin/python3"
    } else {
        "python3"
    };
    let imports = Command::new(python)
        .args(["-c", "import aiosmtpd"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success());
    if imports {
        return Ok(());
    }
    apt_install(&["python3-aiosmtpd"])
}

/// `apt-get install -y packages` (through sudo unless root), after refreshing the lists.
fn apt_install(packages: &[&str]) -> Result<()> {
    let sudo: &[&str] = if output(Command::new("id").arg("-u"))?.trim() == "0" {
        &[]
    } else {
        &["sudo"]
    };
    let apt = |args: &[&str]| {
        let mut command = Command::new(sudo.first().copied().unwrap_or("apt-get"));
        if !sudo.is_empty() {
            command.arg("apt-get");
        }
        command
            .args(["-o", "DPkg::Lock::Timeout=600"])
            .args(args)
            .env("DEBIAN_FRONTEND", "noninteractive");
        command
    };
    run(&mut apt(&["update"]))?;
    run(apt(&["install", "-y"]).args(packages))
}

fn output(command: &mut Command) -> Result<String> {
    let out = command.output()?;
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}
