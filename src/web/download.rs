//! Downloads of the organisers' tables, as CSV (with a byte-order mark, for
//! Excel) or XLSX; both from the same `app::exports::Table`.

use actix_web::HttpResponse;

use super::error::AppResult;
use crate::app::exports::Table;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Xlsx,
}

/// `stem` names the file: `kopienas-2023-registrations` → `….csv` / `….xlsx`.
pub fn table(table: &Table, stem: &str, format: Format) -> AppResult<HttpResponse> {
    let (body, content_type, extension) = match format {
        Format::Csv => (table.to_csv(true)?, "text/csv; charset=utf-8", "csv"),
        Format::Xlsx => (
            table.to_xlsx(sheet_name(stem))?,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "xlsx",
        ),
    };
    Ok(HttpResponse::Ok()
        .content_type(content_type)
        .insert_header((
            "Content-Disposition",
            format!("attachment; filename=\"{stem}.{extension}\""),
        ))
        .body(body))
}

/// Excel allows at most 31 characters in a sheet name: the table's kind.
fn sheet_name(stem: &str) -> &str {
    stem.rsplit('-').next().unwrap_or("export")
}

/// Several tables as one XLSX workbook (a sheet each), named by `stem`.
pub fn workbook(sheets: &[(&str, &Table)], stem: &str) -> AppResult<HttpResponse> {
    Ok(HttpResponse::Ok()
        .content_type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .insert_header((
            "Content-Disposition",
            format!("attachment; filename=\"{stem}.xlsx\""),
        ))
        .body(crate::app::exports::workbook(sheets)?))
}
