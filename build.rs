//! Lists the translation files: every `templates/i18n/{code}.ftl` is a
//! language the interface speaks, so adding a language is adding a file (and
//! rebuilding). Writes `languages.rs` (the codes, for `domain::Language`) and
//! `translations.rs` (code and embedded text, for `i18n`) into `OUT_DIR`.
//!
//! Also links the `cohort` binary with packed relative relocations where the
//! building machine's glibc can load them (`pack_relocations`).

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    pack_relocations();
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let dir = Path::new(&manifest).join("templates/i18n");
    // A directory here makes cargo rerun this script when any file in it
    // is added, removed or changed.
    println!("cargo:rerun-if-changed=templates/i18n");
    println!("cargo:rerun-if-changed=build.rs");

    let mut files: Vec<(String, String)> = std::fs::read_dir(&dir)
        .expect("templates/i18n exists")
        .map(|entry| entry.expect("readable directory entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "ftl"))
        .map(|path| {
            let code = path
                .file_stem()
                .and_then(|s| s.to_str())
                .expect("UTF-8 file name")
                .to_string();
            // A language code as BCP 47 writes it: "lv", "et", "pt-br".
            assert!(
                code.len() >= 2
                    && code
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c == '-' || c.is_ascii_digit()),
                "templates/i18n/{code}.ftl: the file name must be a lowercase language code"
            );
            (code, path.display().to_string())
        })
        .collect();
    files.sort();
    assert!(!files.is_empty(), "templates/i18n has no .ftl files");

    let mut languages = String::from("&[");
    let mut translations = String::from("&[");
    for (code, path) in &files {
        write!(languages, "Language({code:?}),").expect("write to String");
        write!(translations, "({code:?}, include_str!({path:?})),").expect("write to String");
    }
    languages.push(']');
    translations.push(']');
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out).join("languages.rs"), languages).expect("write languages.rs");
    std::fs::write(Path::new(&out).join("translations.rs"), translations)
        .expect("write translations.rs");
}

/// The binary has about 100,000 relative relocations, which the dynamic
/// loader reads at every start: packed (DT_RELR) their table shrinks from
/// 2.4 MB to 40 KB, and the server's resident memory by 2.5–4 MB for its
/// whole life (docs/BENCHMARKS.md, "Issue 12, memory"). Only glibc 2.36 and
/// later can load such a binary, and some linkers emit it without marking
/// that need, so it is done only when building for this machine and its
/// glibc is new enough; anything else links as before.
fn pack_relocations() {
    let target = std::env::var("TARGET").unwrap_or_default();
    let host = std::env::var("HOST").unwrap_or_default();
    if target != host || !target.ends_with("-linux-gnu") {
        return;
    }
    let glibc = std::process::Command::new("getconf")
        .arg("GNU_LIBC_VERSION")
        .output()
        .ok()
        .and_then(|out| String::from_utf8(out.stdout).ok())
        .unwrap_or_default();
    // "glibc 2.36"
    let version: Vec<u32> = glibc
        .trim()
        .trim_start_matches("glibc ")
        .split('.')
        .map_while(|part| part.parse().ok())
        .collect();
    if version.as_slice() >= [2, 36].as_slice() {
        println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    }
}
