//! Issue 9, messages from organisers: a message to "the waiting list"
//! reaches exactly the waiting list, once however often Send is pressed;
//! what the organiser typed is never HTML nor a header; the sent list shows
//! what was delivered, and a failed delivery can be tried again.

use std::collections::BTreeSet;

use crate::helpers::*;
use crate::on_both_backends;

const SLUG: &str = "kopienas-2023";
const SUBJECT: &str = "Kopienu attīstības apmācību cikls — Rinda: jaunas vietas janvārī";

/// Two seats: 1 and 2 hold them (confirmed), 3 and 4 wait.
async fn cycle_with_a_waitlist(app: &TestApp) {
    app.import_cycle(&SEED_CYCLE.replace("capacity = 30", "capacity = 2"))
        .await;
    for n in 1..=4 {
        assert_eq!(
            app.register(SLUG, &Person::numbered(n))
                .await
                .status()
                .as_u16(),
            303
        );
    }
    let now = app.clock.now_utc();
    app.db()
        .write(move |c| {
            let cycle = cohort::db::cycles::by_slug(c, SLUG)?.expect("cycle");
            for n in 1..=2 {
                let email = cohort::domain::Email::parse(&format!("dalibnieks{n}@muzejs.lv"))
                    .expect("email");
                let reg = cohort::db::registrations::by_email(c, cycle.id, &email)?.expect("reg");
                cohort::db::registrations::confirm(c, reg.id, now)?;
            }
            Ok(())
        })
        .await
        .expect("confirm");
    all_mail_sent(app).await;
}

async fn post(
    app: &TestApp,
    organiser: &reqwest::Client,
    path: &str,
    fields: &[(&str, &str)],
) -> (u16, String) {
    let csrf = app
        .csrf(organiser, &format!("/admin/cycles/{SLUG}/messages"))
        .await;
    let mut form: Vec<(&str, &str)> = fields.to_vec();
    form.push(("csrf_token", &csrf));
    let res = organiser
        .post(app.url(path))
        .form(&form)
        .send()
        .await
        .expect("POST");
    let status = res.status().as_u16();
    let location = res
        .headers()
        .get("location")
        .map(|l| l.to_str().unwrap().to_string());
    (status, location.unwrap_or(res.text().await.unwrap()))
}

async fn stored_messages(app: &TestApp) -> i64 {
    app.db()
        .read(|c| {
            use diesel::prelude::*;
            Ok(cohort::db::schema::messages::table.count().get_result(c)?)
        })
        .await
        .expect("messages")
}

fn send_key(preview: &str) -> String {
    let marker = r#"name="send_key" value=""#;
    let start = preview.find(marker).expect("a send key on the preview") + marker.len();
    preview[start..].chars().take_while(|c| *c != '"').collect()
}

const BODY: &str = "Labdien!\r\nJanvārī atbrīvosies vietas. <script>alert(1)</script>";

