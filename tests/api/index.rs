//! Issue 10: the public index filters by organisation, language and country
//! (a form that works without JavaScript), labels each card with its
//! organisation, and reads every cycle in one query however many there are.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use diesel::connection::{Connection, InstrumentationEvent};

use crate::helpers::*;
use crate::on_both_backends;

const ASTANA: &str = include_str!("../../config/examples/unesco-astana-2012.toml");

/// lmb's Latvian cycle (open), icom's Russian one in Kazakhstan (closed,
/// 2012), an English one in Estonia of no organisation (open, later
/// deadline), and a draft of a third organisation that must not show.
async fn four_cycles(app: &TestApp) {
    for (slug, name) in [
        ("lmb", "Latvijas Muzeju biedrība"),
        ("icom-kz", "ICOM Kazakhstan"),
        ("hidden", "Draft Association"),
    ] {
        cohort::app::organisations::add(&app.state.services, slug, name)
            .await
            .unwrap()
            .unwrap();
    }
    app.import_cycle(&format!("organisation = \"lmb\"\n{SEED_CYCLE}"))
        .await;
    app.import_cycle(&format!("organisation = \"icom-kz\"\n{ASTANA}"))
        .await;
    app.import_cycle(
        &format!("country = \"EE\"\n{SEED_CYCLE}")
            .replace("kopienas-2023", "museum-days-2023")
            .replace(
                "Kopienu attīstības apmācību cikls",
                "Museum days in Tallinn",
            )
            .replace("language = \"lv\"", "language = \"en\"")
            .replace("2023-11-29T23:59", "2023-11-30T23:59"),
    )
    .await;
    app.import_cycle(
        &format!("organisation = \"hidden\"\n{SEED_CYCLE}")
            .replace("kopienas-2023", "draft-2023")
            .replace("Kopienu attīstības apmācību cikls", "A draft")
            .replace("language = \"lv\"", "language = \"lt\"")
            .replace("published = true", "published = false"),
    )
    .await;
}

/// The titles of the cards, in order.
fn cards(html: &str) -> Vec<String> {
    texts(html, ".card h2")
}

/// (value, text) of each option of the select named `name`, and the selected value.
fn options(html: &str, name: &str) -> (Vec<(String, String)>, Option<String>) {
    let doc = scraper::Html::parse_document(html);
    let sel = scraper::Selector::parse(&format!("select[name='{name}'] option")).unwrap();
    let mut all = vec![];
    let mut chosen = None;
    for o in doc.select(&sel) {
        let value = o.value().attr("value").unwrap_or_default().to_string();
        if o.value().attr("selected").is_some() {
            chosen = Some(value.clone());
        }
        all.push((value, o.text().collect::<String>().trim().to_string()));
    }
    (all, chosen)
}

const KOPIENAS: &str = "Kopienu attīstības apmācību cikls";
const TALLINN: &str = "Museum days in Tallinn";
const ASTANA_TITLE: &str = "Running a Museum: Policy of Management and Practical Regulation";

