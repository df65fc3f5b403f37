//! Issue 8: the seed cycle runs from registration to the grant decision —
//! an eligible participant drafts, attaches a PDF, submits before the
//! deadline and is told of the decision; a participant with 3 of 5 is
//! refused with the reason; after the deadline nothing is accepted.

use cohort::db::attendance::{Change, Source};
use cohort::db::models::Registration;
use cohort::domain::registration::Notice;
use cohort::tokens::Purpose;

use crate::helpers::*;
use crate::on_both_backends;

const SLUG: &str = "kopienas-2023";

/// The seed cycle with the call's maximum and decision date.
pub fn cycle_file() -> String {
    SEED_CYCLE.replace(
        "apply_until = \"2024-03-01T23:59\"",
        "apply_until = \"2024-03-01T23:59\"\nmax_amount = 1500\ndecisions_by = \"2024-03-31\"",
    )
}

/// A tiny but well-formed PDF, as a budget would be.
pub fn pdf_bytes() -> Vec<u8> {
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".to_vec()
}

/// Registers and confirms someone, and marks them present at `attended`
/// of the seed's five sessions. Returns their registration and page token.
pub async fn participant(app: &TestApp, n: usize, attended: &[i32]) -> (Registration, String) {
    let person = Person::numbered(n);
    assert_eq!(app.register(SLUG, &person).await.status().as_u16(), 303);
    let email = person.email.clone();
    let now = app.clock.now_utc();
    let attended = attended.to_vec();
    let reg = app
        .db()
        .write(move |c| {
            let cycle = cohort::db::cycles::by_slug(c, SLUG)?.expect("cycle");
            let email = cohort::domain::Email::parse(&email).expect("email");
            let reg = cohort::db::registrations::by_email(c, cycle.id, &email)?.expect("reg");
            cohort::db::registrations::confirm(c, reg.id, now)?;
            let sessions = cohort::db::cycles::sessions_of(c, cycle.id)?;
            let change = Change {
                source: Source::Manual,
                by: None,
                at: now,
                note: None,
            };
            for position in attended {
                let session = &sessions[position as usize - 1];
                cohort::db::attendance::set(c, reg.id, session.id, true, None, &change)?;
            }
            Ok(cohort::db::registrations::by_id(c, reg.id)?.expect("reg"))
        })
        .await
        .expect("participant");
    let token = app
        .state
        .keys
        .issue(Purpose::Participant, reg.id, &reg.token_nonce);
    (reg, token)
}

async fn grant_page(app: &TestApp, browser: &reqwest::Client, token: &str) -> (u16, String) {
    let res = browser
        .get(app.url(&format!("/r/{token}/grant")))
        .send()
        .await
        .expect("GET");
    let status = res.status().as_u16();
    (status, res.text().await.expect("body"))
}

/// Posts the application form as a browser does (multipart, the CSRF token
/// in the query string), with an optional file.
async fn post_application(
    app: &TestApp,
    browser: &reqwest::Client,
    token: &str,
    fields: &[(&str, &str)],
    file: Option<(&str, Vec<u8>)>,
) -> reqwest::Response {
    // The session's token, from a page that always has a form (the
    // participant page's give-back button is a link to a page of its own).
    let csrf = app.csrf(browser, "/lost-link").await;
    let mut form = reqwest::multipart::Form::new();
    for (name, value) in fields {
        form = form.text(name.to_string(), value.to_string());
    }
    if let Some((name, bytes)) = file {
        form = form.part(
            "attachment",
            reqwest::multipart::Part::bytes(bytes)
                .file_name(name.to_string())
                .mime_str("application/pdf")
                .unwrap(),
        );
    }
    browser
        .post(app.url(&format!("/r/{token}/grant?csrf_token={csrf}")))
        .multipart(form)
        .send()
        .await
        .expect("POST")
}

