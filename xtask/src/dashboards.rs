//! Building the four dashboard apps into `dist/`, and `cargo xtask sizes`.
//!
//! trunk builds one HTML entry per run and empties its output folder first, so each app
//! (`shared::dashboards::Dashboard`) is built into its own folder under the cargo target
//! directory, and `dist/` is then made anew from the four. The apps share `style.css` (same
//! content, same hashed name); everything else has the app's name in its file name.
//!
//! Every language but English has its Fluent resources copied flat into `dist/`
//! (`frontend/locales/fr/voter.ftl` as `ftl-fr-voter.ftl`, see [`copy_languages`]): the pages
//! embed English and fetch another language's words only when they switch to it
//! (`frontend/src/i18n/resources.rs`).
//!
//! Every file of `dist/` gets a brotli and a gzip twin (`name.br`, `name.gz`:
//! [`crate::precompress`]) so the nodes send browsers the compressed bytes without compressing
//! on each request.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};
use shared::dashboards::Dashboard;

use crate::precompress::{self, Encoding};
use crate::run;

/// The HTML entry trunk builds an app from (`frontend/index.html` for the voter).
fn source(root: &Path, app: Dashboard) -> PathBuf {
    root.join("frontend").join(app.entry())
}

/// Where trunk puts one app before `dist/` is assembled.
fn staging(app: Dashboard) -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| crate::project_root().join("target"));
    target.join("dashboards").join(app.name())
}

/// Builds the four apps in release (size matters for wasm: the `wasm-release` profile and
/// `wasm-opt -Oz`, see the HTML entries) and replaces `dist/` with them.
pub fn build(root: &Path) -> Result<()> {
    for app in Dashboard::ALL {
        run(Command::new("trunk")
            .arg("build")
            .arg(source(root, app))
            .args(["--release", "--html-output", app.entry(), "--dist"])
            .arg(staging(app))
            .current_dir(root))?;
    }
    let dist = root.join("dist");
    if dist.exists() {
        std::fs::remove_dir_all(&dist).with_context(|| format!("emptying {}", dist.display()))?;
    }
    std::fs::create_dir_all(&dist)?;
    for app in Dashboard::ALL {
        for entry in std::fs::read_dir(staging(app))? {
            let from = entry?.path();
            if from.is_file() {
                let to = dist.join(from.file_name().context("a file has a name")?);
                std::fs::copy(&from, &to)
                    .with_context(|| format!("copying {} to {}", from.display(), to.display()))?;
            }
        }
    }
    copy_languages(root, &dist)?;
    precompress::precompress(&dist)?;
    println!("xtask: the dashboards are in {}", dist.display());
    Ok(())
}

/// Copies every language's resources but English's (embedded in the wasm) from
/// `frontend/locales/{lang}/{area}.ftl` to `dist/ftl-{lang}-{area}.ftl`, the flat names the
/// pages fetch.
fn copy_languages(root: &Path, dist: &Path) -> Result<()> {
    let locales = root.join("frontend").join("locales");
    for lang in std::fs::read_dir(&locales)? {
        let lang = lang?;
        let code = lang.file_name().to_string_lossy().into_owned();
        if code == "en" || !lang.path().is_dir() {
            continue;
        }
        for file in std::fs::read_dir(lang.path())? {
            let from = file?.path();
            let Some(area) = from.file_name().map(|n| n.to_string_lossy().into_owned()) else {
                continue;
            };
            if area.ends_with(".ftl") {
                let to = dist.join(format!("ftl-{code}-{area}"));
                std::fs::copy(&from, &to)
                    .with_context(|| format!("copying {} to {}", from.display(), to.display()))?;
            }
        }
    }
    Ok(())
}

/// Prints, for each app's page, every file its first load fetches (the HTML entry and what it
/// names: style sheet, JavaScript, wasm) with its bytes, its gzipped bytes (`gzip -9`), its
/// brotli bytes (the `.br` twin) and the bytes a node sends a browser that accepts
/// `gzip, deflate, br` as Chromium and Firefox do over HTTPS (the twin the node prefers, or the
/// file itself when it has none), and the totals; then the same for the files no first load
/// fetches. Reads the built `dist/`.
pub fn print_sizes(root: &Path) -> Result<()> {
    let dist = root.join("dist");
    let mut first_loads: Vec<String> = Vec::new();
    for app in Dashboard::ALL {
        let entry = dist.join(app.entry());
        let html = std::fs::read_to_string(&entry).with_context(|| {
            format!(
                "reading {} (build with `cargo xtask setup`)",
                entry.display()
            )
        })?;
        let mut files = vec![app.entry().to_string()];
        files.extend(referenced_files(&html));
        println!("{} page ({}):", app.name(), app.entry());
        print_files(&dist, &files)?;
        first_loads.extend(files);
    }
    // What no page's first load fetches: the voter's workers (the receipt checker, started on
    // Verify, and the ballot sealer, started when a voter of a verifiable election seals), and
    // the languages but English, fetched when a page switches to one.
    let (mut workers, mut languages): (Vec<String>, Vec<String>) = (Vec::new(), Vec::new());
    for entry in std::fs::read_dir(&dist)? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        if precompress::is_twin(&name) || first_loads.contains(&name) {
            continue;
        }
        match name.ends_with(".ftl") {
            true => languages.push(name),
            false => workers.push(name),
        }
    }
    if !workers.is_empty() {
        workers.sort();
        println!("fetched later (the voter's receipt checker on Verify, its sealer on sealing):");
        print_files(&dist, &workers)?;
    }
    languages.sort();
    let mut codes: Vec<&str> = languages
        .iter()
        .filter_map(|name| name.split('-').nth(1))
        .collect();
    codes.dedup();
    for code in codes {
        // What the voter page fetches to switch to this language: its areas only.
        let voter: Vec<String> = ["common", "results", "receipts", "voter"]
            .iter()
            .map(|area| format!("ftl-{code}-{area}.ftl"))
            .filter(|name| languages.contains(name))
            .collect();
        println!("fetched later (the voter page's words in {code}, on switching to it):");
        print_files(&dist, &voter)?;
    }
    Ok(())
}

