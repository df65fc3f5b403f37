//! Issue 10, "Done means": the events of the seeds run end to end over HTTP,
//! each on both databases, from the announcement to its outcome — and in
//! each an organiser of another association is refused everywhere on the
//! cycle and changes nothing.
//!
//! - seed 000: the UNESCO/ICOM training in Astana — Russian, an
//!   organisation's cycle, eight sessions over four days, 72 participants
//!   from ten countries answering the visa, arrival, accommodation and
//!   Latin-name questions, certificates for six of eight, the funders' report;
//! - seed 004: the Baltic online conference — three associations, pages in
//!   Estonian and Lithuanian, parallel workshops with their own places, a
//!   perfect attender earning the certificate;
//! - seed 002: the Latvian cycle — registration, attendance, the grant
//!   application and the organiser's decision.

use cohort::db::models::Registration;
use cohort::tokens::Purpose;
use futures_util::future::join_all;

use crate::helpers::*;
use crate::on_both_backends;
use crate::organisations::login_in;
use crate::reports::cells;

const ASTANA: &str = include_str!("../../config/examples/unesco-astana-2012.toml");
const BALTIC: &str = include_str!("../fixtures/iam-baltija-2021.toml");

async fn organisation(app: &TestApp, slug: &str, name: &str) {
    cohort::app::organisations::add(&app.state.services, slug, name)
        .await
        .unwrap()
        .unwrap();
}

/// A cycle's registrations in arrival order, each with its page's token.
async fn registrations_of(app: &TestApp, slug: &str) -> Vec<(Registration, String)> {
    let slug = slug.to_string();
    let regs = app
        .db()
        .read(move |c| {
            let cy = cohort::db::cycles::by_slug(c, &slug)?.expect("cycle");
            cohort::db::registrations::list(c, cy.id, &Default::default())
        })
        .await
        .unwrap();
    regs.into_iter()
        .map(|r| {
            let token = app
                .state
                .keys
                .issue(Purpose::Participant, r.id, &r.token_nonce);
            (r, token)
        })
        .collect()
}

/// Confirms the email from the participant's page, with its button.
async fn confirm(app: &TestApp, token: &str) {
    let browser = app.browser();
    let path = format!("/r/{token}");
    let csrf = app.csrf(&browser, &path).await;
    let res = app
        .post_form(
            &browser,
            &format!("{path}/confirm"),
            &[("csrf_token", &csrf)],
        )
        .await;
    assert_redirect_to(&res, &path);
}

/// Ticks `present` on the roster of session `n` and saves it.
async fn roster(app: &TestApp, o: &reqwest::Client, slug: &str, n: usize, present: &[i32]) {
    let path = format!("/admin/cycles/{slug}/sessions/{n}/attendance");
    let csrf = app.csrf(o, &path).await;
    let form: Vec<(&str, String)> = std::iter::once(("csrf_token", csrf))
        .chain(present.iter().map(|id| ("present", id.to_string())))
        .collect();
    let res = o.post(app.url(&path)).form(&form).send().await.unwrap();
    assert_eq!(res.status().as_u16(), 303, "session {n} saved");
}

async fn get_text(app: &TestApp, browser: &reqwest::Client, path: &str) -> (u16, String) {
    let res = browser.get(app.url(path)).send().await.unwrap();
    let status = res.status().as_u16();
    (status, res.text().await.unwrap())
}

