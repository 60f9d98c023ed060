//! Each page's first load in a fresh browser profile (nothing cached): it must fetch its own
//! app's wasm and no other (so not the voter's receipt checker either), and its time to interactive and bytes are printed (never
//! asserted: the machine may be busy). `cargo xtask sizes --browser` runs this test.

use std::io::Write;

use serde::Deserialize;
use serde_json::json;

use crate::helpers::{spawn_app, Driver, WAIT};

/// What the page reports once the app has painted.
#[derive(Debug, Deserialize)]
struct Load {
    /// Milliseconds from the navigation's start to the first contentful paint. The HTML
    /// entries' bodies show nothing, so this is the app's first render, and a Yew app's
    /// handlers are attached in that render: the page is interactive from then on.
    interactive_ms: f64,
    /// The entry's bytes as sent: its brotli twin, since Chromium asks for br on loopback
    /// (browsers otherwise ask for it over HTTPS only, and get the gzip twin over plain HTTP).
    html_bytes: u64,
    /// The path and bytes of every other file fetched (the API's answers left out).
    files: Vec<(String, u64)>,
}

/// Waits (with a deadline) for the first contentful paint with the app's `<main>` in the page,
/// then reads the navigation's and resources' timings.
const FIRST_LOAD_SCRIPT: &str = r#"
const [ms] = arguments; const done = arguments[arguments.length - 1];
const report = (paint) => {
  const nav = performance.getEntriesByType('navigation')[0];
  const files = performance.getEntriesByType('resource')
    .map((r) => [new URL(r.name).pathname, r.encodedBodySize])
    .filter(([path]) => !path.startsWith('/api/'));
  done({ interactive_ms: paint, html_bytes: nav ? nav.encodedBodySize : 0, files });
};
const timer = setTimeout(() => done(null), ms);
new PerformanceObserver((list, observer) => {
  const paint = list.getEntriesByName('first-contentful-paint')[0];
  if (paint && document.querySelector('main')) {
    observer.disconnect(); clearTimeout(timer); report(paint.startTime);
  }
}).observe({ type: 'paint', buffered: true });
"#;

#[tokio::test]
async fn each_page_fetches_only_its_own_app_and_its_time_to_interactive_is_printed() {
    let app = spawn_app().await;
    let driver = Driver::start().await;
    let pages = [
        ("voter", "/"),
        ("admin", "/admin"),
        ("tally", "/tally"),
        ("tally", "/elections"),
        ("audit", "/e/default/audit"),
        ("voter", "/e/default"),
    ];
    for (name, path) in pages {
        let client = driver.session().await;
        client.goto(&app.url(path)).await.expect("opening the page");
        let answer = client
            .execute_async(FIRST_LOAD_SCRIPT, vec![json!(WAIT.as_millis() as u64)])
            .await
            .expect("running the first-load script");
        let load: Load = serde_json::from_value(answer.clone())
            .unwrap_or_else(|_| panic!("{path} did not paint its app within {WAIT:?}: {answer}"));
        let wasm: Vec<&str> = load
            .files
            .iter()
            .map(|(file, _)| file.as_str())
            .filter(|file| file.ends_with(".wasm"))
            .collect();
        let bytes = load.html_bytes + load.files.iter().map(|(_, b)| b).sum::<u64>();
        // Straight to stderr: the test harness captures `eprintln!` of passing tests.
        let _ = writeln!(
            std::io::stderr(),
            "first load: {name:<5} {path:<17} interactive after {:>5.0} ms, {:>7} bytes in {} files",
            load.interactive_ms,
            bytes,
            load.files.len() + 1
        );
        assert!(
            wasm.len() == 1 && wasm[0].starts_with(&format!("/{name}-")),
            "{path} should load the {name} app alone, but fetched {wasm:?}"
        );
        client.close().await.expect("closing the window");
    }
}
