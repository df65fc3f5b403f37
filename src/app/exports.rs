//! The tables organisers download (SPEC: exports), as CSV and as XLSX,
//! shared by the web and the command line. Downloaded CSV starts with a
//! UTF-8 byte-order mark, so Excel on Windows reads "Bērziņa" and Cyrillic
//! right; the command line's CSV goes to scripts and has none.

use std::collections::HashMap;

use crate::db::models::{Cycle, Registration};
use crate::domain::questions;

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

/// One export: its header (the SPEC's columns first) and its rows, as text.
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Columns that hold numbers (written as numbers in XLSX).
    pub numeric: Vec<usize>,
}

/// Column names as a table's header.
pub fn columns(names: &[&str]) -> Vec<String> {
    names.iter().map(|n| n.to_string()).collect()
}

const BOM: &[u8] = "\u{FEFF}".as_bytes();

impl Table {
    /// CSV with the spreadsheet-safe cells; `bom` for a download.
    pub fn to_csv(&self, bom: bool) -> anyhow::Result<Vec<u8>> {
        let start = if bom { BOM.to_vec() } else { Vec::new() };
        let mut w = csv::Writer::from_writer(start);
        w.write_record(&self.headers)?;
        for row in &self.rows {
            w.write_record(row.iter().map(|cell| csv_cell(cell)))?;
        }
        Ok(w.into_inner()?)
    }

    /// The same table as an Excel workbook. Cells are written as text (or
    /// numbers), never as formulas, so no apostrophe is needed.
    pub fn to_xlsx(&self, sheet: &str) -> anyhow::Result<Vec<u8>> {
        workbook(&[(sheet, self)])
    }

    fn write_sheet(&self, page: &mut rust_xlsxwriter::Worksheet) -> anyhow::Result<()> {
        let bold = rust_xlsxwriter::Format::new().set_bold();
        for (col, header) in self.headers.iter().enumerate() {
            page.write_string_with_format(0, col as u16, header, &bold)?;
        }
        for (r, row) in self.rows.iter().enumerate() {
            let line = r as u32 + 1;
            for (col, cell) in row.iter().enumerate() {
                match cell.parse::<f64>() {
                    Ok(n) if self.numeric.contains(&col) => {
                        page.write_number(line, col as u16, n)?;
                    }
                    _ => {
                        page.write_string(line, col as u16, cell)?;
                    }
                }
            }
        }
        page.set_freeze_panes(1, 0)?;
        page.autofit();
        Ok(())
    }
}

/// Several tables as one workbook, a named sheet each.
pub fn workbook(sheets: &[(&str, &Table)]) -> anyhow::Result<Vec<u8>> {
    let mut book = rust_xlsxwriter::Workbook::new();
    for (name, table) in sheets {
        let page = book.add_worksheet();
        page.set_name(*name)?;
        table.write_sheet(page)?;
    }
    Ok(book.save_to_buffer()?)
}

/// `registrations.csv`: the SPEC's columns, then one column per question of
/// the cycle named by its key (SPEC: Question), answers in the cycle's
/// language (several choices joined by "; ", yes/no and dates as stored).
pub fn registrations_table(
    regs: &[Registration],
    cycle: &Cycle,
    asked: &[questions::Question],
    answers: &HashMap<i32, HashMap<String, String>>,
) -> Table {
    let lang = cycle.language.as_str();
    let mut headers = columns(&[
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
    ]);
    headers.extend(asked.iter().map(|q| q.key.clone()));
    let ts = |t: chrono::NaiveDateTime| {
        t.and_utc()
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
    };
    let rows = regs
        .iter()
        .map(|r| {
            vec![
                r.id.to_string(),
                r.first_name.clone(),
                r.last_name.clone(),
                r.email.clone(),
                r.institution.clone(),
                r.institution_type.to_string(),
                r.position.clone(),
                r.region.clone(),
                r.country.clone(),
                r.language.to_string(),
                r.status.to_string(),
                ts(r.registered_at),
                r.phone.clone(),
                r.confirmed_at.map(ts).unwrap_or_default(),
                ts(r.consent_at),
                r.consent_version.clone(),
            ]
            .into_iter()
            .chain(asked.iter().map(|q| {
                answers
                    .get(&r.id)
                    .and_then(|given| given.get(&q.key))
                    .map(|value| questions::shown(q, value, ("yes", "no"), lang, lang))
                    .unwrap_or_default()
            }))
            .collect()
        })
        .collect();
    Table {
        headers,
        rows,
        numeric: vec![0],
    }
}

pub fn eligibility_table(list: &[EligibilityRow]) -> Table {
    let headers = columns(&[
        "first_name",
        "last_name",
        "email",
        "institution",
        "attended",
        "eligible",
    ]);
    let rows = list
        .iter()
        .map(|row| {
            vec![
                row.first_name.clone(),
                row.last_name.clone(),
                row.email.clone(),
                row.institution.clone(),
                row.standing.attended.to_string(),
                if row.eligible() { "yes" } else { "no" }.to_string(),
            ]
        })
        .collect();
    Table {
        headers,
        rows,
        numeric: vec![4],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Table {
        Table {
            headers: columns(&["first_name", "attended"]),
            rows: vec![
                vec!["Bērziņa".into(), "4".into()],
                vec!["=HYPERLINK(\"http://x\")".into(), "3".into()],
            ],
            numeric: vec![1],
        }
    }

    #[test]
    fn downloaded_csv_starts_with_a_byte_order_mark_and_defuses_formulas() {
        let csv = table().to_csv(true).unwrap();
        assert!(csv.starts_with(BOM));
        let text = String::from_utf8(csv[BOM.len()..].to_vec()).unwrap();
        assert_eq!(
            text,
            "first_name,attended\nBērziņa,4\n\"'=HYPERLINK(\"\"http://x\"\")\",3\n"
        );
        assert!(!table().to_csv(false).unwrap().starts_with(BOM));
    }

    #[test]
    fn a_workbook_is_a_zip_with_its_sheet() {
        let xlsx = table().to_xlsx("eligibility").unwrap();
        assert!(xlsx.starts_with(b"PK"), "an XLSX file is a zip archive");
    }
}
