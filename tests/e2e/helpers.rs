//! Starting a node and browsers, and waiting on what the pages show.
//!
//! Every wait is on a condition with a deadline. Text conditions are evaluated inside the
//! page by a `MutationObserver`, so the test wakes up when the DOM changes rather than
//! polling on a timer.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use fantoccini::key::Key;
use fantoccini::wd::TimeoutConfiguration;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;
use tempfile::TempDir;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};

/// How long any single page condition may take. Generous: the machine may be compiling.
pub const WAIT: Duration = Duration::from_secs(30);
pub const ADMIN_TOKEN: &str = "e2e-test-admin-token";

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("backend/ has a parent")
        .to_path_buf()
}

/// The built dashboards (the four apps' entries and their wasm). Fails with the command to run
/// when they are missing, rather than letting every page time out mysteriously.
pub fn dist_dir() -> PathBuf {
    let dist = repo_root().join("dist");
    let has_wasm = std::fs::read_dir(&dist)
        .map(|entries| {
            entries
                .flatten()
                .any(|e| e.path().extension().is_some_and(|ext| ext == "wasm"))
        })
        .unwrap_or(false);
    assert!(
        shared::dashboards::Dashboard::ALL
            .iter()
            .all(|app| dist.join(app.entry()).is_file())
            && has_wasm,
        "{} is missing or incomplete: run `cargo xtask setup` at the repository root \
         before the e2e tests",
        dist.display()
    );
    dist
}

/// Kills a whole process group: chromedriver starts Chromium, which starts its helpers, and
/// none of them may outlive the test.
pub fn kill_group(child: &Child) {
    if let Some(pid) = child.id() {
        let _ = std::process::Command::new("kill")
            .args(["-KILL", "--", &format!("-{pid}")])
            .stderr(Stdio::null())
            .status();
    }
}

/// A child's stdout, line by line.
type Lines = tokio::io::Lines<BufReader<tokio::process::ChildStdout>>;

/// Reads a child's stdout until a line satisfies `pick`, within [`WAIT`]; the rest of the
/// output is drained in the background so the child never blocks on a full pipe.
pub async fn read_until<T>(child: &mut Child, what: &str, pick: impl Fn(&str) -> Option<T>) -> T {
    let mut lines = BufReader::new(child.stdout.take().expect("stdout is piped")).lines();
    let found = next_line_where(&mut lines, what, pick).await;
    drain(lines);
    found
}

/// Reads `lines` until one satisfies `pick`, within [`WAIT`].
async fn next_line_where<T>(lines: &mut Lines, what: &str, pick: impl Fn(&str) -> Option<T>) -> T {
    let found = tokio::time::timeout(WAIT, async {
        while let Some(line) = lines.next_line().await.expect("reading child output") {
            if let Some(value) = pick(&line) {
                return Some(value);
            }
        }
        None
    })
    .await;
    match found {
        Ok(Some(value)) => value,
        Ok(None) => panic!("{what} exited before it was ready"),
        Err(_) => panic!("{what} was not ready within {WAIT:?}"),
    }
}

/// Reads the rest of a child's output in the background, so it never blocks on a full pipe.
fn drain(mut lines: Lines) {
    tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
}

/// How long a node may take between its `listening on` line and its `first owner: ` line,
/// which it prints at once when it has no account yet (and never once it has one).
const FIRST_OWNER_WAIT: Duration = Duration::from_secs(2);

/// A `ballot node` on a free port with a fresh data directory.
pub struct TestApp {
    pub base_url: String,
    /// The one-time link for the first owner account (`{url}/admin#setup={token}`) the node
    /// printed at its start; `None` when it printed none (an account already existed).
    pub setup_link: Option<String>,
    child: Child,
    data: TempDir,
    /// Extra flags, kept so a restart starts the same node.
    flags: Vec<String>,
    http: reqwest::Client,
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(&[]).await
}

