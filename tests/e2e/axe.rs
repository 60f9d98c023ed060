//! Accessibility checks of the page a browser shows: axe-core's WCAG 2.2 AA rules (and, for
//! the voter page, its AAA contrast rule), and the few checks axe does not make (an
//! accessible name on every control, pointer targets of at least 24 × 24 px, no horizontal
//! scrolling, the contrast of every text in the high-contrast theme).
//!
//! axe-core is the npm package `cargo xtask setup` installs into `.tools/` (pinned in
//! `xtask/src/setup.rs`); its script is injected into the page under test, which loads nothing
//! from the network for it.

use std::fmt;
use std::sync::OnceLock;

use fantoccini::Client;
use serde::Deserialize;
use serde_json::json;

use crate::helpers::{repo_root, screenshot};

/// The rule sets checked: WCAG 2.0, 2.1 and 2.2, levels A and AA.
const TAGS: [&str; 5] = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/// One rule a page breaks, with the elements that break it.
#[derive(Debug, Deserialize)]
pub struct Violation {
    pub id: String,
    pub impact: Option<String>,
    pub help: String,
    pub nodes: Vec<Node>,
}

/// An element that breaks a rule: its CSS selector, its markup and what axe says to fix.
#[derive(Debug, Deserialize)]
pub struct Node {
    pub target: String,
    pub html: String,
    pub summary: String,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let impact = self.impact.as_deref().unwrap_or("?");
        writeln!(f, "  [{}] {} ({impact})", self.id, self.help)?;
        for node in &self.nodes {
            writeln!(f, "    at {}: {}", node.target, node.html)?;
            for line in node.summary.lines() {
                writeln!(f, "       {line}")?;
            }
        }
        Ok(())
    }
}

/// axe.min.js, read once per test binary.
fn axe_source() -> &'static str {
    static SOURCE: OnceLock<String> = OnceLock::new();
    SOURCE.get_or_init(|| {
        let path = repo_root().join(".tools/node_modules/axe-core/axe.min.js");
        std::fs::read_to_string(&path).unwrap_or_else(|err| {
            panic!(
                "{}: {err}; run `cargo xtask setup` at the repository root first",
                path.display()
            )
        })
    })
}

const RUN_SCRIPT: &str = r#"
const [runOnly] = arguments; const done = arguments[arguments.length - 1];
const selector = (t) => Array.isArray(t) ? t.join(" >>> ") : String(t);
axe.run(document, { runOnly, resultTypes: ["violations"] })
  .then((r) => done({ violations: r.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map((n) => ({
      target: n.target.map(selector).join(", "),
      html: n.html.slice(0, 200),
      summary: n.failureSummary || "",
    })),
  })) }), (e) => done({ error: String(e) }));
"#;

/// Runs axe-core's WCAG 2.2 A and AA rules on the current page and returns what it breaks.
pub async fn violations(client: &Client) -> Vec<Violation> {
    run_axe(client, json!({ "type": "tag", "values": TAGS })).await
}

/// Runs axe-core's `color-contrast-enhanced` rule (WCAG 1.4.6, AAA: 7:1, 4.5:1 for large
/// text) on the current page and returns what breaks it.
pub async fn enhanced_contrast_violations(client: &Client) -> Vec<Violation> {
    run_axe(
        client,
        json!({ "type": "rule", "values": ["color-contrast-enhanced"] }),
    )
    .await
}

/// Runs the axe-core rules `run_only` picks (axe's `runOnly` option) on the current page.
async fn run_axe(client: &Client, run_only: serde_json::Value) -> Vec<Violation> {
    // The page's own document has no axe until it is injected (again after each navigation).
    let inject = format!("if (!window.axe) {{ {} }}", axe_source());
    client
        .execute(&inject, vec![])
        .await
        .expect("injecting axe-core");
    let answer = client
        .execute_async(RUN_SCRIPT, vec![run_only])
        .await
        .expect("running axe-core");
    if let Some(error) = answer.get("error") {
        panic!("axe-core failed: {error}");
    }
    serde_json::from_value(answer["violations"].clone()).expect("axe-core's violations")
}

/// What axe cannot see: controls without a name, targets under 24 × 24 px, and (when
/// `reflow`) a page wider than the window.
const SCRIPTED_CHECKS: &str = r#"
const [reflow] = arguments;
const problems = [];
const visible = (el) => {
  const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
  return r.width > 0 && r.height > 0 && s.visibility !== "hidden";
};
const describe = (el) => el.outerHTML.slice(0, 160);
const nameOf = (el) => {
  const label = el.getAttribute("aria-label");
  if (label && label.trim()) return label;
  const by = el.getAttribute("aria-labelledby");
  if (by) return by.split(/\s+/).map((id) => document.getElementById(id)?.textContent || "").join(" ");
  if (el.labels && el.labels.length) return Array.from(el.labels).map((l) => l.textContent).join(" ");
  if (el.tagName === "INPUT" && ["submit", "button", "reset"].includes(el.type)) return el.value;
  return (el.textContent || "") + (el.getAttribute("title") || "")
    + Array.from(el.querySelectorAll("img[alt]")).map((i) => i.alt).join(" ");
};
const controls = document.querySelectorAll("button, input:not([type=hidden]), select, textarea, a[href]");
for (const el of controls) {
  if (!visible(el)) continue;
  if (!nameOf(el).trim()) problems.push(`no accessible name: ${describe(el)}`);
  if (el.tagName === "A") continue;
  const r = el.getBoundingClientRect();
  if (r.width < 24 || r.height < 24)
    problems.push(`target ${r.width.toFixed(1)} x ${r.height.toFixed(1)} px, under 24 x 24: ${describe(el)}`);
}
if (reflow && document.documentElement.scrollWidth > window.innerWidth) {
  // The innermost elements that reach past the window's right edge are what to fix.
  const clipped = (el) => {
    for (let up = el.parentElement; up && up !== document.body; up = up.parentElement)
      if (getComputedStyle(up).overflowX !== "visible") return true;
    return false;
  };
  const wide = (el) => el.getBoundingClientRect().right > window.innerWidth + 0.5 && !clipped(el);
  const culprits = Array.from(document.body.querySelectorAll("*"))
    .filter((el) => wide(el) && !Array.from(el.children).some(wide))
    .slice(0, 5).map(describe);
  problems.push(`scrolls sideways: ${document.documentElement.scrollWidth} px wide in a window of `
    + `${window.innerWidth}, past the edge: ${culprits.join(" | ")}`);
}
return problems;
"#;

