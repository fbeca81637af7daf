//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

/// `../shared/corpus/<name>` next to the crate, or `None` (with a message on stderr saying the
/// evaluation is skipped) when it is absent.
pub fn corpus_dir(name: &str) -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus")
        .join(name);
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "skipped: corpus `{}` not found (expected at {}); this evaluation needs the shared corpora",
            name,
            dir.display()
        );
        None
    }
}

/// The `*.txt` files of a corpus directory, sorted, each with its gold `*.json` next to it.
pub fn articles_with_gold(dir: &std::path::Path) -> Vec<(PathBuf, PathBuf)> {
    let mut out: Vec<(PathBuf, PathBuf)> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "txt"))
                .map(|p| {
                    let gold = p.with_extension("json");
                    (p, gold)
                })
                .filter(|(_, g)| g.is_file())
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

/// The bundled sample articles.
pub fn samples() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples");
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "txt"))
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}