/// A node started with extra command-line flags (e.g. a tiny vote queue).
pub async fn spawn_app_with(flags: &[&str]) -> TestApp {
    let data = tempfile::tempdir().expect("temporary data directory");
    let flags: Vec<String> = flags.iter().map(|flag| flag.to_string()).collect();
    let (child, base_url, setup_link) = launch(data.path(), "127.0.0.1:0", &flags).await;
    TestApp {
        base_url,
        setup_link,
        child,
        data,
        flags,
        http: reqwest::Client::new(),
    }
}

/// Starts `ballot node` on `listen` with its database under `data`, and returns it with the
/// URL it printed and its first owner's setup link, if it printed one. The node's log is
/// appended to `data/node.log`.
async fn launch(data: &Path, listen: &str, flags: &[String]) -> (Child, String, Option<String>) {
    let dist = dist_dir();
    let log = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(data.join("node.log"))
        .expect("log file");
    let mut child = Command::new(env!("CARGO_BIN_EXE_ballot"))
        .arg("node")
        .args(["--listen", listen, "--admin-token", ADMIN_TOKEN])
        .arg("--data-dir")
        .arg(data.join("node"))
        .arg("--dist")
        .arg(&dist)
        .args(flags)
        .stdout(Stdio::piped())
        .stderr(log)
        .kill_on_drop(true)
        .spawn()
        .expect("starting the ballot binary");
    let mut lines = BufReader::new(child.stdout.take().expect("stdout is piped")).lines();
    let base_url = next_line_where(&mut lines, "the ballot node", |line| {
        line.strip_prefix("listening on ")
            .map(|url| url.trim().trim_end_matches('/').to_string())
    })
    .await;
    // The line right after, if the node has no account yet.
    let next = tokio::time::timeout(FIRST_OWNER_WAIT, lines.next_line()).await;
    let setup_link = match next {
        Ok(Ok(Some(line))) => line
            .strip_prefix("first owner: ")
            .map(|link| link.trim().to_string()),
        _ => None,
    };
    drain(lines);
    (child, base_url, setup_link)
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }

    /// Kills the node abruptly (no goodbye to its WebSocket clients) and waits until it is gone.
    pub async fn kill(&mut self) {
        self.child.kill().await.expect("killing the node");
    }

    /// Starts the node again on the same address and data, as an operator restarting it would.
    pub async fn restart(&mut self) {
        let listen = self.base_url.trim_start_matches("http://").to_string();
        let (child, base_url, setup_link) = launch(self.data.path(), &listen, &self.flags).await;
        assert_eq!(
            base_url, self.base_url,
            "the node came back on another address"
        );
        self.child = child;
        self.setup_link = setup_link;
    }

    /// An admin command over HTTP, for set-up steps a test is not about.
    pub async fn admin_post(&self, path: &str, body: serde_json::Value) {
        let response = self
            .http
            .post(self.url(path))
            .bearer_auth(ADMIN_TOKEN)
            .json(&body)
            .send()
            .await
            .expect("admin request");
        let status = response.status();
        assert!(
            status.is_success(),
            "{path} answered {status}: {}",
            response.text().await.unwrap_or_default()
        );
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        let _ = self.child.start_kill();
        if std::thread::panicking() {
            let log =
                std::fs::read_to_string(self.data.path().join("node.log")).unwrap_or_default();
            let tail: Vec<&str> = log.lines().rev().take(40).collect();
            eprintln!("--- last lines of the node's log ---");
            for line in tail.iter().rev() {
                eprintln!("{line}");
            }
        }
    }
}

/// A chromedriver on a free port; Chromium sessions are opened through it.
pub struct Driver {
    port: u16,
    child: Child,
}

impl Driver {
    pub async fn start() -> Driver {
        // Ask the OS for a free port, then hand it to chromedriver.
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|listener| listener.local_addr())
            .expect("a free port")
            .port();
        let mut child = Command::new("/usr/bin/chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .process_group(0)
            .kill_on_drop(true)
            .spawn()
            .expect("starting /usr/bin/chromedriver (apt-get install chromium-driver)");
        read_until(&mut child, "chromedriver", |line| {
            line.contains("started successfully").then_some(())
        })
        .await;
        Driver { port, child }
    }