const PROJECT: &[(&str, &str)] = &[
    ("title", "Talsu novada atmiņu stāsti"),
    (
        "summary",
        "Vietējā muzeja un bibliotēkas kopīgs projekts: ierakstām senioru atmiņas.",
    ),
    ("partners", "Talsu novada bibliotēka\nSenioru biedrība"),
    ("amount", "1 200,50"),
];

fn with_action<'a>(fields: &[(&'a str, &'a str)], action: &'a str) -> Vec<(&'a str, &'a str)> {
    let mut all = fields.to_vec();
    all.push(("action", action));
    all
}

pub async fn stored_applications(app: &TestApp) -> Vec<cohort::db::models::Application> {
    app.db()
        .read(|c| {
            use cohort::db::schema::grant_applications::dsl::*;
            use diesel::prelude::*;
            Ok(grant_applications
                .select(cohort::db::models::Application::as_select())
                .load(c)?)
        })
        .await
        .expect("applications")
}

async fn notices(app: &TestApp, kind: Notice) -> usize {
    let rows = app
        .db()
        .read(|c| {
            use cohort::db::schema::outbox;
            use diesel::prelude::*;
            Ok(outbox::table.select(outbox::kind).load::<String>(c)?)
        })
        .await
        .expect("outbox");
    rows.iter().filter(|k| *k == kind.kind()).count()
}

