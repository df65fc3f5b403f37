//! Cargo's build script (`build = "src/build.rs"` in Cargo.toml), not a
//! module of the app.
//!
//! On Linux with glibc, the `cohort` binary is linked with packed relative
//! relocations (DT_RELR, glibc ≥ 2.36, GNU ld ≥ 2.38 or lld ≥ 15). The
//! dynamic loader reads every relocation at start, and the binary has about
//! 100,000 of them: packed, their table shrinks from 2.4 MB to 40 KB, and the
//! server's resident memory by 3–4 MB for its whole life (docs/BENCHMARKS.md,
//! "Issue 12, memory").

fn main() {
    println!("cargo:rerun-if-changed=src/build.rs");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os == "linux" && env == "gnu" {
        println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    }
}