/// Prints each of `files` (names in `dist`) with its bytes, gzipped bytes, brotli bytes and
/// bytes sent, then their totals.
fn print_files(dist: &Path, files: &[String]) -> Result<()> {
    let (mut bytes, mut gzipped, mut brotli, mut sent) = (0, 0, 0, 0);
    for file in files {
        let path = dist.join(file);
        let raw = std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
        let packed = gzip_len(&path)?;
        let brotlied = match twin_len(&path, Encoding::Brotli) {
            Some(len) => len,
            None => Encoding::Brotli.compress(&raw)?.len(),
        };
        // What the node sends: the first twin there is in its order of preference (a browser
        // rates gzip and br alike), else the file itself.
        let wire = Encoding::BY_PREFERENCE
            .iter()
            .find_map(|&encoding| twin_len(&path, encoding))
            .unwrap_or(raw.len());
        println!(
            "  {file:<40} {:>9} B {packed:>9} B gzip {brotlied:>9} B br {wire:>9} B sent",
            raw.len()
        );
        bytes += raw.len();
        gzipped += packed;
        brotli += brotlied;
        sent += wire;
    }
    println!(
        "  {:<40} {bytes:>9} B {gzipped:>9} B gzip {brotli:>9} B br {sent:>9} B sent \
         ({:.1} KB gzip, {:.1} KB br, {:.1} KB sent)",
        "total",
        gzipped as f64 / 1000.0,
        brotli as f64 / 1000.0,
        sent as f64 / 1000.0
    );
    Ok(())
}

/// The bytes of `path`'s twin in `encoding`, if it has one.
fn twin_len(path: &Path, encoding: Encoding) -> Option<usize> {
    let twin = std::fs::metadata(encoding.twin_of(path)).ok()?;
    usize::try_from(twin.len()).ok()
}

/// The local files an HTML entry makes the browser fetch: every `"/name.ext"` or
/// `'/name.ext'` it quotes whose extension is css, js or wasm, once each, in order.
fn referenced_files(html: &str) -> Vec<String> {
    let mut files: Vec<String> = Vec::new();
    for (i, _) in html.match_indices(['"', '\'']) {
        let rest = &html[i + 1..];
        let Some(end) = rest.find(['"', '\'']) else {
            continue;
        };
        let quoted = &rest[..end];
        let Some(name) = quoted.strip_prefix('/') else {
            continue;
        };
        let fetched = [".css", ".js", ".wasm"]
            .iter()
            .any(|ext| name.ends_with(ext));
        if fetched && !name.contains('/') && !files.iter().any(|f| f == name) {
            files.push(name.to_string());
        }
    }
    files
}

/// The size of `path` compressed by `gzip -9`.
fn gzip_len(path: &Path) -> Result<usize> {
    let out = Command::new("gzip")
        .args(["-9", "-c"])
        .arg(path)
        .output()
        .context("running gzip")?;
    if !out.status.success() {
        bail!("gzip {} failed ({})", path.display(), out.status);
    }
    Ok(out.stdout.len())
}

#[cfg(test)]
mod tests {
    use super::referenced_files;

    #[test]
    fn an_entry_names_its_style_script_and_wasm_once_each() {
        let html = r#"<link rel="stylesheet" href="/style-1.css" integrity="sha384-x"/>
<script type="module">
import init, * as bindings from '/voter-2.js';
const wasm = await init({ module_or_path: '/voter-2_bg.wasm' });
</script>
<link rel="modulepreload" href="/voter-2.js"><link rel="preload" href="/voter-2_bg.wasm" as="fetch">
<a href="/admin">admin</a>"#;
        assert_eq!(
            referenced_files(html),
            ["style-1.css", "voter-2.js", "voter-2_bg.wasm"]
        );
    }
}