async fn the_seed_cycle_runs_to_the_grant_decision(b: Backend) {
    let Some(app) = TestApp::spawn_with_smtp(b).await else {
        return;
    };
    app.import_cycle(&cycle_file()).await;
    let (anna, anna_token) = participant(&app, 1, &[1, 2, 3, 5]).await;
    let (_, janis_token) = participant(&app, 2, &[1, 2, 4]).await;
    let (_, maris_token) = participant(&app, 3, &[1, 2, 3, 4, 5]).await;
    let seated_mails = app.emails(3).await.len();
    // A week after the last session (15 January), well before 1 March.
    app.clock.set(utc("2024-01-22T10:00:00Z"));

    // The participant's page shows progress and the way to apply.
    let page = app.get_html(&format!("/r/{anna_token}")).await;
    assert!(page.contains("Apmeklētas 4 no 5 nodarbībām"), "{page}");
    assert!(page.contains(&format!("href=\"/r/{anna_token}/grant\"")));

    // A draft: incomplete is fine, and stays editable.
    let browser = app.browser();
    let (status, form) = grant_page(&app, &browser, &anna_token).await;
    assert_eq!(status, 200);
    assert!(form.contains("name=\"summary\"") && form.contains("1\u{a0}500,00\u{a0}€"));
    let res = post_application(
        &app,
        &browser,
        &anna_token,
        &with_action(&PROJECT[..1], "save"),
        None,
    )
    .await;
    assert_redirect_to(&res, &format!("/r/{anna_token}/grant"));
    let saved = stored_applications(&app).await;
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].status.as_str(), "draft");
    assert_eq!(saved[0].title, "Talsu novada atmiņu stāsti");
    assert_eq!(notices(&app, Notice::GrantSubmitted).await, 0);

    // Submitted with the PDF: read-only, acknowledged by email with a copy.
    let res = post_application(
        &app,
        &browser,
        &anna_token,
        &with_action(PROJECT, "submit"),
        Some(("budžets.pdf", pdf_bytes())),
    )
    .await;
    assert_redirect_to(&res, &format!("/r/{anna_token}/grant"));
    let (status, readonly) = grant_page(&app, &browser, &anna_token).await;
    assert_eq!(status, 200);
    assert!(
        !readonly.contains("name=\"summary\""),
        "no form once submitted"
    );
    assert!(readonly.contains("Senioru biedrība") && readonly.contains("budžets.pdf"));
    let mails = app.emails(seated_mails + 1).await;
    let ack = mails.last().unwrap().parsed();
    assert!(ack.subject().unwrap().contains("granta pieteikums saņemts"));
    let text = ack.body_text(0).unwrap();
    assert!(text.contains("Talsu novada atmiņu stāsti"), "{text}");
    assert!(text.contains("1\u{a0}200,50\u{a0}€"), "{text}");
    assert!(ack.body_html(0).unwrap().contains("Senioru biedrība"));
    assert_eq!(
        ack.to().unwrap().first().unwrap().address().unwrap(),
        anna.email
    );

    // Twice is refused with the reason, and changes nothing.
    let again = post_application(
        &app,
        &browser,
        &anna_token,
        &[("title", "Cits"), ("action", "submit")],
        None,
    )
    .await;
    assert_eq!(again.status().as_u16(), 403);
    assert!(again
        .text()
        .await
        .unwrap()
        .contains("to vairs nevar mainīt"));
    let stored = stored_applications(&app).await;
    assert_eq!(stored[0].title, "Talsu novada atmiņu stāsti");
    assert_eq!(stored[0].amount_cents, Some(120_050));

    // 3 of 5: refused, with why.
    let (status, refused) = grant_page(&app, &app.browser(), &janis_token).await;
    assert_eq!(status, 403);
    assert!(
        refused.contains("atlikušo nodarbību vairs nepietiek"),
        "{refused}"
    );
    let res = post_application(
        &app,
        &app.browser(),
        &janis_token,
        &with_action(PROJECT, "submit"),
        None,
    )
    .await;
    assert_eq!(res.status().as_u16(), 403);
    assert_eq!(
        stored_applications(&app).await.len(),
        1,
        "nothing stored for Jānis"
    );

    // Organisers: the list, the printable page, the attachment, the exports.
    let o = app.login_as_organiser().await;
    let list = o
        .get(app.url(&format!("/admin/cycles/{SLUG}/applications")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(list.contains("Talsu novada atmiņu stāsti") && list.contains("Iesniegts"));
    let id = stored[0].id;
    let page = o
        .get(app.url(&format!("/admin/cycles/{SLUG}/applications/{id}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("Senioru biedrība") && page.contains("4 / 5"));
    let file = o
        .get(app.url(&format!(
            "/admin/cycles/{SLUG}/applications/{id}/attachment"
        )))
        .send()
        .await
        .unwrap();
    assert_eq!(file.headers()["content-type"], "application/pdf");
    assert_eq!(file.bytes().await.unwrap().to_vec(), pdf_bytes());
    let stranger = app
        .browser()
        .get(app.url(&format!(
            "/admin/cycles/{SLUG}/applications/{id}/attachment"
        )))
        .send()
        .await
        .unwrap();
    assert_eq!(stranger.status().as_u16(), 303, "organisers only");
    let csv = o
        .get(app.url(&format!("/admin/cycles/{SLUG}/applications.csv")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let csv = csv
        .strip_prefix('\u{feff}')
        .expect("a byte-order mark for Excel");
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header = reader.headers().unwrap().clone();
    assert_eq!(
        header.iter().take(7).collect::<Vec<_>>(),
        [
            "first_name",
            "last_name",
            "email",
            "title",
            "amount",
            "status",
            "submitted_at"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(
        rows[0].iter().skip(3).take(4).collect::<Vec<_>>(),
        [
            "Talsu novada atmiņu stāsti",
            "1200.50",
            "submitted",
            "2024-01-22T10:00:00Z"
        ]
    );
    assert!(rows[0]
        .iter()
        .any(|cell| cell == "Talsu novada bibliotēka\nSenioru biedrība"));

    // The decision: emailed once, in the audit trail, on the participant's page.
    let csrf = app
        .csrf(&o, &format!("/admin/cycles/{SLUG}/applications/{id}"))
        .await;
    let path = format!("/admin/cycles/{SLUG}/applications/{id}/decision");
    // More than the call's maximum: refused beside the field, nothing decided.
    let too_much = [
        ("csrf_token", csrf.as_str()),
        ("outcome", "funded"),
        ("granted", "2000"),
        ("comment", "x"),
    ];
    let res = app.post_form(&o, &path, &too_much).await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("Summa pārsniedz konkursā atļauto"));
    assert_eq!(
        stored_applications(&app).await[0].status.as_str(),
        "submitted"
    );
    assert_eq!(notices(&app, Notice::GrantDecided).await, 0);
    let decision = [
        ("csrf_token", csrf.as_str()),
        ("outcome", "funded"),
        ("granted", "1000"),
        (
            "comment",
            "Apsveicam! Lūdzu, iesniedziet precizētu budžetu.",
        ),
    ];
    let res = app.post_form(&o, &path, &decision).await;
    assert_redirect_to(&res, &format!("/admin/cycles/{SLUG}/applications/{id}"));
    let res = app.post_form(&o, &path, &decision).await;
    assert_eq!(res.status().as_u16(), 303);
    let mails = app.emails(seated_mails + 2).await;
    let told = mails.last().unwrap().parsed();
    assert!(told.subject().unwrap().contains("atbalstīts"));
    assert!(told.body_text(0).unwrap().contains("1\u{a0}000,00\u{a0}€"));
    assert!(told.body_text(0).unwrap().contains("precizētu budžetu"));
    assert_eq!(notices(&app, Notice::GrantDecided).await, 1, "told once");
    let page = app.get_html(&format!("/r/{anna_token}/grant")).await;
    assert!(page.contains("Organizatori nolēma atbalstīt jūsu projektu: 1\u{a0}000,00\u{a0}€"));
    let audit = app
        .db()
        .read(move |c| cohort::db::grants::audit_of(c, id))
        .await
        .unwrap();
    let trail: Vec<_> = audit.iter().map(|e| e.new_status.as_str()).collect();
    assert_eq!(trail, ["submitted", "funded"]);
    assert!(audit[1].changed_by.is_some());

    // The deadline is inclusive to the last second of 23:59 in Riga.
    app.clock.set(utc("2024-03-01T22:00:00Z"));
    let (status, closed) = grant_page(&app, &app.browser(), &maris_token).await;
    assert_eq!(status, 403);
    assert!(closed.contains("termiņš ir beidzies"), "{closed}");
    let res = post_application(
        &app,
        &app.browser(),
        &maris_token,
        &with_action(PROJECT, "submit"),
        None,
    )
    .await;
    assert_eq!(res.status().as_u16(), 403);
    app.clock.set(utc("2024-03-01T21:59:59Z"));
    let res = post_application(
        &app,
        &app.browser(),
        &maris_token,
        &with_action(PROJECT, "submit"),
        None,
    )
    .await;
    assert_eq!(res.status().as_u16(), 303, "23:59:59 is still in time");
    app.emails(seated_mails + 3).await;
}

async fn two_submits_at_once_make_one_application(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    app.import_cycle(&cycle_file()).await;
    let (_, token) = participant(&app, 1, &[1, 2, 3, 4]).await;
    app.clock.set(utc("2024-01-22T10:00:00Z"));
    let browser = app.browser();
    let fields = with_action(PROJECT, "submit");
    // Two tabs (or a double click): both forms loaded, both sent at once.
    let (first, second) = tokio::join!(
        post_application(
            &app,
            &browser,
            &token,
            &fields,
            Some(("a.pdf", pdf_bytes()))
        ),
        post_application(&app, &browser, &token, &fields, None),
    );
    let mut statuses = [first.status().as_u16(), second.status().as_u16()];
    statuses.sort();
    assert_eq!(statuses, [303, 403]);
    let stored = stored_applications(&app).await;
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].status.as_str(), "submitted");
    assert_eq!(
        notices(&app, Notice::GrantSubmitted).await,
        1,
        "one acknowledgement"
    );
}

async fn bad_applications_store_nothing(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    app.import_cycle(&cycle_file()).await;
    let (_, token) = participant(&app, 1, &[1, 2, 3, 4]).await;
    app.clock.set(utc("2024-01-22T10:00:00Z"));
    let browser = app.browser();
    let mut over = with_action(PROJECT, "submit");
    over[3] = ("amount", "1500.01");
    let res = post_application(&app, &browser, &token, &over, None).await;
    assert_eq!(res.status().as_u16(), 422);
    let page = res.text().await.unwrap();
    assert!(page.contains("Summa pārsniedz konkursā atļauto"), "{page}");
    assert!(
        page.contains("Talsu novada atmiņu stāsti"),
        "what was typed stays"
    );

    // A zip renamed to .pdf is known by its content.
    let res = post_application(
        &app,
        &browser,
        &token,
        &with_action(PROJECT, "submit"),
        Some(("budžets.pdf", b"PK\x03\x04not a pdf at all".to_vec())),
    )
    .await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("Fails nav PDF dokuments"));

    // Just over 5 MB, still a PDF: refused beside the field.
    let mut big = pdf_bytes();
    big.splice(9..9, vec![b' '; 5 * 1024 * 1024]);
    let res = post_application(
        &app,
        &browser,
        &token,
        &with_action(PROJECT, "submit"),
        Some(("liels.pdf", big)),
    )
    .await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res.text().await.unwrap().contains("lielāks par 5 MB"));

    // Missing fields on submit are named.
    let res = post_application(
        &app,
        &browser,
        &token,
        &[("title", "Tikai nosaukums"), ("action", "submit")],
        None,
    )
    .await;
    assert_eq!(res.status().as_u16(), 422);
    let page = res.text().await.unwrap();
    assert!(
        page.contains("Ievadiet projekta aprakstu") && page.contains("Ievadiet pieprasīto summu")
    );

    // Without the CSRF token: 403 before anything is read.
    let form = reqwest::multipart::Form::new()
        .text("title", "X")
        .text("action", "save");
    let res = browser
        .post(app.url(&format!("/r/{token}/grant")))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 403);
    assert!(
        stored_applications(&app).await.is_empty(),
        "nothing was stored"
    );

    // A draft's attachment can be taken off again.
    let res = post_application(
        &app,
        &browser,
        &token,
        &with_action(PROJECT, "save"),
        Some(("budžets.pdf", pdf_bytes())),
    )
    .await;
    assert_eq!(res.status().as_u16(), 303);
    let id = stored_applications(&app).await[0].id;
    let attached = || {
        app.db()
            .read(move |c| cohort::db::grants::attachment_info(c, id))
    };
    assert!(attached().await.unwrap().is_some());
    let csrf = app.csrf(&browser, &format!("/r/{token}/grant")).await;
    let res = app
        .post_form(
            &browser,
            &format!("/r/{token}/grant/attachment/remove"),
            &[("csrf_token", csrf.as_str())],
        )
        .await;
    assert_redirect_to(&res, &format!("/r/{token}/grant"));
    assert!(attached().await.unwrap().is_none());
}

async fn before_eligibility_the_page_says_how_many_remain(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    app.import_cycle(&cycle_file()).await;
    let (_, token) = participant(&app, 1, &[1, 2]).await;
    // After the third session (18 December), two attended, two to go.
    app.clock.set(utc("2023-12-19T10:00:00Z"));
    let (status, page) = grant_page(&app, &app.browser(), &token).await;
    assert_eq!(status, 403);
    assert!(page.contains("apmeklējiet vēl 2 nodarbības"), "{page}");
    let own = app.get_html(&format!("/r/{token}")).await;
    assert!(own.contains("Apmeklētas 2 no 5 nodarbībām — apmeklējiet vēl 2 nodarbības"));
    assert!(
        !own.contains(&format!("/r/{token}/grant\"")),
        "no link to a closed door"
    );
}

on_both_backends!(
    the_seed_cycle_runs_to_the_grant_decision,
    two_submits_at_once_make_one_application,
    bad_applications_store_nothing,
    before_eligibility_the_page_says_how_many_remain,
);