    /// A fresh headless Chromium window (its own profile, so its own localStorage). Files the
    /// pages hand to the downloads (exports, credentials) land in `artifacts/downloads/`
    /// (git-ignored) rather than in the user's home.
    pub async fn session(&self) -> Client {
        let downloads = repo_root().join("artifacts").join("downloads");
        std::fs::create_dir_all(&downloads).expect("creating artifacts/downloads");
        let capabilities = json!({
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": "/usr/bin/chromium",
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--disable-quic", "--no-first-run", "--disable-background-networking",
                         "--disable-component-update", "--disable-sync", "--window-size=1280,900"],
                "prefs": {
                    "download.default_directory": downloads,
                    "download.prompt_for_download": false,
                },
            }
        });
        let serde_json::Value::Object(capabilities) = capabilities else {
            unreachable!()
        };
        // chromedriver is on loopback over plain HTTP: no TLS stack (and no OpenSSL) needed.
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let client = ClientBuilder::new(connector)
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{}", self.port))
            .await
            .expect("a Chromium session");
        let timeouts = TimeoutConfiguration::new(Some(WAIT + Duration::from_secs(10)), None, None);
        client
            .update_timeouts(timeouts)
            .await
            .expect("script timeout");
        client
    }

    /// A fresh window of the given size, showing `url`.
    pub async fn open(&self, url: &str, width: u32, height: u32) -> Client {
        let client = self.session().await;
        client
            .set_window_size(width, height)
            .await
            .expect("resizing the window");
        client
            .goto(url)
            .await
            .unwrap_or_else(|e| panic!("opening {url}: {e}"));
        client
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        kill_group(&self.child);
    }
}

/// How a page condition compares the element's text.
#[derive(Clone, Copy)]
pub enum Text<'a> {
    Contains(&'a str),
    Is(&'a str),
}

const WAIT_SCRIPT: &str = r#"
const [css, mode, expected, ms] = arguments;
const done = arguments[arguments.length - 1];
const check = () => {
  const el = document.querySelector(css);
  if (!el) return false;
  const text = el.textContent.trim();
  return mode === "is" ? text === expected : text.includes(expected);
};
if (check()) { done(true); return; }
const observer = new MutationObserver(() => {
  if (check()) { observer.disconnect(); clearTimeout(timer); done(true); }
});
observer.observe(document.documentElement,
  { subtree: true, childList: true, characterData: true, attributes: true });
const timer = setTimeout(() => { observer.disconnect(); done(false); }, ms);
"#;

/// Waits until the element matching `css` shows `text`; on failure saves a screenshot and
/// reports what the element showed instead.
pub async fn wait_text(client: &Client, css: &str, text: Text<'_>) {
    let (mode, expected) = match text {
        Text::Contains(s) => ("contains", s),
        Text::Is(s) => ("is", s),
    };
    let deadline = tokio::time::Instant::now() + WAIT;
    let met = loop {
        let left = deadline.saturating_duration_since(tokio::time::Instant::now());
        let args = vec![
            json!(css),
            json!(mode),
            json!(expected),
            json!(left.as_millis() as u64),
        ];
        match client.execute_async(WAIT_SCRIPT, args).await {
            Ok(met) => break met,
            // A page load during the wait (every move between the dashboards is one, e.g.
            // after creating an election) ends the script with its document: wait again in
            // the new one, within the same deadline.
            Err(error) if tokio::time::Instant::now() < deadline => {
                eprintln!("the wait for {css} restarts after: {error}");
            }
            Err(error) => panic!("running the wait script: {error}"),
        }
    };
    if met != json!(true) {
        let shown = match client.find(Locator::Css(css)).await {
            Ok(element) => element.text().await.unwrap_or_default(),
            Err(_) => "<no such element>".into(),
        };
        let name = format!(
            "failure-{}",
            css.replace(|c: char| !c.is_alphanumeric(), "_")
        );
        screenshot(client, &name).await;
        panic!("{css} should {mode} {expected:?} within {WAIT:?}, but shows {shown:?}");
    }
}

/// Waits for an element to exist and returns it (the wasm app renders after load).
pub async fn find(client: &Client, css: &str) -> fantoccini::elements::Element {
    client
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|err| panic!("{css} did not appear within {WAIT:?}: {err}"))
}