/// An organiser of another association opens and posts the cycle's admin
/// pages: 403 saying why, every time, and nothing changes.
async fn outsider_is_refused(app: &TestApp, slug: &str, also: &[(&str, String)]) {
    organisation(app, "cits", "Cita biedrība").await;
    let outsider = login_in(app, "someone@cita.example", "cits").await;
    let csrf = app.csrf(&outsider, "/admin").await;
    let c = format!("/admin/cycles/{slug}");
    let mut routes: Vec<(&str, String)> = vec![
        ("GET", c.clone()),
        ("GET", format!("{c}/edit")),
        ("POST", format!("{c}/edit")),
        ("POST", format!("{c}/capacity")),
        ("GET", format!("{c}/registrations.csv")),
        ("GET", format!("{c}/attendance")),
        ("GET", format!("{c}/eligibility.csv")),
        ("POST", format!("{c}/notify-eligible")),
        ("GET", format!("{c}/sessions/1/attendance")),
        ("POST", format!("{c}/sessions/1/attendance")),
        ("GET", format!("{c}/applications")),
        ("GET", format!("{c}/messages")),
        ("POST", format!("{c}/messages")),
        ("GET", format!("{c}/report")),
        ("GET", format!("{c}/report.csv")),
        ("GET", "/admin/registrations/1/cancel".into()),
        ("POST", "/admin/registrations/1/cancel".into()),
    ];
    routes.extend(also.iter().cloned());
    let before = database_snapshot(app).await;
    for (method, path) in &routes {
        let res = match *method {
            "GET" => outsider.get(app.url(path)).send().await.unwrap(),
            _ => outsider
                .post(app.url(path))
                .form(&[
                    ("csrf_token", csrf.as_str()),
                    ("confirmed", "yes"),
                    ("capacity", "1"),
                    ("present", "1"),
                    ("title", "Taken over"),
                    ("slug", slug),
                    ("subject", "Hello"),
                    ("body", "Hello"),
                    ("audience", "all"),
                    ("outcome", "not_funded"),
                    ("granted", "1"),
                    ("comment", "x"),
                ])
                .send()
                .await
                .unwrap(),
        };
        let status = res.status().as_u16();
        let body = res.text().await.unwrap();
        assert_eq!(status, 403, "{method} {path} answered {status}");
        assert!(
            body.contains("Tas pieder citas organizācijas ciklam"),
            "{method} {path} does not say why"
        );
    }
    assert_eq!(
        database_snapshot(app).await,
        before,
        "the outsider changed something"
    );
    // Nor is the cycle on their own home page.
    let (_, home) = get_text(app, &outsider, "/admin").await;
    assert!(!home.contains(slug), "{home}");
}

// ---------------------------------------------------------------- seed 000

const ASTANA_SLUG: &str = "unesco-astana-2012";

/// The ten countries of the training, by ISO code.
const CIS: [&str; 10] = ["AM", "AZ", "BY", "KZ", "KG", "MD", "RU", "TJ", "UZ", "UA"];