async fn a_message_to_the_waitlist_reaches_exactly_the_waitlist(b: Backend) {
    let Some(app) = TestApp::spawn_with_smtp(b).await else {
        return;
    };
    cycle_with_a_waitlist(&app).await;
    let before = app.smtp.as_ref().unwrap().messages().len();
    let organiser = app.login_as_organiser().await;
    let page = app_get(&app, &organiser, &format!("/admin/cycles/{SLUG}/messages")).await;
    assert!(page.contains("Gaidīšanas saraksts (2)"), "{page}");
    assert!(page.contains("Visi, kam ir vieta (2)"), "{page}");

    // Nothing chosen, or a subject that would become a second header line.
    let preview_path = format!("/admin/cycles/{SLUG}/messages/preview");
    let (status, page) = post(
        &app,
        &organiser,
        &preview_path,
        &[("subject", ""), ("body", "")],
    )
    .await;
    assert_eq!(status, 422);
    for message in [
        "Izvēlieties, kam ziņojums paredzēts",
        "Ievadiet tematu",
        "Ievadiet ziņojumu",
    ] {
        assert!(page.contains(message), "{message}: {page}");
    }
    let (status, page) = post(
        &app,
        &organiser,
        &preview_path,
        &[
            ("audience", "waitlist"),
            ("subject", "Rinda\r\nBcc: all@example.com"),
            ("body", BODY),
        ],
    )
    .await;
    assert_eq!(status, 422, "{page}");
    assert!(page.contains(r#"id="subject-error""#), "{page}");

    // The preview: who, how many, the text escaped; nothing stored yet.
    let fields = [
        ("audience", "waitlist"),
        ("subject", "Rinda: jaunas vietas janvārī"),
        ("body", BODY),
    ];
    let (status, preview) = post(&app, &organiser, &preview_path, &fields).await;
    assert_eq!(status, 200, "{preview}");
    assert!(preview.contains("Ziņojumu saņems 2 cilvēki"), "{preview}");
    assert!(preview.contains("Dalībnieks Nr3") && preview.contains("Dalībnieks Nr4"));
    assert!(!preview.contains("Dalībnieks Nr1"), "not a seat holder");
    assert!(!preview.contains("<script>alert(1)"), "escaped on the page");
    assert_eq!(stored_messages(&app).await, 0, "a preview sends nothing");

    // Sent, and sent again with the same key: one message, two emails.
    let key = send_key(&preview);
    let mut with_key = fields.to_vec();
    with_key.push(("send_key", &key));
    let send_path = format!("/admin/cycles/{SLUG}/messages");
    let (status, first) = post(&app, &organiser, &send_path, &with_key).await;
    assert_eq!(status, 303);
    let (status, again) = post(&app, &organiser, &send_path, &with_key).await;
    assert_eq!(
        (status, again.as_str()),
        (303, first.as_str()),
        "the same message"
    );
    assert_eq!(stored_messages(&app).await, 1);
    all_mail_sent(&app).await;
    let mails: Vec<_> = app.smtp.as_ref().unwrap().messages()[before..].to_vec();
    let to: BTreeSet<String> = mails.iter().flat_map(|m| m.rcpt_to.clone()).collect();
    assert_eq!(
        to,
        ["dalibnieks3@muzejs.lv", "dalibnieks4@muzejs.lv"]
            .map(String::from)
            .into(),
        "exactly the waiting list"
    );
    assert_eq!(mails.len(), 2, "once each");
    let mail = &mails[0];
    assert_eq!(mail.subject(), SUBJECT);
    assert!(
        mail.text_body().contains("Janvārī atbrīvosies vietas."),
        "{}",
        mail.text_body()
    );
    assert!(mail.text_body().contains(&format!("{}/r/", app.address)));
    let html = mail.html_body();
    assert!(
        html.contains("&#60;script&#62;alert(1)") && !html.contains("<script>"),
        "shown as text, never run: {html}"
    );
    assert!(mail.header("Bcc").is_none());

    // The sent list and the message's page say both were delivered.
    let list = app_get(&app, &organiser, &send_path).await;
    assert!(list.contains("Rinda: jaunas vietas janvārī"), "{list}");
    assert!(
        list.contains("piegādāti: 2, gaida: 0, neizdevās: 0"),
        "{list}"
    );
    let report = app_get(&app, &organiser, &first).await;
    assert!(
        report.contains("dalibnieks3@muzejs.lv") && report.contains("Piegādāts"),
        "{report}"
    );
    assert!(!report.contains("dalibnieks1@muzejs.lv"));
}

async fn a_failed_delivery_is_shown_and_can_be_tried_again(b: Backend) {
    let Some(app) = TestApp::spawn_with_smtp(b).await else {
        return;
    };
    cycle_with_a_waitlist(&app).await;
    let smtp = app.smtp.as_ref().unwrap();
    smtp.refuse_recipient("dalibnieks2@muzejs.lv");
    let organiser = app.login_as_organiser().await;
    let fields = [
        ("audience", "seat_holders"),
        ("subject", "Telpa mainīta"),
        ("body", "Tiekamies 2. stāvā."),
    ];
    let (_, preview) = post(
        &app,
        &organiser,
        &format!("/admin/cycles/{SLUG}/messages/preview"),
        &fields,
    )
    .await;
    let key = send_key(&preview);
    let mut with_key = fields.to_vec();
    with_key.push(("send_key", &key));
    let (status, report_path) = post(
        &app,
        &organiser,
        &format!("/admin/cycles/{SLUG}/messages"),
        &with_key,
    )
    .await;
    assert_eq!(status, 303);
    all_mail_sent_or_given_up(&app).await;
    let report = app_get(&app, &organiser, &report_path).await;
    assert!(
        report.contains("piegādāti: 1, gaida: 0, neizdevās: 1"),
        "{report}"
    );
    assert!(
        report.contains("Nav piegādāts") && report.contains("550"),
        "{report}"
    );

    // The mailbox is fixed; the organiser tries again, and it arrives.
    smtp.accept_recipient("dalibnieks2@muzejs.lv");
    let (status, _) = post(&app, &organiser, &format!("{report_path}/retry"), &[]).await;
    assert_eq!(status, 303);
    all_mail_sent(&app).await;
    let report = app_get(&app, &organiser, &report_path).await;
    assert!(
        report.contains("piegādāti: 2, gaida: 0, neizdevās: 0"),
        "{report}"
    );
    let to_two = smtp
        .messages()
        .iter()
        .filter(|m| m.rcpt_to == ["dalibnieks2@muzejs.lv"] && m.subject().contains("Telpa mainīta"))
        .count();
    assert_eq!(to_two, 1);
}

async fn app_get(app: &TestApp, organiser: &reqwest::Client, path: &str) -> String {
    let res = organiser.get(app.url(path)).send().await.expect("GET");
    assert_eq!(res.status().as_u16(), 200, "{path}");
    res.text().await.expect("body")
}

on_both_backends!(
    a_message_to_the_waitlist_reaches_exactly_the_waitlist,
    a_failed_delivery_is_shown_and_can_be_tried_again,
);
