//! The layers import only those below them: domain ← db ← app ← web, cli;
//! mail beside db; nothing imports web or cli. Read from the source itself,
//! so a shortcut across layers fails the build's tests.

use std::path::Path;

/// Which top-level modules each layer may not name.
const RULES: &[(&str, &[&str])] = &[
    (
        "domain",
        &[
            "db", "app", "web", "cli", "mail", "i18n", "config", "clock", "tokens",
        ],
    ),
    ("db", &["app", "web", "cli", "mail", "i18n", "config"]),
    ("mail", &["app", "web", "cli"]),
    ("app", &["web", "cli"]),
    ("web", &["cli"]),
    ("cli", &["web"]),
    ("certificate_pdf", &["db", "app", "web", "cli", "mail"]),
];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("source folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `crate::x::…`, or `x` inside `use crate::{…}` (also over several lines);
/// comments do not count.
fn names_module(source: &str, module: &str) -> Option<String> {
    let code: Vec<&str> = source
        .lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect();
    if let Some(line) = code.iter().find(|line| {
        line.contains(&format!("crate::{module}::"))
            || line.contains(&format!("crate::{module};"))
            || line.contains(&format!("crate::{module} "))
    }) {
        return Some(line.to_string());
    }
    // Grouped imports: everything between `crate::{` and its closing brace.
    let text = code.join("\n");
    let mut rest = text.as_str();
    while let Some(start) = rest.find("crate::{") {
        let group = &rest[start + "crate::{".len()..];
        let mut depth = 1;
        let end = group
            .char_indices()
            .find(|(_, c)| {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    _ => {}
                }
                depth == 0
            })
            .map(|(i, _)| i)
            .unwrap_or(group.len());
        let names_it = group[..end]
            .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
            .any(|item| item == module || item.starts_with(&format!("{module}::")));
        if names_it {
            return Some(format!("use crate::{{{}}}", group[..end].trim()));
        }
        rest = &group[end..];
    }
    None
}

#[test]
fn each_layer_imports_only_those_below_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut broken = Vec::new();
    for (layer, forbidden) in RULES {
        let mut files = Vec::new();
        // A layer is a folder, or a single-file module (`src/certificate_pdf.rs`).
        let single_file = src.join(format!("{layer}.rs"));
        if single_file.is_file() {
            files.push(single_file);
        } else {
            rust_files(&src.join(layer), &mut files);
        }
        assert!(!files.is_empty(), "src/{layer} has no files");
        for file in files {
            let text = std::fs::read_to_string(&file).expect("readable source");
            for module in *forbidden {
                if let Some(line) = names_module(&text, module) {
                    broken.push(format!(
                        "{} uses {module}: {}",
                        file.strip_prefix(&src).unwrap().display(),
                        line.trim()
                    ));
                }
            }
        }
    }
    assert!(
        broken.is_empty(),
        "layer rules broken:\n{}",
        broken.join("\n")
    );
}

#[test]
fn the_layer_check_sees_a_shortcut() {
    assert!(names_module("use crate::web::AppState;", "web").is_some());
    assert!(names_module("    crate::cli::main(x)", "cli").is_some());
    assert!(names_module("use crate::{db::Db, web::pages};", "web").is_some());
    assert!(names_module("use crate::{\n    db::Db,\n    web::pages,\n};", "web").is_some());
    assert!(names_module("use crate::{\n    db::Db,\n    domain::Email,\n};", "web").is_none());
    assert!(names_module("use crate::{cli, db};", "cli").is_some());
    assert!(names_module("// crate::web::x is fine in a comment", "web").is_none());
    assert!(names_module("use crate::webhooks::x;", "web").is_none());
}
