//! Exports that open in Excel: CSV with a byte-order mark, and the same
//! tables as XLSX, read back with a real XLSX reader.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};

use crate::helpers::*;
use crate::on_both_backends;

const SLUG: &str = "kopienas-2023";

async fn download(organiser: &reqwest::Client, app: &TestApp, path: &str) -> (String, Vec<u8>) {
    let res = organiser.get(app.url(path)).send().await.unwrap();
    assert_eq!(res.status().as_u16(), 200, "{path}");
    let content_type = res
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    (content_type, res.bytes().await.unwrap().to_vec())
}

fn sheet(bytes: Vec<u8>, name: &str) -> (Vec<Vec<Data>>, Vec<Vec<String>>) {
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).expect("XLSX");
    let values = book.worksheet_range(name).expect("the sheet");
    let formulas = book.worksheet_formula(name).expect("formulas");
    (
        values.rows().map(|r| r.to_vec()).collect(),
        formulas.rows().map(|r| r.to_vec()).collect(),
    )
}

async fn registrations_open_in_excel(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    app.import_cycle(SEED_CYCLE).await;
    let mut anna = Person::new("Anna", "Bērziņa", "anna@muzejs.lv");
    anna.institution = "=1+2 muzejs".into();
    app.register(SLUG, &anna).await;
    let organiser = app.login_as_organiser().await;

    let (content_type, csv) = download(
        &organiser,
        &app,
        &format!("/admin/cycles/{SLUG}/registrations.csv"),
    )
    .await;
    assert!(content_type.starts_with("text/csv"));
    assert!(
        csv.starts_with("\u{FEFF}".as_bytes()),
        "a byte-order mark first"
    );
    let text = String::from_utf8(csv[3..].to_vec()).unwrap();
    assert!(text.starts_with("id,first_name,last_name,email,institution,institution_type,position,region,country,language,status,registered_at"));
    assert!(text.contains("Bērziņa") && text.contains("'=1+2 muzejs"));

    let (content_type, xlsx) = download(
        &organiser,
        &app,
        &format!("/admin/cycles/{SLUG}/registrations.xlsx"),
    )
    .await;
    assert!(content_type.contains("spreadsheetml"));
    let (rows, formulas) = sheet(xlsx, "registrations");
    let header: Vec<String> = rows[0].iter().map(|c| c.to_string()).collect();
    assert_eq!(
        header[..12],
        [
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
            "registered_at"
        ]
    );
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1][0], Data::Float(1.0));
    assert_eq!(rows[1][2], Data::String("Bērziņa".into()));
    // What looks like a formula is text in the workbook, with no apostrophe.
    assert_eq!(rows[1][4], Data::String("=1+2 muzejs".into()));
    assert!(
        formulas.iter().flatten().all(String::is_empty),
        "no formulas"
    );
}

async fn exports_are_for_organisers_only(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    app.import_cycle(SEED_CYCLE).await;
    for table in ["registrations", "eligibility"] {
        for extension in ["csv", "xlsx"] {
            let path = format!("/admin/cycles/{SLUG}/{table}.{extension}");
            let res = app.get(&path).await;
            assert_eq!(res.status().as_u16(), 303, "{path} without a login");
            let to = res
                .headers()
                .get("location")
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_string();
            assert!(to.starts_with("/login"), "{path} sends to {to}");
        }
    }
}

async fn eligibility_opens_in_excel(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    app.import_cycle(SEED_CYCLE).await;
    app.register(SLUG, &Person::new("Jānis", "Ozoliņš", "janis@muzejs.lv"))
        .await;
    let organiser = app.login_as_organiser().await;
    let (_, csv) = download(
        &organiser,
        &app,
        &format!("/admin/cycles/{SLUG}/eligibility.csv"),
    )
    .await;
    assert!(csv.starts_with(
        "\u{FEFF}first_name,last_name,email,institution,attended,eligible\n".as_bytes()
    ));
    let (_, xlsx) = download(
        &organiser,
        &app,
        &format!("/admin/cycles/{SLUG}/eligibility.xlsx"),
    )
    .await;
    let (rows, _) = sheet(xlsx, "eligibility");
    let header: Vec<String> = rows[0].iter().map(|c| c.to_string()).collect();
    assert_eq!(
        header,
        [
            "first_name",
            "last_name",
            "email",
            "institution",
            "attended",
            "eligible"
        ]
    );
    // Only confirmed participants are on the list; this one has not confirmed yet.
    assert_eq!(rows.len(), 1);
}

on_both_backends!(
    registrations_open_in_excel,
    eligibility_opens_in_excel,
    exports_are_for_organisers_only
);