pub async fn click(client: &Client, css: &str) {
    find(client, css)
        .await
        .click()
        .await
        .unwrap_or_else(|err| panic!("clicking {css}: {err}"));
}

/// Replaces a field's text the way a person does: select everything, then type. (WebDriver's
/// `clear` changes the DOM without an input event, so the page's state would keep the old
/// text.) Checks the field holds exactly `text` afterwards.
pub async fn type_into(client: &Client, css: &str, text: &str) {
    let field = find(client, css).await;
    // Control+A selects all, Null releases Control, Backspace deletes the selection.
    let keys = format!("{}a{}{}{text}", Key::Control, Key::Null, Key::Backspace);
    field
        .send_keys(&keys)
        .await
        .unwrap_or_else(|err| panic!("typing into {css}: {err}"));
    let value = field.prop("value").await.expect("reading the field");
    assert_eq!(
        value.as_deref(),
        Some(text),
        "{css} should hold what was typed"
    );
}

/// Waits until `condition` (a JavaScript expression over `el`, the first element matching
/// `css`, or null) holds: a `MutationObserver` with a deadline, no polling.
async fn wait_for_element(client: &Client, css: &str, condition: &str, what: &str) {
    let script = format!(
        r#"
const [css, ms] = arguments; const done = arguments[arguments.length - 1];
const ok = () => {{ const el = document.querySelector(css); return {condition}; }};
if (ok()) {{ done(true); return; }}
const observer = new MutationObserver(() => {{ if (ok()) {{ observer.disconnect(); clearTimeout(t); done(true); }} }});
observer.observe(document.documentElement, {{ subtree: true, childList: true, attributes: true }});
const t = setTimeout(() => {{ observer.disconnect(); done(false); }}, ms);
"#
    );
    let args = vec![json!(css), json!(WAIT.as_millis() as u64)];
    let met = client
        .execute_async(&script, args)
        .await
        .expect("running the wait script");
    assert_eq!(met, json!(true), "{css} {what} within {WAIT:?}");
}

/// Waits until a button can be pressed (the page enables it once it knows the phase).
pub async fn wait_enabled(client: &Client, css: &str) {
    wait_for_element(
        client,
        css,
        "!!el && !el.disabled",
        "did not become enabled",
    )
    .await;
}

/// Waits until no element matches `css` (the page removed it).
pub async fn wait_gone(client: &Client, css: &str) {
    wait_for_element(client, css, "!el", "was still there").await;
}

/// Logs a voter in through the form and waits for the ballot.
pub async fn log_in(client: &Client, app: &TestApp, name: &str, voter_id: u32) {
    client
        .goto(&app.url("/"))
        .await
        .expect("opening the voter page");
    type_into(client, "#login-name", name).await;
    type_into(client, "#login-id", &voter_id.to_string()).await;
    click(client, "#login-submit").await;
    wait_text(
        client,
        "[data-testid=who]",
        Text::Contains(&format!("Logged in as {name}")),
    )
    .await;
}

/// Saves a PNG of the page to `artifacts/screenshots/{name}.png`, once running CSS
/// transitions (the bars grow smoothly) have finished, so the picture shows the final state.
pub async fn screenshot(client: &Client, name: &str) {
    let settle = r#"
const done = arguments[arguments.length - 1];
Promise.all(document.getAnimations().map((a) => a.finished))
  .then(() => requestAnimationFrame(() => done(true)), () => done(false));
"#;
    let _ = client.execute_async(settle, vec![]).await;
    let dir = repo_root().join("artifacts").join("screenshots");
    std::fs::create_dir_all(&dir).expect("creating artifacts/screenshots");
    match client.screenshot().await {
        Ok(png) => {
            std::fs::write(dir.join(format!("{name}.png")), png).expect("writing a screenshot")
        }
        Err(err) => eprintln!("could not take screenshot {name}: {err}"),
    }
}