/// Participant `k`'s form, in Russian, with the four questions answered.
fn astana_form(k: usize, csrf: &str) -> Vec<(String, String)> {
    let accommodation = ["none", "single", "shared"][k % 3];
    let visa = if k.is_multiple_of(2) { "yes" } else { "no" };
    [
        ("csrf_token", csrf.to_string()),
        ("first_name", "Участник".to_string()),
        ("last_name", format!("Номер{k}")),
        ("email", format!("uchastnik{k}@museum.example")),
        ("phone", String::new()),
        ("institution", "Национальный музей".to_string()),
        ("institution_type", "museum".to_string()),
        ("position", "Хранитель".to_string()),
        ("region", "Столица".to_string()),
        ("country", CIS[k % 10].to_string()),
        ("language", "ru".to_string()),
        ("consent", "on".to_string()),
        ("website", String::new()),
        ("q_visa_letter", visa.to_string()),
        ("q_arrival_date", "2012-10-31".to_string()),
        ("q_accommodation", accommodation.to_string()),
        ("q_name_latin", format!("Uchastnik Nomer{k}")),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect()
}

/// Who attends which of the eight sessions: two in three all eight, the
/// rest the first five (short of the six the certificate asks).
fn astana_attends(k: usize, session: usize) -> bool {
    !k.is_multiple_of(3) || session <= 5
}

async fn seed_000_the_astana_training_from_announcement_to_certificates(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    organisation(&app, "atameken", "Ethno-Memorial Complex Atameken").await;
    app.import_cycle(&format!("organisation = \"atameken\"\n{ASTANA}"))
        .await;
    // A month before the training, Astana time.
    app.clock.set(utc("2012-10-01T06:00:00Z"));

    // The announcement: in Russian, named for its organisation, four questions.
    let page = app.get_html(&format!("/cycles/{ASTANA_SLUG}")).await;
    assert!(page.contains(r#"<html lang="ru">"#));
    assert!(page.contains("Организатор: Ethno-Memorial Complex Atameken"));
    for question in [
        "Нужно ли вам визовое приглашение?",
        "Дата прибытия в Астану",
        "Нужно ли вам проживание?",
        "Ваше имя латинскими буквами, как в паспорте",
    ] {
        assert!(page.contains(question), "{question}");
    }
    // Eight sessions, two a day over four days.
    let titles: Vec<&str> = ASTANA
        .split("[[sessions]]")
        .skip(1)
        .filter_map(|s| s.lines().find_map(|l| l.strip_prefix("title = \"")))
        .map(|t| t.trim_end_matches('"'))
        .collect();
    assert_eq!(titles.len(), 8);
    let shown = texts(&page, "main").join(" ");
    for title in titles {
        assert!(shown.contains(title), "{title}");
    }

    // 72 people register at once, each from their own browser.
    let tasks = (0..72).map(|k| {
        let app = &app;
        async move {
            let browser = app.browser();
            let csrf = app.csrf(&browser, &format!("/cycles/{ASTANA_SLUG}")).await;
            let res = browser
                .post(app.url(&format!("/cycles/{ASTANA_SLUG}/register")))
                .form(&astana_form(k, &csrf))
                .send()
                .await
                .unwrap();
            (res.status().as_u16(), res.text().await.unwrap())
        }
    });
    for (status, body) in join_all(tasks).await {
        assert_eq!(status, 303, "{body}");
    }
    let people = registrations_of(&app, ASTANA_SLUG).await;
    assert_eq!(people.len(), 72);
    assert!(people.iter().all(|(r, _)| r.status == "pending"));
    // Everyone confirms from their page.
    join_all(people.iter().map(|(_, token)| confirm(&app, token))).await;
    let people = registrations_of(&app, ASTANA_SLUG).await;
    assert!(people.iter().all(|(r, _)| r.status == "confirmed"));

    // The organiser sees the answers and exports them as columns.
    let o = login_in(&app, "organiser@atameken.example", "atameken").await;
    let (_, csv) = get_text(
        &app,
        &o,
        &format!("/admin/cycles/{ASTANA_SLUG}/registrations.csv"),
    )
    .await;
    let csv = csv.trim_start_matches('\u{FEFF}');
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert!(
        header.ends_with(&[
            "visa_letter".to_string(),
            "arrival_date".into(),
            "accommodation".into(),
            "name_latin".into()
        ]),
        "{header:?}"
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 72);
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    // Arrival order is the server's, not the loop's: find participant 5 by email.
    let fifth = rows
        .iter()
        .find(|r| &r[col("email")] == "uchastnik5@museum.example")
        .expect("participant 5");
    assert_eq!(&fifth[col("name_latin")], "Uchastnik Nomer5");
    assert_eq!(&fifth[col("arrival_date")], "2012-10-31");
    // Answers are exported in the cycle's language.
    assert_eq!(&fifth[col("accommodation")], "Да, двухместный номер");
    assert_eq!(&fifth[col("country")], "MD");
    let visas = rows
        .iter()
        .filter(|r| r[col("visa_letter")] != rows[1][col("visa_letter")])
        .count();
    assert_eq!(visas, 36, "half asked for a visa letter");

    // The four days: the organiser ticks each session's roster after it.
    app.clock.set(utc("2012-11-04T12:00:00Z"));
    for n in 1..=8 {
        let present: Vec<i32> = people
            .iter()
            .enumerate()
            .filter(|(k, _)| astana_attends(*k, n))
            .map(|(_, (r, _))| r.id)
            .collect();
        roster(&app, &o, ASTANA_SLUG, n, &present).await;
    }
    let (_, eligibility) = get_text(
        &app,
        &o,
        &format!("/admin/cycles/{ASTANA_SLUG}/eligibility.csv"),
    )
    .await;
    let yes = eligibility
        .lines()
        .skip(1)
        .filter(|l| l.ends_with(",yes"))
        .count();
    assert_eq!(yes, 48, "six of eight or more: 48 of 72");

    // Certificates for exactly those; anyone can check one.
    let pages = join_all(people.iter().map(|(_, token)| {
        let app = &app;
        async move {
            let res = app.get(&format!("/r/{token}/certificate")).await;
            (res.status().as_u16(), res.text().await.unwrap())
        }
    }))
    .await;
    let mut code = None;
    for (k, (status, html)) in pages.iter().enumerate() {
        if astana_attends(k, 6) {
            assert_eq!(*status, 200, "participant {k} earned it");
            code = texts(html, ".certificate .code")
                .join(" ")
                .split_whitespace()
                .find(|w| w.len() == 19 && w.matches('-').count() == 3)
                .map(|c| (c.to_string(), people[k].0.last_name.clone()));
        } else {
            assert_eq!(*status, 404, "participant {k} attended five of eight");
        }
    }
    let (code, last_name) = code.expect("a certificate code");
    let verify = app.get(&format!("/verify/{code}")).await;
    assert_eq!(verify.status().as_u16(), 200);
    let verify = verify.text().await.unwrap();
    assert!(
        verify.contains(&format!("Участник {last_name}")),
        "{verify}"
    );
    assert!(verify.contains("Сертификат действителен"), "{verify}");

    // The funders' report: ten countries, everyone attended, 48 certificates.
    let (status, report) = get_text(
        &app,
        &o,
        &format!("/admin/cycles/{ASTANA_SLUG}/report?lang=en"),
    )
    .await;
    assert_eq!(status, 200);
    let countries: Vec<String> = cells(&report, "#table-country tbody tr");
    assert_eq!(countries.len(), 10, "{countries:?}");
    for code in CIS {
        assert!(
            countries.iter().any(|row| row.starts_with(code)),
            "{code} in {countries:?}"
        );
    }
    assert_eq!(
        cells(&report, "#table-country tfoot tr"),
        ["Total 72 72 72"]
    );
    let outcomes = cells(&report, "#table-outcomes tbody tr");
    assert!(
        outcomes.contains(&"Eligible 48".to_string()),
        "{outcomes:?}"
    );
    assert!(
        outcomes.contains(&"Certificates issued 48".to_string()),
        "{outcomes:?}"
    );

    outsider_is_refused(&app, ASTANA_SLUG, &[]).await;
}

// ---------------------------------------------------------------- seed 004

const BALTIC_SLUG: &str = "iam-baltija-2021";

/// The conference with its dates on the tests' clock (registration open on
/// 2023-11-15, the two days on 4 and 5 December), run by three associations,
/// each workshop with two places.
fn baltic() -> String {
    let file = BALTIC
        .replace("2021-08-23T00:00", "2023-11-01T00:00")
        .replace("2021-09-20T23:59", "2023-11-29T23:59")
        .replace("2021-09-23", "2023-12-04")
        .replace("2021-09-24", "2023-12-05")
        .replace("capacity = 40", "capacity = 2");
    format!("organisation = \"lmb\"\nco_organisers = [\"emy\", \"lma\"]\n{file}")
}

/// Registers from `lang`'s page, choosing `first` and `second` workshops.
async fn register_baltic(
    app: &TestApp,
    p: &Person,
    lang: &str,
    country: &str,
    first: &str,
    second: &str,
) -> reqwest::Response {
    let browser = app.browser();
    let csrf = app
        .csrf(&browser, &format!("/cycles/{BALTIC_SLUG}?lang={lang}"))
        .await;
    let mut form = p.form(&csrf);
    for (name, value) in form.iter_mut() {
        match *name {
            "language" => *value = lang,
            "country" => *value = country,
            _ => {}
        }
    }
    form.push(("slot_1", first));
    form.push(("slot_2", second));
    app.post_form(&browser, &format!("/cycles/{BALTIC_SLUG}/register"), &form)
        .await
}

async fn seed_004_the_baltic_conference_with_workshops_and_three_associations(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    organisation(&app, "lmb", "Latvijas Muzeju biedrība").await;
    organisation(&app, "emy", "Eesti Muuseumiühing").await;
    organisation(&app, "lma", "Lietuvos muziejų asociacija").await;
    app.import_cycle(&baltic()).await;

    // The page in Estonian and in Lithuanian, naming all three associations.
    for (lang, organised_by) in [
        ("et", "Korraldaja: Latvijas Muzeju biedrība"),
        ("lt", "Organizuoja Latvijas Muzeju biedrība"),
    ] {
        let page = app
            .get_html(&format!("/cycles/{BALTIC_SLUG}?lang={lang}"))
            .await;
        assert!(page.contains(&format!(r#"<html lang="{lang}">"#)), "{lang}");
        assert!(page.contains(organised_by), "{lang}: {page}");
        assert!(page.contains("Eesti Muuseumiühing"), "{lang}");
        assert!(page.contains("Lietuvos muziejų asociacija"), "{lang}");
        assert!(page.contains(r#"name="slot_1" value="2""#), "{lang}");
        assert!(
            !page.contains("language-fallback") && !page.contains(r#"class="notice""#),
            "{lang} is complete: {page}"
        );
    }

    // Kadri (Estonia) takes workshops A then B; Rūta (Lithuania) B then A;
    // Aivars takes the second place of workshop A; a fourth finds it full.
    let kadri = Person::new("Kadri", "Tamm", "kadri.tamm@muuseum.example");
    let ruta = Person::new("Rūta", "Kazlauskienė", "ruta@muziejus.example");
    let aivars = Person::new("Aivars", "Ozols", "aivars@muzejs.example");
    let late = Person::new("Liisa", "Kask", "liisa@muuseum.example");
    let res = register_baltic(&app, &kadri, "et", "EE", "2", "6").await;
    assert_eq!(res.status().as_u16(), 303);
    let res = register_baltic(&app, &ruta, "lt", "LT", "3", "5").await;
    assert_eq!(res.status().as_u16(), 303);
    let res = register_baltic(&app, &aivars, "lv", "LV", "2", "5").await;
    assert_eq!(res.status().as_u16(), 303);
    let full = register_baltic(&app, &late, "et", "EE", "2", "6").await;
    assert_eq!(
        full.status().as_u16(),
        422,
        "workshop A's two places are taken"
    );
    let people = registrations_of(&app, BALTIC_SLUG).await;
    assert_eq!(people.len(), 3, "nothing stored for the fourth");
    let form = app
        .get_html(&format!("/cycles/{BALTIC_SLUG}?lang=et"))
        .await;
    assert!(
        form.contains(r#"name="slot_1" value="2" id="slot_1" disabled"#),
        "the full workshop cannot be chosen"
    );

    // Two days online: rosters list only those who chose the workshop.
    app.clock.set(utc("2023-12-05T14:00:00Z"));
    let o = login_in(&app, "organiser@muzeji.example", "lmb").await;
    let (kadri_id, ruta_id, aivars_id) = (people[0].0.id, people[1].0.id, people[2].0.id);
    let (_, workshop_b) = get_text(
        &app,
        &o,
        &format!("/admin/cycles/{BALTIC_SLUG}/sessions/3/attendance"),
    )
    .await;
    assert!(workshop_b.contains("Kazlauskienė") && !workshop_b.contains("Tamm"));
    // Kadri attends all five of her sessions; Rūta three; Aivars four.
    let attended: [(usize, &[i32]); 7] = [
        (1, &[kadri_id, ruta_id, aivars_id]),
        (2, &[kadri_id, aivars_id]),
        (3, &[ruta_id]),
        (4, &[kadri_id, aivars_id]),
        (5, &[aivars_id]),
        (6, &[kadri_id]),
        (7, &[kadri_id]),
    ];
    for (n, present) in attended {
        roster(&app, &o, BALTIC_SLUG, n, present).await;
    }

    // The perfect attender: 5 of her 5 sessions, her certificate in Estonian.
    let kadri_token = &people[0].1;
    let page = app.get_html(&format!("/r/{kadri_token}?lang=et")).await;
    assert!(
        page.contains(&format!("/r/{kadri_token}/certificate")),
        "{page}"
    );
    let certificate = app.get(&format!("/r/{kadri_token}/certificate")).await;
    assert_eq!(certificate.status().as_u16(), 200);
    let aivars_token = &people[2].1;
    assert_eq!(
        app.get(&format!("/r/{aivars_token}/certificate"))
            .await
            .status()
            .as_u16(),
        200,
        "four of five earns it too"
    );
    let ruta_token = &people[1].1;
    assert_eq!(
        app.get(&format!("/r/{ruta_token}/certificate"))
            .await
            .status()
            .as_u16(),
        404,
        "three of five does not"
    );
    let page = app.get_html(&format!("/r/{ruta_token}?lang=lt")).await;
    assert!(page.contains(r#"<html lang="lt">"#));

    outsider_is_refused(&app, BALTIC_SLUG, &[]).await;
}

// ---------------------------------------------------------------- seed 002

const LATVIAN_SLUG: &str = "kopienas-2023";

async fn seed_002_the_latvian_cycle_from_registration_to_the_grant_decision(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    organisation(&app, "lmb", "Latvijas Muzeju biedrība").await;
    app.import_cycle(&format!(
        "organisation = \"lmb\"\n{}",
        crate::grant::cycle_file()
    ))
    .await;
    let page = app.get_html(&format!("/cycles/{LATVIAN_SLUG}")).await;
    assert!(page.contains("Rīko Latvijas Muzeju biedrība"));
    let people = [
        Person::new("Anna", "Bērziņa", "anna@muzejs.example"),
        Person::new("Jānis", "Ozoliņš", "janis@muzejs.example"),
        Person::new("Inese", "Ūdre", "inese@biblioteka.example"),
    ];
    for p in &people {
        assert_eq!(app.register(LATVIAN_SLUG, p).await.status().as_u16(), 303);
    }
    let regs = registrations_of(&app, LATVIAN_SLUG).await;
    for (_, token) in &regs {
        confirm(&app, token).await;
    }
    let (anna, janis, inese) = (regs[0].0.id, regs[1].0.id, regs[2].0.id);

    // Five sessions; Anna attends all, Jānis four, Inese three.
    app.clock.set(utc("2024-01-15T15:00:00Z"));
    let o = login_in(&app, "organiser@muzeji.example", "lmb").await;
    let attended: [(usize, &[i32]); 5] = [
        (1, &[anna, janis, inese]),
        (2, &[anna, janis, inese]),
        (3, &[anna, inese]),
        (4, &[anna, janis]),
        (5, &[anna, janis]),
    ];
    for (n, present) in attended {
        roster(&app, &o, LATVIAN_SLUG, n, present).await;
    }

    // Anna applies; Inese (3 of 5) is told why she cannot.
    let anna_token = &regs[0].1;
    let browser = app.browser();
    let (status, form) = get_text(&app, &browser, &format!("/r/{anna_token}/grant")).await;
    assert_eq!(status, 200);
    assert!(form.contains("name=\"summary\""));
    let csrf = app.csrf(&browser, "/lost-link").await;
    let application = reqwest::multipart::Form::new()
        .text("title", "Talsu novada atmiņu stāsti")
        .text("summary", "Ierakstām senioru atmiņas kopā ar bibliotēku.")
        .text("partners", "Talsu novada bibliotēka")
        .text("amount", "1200")
        .text("action", "submit")
        .part(
            "attachment",
            reqwest::multipart::Part::bytes(crate::grant::pdf_bytes())
                .file_name("budzets.pdf")
                .mime_str("application/pdf")
                .unwrap(),
        );
    let res = browser
        .post(app.url(&format!("/r/{anna_token}/grant?csrf_token={csrf}")))
        .multipart(application)
        .send()
        .await
        .unwrap();
    assert_redirect_to(&res, &format!("/r/{anna_token}/grant"));
    let (status, refused) =
        get_text(&app, &app.browser(), &format!("/r/{}/grant", regs[2].1)).await;
    assert_eq!(status, 403);
    assert!(
        refused.contains("atlikušo nodarbību vairs nepietiek"),
        "{refused}"
    );
    let applications = crate::grant::stored_applications(&app).await;
    assert_eq!(applications.len(), 1);
    let id = applications[0].id;

    // An organiser of another association cannot see or decide it.
    let decision = format!("/admin/cycles/{LATVIAN_SLUG}/applications/{id}/decision");
    outsider_is_refused(
        &app,
        LATVIAN_SLUG,
        &[
            (
                "GET",
                format!("/admin/cycles/{LATVIAN_SLUG}/applications/{id}"),
            ),
            (
                "GET",
                format!("/admin/cycles/{LATVIAN_SLUG}/applications/{id}/attachment"),
            ),
            ("POST", decision.clone()),
        ],
    )
    .await;

    // lmb's organiser decides; Anna reads it on her page.
    let csrf = app
        .csrf(
            &o,
            &format!("/admin/cycles/{LATVIAN_SLUG}/applications/{id}"),
        )
        .await;
    let res = app
        .post_form(
            &o,
            &decision,
            &[
                ("csrf_token", csrf.as_str()),
                ("outcome", "funded"),
                ("granted", "1000"),
                ("comment", "Apsveicam!"),
            ],
        )
        .await;
    assert_redirect_to(
        &res,
        &format!("/admin/cycles/{LATVIAN_SLUG}/applications/{id}"),
    );
    let page = app.get_html(&format!("/r/{anna_token}/grant")).await;
    assert!(
        page.contains("Organizatori nolēma atbalstīt jūsu projektu: 1\u{a0}000,00\u{a0}€"),
        "{page}"
    );
    assert_eq!(
        crate::grant::stored_applications(&app).await[0]
            .status
            .as_str(),
        "funded"
    );
}

on_both_backends!(
    seed_000_the_astana_training_from_announcement_to_certificates,
    seed_004_the_baltic_conference_with_workshops_and_three_associations,
    seed_002_the_latvian_cycle_from_registration_to_the_grant_decision,
);
