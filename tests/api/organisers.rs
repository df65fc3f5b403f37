//! Issue 11, the organisers' side: Latvian order and accent-blind search,
//! confirmation before actions that change many rows, and tables that fit a
//! phone.

use crate::helpers::*;
use crate::on_both_backends;

const SLUG: &str = "kopienas-2023";

/// Registered out of order, confirmed; the Latvian alphabet puts them as
/// `LATVIAN_ORDER` says (Č after C, Ģ after G, Š after S, Ž after Z).
const PEOPLE: [(&str, &str, &str); 8] = [
    ("Jānis", "Ozoliņš", "Rīgas Centrālā bibliotēka"),
    ("Ģirts", "Ģērmane", "Kuldīgas novada muzejs"),
    ("Žanis", "Žagata", "Talsu novada muzejs"),
    ("Anna", "Bērziņa", "Talsu novada muzejs"),
    ("Šarlote", "Šmits", "Talsu novada muzejs"),
    ("Čaba", "Čakste", "Talsu novada muzejs"),
    ("Zane", "Zariņa", "Talsu novada muzejs"),
    ("Cilda", "Celmiņa", "Talsu novada muzejs"),
];
const LATVIAN_ORDER: [&str; 8] = [
    "Bērziņa",
    "Celmiņa",
    "Čakste",
    "Ģērmane",
    "Ozoliņš",
    "Šmits",
    "Zariņa",
    "Žagata",
];

async fn people(app: &TestApp) {
    app.import_cycle(SEED_CYCLE).await;
    for (i, (first, last, institution)) in PEOPLE.iter().enumerate() {
        let p = Person {
            institution: institution.to_string(),
            ..Person::new(first, last, &format!("p{i}@muzejs.lv"))
        };
        assert_eq!(app.register(SLUG, &p).await.status().as_u16(), 303);
        let id = i as i32 + 1;
        let now = app.clock.now_utc();
        app.db()
            .write(move |c| cohort::db::registrations::confirm(c, id, now))
            .await
            .unwrap();
    }
}

async fn get(app: &TestApp, o: &reqwest::Client, path: &str) -> String {
    let res = o.get(app.url(path)).send().await.unwrap();
    assert_eq!(res.status().as_u16(), 200, "{path}");
    res.text().await.unwrap()
}

/// The surnames in the order the page shows them.
fn surnames(html: &str, css: &str) -> Vec<String> {
    texts(html, css)
        .into_iter()
        .filter_map(|t| {
            PEOPLE
                .iter()
                .find(|p| t.contains(p.1))
                .map(|p| p.1.to_string())
        })
        .collect()
}

async fn rosters_matrix_and_list_are_in_latvian_order(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    people(&app).await;
    let o = app.login_as_organiser().await;
    let roster = get(
        &app,
        &o,
        &format!("/admin/cycles/{SLUG}/sessions/1/attendance"),
    )
    .await;
    assert_eq!(surnames(&roster, "table.table tbody tr"), LATVIAN_ORDER);
    let matrix = get(&app, &o, &format!("/admin/cycles/{SLUG}/attendance")).await;
    assert_eq!(surnames(&matrix, "table.table tbody tr"), LATVIAN_ORDER);
    let list = get(&app, &o, &format!("/admin/cycles/{SLUG}")).await;
    assert_eq!(surnames(&list, "table.table tbody tr"), LATVIAN_ORDER);
    // By institution: Kuldīgas, Rīgas, Talsu; names in order within each.
    let by_inst = get(
        &app,
        &o,
        &format!("/admin/cycles/{SLUG}/sessions/1/attendance?sort=institution"),
    )
    .await;
    assert_eq!(
        surnames(&by_inst, "table.table tbody tr"),
        [
            "Ģērmane",
            "Ozoliņš",
            "Bērziņa",
            "Celmiņa",
            "Čakste",
            "Šmits",
            "Zariņa",
            "Žagata"
        ]
    );
    // The eligibility list follows the same order.
    let csv = get(&app, &o, &format!("/admin/cycles/{SLUG}/eligibility.csv")).await;
    let order: Vec<String> = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(1).unwrap().to_string())
        .collect();
    assert_eq!(order, LATVIAN_ORDER);
}

on_both_backends!(rosters_matrix_and_list_are_in_latvian_order);

async fn search_ignores_accents(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    people(&app).await;
    let o = app.login_as_organiser().await;
    for (q, found) in [
        ("berzina", vec!["Bērziņa"]),
        ("BERZINA", vec!["Bērziņa"]),
        ("ozolins", vec!["Ozoliņš"]),
        ("kuldigas", vec!["Ģērmane"]),
        ("germane", vec!["Ģērmane"]),
        ("Ģērmane", vec!["Ģērmane"]),
        ("smits", vec!["Šmits"]),
        ("zagata", vec!["Žagata"]),
        ("centrala", vec!["Ozoliņš"]),
        ("IŅA", vec!["Bērziņa", "Celmiņa", "Zariņa"]),
        ("kuldigasx", vec![]),
        ("%", vec![]),
    ] {
        let encoded: String = url::form_urlencoded::byte_serialize(q.as_bytes()).collect();
        let list = get(&app, &o, &format!("/admin/cycles/{SLUG}?q={encoded}")).await;
        assert_eq!(
            surnames(&list, "table.table tbody tr"),
            found,
            "list, q={q}"
        );
        let roster = get(
            &app,
            &o,
            &format!("/admin/cycles/{SLUG}/sessions/1/attendance?q={encoded}"),
        )
        .await;
        assert_eq!(
            surnames(&roster, "table.table tbody tr"),
            found,
            "roster, q={q}"
        );
    }
}

on_both_backends!(search_ignores_accents);
