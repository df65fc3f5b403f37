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

async fn status_of(app: &TestApp, id: i32) -> String {
    crate::foundation::registration(app, id)
        .await
        .status
        .to_string()
}

/// Cancelling from the registrations list is a link to a question; only
/// the question's button cancels.
async fn cancelling_a_registration_asks_first(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    people(&app).await;
    let o = app.login_as_organiser().await;
    let list = get(&app, &o, &format!("/admin/cycles/{SLUG}")).await;
    let doc = scraper::Html::parse_document(&list);
    let link = scraper::Selector::parse("a[href='/admin/registrations/1/cancel']").unwrap();
    assert_eq!(
        doc.select(&link).count(),
        1,
        "a link, not a button that cancels"
    );
    let ask = get(&app, &o, "/admin/registrations/1/cancel").await;
    assert_eq!(texts(&ask, "h1"), ["Atcelt šo pieteikumu?"]);
    assert!(texts(&ask, "main p, p")
        .iter()
        .any(|p| p.contains("Jānis Ozoliņš (p0@muzejs.lv)")));
    assert_eq!(
        texts(&ask, "button.button--warning"),
        ["Jā, atcelt pieteikumu"]
    );
    assert_eq!(
        status_of(&app, 1).await,
        "confirmed",
        "asking changes nothing"
    );
    // A bare POST (a stale form) is sent to the question and changes nothing.
    let csrf = csrf_from(&ask).unwrap();
    let res = app
        .post_form(
            &o,
            "/admin/registrations/1/cancel",
            &[("csrf_token", &csrf)],
        )
        .await;
    assert_redirect_to(&res, "/admin/registrations/1/cancel");
    assert_eq!(status_of(&app, 1).await, "confirmed");
    // The question's own form cancels.
    let fields = form_fields(&ask, "form[action='/admin/registrations/1/cancel']");
    let res = o
        .post(app.url("/admin/registrations/1/cancel"))
        .form(&fields)
        .send()
        .await
        .unwrap();
    assert_redirect_to(&res, &format!("/admin/cycles/{SLUG}"));
    assert_eq!(status_of(&app, 1).await, "cancelled");
    assert_eq!(status_of(&app, 2).await, "confirmed");
    let missing = o
        .get(app.url("/admin/registrations/999/cancel"))
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status().as_u16(), 404);
}

on_both_backends!(cancelling_a_registration_asks_first);

async fn present_in(app: &TestApp, session_id: i32) -> usize {
    app.db()
        .read(move |c| cohort::db::attendance::present_sessions_of_session(c, session_id))
        .await
        .unwrap()
        .len()
}

