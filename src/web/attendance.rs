pub fn routes(_cfg: &mut actix_web::web::ServiceConfig) {}

pub fn cli_import(_s: &crate::config::Settings, _cycle: &str, _session: i64, _min: Option<u32>, _dry: bool, _file: &std::path::Path) -> anyhow::Result<()> {
    anyhow::bail!("attendance import is not available yet")
}

pub fn cli_eligibility(_s: &crate::config::Settings, _cycle: &str) -> anyhow::Result<()> {
    anyhow::bail!("eligibility is not available yet")
}
