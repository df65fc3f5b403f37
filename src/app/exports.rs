//! The CSV files organisers download (SPEC: exports), shared by the web and
//! the command line.

use crate::db::models::Registration;

use super::attendance::EligibilityRow;

/// Spreadsheet programs run cells that start with = + - @ as formulas; a
/// leading apostrophe keeps them text (OWASP: CSV injection).
pub fn csv_cell(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

pub fn registrations_csv(regs: &[Registration]) -> anyhow::Result<Vec<u8>> {
    let mut w = csv::Writer::from_writer(vec![]);
    w.write_record([
        "id",
        "first_name",
        "last_name",
        "email",
        "institution",
        "institution_type",
        "position",
        "region",
        "country",
        "language",
        "status",
        "registered_at",
        "phone",
        "confirmed_at",
        "consent_at",
        "consent_version",
    ])?;
    let ts = |t: chrono::NaiveDateTime| {
        t.and_utc()
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
    };
    for r in regs {
        w.write_record([
            r.id.to_string(),
            csv_cell(&r.first_name),
            csv_cell(&r.last_name),
            csv_cell(&r.email),
            csv_cell(&r.institution),
            r.institution_type.to_string(),
            csv_cell(&r.position),
            csv_cell(&r.region),
            r.country.clone(),
            r.language.to_string(),
            r.status.to_string(),
            ts(r.registered_at),
            csv_cell(&r.phone),
            r.confirmed_at.map(ts).unwrap_or_default(),
            ts(r.consent_at),
            r.consent_version.clone(),
        ])?;
    }
    Ok(w.into_inner()?)
}

pub fn eligibility_csv(list: &[EligibilityRow]) -> anyhow::Result<Vec<u8>> {
    let mut w = csv::Writer::from_writer(vec![]);
    w.write_record([
        "first_name",
        "last_name",
        "email",
        "institution",
        "attended",
        "eligible",
    ])?;
    for row in list {
        w.write_record([
            csv_cell(&row.first_name),
            csv_cell(&row.last_name),
            csv_cell(&row.email),
            csv_cell(&row.institution),
            row.standing.attended.to_string(),
            if row.eligible() { "yes" } else { "no" }.into(),
        ])?;
    }
    Ok(w.into_inner()?)
}