async fn the_index_filters_by_organisation_language_and_country(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    four_cycles(&app).await;

    // Everything published, open ones first (soonest deadline first), then closed.
    let all = app.get_html("/?lang=en").await;
    assert_eq!(cards(&all), [KOPIENAS, TALLINN, ASTANA_TITLE], "{all}");
    assert_eq!(
        texts(&all, ".card .card-organisation"),
        [
            "Organised by Latvijas Muzeju biedrība",
            "Organised by ICOM Kazakhstan"
        ]
    );
    // A GET form with a visible label for each choice; choices come only
    // from published cycles; "any" is chosen by default.
    assert!(all.contains(r#"<form class="index-filter" method="get" action="/">"#));
    for (id, label) in [
        ("filter-organisation", "Organisation"),
        ("filter-language", "Language"),
        ("filter-country", "Country"),
    ] {
        assert_eq!(
            texts(&all, &format!("label[for='{id}']")),
            [label],
            "{id} has a visible label"
        );
    }
    let (orgs, chosen) = options(&all, "organisation");
    assert_eq!(
        orgs,
        [
            ("".into(), "Any".into()),
            ("icom-kz".into(), "ICOM Kazakhstan".into()),
            ("lmb".into(), "Latvijas Muzeju biedrība".into()),
        ],
        "the draft's organisation is not offered"
    );
    assert_eq!(chosen, None);
    let (langs, _) = options(&all, "language");
    assert_eq!(
        langs,
        [
            ("".into(), "Any".into()),
            ("en".into(), "English".into()),
            ("lv".into(), "Latviešu".into()),
            ("ru".into(), "Русский".into()),
        ]
    );
    let (countries, _) = options(&all, "country");
    assert_eq!(
        countries,
        [
            ("".into(), "Any".into()),
            ("EE".into(), "Estonia".into()),
            ("KZ".into(), "Kazakhstan".into()),
            ("LV".into(), "Latvia".into()),
        ]
    );
    assert!(texts(&all, ".index-filter-clear").is_empty());

    // Each choice narrows, and the form shows what was chosen.
    let icom = app
        .get_html("/?lang=en&organisation=icom-kz&language=&country=")
        .await;
    assert_eq!(cards(&icom), [ASTANA_TITLE]);
    assert_eq!(options(&icom, "organisation").1.as_deref(), Some("icom-kz"));
    assert_eq!(texts(&icom, ".index-filter-clear"), ["Show all cycles"]);
    let latvian = app.get_html("/?lang=en&language=lv&country=LV").await;
    assert_eq!(cards(&latvian), [KOPIENAS]);
    let english = app.get_html("/?lang=en&language=en").await;
    assert_eq!(cards(&english), [TALLINN]);
    let in_latvia = app.get_html("/?lang=en&country=LV&organisation=lmb").await;
    assert_eq!(cards(&in_latvia), [KOPIENAS]);
    // Choices that exist but do not meet: an empty list that says so.
    let none = app.get_html("/?lang=en&language=ru&country=LV").await;
    assert!(cards(&none).is_empty());
    assert_eq!(
        texts(&none, ".index-nothing"),
        ["No published cycle matches this choice. Show all cycles"]
    );

    // What nobody offered: never an error, never echoed, the same clear line.
    let huge = "a".repeat(20_000);
    for query in [
        "organisation=hidden".to_string(),
        "organisation=nobody".to_string(),
        "organisation=%3Cscript%3Ealert(1)%3C%2Fscript%3E".to_string(),
        "country=ZZ".to_string(),
        "country=%C4%80%C4%81".to_string(),
        "language=lv'%20OR%201=1--".to_string(),
        format!("organisation={huge}"),
    ] {
        let res = app.get(&format!("/?lang=en&{query}")).await;
        assert_eq!(res.status().as_u16(), 200, "{query}");
        let html = res.text().await.unwrap();
        assert!(cards(&html).is_empty(), "{query} shows cycles");
        assert_eq!(
            texts(&html, ".index-nothing"),
            ["No published cycle matches this choice. Show all cycles"],
            "{query}"
        );
        assert!(!html.contains("<script>alert"), "{query} echoed");
        assert!(!html.contains(&huge[..100]), "{query} echoed");
    }
    // Undecodable bytes are refused before any page, as everywhere (400, not 500).
    let res = app.get("/?country=%ff%fe").await;
    assert_eq!(res.status().as_u16(), 400);
    // Unknown names are ignored; a blank choice is "any".
    let ignored = app.get_html("/?lang=en&sort=desc&organisation=+").await;
    assert_eq!(cards(&ignored), [KOPIENAS, TALLINN, ASTANA_TITLE]);
}

/// Counts the statements `f` runs on one connection.
fn statements<T>(
    c: &mut cohort::db::AnyConnection,
    f: impl FnOnce(&mut cohort::db::AnyConnection) -> T,
) -> (T, usize) {
    let count = Arc::new(AtomicUsize::new(0));
    let counter = count.clone();
    c.set_instrumentation(move |event: InstrumentationEvent<'_>| {
        if let InstrumentationEvent::StartQuery { .. } = event {
            counter.fetch_add(1, Ordering::SeqCst);
        }
    });
    let out = f(c);
    // The connection goes back to the pool: stop counting on it.
    c.set_instrumentation(|_: InstrumentationEvent<'_>| {});
    (out, count.load(Ordering::SeqCst))
}

async fn listed(app: &TestApp) -> (Vec<cohort::db::cycles::IndexRow>, usize) {
    app.db()
        .read(|c| {
            let (rows, n) = statements(c, cohort::db::cycles::index_rows);
            Ok((rows?, n))
        })
        .await
        .unwrap()
}

/// The index used to read each cycle's sessions separately (1 + N queries):
/// with one cycle and with twelve it is one statement.
async fn the_index_reads_every_cycle_in_one_query(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    cohort::app::organisations::add(&app.state.services, "lmb", "Latvijas Muzeju biedrība")
        .await
        .unwrap()
        .unwrap();
    app.import_cycle(&format!("organisation = \"lmb\"\n{SEED_CYCLE}"))
        .await;
    let (rows, one) = listed(&app).await;
    assert_eq!(rows.len(), 1);
    assert_eq!(one, 1, "one cycle, one statement");
    for i in 1..12 {
        app.import_cycle(
            &format!("organisation = \"lmb\"\n{SEED_CYCLE}")
                .replace("kopienas-2023", &format!("kopienas-{i}")),
        )
        .await;
    }
    let (rows, twelve) = listed(&app).await;
    assert_eq!(rows.len(), 12);
    assert_eq!(twelve, 1, "twelve cycles, still one statement");
    // Each with its first session and its owner, from that one statement.
    let first = rows.iter().find(|r| r.cycle.slug == "kopienas-3").unwrap();
    assert_eq!(first.first_session, Some(utc("2023-12-04T08:00:00Z")));
    assert_eq!(
        first.organisation,
        Some(("lmb".into(), "Latvijas Muzeju biedrība".into()))
    );
    let page = app.get_html("/").await;
    assert_eq!(cards(&page).len(), 12);
    assert_eq!(
        texts(&page, ".card .card-organisation").len(),
        12,
        "every card names its organisation"
    );
}

on_both_backends!(
    the_index_filters_by_organisation_language_and_country,
    the_index_reads_every_cycle_in_one_query,
);
