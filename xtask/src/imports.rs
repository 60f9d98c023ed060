//! The layering check `cargo xtask test` runs first: `backend/src`'s top-level modules (a file
//! or a folder directly under `src/`) must not import each other in a cycle.
//!
//! A module's imports are the `crate::NAME` paths (and `use crate::{NAME, …}` groups) in its
//! files, read as text up to the first `#[cfg(test)]` (unit tests may reach anywhere). Doc
//! links count too: a doc that links upwards describes an upward dependency.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use anyhow::{bail, Context, Result};

/// Module name to the modules it imports.
pub type Graph = BTreeMap<String, BTreeSet<String>>;

/// Fails with the cycles, if `src` has any.
pub fn check(src: &Path) -> Result<()> {
    let cycles = cycles(&graph(src)?);
    if cycles.is_empty() {
        println!(
            "xtask: no import cycles between the modules of {}",
            src.display()
        );
        return Ok(());
    }
    let listed: Vec<String> = cycles.iter().map(|c| c.join(" -> ")).collect();
    bail!("import cycles in {}: {}", src.display(), listed.join("; "))
}

/// Reads the import graph of the top-level modules under `src`.
pub fn graph(src: &Path) -> Result<Graph> {
    let mut files: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for entry in std::fs::read_dir(src).with_context(|| format!("reading {}", src.display()))? {
        let path = entry?.path();
        let name = path
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        if name == "main" || name == "lib" {
            continue;
        }
        let texts = files.entry(name).or_default();
        for file in rust_files(&path)? {
            let text = std::fs::read_to_string(&file)?;
            texts.push(text.split("#[cfg(test)]").next().unwrap_or("").to_string());
        }
    }
    let names: BTreeSet<String> = files.keys().cloned().collect();
    let mut graph = Graph::new();
    for (name, texts) in &files {
        let imports = graph.entry(name.clone()).or_default();
        for text in texts {
            for mentioned in mentions(text) {
                if names.contains(&mentioned) && mentioned != *name {
                    imports.insert(mentioned);
                }
            }
        }
    }
    Ok(graph)
}

fn rust_files(path: &Path) -> Result<Vec<std::path::PathBuf>> {
    if path.is_file() {
        return Ok(if path.extension().is_some_and(|e| e == "rs") {
            vec![path.to_path_buf()]
        } else {
            vec![]
        });
    }
    let mut found = Vec::new();
    for entry in std::fs::read_dir(path)? {
        found.extend(rust_files(&entry?.path())?);
    }
    Ok(found)
}

/// The module names a text mentions as `crate::NAME` or inside `use crate::{…}`.
fn mentions(text: &str) -> BTreeSet<String> {
    let word = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_')
            .collect()
    };
    let mut found = BTreeSet::new();
    for (index, _) in text.match_indices("crate::") {
        let rest = &text[index + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let group = &group[..group.find('}').unwrap_or(group.len())];
            found.extend(group.split(',').map(|part| word(part.trim())));
        } else {
            found.insert(word(rest));
        }
    }
    found.retain(|name| !name.is_empty());
    found
}

/// The strongly connected components with more than one module (Tarjan's algorithm).
pub fn cycles(graph: &Graph) -> Vec<Vec<String>> {
    struct Search<'a> {
        graph: &'a Graph,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        found: Vec<Vec<String>>,
    }
    fn visit<'a>(s: &mut Search<'a>, v: &'a str) {
        let next = s.index.len();
        s.index.insert(v, next);
        s.low.insert(v, next);
        s.stack.push(v);
        for w in s.graph.get(v).into_iter().flatten() {
            let w = w.as_str();
            if !s.index.contains_key(w) {
                visit(s, w);
                let low = s.low[v].min(s.low[w]);
                s.low.insert(v, low);
            } else if s.stack.contains(&w) {
                let low = s.low[v].min(s.index[w]);
                s.low.insert(v, low);
            }
        }
        if s.low[v] == s.index[v] {
            let at = s.stack.iter().rposition(|x| *x == v).unwrap_or(0);
            let component: Vec<String> = s.stack.drain(at..).map(str::to_string).collect();
            if component.len() > 1 {
                s.found.push(component);
            }
        }
    }
    let mut search = Search {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        found: Vec::new(),
    };
    for v in graph.keys() {
        if !search.index.contains_key(v.as_str()) {
            visit(&mut search, v);
        }
    }
    search.found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph_of(edges: &[(&str, &str)]) -> Graph {
        let mut graph = Graph::new();
        for (from, to) in edges {
            graph
                .entry(from.to_string())
                .or_default()
                .insert(to.to_string());
            graph.entry(to.to_string()).or_default();
        }
        graph
    }

    #[test]
    fn a_cycle_is_found_and_layers_are_not() {
        let layered = graph_of(&[("api", "cluster"), ("cluster", "raft"), ("api", "raft")]);
        assert!(cycles(&layered).is_empty());
        let circular = graph_of(&[("api", "cluster"), ("cluster", "raft"), ("raft", "api")]);
        assert_eq!(cycles(&circular).len(), 1);
        assert_eq!(cycles(&circular)[0].len(), 3);
    }

    #[test]
    fn imports_are_read_from_paths_groups_and_doc_links() {
        let text = "use crate::api::state::AppState;\nuse crate::{clock, domain::Envelope};\n\
                    /// See [`crate::raft::http`].\n#[cfg(test)]\nuse crate::server;";
        let found = mentions(text.split("#[cfg(test)]").next().unwrap());
        let expected: BTreeSet<String> =
            ["api", "clock", "domain", "raft"].map(String::from).into();
        assert_eq!(found, expected);
    }

    #[test]
    fn the_backend_has_no_import_cycle() {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../backend/src");
        let cycles = cycles(&graph(&src).unwrap());
        assert!(cycles.is_empty(), "import cycles: {cycles:?}");
    }
}