/// "Mark all present" is a secondary button and asks before it overrides
/// every unticked box.
async fn marking_everyone_present_asks_first(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    people(&app).await;
    app.clock.set(utc("2023-12-04T12:00:00Z")); // session 1 is under way
    let o = app.login_as_organiser().await;
    let roster_path = format!("/admin/cycles/{SLUG}/sessions/1/attendance");
    let roster = get(&app, &o, &roster_path).await;
    let doc = scraper::Html::parse_document(&roster);
    let all = doc
        .select(&scraper::Selector::parse("button[value=all]").unwrap())
        .next()
        .expect("a mark-all button");
    assert!(all.value().classes().any(|c| c == "button--secondary"));
    let csrf = csrf_from(&roster).unwrap();
    let res = app
        .post_form(
            &o,
            &roster_path,
            &[("csrf_token", &csrf), ("present", "1"), ("action", "all")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 200);
    let ask = res.text().await.unwrap();
    assert_eq!(texts(&ask, "h1"), ["Atzīmēt visus kā klātesošus?"]);
    assert!(
        texts(&ask, "p").iter().any(|p| p.contains("(kopā: 8)")),
        "{ask}"
    );
    assert_eq!(present_in(&app, 1).await, 0, "asking changes nothing");
    // Going back leads to the roster.
    let back = scraper::Selector::parse(".button-group a").unwrap();
    assert_eq!(
        scraper::Html::parse_document(&ask)
            .select(&back)
            .next()
            .unwrap()
            .value()
            .attr("href"),
        Some(roster_path.as_str())
    );
    let fields = form_fields(&ask, &format!("form[action='{roster_path}']"));
    let res = o
        .post(app.url(&roster_path))
        .form(&fields)
        .send()
        .await
        .unwrap();
    assert_redirect_to(&res, &roster_path);
    assert_eq!(present_in(&app, 1).await, 8);
}

on_both_backends!(marking_everyone_present_asks_first);

/// Applying a Zoom report needs "I have checked…" ticked; the headings count
/// those who stay absent apart from those who stay present.
async fn applying_an_import_needs_the_check_and_counts_right(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    app.import_cycle(SEED_CYCLE).await;
    crate::attendance::participants(&app).await;
    app.clock.set(utc("2023-12-11T15:00:00Z"));
    let o = app.login_as_organiser().await;
    // Everyone was ticked present by hand first.
    let roster_path = format!("/admin/cycles/{SLUG}/sessions/2/attendance");
    let csrf = app.csrf(&o, &roster_path).await;
    let res = app
        .post_form(
            &o,
            &roster_path,
            &[
                ("csrf_token", &csrf),
                ("action", "all"),
                ("confirmed", "yes"),
            ],
        )
        .await;
    assert_redirect_to(&res, &roster_path);
    assert_eq!(present_in(&app, 2).await, 6);

    let res = crate::attendance::upload(&app, &o, 2, "participants_plain_iso.csv").await;
    let preview = res.headers()["location"].to_str().unwrap().to_string();
    let html = get(&app, &o, &preview).await;
    // Anna, Jānis, Māris and Līga reach 90 minutes; Ģirts (30 min) and Inese
    // (not in the report) were present and stay so: nobody stays absent.
    assert_eq!(
        texts(&html, "#present-heading"),
        ["Klātesoši tiks atzīmēti 4"]
    );
    assert_eq!(texts(&html, "#absent-heading"), ["Prombūtnē paliek 0"]);
    assert!(texts(&html, "#keeps-present")[0].contains(": 2"), "{html}");
    assert!(texts(&html, ".error-message").is_empty());

    let mut fields = form_fields(&html, "form[action$='/import/apply']");
    set_field(&mut fields, "min_minutes", "90");
    assert!(
        !fields.iter().any(|(k, _)| k == "checked"),
        "unticked at first"
    );
    let apply = format!("/admin/cycles/{SLUG}/sessions/2/import/apply");
    let audit_before = audit_count(&app).await;
    let res = o.post(app.url(&apply)).form(&fields).send().await.unwrap();
    let back = res.headers()["location"].to_str().unwrap().to_string();
    assert!(back.starts_with(&preview), "{back}");
    let again = get(&app, &o, &back).await;
    assert_eq!(
        texts(&again, "#checked-error"),
        ["Kļūda: Atzīmējiet “Esmu pārbaudījis…”, lai piemērotu atskaiti"]
    );
    assert_eq!(
        texts(&again, ".error-summary a"),
        ["Atzīmējiet “Esmu pārbaudījis…”, lai piemērotu atskaiti"]
    );
    assert_eq!(audit_count(&app).await, audit_before, "nothing applied");

    set_field(&mut fields, "checked", "yes");
    let res = o.post(app.url(&apply)).form(&fields).send().await.unwrap();
    assert_redirect_to(&res, &roster_path);
    assert!(audit_count(&app).await > audit_before, "applied");
    assert_eq!(present_in(&app, 2).await, 6);
}

on_both_backends!(applying_an_import_needs_the_check_and_counts_right);

async fn audit_count(app: &TestApp) -> usize {
    app.db()
        .read(|c| {
            let mut n = 0;
            for id in 1..=6 {
                n += cohort::db::attendance::audit_of(c, id)?.len();
            }
            Ok(n)
        })
        .await
        .unwrap()
}

/// Every wide organiser table scrolls in its own named, focusable box, so a
/// 360 px page stays 360 px and a keyboard can scroll the table.
async fn wide_tables_scroll_in_a_named_focusable_box(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    app.import_cycle(SEED_CYCLE).await;
    crate::attendance::participants(&app).await;
    app.clock.set(utc("2023-12-11T15:00:00Z"));
    let o = app.login_as_organiser().await;
    // One mark, so the audit page has a table.
    let roster_path = format!("/admin/cycles/{SLUG}/sessions/2/attendance");
    let csrf = app.csrf(&o, &roster_path).await;
    let res = app
        .post_form(&o, &roster_path, &[("csrf_token", &csrf), ("present", "1")])
        .await;
    assert_redirect_to(&res, &roster_path);
    let res = crate::attendance::upload(&app, &o, 2, "participants_plain_iso.csv").await;
    let preview = res.headers()["location"].to_str().unwrap().to_string();
    for (path, tables) in [
        (format!("/admin/cycles/{SLUG}"), 1),
        (format!("/admin/cycles/{SLUG}/sessions/1/attendance"), 1),
        (format!("/admin/cycles/{SLUG}/attendance"), 1),
        ("/admin/registrations/1/audit".to_string(), 1),
        (preview, 3),
        // The dashboard (/admin) became stacked cards; the report holds the wide tables.
        (format!("/admin/cycles/{SLUG}/report"), 6),
    ] {
        let html = get(&app, &o, &path).await;
        let doc = scraper::Html::parse_document(&html);
        let all = scraper::Selector::parse("table.table").unwrap();
        let boxed = scraper::Selector::parse(
            "div.table-scroll[role=region][tabindex='0'][aria-labelledby] > table.table",
        )
        .unwrap();
        assert_eq!(doc.select(&all).count(), tables, "{path}");
        assert_eq!(
            doc.select(&boxed).count(),
            tables,
            "every table boxed on {path}"
        );
        for region in doc.select(&scraper::Selector::parse("div.table-scroll").unwrap()) {
            let id = region.value().attr("aria-labelledby").unwrap();
            let label = texts(&html, &format!("#{id}"));
            assert!(
                label.len() == 1 && !label[0].trim().is_empty(),
                "{path}: #{id} names the box"
            );
        }
    }
    let css = get(&app, &o, "/static/app.css").await;
    assert!(css.contains(".table-scroll { max-width: 100%; overflow-x: auto;"));
    assert!(
        !css.contains(".table { display: block"),
        "the table itself no longer scrolls unfocusably"
    );
}

on_both_backends!(wide_tables_scroll_in_a_named_focusable_box);

/// Hover keeps each button's own colours; radios and check boxes get a black
/// ring round the yellow focus.
#[tokio::test]
async fn buttons_keep_their_colours_on_hover_and_focus_is_visible() {
    let Some(app) = TestApp::spawn(Backend::Sqlite).await else {
        return;
    };
    let css = get(&app, &app.browser(), "/static/app.css").await;
    let at = |rule: &str| css.find(rule).unwrap_or_else(|| panic!("{rule}"));
    // Later rules of equal specificity win: the kinds' hovers come after.
    assert!(
        at(".button--secondary:hover { background: #dbdad9; color: #0b0c0c; }")
            > at(".button:hover")
    );
    assert!(at(".button--warning:hover { background: #aa2a16; }") > at(".button:hover"));
    assert!(css.contains(".radio input:focus, .checkbox input:focus { outline: 3px solid #0b0c0c;"));
}

/// In the HTML email the participant's link and the Zoom links are links,
/// and long addresses may wrap on a phone.
async fn links_in_html_mail_are_links(b: Backend) {
    let Some(app) = TestApp::spawn_with_smtp(b).await else {
        return;
    };
    app.import_cycle(SEED_CYCLE).await;
    app.register(SLUG, &Person::new("Anna", "Bērziņa", "anna@muzejs.lv"))
        .await;
    let mails = app.emails(1).await;
    let html = mails[0].html_body();
    let doc = scraper::Html::parse_document(&html);
    let zoom: Vec<_> = doc
        .select(&scraper::Selector::parse("a[href^='https://zoom.us/']").unwrap())
        .collect();
    assert_eq!(zoom.len(), 4, "sessions 2–5 online: {html}");
    for a in &zoom {
        assert_eq!(
            a.text().collect::<String>(),
            a.value().attr("href").unwrap()
        );
        assert!(a
            .value()
            .attr("style")
            .unwrap()
            .contains("overflow-wrap: anywhere"));
    }
    let own = doc
        .select(&scraper::Selector::parse("a[href*='/r/']").unwrap())
        .filter(|a| a.text().collect::<String>() == a.value().attr("href").unwrap())
        .count();
    assert_eq!(own, 1, "the participant's link written out is a link too");
}

on_both_backends!(links_in_html_mail_are_links);