/// The scripted checks' problems on the current page, one sentence each.
pub async fn scripted_problems(client: &Client, reflow: bool) -> Vec<String> {
    let answer = client
        .execute(SCRIPTED_CHECKS, vec![json!(reflow)])
        .await
        .expect("running the scripted checks");
    serde_json::from_value(answer).expect("a list of problems")
}

/// The contrast of every visible text of the page with what is behind it, by WCAG's relative
/// luminance: the text's colour over the first opaque background of it or its ancestors
/// (translucent ones blended in, the element's opacity too). Disabled controls are exempt
/// (WCAG 1.4.3 and 1.4.6 exempt inactive components).
const TEXT_CONTRAST: &str = r#"
const [least] = arguments;
const parse = (text) => {
  const m = /rgba?\(([^)]+)\)/.exec(text);
  if (!m) return null;
  const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(parseFloat);
  return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
};
const over = (top, under, alpha) => top.map((c, i) => c * alpha + under[i] * (1 - alpha));
const luminance = (rgb) => {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const ratio = (a, b) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};
const background = (el) => {
  const layers = [];
  for (let e = el; e; e = e.parentElement) {
    const bg = parse(getComputedStyle(e).backgroundColor);
    if (bg && bg[3] > 0) { layers.push(bg); if (bg[3] >= 1) break; }
  }
  let rgb = [255, 255, 255];
  for (const layer of layers.reverse()) rgb = over(layer.slice(0, 3), rgb, layer[3]);
  return rgb;
};
const opacity = (el) => {
  let o = 1;
  for (let e = el; e; e = e.parentElement) o *= parseFloat(getComputedStyle(e).opacity);
  return o;
};
const texts = Array.from(document.body.querySelectorAll("*")).filter((el) =>
  Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim()));
let lowest = Infinity; const failures = [];
for (const el of texts) {
  const r = el.getBoundingClientRect(); const style = getComputedStyle(el);
  if (r.width === 0 || r.height === 0 || style.visibility === "hidden") continue;
  if (el.closest(":disabled, option, script, style")) continue;
  const bg = background(el); const fg = parse(style.color);
  if (!fg) continue;
  const shown = over(fg.slice(0, 3), bg, fg[3] * opacity(el));
  const found = ratio(shown, bg);
  lowest = Math.min(lowest, found);
  if (found < least)
    failures.push(`${found.toFixed(2)}:1 (${style.color} on rgb(${bg.map(Math.round).join(", ")})): `
      + el.outerHTML.slice(0, 160));
}
return { lowest: lowest === Infinity ? null : lowest, failures };
"#;

/// The lowest contrast of any visible text on the current page, and a sentence for each
/// text under `least` : 1.
pub async fn text_contrast(client: &Client, least: f64) -> (f64, Vec<String>) {
    let answer = client
        .execute(TEXT_CONTRAST, vec![json!(least)])
        .await
        .expect("measuring the text contrast");
    let lowest = answer["lowest"].as_f64().expect("some text on the page");
    let failures = serde_json::from_value(answer["failures"].clone()).expect("a list");
    (lowest, failures)
}

/// The window widths every page is checked at: a desktop and the 320 px of WCAG's reflow.
pub const WIDTHS: [u32; 2] = [1280, 320];

/// Checks the current page at each of [`WIDTHS`] (resized in place, so a state that only a
/// click reaches is kept), and returns the window to 1280 px. Returns every finding, each
/// headed by `page` and the width; `shot` names a screenshot taken at 320 px.
pub async fn check_page(client: &Client, page: &str, shot: Option<&str>) -> Vec<String> {
    let mut findings = Vec::new();
    for width in WIDTHS {
        client
            .set_window_size(width, 900)
            .await
            .expect("resizing the window");
        let inner = client
            .execute("return window.innerWidth;", vec![])
            .await
            .expect("reading the width");
        assert_eq!(inner, json!(width), "the window of {page} was not resized");
        let found = violations(client).await;
        let problems = scripted_problems(client, width == 320).await;
        if !found.is_empty() || !problems.is_empty() {
            let mut text = format!("{page} at {width} px:\n");
            for violation in &found {
                text.push_str(&violation.to_string());
            }
            for problem in &problems {
                text.push_str(&format!("  [scripted] {problem}\n"));
            }
            findings.push(text);
        }
        if width == 320 {
            if let Some(name) = shot {
                screenshot(client, name).await;
            }
        }
    }
    client
        .set_window_size(1280, 900)
        .await
        .expect("resizing the window back");
    findings
}

/// Fails with every finding of a test's pages, all at once, so one run shows the whole list.
pub fn assert_none(findings: &[String]) {
    assert!(
        findings.is_empty(),
        "accessibility problems:\n{}",
        findings.join("\n")
    );
}
