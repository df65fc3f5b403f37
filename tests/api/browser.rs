//! The seed cycle end to end in a real headless Chromium, driven over
//! WebDriver: a participant registers on a phone-sized screen, confirms from
//! the email, switches to English, gives the seat back (two steps) and
//! registers again; an organiser signs in through the form and sees both.
//!
//! chromedriver comes from `COHORT_TEST_CHROMEDRIVER`, else from `PATH`.
//! Without one the test is skipped, except with `CI=true`, where it fails.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

use crate::helpers::*;

const CHROMIUM: &str = "/usr/bin/chromium";
const SLUG: &str = "kopienas-2023";
const TITLE: &str = "Kopienu attīstības apmācību cikls";
const EMAIL: &str = "anna.berzina@muzejs.lv";
const WAIT: Duration = Duration::from_secs(15);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_participant_and_an_organiser_go_through_the_seed_cycle_in_a_real_browser() {
    let Some(driver_path) = chromedriver_path() else {
        return;
    };
    let started = Instant::now();
    let app = TestApp::spawn_with_smtp(Backend::Sqlite)
        .await
        .expect("SQLite always runs");
    app.import_cycle(SEED_CYCLE).await;
    let driver = ChromeDriver::start(&driver_path).await;

    // 1. The cycle page on a phone.
    let anna = driver.browser().await;
    let (b, c) = (&anna, &anna.client);
    c.set_window_size(390, 844).await.expect("window size");
    c.goto(&app.url(&format!("/cycles/{SLUG}")))
        .await
        .expect("open the cycle page");
    let page = look(b).await;
    page.assert_at(&format!("/cycles/{SLUG}"), 200);
    assert_eq!(page.lang, "lv", "a Latvian browser gets Latvian");
    assert!(
        page.width <= 390,
        "a phone-sized viewport: {} px",
        page.width
    );
    assert_eq!(text_of(c, "h1").await, TITLE);
    assert_eq!(
        text_of(c, "ol.sessions li p").await,
        "pirmdiena, 2023. gada 4. decembrī, plkst. 10.00–16.00 (Latvijas laiks)",
        "the first session, in Riga time"
    );
    page.assert_shows("Es un mana identitāte");
    page.assert_shows("Latvijas Kara muzejs, Smilšu iela 20, Rīga");

    // 2. An empty form comes back with the errors, linked to the fields.
    click_and_wait(c, &register_button(c).await).await;
    let page = look(b).await;
    page.assert_at(&format!("/cycles/{SLUG}/register"), 422);
    assert!(
        page.title.starts_with("Kļūda: "),
        "the title says there is an error: {}",
        page.title
    );
    assert!(
        c.find(Locator::Css(".error-summary"))
            .await
            .expect("an error summary")
            .is_displayed()
            .await
            .unwrap(),
        "the summary is visible"
    );
    assert_eq!(
        text_of(c, ".error-summary .error-summary__title").await,
        "Radās problēma"
    );
    let links = c
        .find_all(Locator::Css(".error-summary li a"))
        .await
        .expect("links in the summary");
    let mut targets = Vec::new();
    for l in &links {
        targets.push(l.attr("href").await.unwrap().unwrap_or_default());
    }
    assert_eq!(
        targets.first().map(String::as_str),
        Some("#first_name"),
        "the first error is the first field: {targets:?}"
    );
    for required in [
        "#first_name",
        "#last_name",
        "#email",
        "#institution",
        "#institution_type",
        "#position",
        "#region",
        "#consent",
    ] {
        assert!(
            targets.iter().any(|t| t == required),
            "{required} is reported: {targets:?}"
        );
    }
    assert_eq!(
        c.find_all(Locator::Css(".error-message"))
            .await
            .unwrap()
            .len(),
        targets.len(),
        "every error is also shown beside its field"
    );
    links[0].click().await.expect("click the first error");
    let focused = c
        .execute("return document.activeElement.id;", vec![])
        .await
        .expect("active element");
    assert_eq!(
        focused,
        json!("first_name"),
        "the link moves focus to the field"
    );
    assert!(
        c.current_url()
            .await
            .unwrap()
            .as_str()
            .ends_with("#first_name"),
        "a plain in-page link"
    );
    // On a phone the field's label and message stay in view above it.
    let label_top = c
        .execute(
            "return document.querySelector('label[for=first_name]').getBoundingClientRect().top;",
            vec![],
        )
        .await
        .expect("the label's place");
    assert!(
        label_top.as_f64().unwrap() >= 0.0,
        "the label is on screen: {label_top}"
    );

    // 3. Filled in like a person would, and sent.
    let typed = [
        ("first_name", "Anna"),
        ("last_name", "Bērziņa"),
        ("email", EMAIL),
        ("institution", "Talsu novada muzejs"),
        ("position", "Krājuma glabātāja"),
        ("region", "Talsu novads"),
    ];
    for (id, value) in typed {
        let input = c.find(Locator::Id(id)).await.expect("the field");
        input.clear().await.unwrap();
        input.send_keys(value).await.expect("type");
        assert_eq!(
            input.prop("value").await.unwrap().as_deref(),
            Some(value),
            "{id} holds what was typed"
        );
    }
    let country = c.find(Locator::Id("country")).await.unwrap();
    assert_eq!(
        country.prop("value").await.unwrap().as_deref(),
        Some("LV"),
        "the country comes filled in"
    );
    // Labels are what people tap on a phone.
    c.find(Locator::Css("label[for=institution_type]"))
        .await
        .unwrap()
        .click()
        .await
        .expect("choose museum");
    assert!(c
        .find(Locator::Id("institution_type"))
        .await
        .unwrap()
        .is_selected()
        .await
        .unwrap());
    assert!(
        c.find(Locator::Css("input[name=language][value=lv]"))
            .await
            .unwrap()
            .is_selected()
            .await
            .unwrap(),
        "Latvian stays chosen as the language"
    );
    c.find(Locator::Css("label[for=consent]"))
        .await
        .unwrap()
        .click()
        .await
        .expect("tick the consent");
    assert!(c
        .find(Locator::Id("consent"))
        .await
        .unwrap()
        .is_selected()
        .await
        .unwrap());
    click_and_wait(c, &register_button(c).await).await;
    let page = look(b).await;
    page.assert_at(&format!("/cycles/{SLUG}/registered"), 200);
    assert_eq!(text_of(c, "h1").await, "Vieta jums ir rezervēta");
    page.assert_shows("Esam nosūtījuši e-pastu ar saiti uz jūsu lapu.");

    // 4. The email's link, and the confirm button on the page it opens.
    let mails = app.emails(1).await;
    assert_eq!(mails[0].rcpt_to, vec![EMAIL.to_string()]);
    let body = mails[0].text_body();
    assert!(body.contains("Labdien, Anna!"), "{body}");
    let prefix = format!("{}/r/", app.address);
    let start = body
        .find(&prefix)
        .unwrap_or_else(|| panic!("a link to {prefix}… in the email: {body}"));
    let link: String = body[start..]
        .chars()
        .take_while(|ch| !ch.is_whitespace())
        .collect();
    let own_page = link.trim_start_matches(&app.address).to_string();
    c.goto(&link).await.expect("open the link");
    let page = look(b).await;
    page.assert_at(&own_page, 200);
    assert_eq!(text_of(c, "h1").await, TITLE);
    assert_eq!(text_of(c, "p.caption").await, "Anna Bērziņa");
    assert!(
        text_of(c, ".status")
            .await
            .contains("Vieta rezervēta, e-pasts nav apstiprināts"),
        "not confirmed yet"
    );
    let confirm = button(c, "Apstiprināt manu e-pasta adresi").await;
    click_and_wait(c, &confirm).await;
    let page = look(b).await;
    page.assert_at(&own_page, 200);
    assert_eq!(
        text_of(c, "[role=status]").await,
        "Paldies — jūsu e-pasta adrese ir apstiprināta."
    );
    let status = text_of(c, ".status").await;
    assert!(status.contains("Statuss: Apstiprināts"), "{status}");
    assert!(status.contains("Jūsu vieta ir apstiprināta."), "{status}");
    assert_eq!(
        text_of(c, "a[href='https://zoom.us/j/1111111111']").await,
        "Pievienoties tiešsaistes nodarbībai",
        "the join link of the first online session"
    );
    assert!(
        buttons(c, "Apstiprināt manu e-pasta adresi")
            .await
            .is_empty(),
        "nothing left to confirm"
    );

    // 5. English, from the header.
    let english = c
        .find(Locator::Css("nav.languages"))
        .await
        .expect("the language menu")
        .find(Locator::LinkText("English"))
        .await
        .expect("an English link");
    click_and_wait(c, &english).await;
    let page = look(b).await;
    page.assert_at(&own_page, 200);
    assert_eq!(page.query.as_deref(), Some("lang=en"));
    assert_eq!(page.lang, "en");
    let status = text_of(c, ".status").await;
    assert!(status.contains("Status: Confirmed"), "{status}");
    assert_eq!(
        text_of(c, "a[href='https://zoom.us/j/1111111111']").await,
        "Join the online session"
    );
    assert!(
        c.find_all(Locator::Css("[role=status]"))
            .await
            .unwrap()
            .is_empty(),
        "the notice was shown once"
    );

    // 6. The seat goes back, in two steps: the page's button asks first.
    let cancel = c
        .find(Locator::LinkText("Give my seat back"))
        .await
        .expect("the give-back button");
    click_and_wait(c, &cancel).await;
    let page = look(b).await;
    page.assert_at(&format!("{own_page}/cancel"), 200);
    assert_eq!(
        text_of(c, "h1").await,
        "Are you sure you want to give your place back?"
    );
    assert_eq!(
        text_of(c, &format!("a[href='{own_page}']")).await,
        "No, go back to my page"
    );
    let sure = button(c, "Yes, give my place back").await;
    click_and_wait(c, &sure).await;
    let page = look(b).await;
    page.assert_at(&own_page, 200);
    assert_eq!(page.query, None);
    assert_eq!(page.lang, "en", "English is remembered");
    assert_eq!(
        text_of(c, "[role=status]").await,
        "Your registration is cancelled. Thank you for letting us know."
    );
    let status = text_of(c, ".status").await;
    assert!(status.contains("Status: Cancelled"), "{status}");
    assert!(
        status.contains("This registration is cancelled."),
        "{status}"
    );
    assert!(
        buttons(c, "Give my seat back").await.is_empty(),
        "nothing left to give back"
    );
    assert!(
        !page.text.contains("zoom.us") && !page.text.contains("Join the online session"),
        "no join links without a seat"
    );
    assert!(
        c.find_all(Locator::Css("a[href*='zoom.us']"))
            .await
            .unwrap()
            .is_empty(),
        "no join links without a seat"
    );
    let mails = app.emails(2).await;
    assert_eq!(
        mails[1].rcpt_to,
        vec![EMAIL.to_string()],
        "the cancellation is emailed"
    );

    // 7. Changed her mind: the same address registers again.
    let again = c
        .find(Locator::LinkText("Register again"))
        .await
        .expect("the way back to the form");
    click_and_wait(c, &again).await;
    let page = look(b).await;
    page.assert_at(&format!("/cycles/{SLUG}"), 200);
    for (id, value) in typed {
        let input = c.find(Locator::Id(id)).await.expect("the field");
        input.clear().await.unwrap();
        input.send_keys(value).await.expect("type");
    }
    for label in ["label[for=institution_type]", "label[for=consent]"] {
        c.find(Locator::Css(label))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
    }
    click_and_wait(c, &register_button(c).await).await;
    let page = look(b).await;
    page.assert_at(&format!("/cycles/{SLUG}/registered"), 200);
    assert_eq!(text_of(c, "h1").await, "Your seat is held");
    let mails = app.emails(3).await;
    assert_eq!(
        mails[2].rcpt_to,
        vec![EMAIL.to_string()],
        "a new seat, a new email"
    );
    anna.quit().await;

    // 7. An organiser, in their own browser, signs in and sees it.
    app.login_as_organiser().await;
    let organiser = driver.browser().await;
    let (b, c) = (&organiser, &organiser.client);
    c.set_window_size(1280, 900).await.expect("window size");
    sign_in(&app, b).await;
    let cycle_link = c
        .find(Locator::LinkText(TITLE))
        .await
        .expect("the cycle in the list");
    click_and_wait(c, &cycle_link).await;
    let page = look(b).await;
    page.assert_at(&format!("/admin/cycles/{SLUG}"), 200);
    assert_eq!(page.lang, "lv");
    assert_eq!(text_of(c, "h1").await, TITLE);
    let rows = c
        .find_all(Locator::Css("table.table tbody tr"))
        .await
        .expect("the registrations table");
    assert_eq!(rows.len(), 2, "the cancelled registration and the new one");
    let cells = rows[0].find_all(Locator::Css("td")).await.unwrap();
    let mut row = Vec::new();
    for cell in &cells {
        row.push(cell.text().await.unwrap());
    }
    assert_eq!(row[0], "Anna Bērziņa", "{row:?}");
    assert_eq!(row[1], "Talsu novada muzejs", "{row:?}");
    assert_eq!(row[2], EMAIL, "{row:?}");
    assert_eq!(row[3], "Atcelts", "{row:?}");
    let cells = rows[1].find_all(Locator::Css("td")).await.unwrap();
    let mut row = Vec::new();
    for cell in &cells {
        row.push(cell.text().await.unwrap());
    }
    assert_eq!(row[2], EMAIL, "{row:?}");
    assert_eq!(
        row[3], "Vieta rezervēta, e-pasts nav apstiprināts",
        "{row:?}"
    );
    organiser.quit().await;
    eprintln!(
        "browser scenario took {:.1} s",
        started.elapsed().as_secs_f64()
    );
}

/// Issue 8's path in the browser: a participant with 4 of 5 sessions finds
/// the call on their page, is told what is missing, saves a draft with a PDF,
/// submits; an organiser reads it and decides; the participant sees the
/// decision and opens a certificate whose code anyone can check.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_participant_applies_for_the_grant_and_gets_a_certificate_in_a_real_browser() {
    let Some(driver_path) = chromedriver_path() else {
        return;
    };
    let app = TestApp::spawn_with_smtp(Backend::Sqlite)
        .await
        .expect("SQLite always runs");
    let cycle = crate::grant::cycle_file()
        .replace("min_sessions = 4", "min_sessions = 4\ncertificate = true");
    app.import_cycle(&cycle).await;
    let (_, token) = crate::grant::participant(&app, 1, &[1, 2, 3, 5]).await;
    let mails_before = app.emails(1).await.len();
    app.clock.set(utc("2024-01-22T10:00:00Z"));
    let driver = ChromeDriver::start(&driver_path).await;
    let own_page = format!("/r/{token}");
    let grant_page = format!("/r/{token}/grant");

    // 1. Their page says what the attendance earned, with the way to apply.
    let participant = driver.browser().await;
    let (b, c) = (&participant, &participant.client);
    c.set_window_size(390, 844).await.expect("window size");
    c.goto(&app.url(&own_page)).await.expect("open own page");
    let page = look(b).await;
    page.assert_at(&own_page, 200);
    page.assert_shows(
        "Apmeklētas 4 no 5 nodarbībām — jūs esat nopelnījuši apliecību un varat pieteikties grantam.",
    );
    let apply = c
        .find(Locator::LinkText("Pieteikties grantam"))
        .await
        .expect("a link to apply");
    click_and_wait(c, &apply).await;
    let page = look(b).await;
    page.assert_at(&grant_page, 200);
    assert_eq!(
        text_of(c, "h1").await,
        "Kopienu iniciatīvu projektu konkurss"
    );
    page.assert_shows("Ne vairāk kā 1 500,00 €.");

    // 2. Submitted empty: each missing field is named, nothing is stored.
    click_and_wait(c, &button(c, "Iesniegt pieteikumu").await).await;
    let page = look(b).await;
    page.assert_at(&grant_page, 422);
    assert!(page.title.starts_with("Kļūda: "), "{}", page.title);
    let mut targets = Vec::new();
    for link in c
        .find_all(Locator::Css(".error-summary li a"))
        .await
        .unwrap()
    {
        targets.push(link.attr("href").await.unwrap().unwrap_or_default());
    }
    assert_eq!(targets, ["#title", "#summary", "#amount"]);
    page.assert_shows("Ievadiet projekta nosaukumu");
    page.assert_shows("Ievadiet pieprasīto summu");
    assert!(
        crate::grant::stored_applications(&app).await.is_empty(),
        "a refused form stores nothing"
    );

    // 3. A draft, typed as people do, with a budget in PDF.
    let budget_dir = tempfile::tempdir().expect("a folder for the budget");
    let budget = budget_dir.path().join("budžets.pdf");
    std::fs::write(&budget, crate::grant::pdf_bytes()).expect("write the PDF");
    let typed = [
        ("title", "Talsu novada atmiņu stāsti"),
        ("summary", "Ierakstām senioru atmiņas kopā ar bibliotēku."),
        ("partners", "Talsu novada bibliotēka"),
        ("amount", "1 200,50"),
    ];
    for (id, value) in typed {
        let input = c.find(Locator::Id(id)).await.expect("the field");
        input.clear().await.unwrap();
        input.send_keys(value).await.expect("type");
    }
    c.find(Locator::Id("attachment"))
        .await
        .expect("the file field")
        .send_keys(&budget.display().to_string())
        .await
        .expect("choose the file");
    click_and_wait(c, &button(c, "Saglabāt melnrakstu").await).await;
    let page = look(b).await;
    page.assert_at(&grant_page, 200);
    assert_eq!(text_of(c, "[role=status]").await, "Melnraksts saglabāts.");
    page.assert_shows("Melnraksts — vēl nav iesniegts");
    page.assert_shows("Pievienots: budžets.pdf");
    assert_eq!(
        c.find(Locator::Id("amount"))
            .await
            .unwrap()
            .prop("value")
            .await
            .unwrap()
            .as_deref(),
        Some("1200.50"),
        "the amount comes back as stored"
    );

    // 4. Submitted: read-only, acknowledged by email.
    click_and_wait(c, &button(c, "Iesniegt pieteikumu").await).await;
    let page = look(b).await;
    page.assert_at(&grant_page, 200);
    assert_eq!(
        text_of(c, "[role=status]").await,
        "Pieteikums iesniegts. Kopija ir ceļā uz jūsu e-pastu."
    );
    page.assert_shows("Iesniegts — gaida lēmumu");
    page.assert_shows("Talsu novada atmiņu stāsti");
    page.assert_shows("budžets.pdf");
    assert!(
        c.find_all(Locator::Css("textarea, input[type=file]"))
            .await
            .unwrap()
            .is_empty(),
        "nothing left to edit"
    );
    let mails = app.emails(mails_before + 1).await;
    let ack = mails.last().unwrap().parsed();
    assert!(
        ack.subject().unwrap().contains("granta pieteikums saņemts"),
        "{:?}",
        ack.subject()
    );

    // 5. The organiser reads it, opens the PDF link and decides.
    app.login_as_organiser().await;
    let organiser = driver.browser().await;
    let (ob, oc) = (&organiser, &organiser.client);
    oc.set_window_size(1280, 900).await.expect("window size");
    sign_in(&app, ob).await;
    oc.goto(&app.url(&format!("/admin/cycles/{SLUG}")))
        .await
        .expect("the cycle's page");
    let applications = oc
        .find(Locator::LinkText("Granta pieteikumi"))
        .await
        .expect("a link to the applications");
    click_and_wait(oc, &applications).await;
    let page = look(ob).await;
    page.assert_at(&format!("/admin/cycles/{SLUG}/applications"), 200);
    page.assert_shows("Iesniegts");
    let open = oc
        .find(Locator::LinkText("Talsu novada atmiņu stāsti"))
        .await
        .expect("the application in the list");
    click_and_wait(oc, &open).await;
    let page = look(ob).await;
    assert!(
        page.path
            .starts_with(&format!("/admin/cycles/{SLUG}/applications/")),
        "{}",
        page.path
    );
    page.assert_shows("Ierakstām senioru atmiņas kopā ar bibliotēku.");
    page.assert_shows("4 / 5");
    let download = oc
        .find(Locator::LinkText("Lejupielādēt pielikumu"))
        .await
        .expect("the attachment link")
        .attr("href")
        .await
        .unwrap()
        .expect("an href");
    let cookies = oc.get_all_cookies().await.expect("cookies");
    let cookie_header = cookies
        .iter()
        .map(|cookie| format!("{}={}", cookie.name(), cookie.value()))
        .collect::<Vec<_>>()
        .join("; ");
    let pdf = client()
        .get(app.url(&download))
        .header("cookie", cookie_header)
        .send()
        .await
        .expect("download");
    assert_eq!(pdf.headers()["content-type"], "application/pdf");
    assert_eq!(
        pdf.bytes().await.unwrap().to_vec(),
        crate::grant::pdf_bytes()
    );
    oc.find(Locator::Css("label[for=outcome-funded]"))
        .await
        .unwrap()
        .click()
        .await
        .expect("choose funded");
    let granted = oc.find(Locator::Id("granted")).await.unwrap();
    granted.send_keys("1000").await.unwrap();
    oc.find(Locator::Id("comment"))
        .await
        .unwrap()
        .send_keys("Lūdzu, samaziniet tehnikas izmaksas.")
        .await
        .unwrap();
    click_and_wait(oc, &button(oc, "Saglabāt lēmumu").await).await;
    let page = look(ob).await;
    assert_eq!(page.status, 200, "{}", page.text);
    page.assert_shows("Lūdzu, samaziniet tehnikas izmaksas.");
    assert!(
        buttons(oc, "Saglabāt lēmumu").await.is_empty(),
        "a decision is made once"
    );
    let mails = app.emails(mails_before + 2).await;
    let decided = mails.last().unwrap().parsed();
    let text = decided.body_text(0).unwrap();
    assert!(text.contains("1\u{a0}000,00\u{a0}€"), "{text}");
    assert!(text.contains("samaziniet tehnikas izmaksas"), "{text}");

    // 6. The participant sees the decision, and opens the certificate.
    c.goto(&app.url(&own_page)).await.expect("own page again");
    let page = look(b).await;
    page.assert_shows("Organizatori nolēma atbalstīt jūsu projektu: 1 000,00 €.");
    let open = c
        .find(Locator::LinkText("Atvērt apliecību"))
        .await
        .expect("the certificate link");
    click_and_wait(c, &open).await;
    let page = look(b).await;
    page.assert_at(&format!("/r/{token}/certificate"), 200);
    assert_eq!(text_of(c, ".certificate h1").await, "Dalības apliecība");
    assert_eq!(text_of(c, ".certificate .big").await, "Dalībnieks Nr1");
    let code_line = text_of(c, ".certificate .code").await;
    let code = code_line
        .strip_prefix("Pārbaudes kods: ")
        .unwrap_or_else(|| panic!("a code line: {code_line}"))
        .to_string();
    participant.quit().await;

    // 7. Anyone checks the code, typed in lower case.
    let verify = format!("/verify/{}", code.to_lowercase().replace('-', ""));
    oc.goto(&app.url(&verify)).await.expect("open /verify");
    let page = look(ob).await;
    assert_eq!(page.status, 200, "{}", page.text);
    page.assert_shows("Apliecība ir derīga.");
    page.assert_shows("Dalībnieks Nr1");
    page.assert_shows(TITLE);
    assert!(
        !page.text.contains("dalibnieks1@muzejs.lv"),
        "the email stays private"
    );
    organiser.quit().await;
}

/// Signs the test organiser in through the login form.
async fn sign_in(app: &TestApp, b: &Browser) {
    let c = &b.client;
    c.goto(&app.url("/login")).await.expect("open /login");
    let page = look(b).await;
    page.assert_at("/login", 200);
    assert_eq!(text_of(c, "h1").await, "Pieteikties");
    c.find(Locator::Id("email"))
        .await
        .unwrap()
        .send_keys("organiser@muzeji.lv")
        .await
        .unwrap();
    c.find(Locator::Id("password"))
        .await
        .unwrap()
        .send_keys("a long enough password")
        .await
        .unwrap();
    click_and_wait(c, &button(c, "Pieteikties").await).await;
    let page = look(b).await;
    page.assert_at("/admin", 200);
    assert!(
        text_of(c, "nav.organiser-nav").await.contains("Organiser"),
        "signed in"
    );
}

/// Where chromedriver is, or `None` to skip (never with `CI=true`).
pub(crate) fn chromedriver_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("COHORT_TEST_CHROMEDRIVER").filter(|p| !p.is_empty()) {
        let p = PathBuf::from(p);
        assert!(
            p.is_file(),
            "COHORT_TEST_CHROMEDRIVER={} is not a file",
            p.display()
        );
        return Some(p);
    }
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join("chromedriver"))
            .find(|p| p.is_file())
    });
    if found.is_none() {
        if std::env::var("CI").is_ok_and(|v| v == "true") {
            panic!("CI=true but no chromedriver: set COHORT_TEST_CHROMEDRIVER");
        }
        eprintln!("skipped: no chromedriver");
    }
    found
}

/// chromedriver on a free port; shut down (with its browsers) on drop.
pub(crate) struct ChromeDriver {
    child: Child,
    port: u16,
    /// Browser profiles: removed only once the browsers are gone.
    profiles: std::sync::Mutex<Vec<tempfile::TempDir>>,
}

impl ChromeDriver {
    pub(crate) async fn start(path: &Path) -> Self {
        let port = {
            let probe = TcpListener::bind("127.0.0.1:0").expect("free port");
            probe.local_addr().expect("address").port()
        };
        let child = Command::new(path)
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("start {}: {e}", path.display()));
        let mut driver = ChromeDriver {
            child,
            port,
            profiles: Default::default(),
        };
        let status = reqwest::Client::new();
        let deadline = Instant::now() + WAIT;
        loop {
            if let Ok(Some(exit)) = driver.child.try_wait() {
                panic!("chromedriver exited at start: {exit}");
            }
            let ready = match status.get(driver.url() + "/status").send().await {
                Ok(res) => res
                    .text()
                    .await
                    .ok()
                    .and_then(|t| serde_json::from_str::<Value>(&t).ok())
                    .is_some_and(|v| v["value"]["ready"] == json!(true)),
                Err(_) => false,
            };
            if ready {
                return driver;
            }
            assert!(Instant::now() < deadline, "chromedriver did not get ready");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// A new headless Chromium with a fresh profile, in Latvian.
    async fn browser(&self) -> Browser {
        self.browser_with(true).await
    }

    /// The same, with the page's own JavaScript on or off (WebDriver's
    /// scripts still run: they come through DevTools, not the page).
    pub(crate) async fn browser_with(&self, javascript: bool) -> Browser {
        let profile = tempfile::tempdir().expect("profile dir");
        let mut caps = serde_json::Map::new();
        caps.insert("browserName".into(), json!("chrome"));
        caps.insert(
            "goog:chromeOptions".into(),
            json!({
                "binary": CHROMIUM,
                "args": [
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--lang=lv",
                    format!("--user-data-dir={}", profile.path().display()),
                ],
                // Sent as Accept-Language: the person reads Latvian.
                "prefs": {
                    "intl.accept_languages": "lv",
                    "profile.managed_default_content_settings.javascript": if javascript { 1 } else { 2 },
                },
            }),
        );
        caps.insert("goog:loggingPrefs".into(), json!({ "browser": "ALL" }));
        let _ = rustls::crypto::ring::default_provider().install_default();
        let client = ClientBuilder::rustls()
            .expect("TLS setup")
            .capabilities(caps)
            .connect(&self.url())
            .await
            .unwrap_or_else(|e| panic!("a Chromium session at {CHROMIUM}: {e}"));
        self.profiles.lock().expect("profiles").push(profile);
        Browser {
            client,
            driver: self.url(),
        }
    }
}

impl Drop for ChromeDriver {
    fn drop(&mut self) {
        // `/shutdown` quits every session's browser too, even after a panic.
        let addr = SocketAddr::from(([127, 0, 0, 1], self.port));
        if let Ok(mut s) = TcpStream::connect_timeout(&addr, Duration::from_secs(1)) {
            let _ = s.set_read_timeout(Some(Duration::from_secs(5)));
            let _ = write!(
                s,
                "GET /shutdown HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nConnection: close\r\n\r\n",
                self.port
            );
            let _ = s.read_to_end(&mut Vec::new());
        }
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub(crate) struct Browser {
    pub(crate) client: Client,
    /// chromedriver's address, for the browser's console log.
    driver: String,
}

impl Browser {
    pub(crate) async fn quit(self) {
        self.client.close().await.expect("close the browser");
    }

    /// Errors the browser logged since last asked (CSP violations, failed
    /// resources, script errors), minus the page's own error status and the
    /// favicon, which the app does not have.
    async fn console_errors(&self, page: &url::Url, status: u64) -> Vec<String> {
        let id = self
            .client
            .session_id()
            .await
            .expect("session id")
            .expect("a session");
        // chromedriver's own endpoint; `goog:loggingPrefs` turns it on.
        let body = reqwest::Client::new()
            .post(format!("{}/session/{id}/se/log", self.driver))
            .header("content-type", "application/json")
            .body(r#"{"type":"browser"}"#)
            .send()
            .await
            .expect("ask for the browser log")
            .text()
            .await
            .expect("the browser log");
        let log: Value = serde_json::from_str(&body).expect("log JSON");
        let mut page = page.clone();
        page.set_fragment(None);
        let own_status = format!("{page} - Failed to load resource");
        log["value"]
            .as_array()
            .unwrap_or_else(|| panic!("a list of log entries: {body}"))
            .iter()
            .filter(|e| e["level"] == json!("SEVERE"))
            .filter_map(|e| e["message"].as_str())
            .filter(|m| !m.contains("/favicon.ico - "))
            .filter(|m| !(status >= 400 && m.starts_with(&own_status)))
            .map(str::to_string)
            .collect()
    }
}

/// What the person has in front of them once a page has loaded.
pub(crate) struct Seen {
    pub(crate) path: String,
    pub(crate) query: Option<String>,
    /// The HTTP status the page came with.
    pub(crate) status: u64,
    pub(crate) title: String,
    pub(crate) lang: String,
    /// The visible text, whitespace collapsed.
    pub(crate) text: String,
    pub(crate) width: u64,
}

impl Seen {
    pub(crate) fn assert_at(&self, path: &str, status: u64) {
        assert_eq!(self.path, path, "the address bar; page: {}", self.text);
        assert_eq!(self.status, status, "HTTP status of {path}: {}", self.text);
    }

    pub(crate) fn assert_shows(&self, text: &str) {
        assert!(
            self.text.contains(text),
            "{text:?} is on {}: {}",
            self.path,
            self.text
        );
    }
}

pub(crate) async fn look(b: &Browser) -> Seen {
    let c = &b.client;
    let v = c
        .execute(
            r#"const nav = performance.getEntriesByType("navigation")[0];
            return {
                status: nav ? nav.responseStatus : 0,
                title: document.title,
                lang: document.documentElement.lang,
                text: document.body.innerText,
                scripts: document.scripts.length,
                width: window.innerWidth,
                overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
            };"#,
            vec![],
        )
        .await
        .expect("read the page");
    let url = c.current_url().await.expect("current URL");
    let seen = Seen {
        path: url.path().to_string(),
        query: url.query().map(str::to_string),
        status: v["status"].as_u64().unwrap_or(0),
        title: v["title"].as_str().unwrap_or_default().to_string(),
        lang: v["lang"].as_str().unwrap_or_default().to_string(),
        text: v["text"]
            .as_str()
            .unwrap_or_default()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
        width: v["width"].as_u64().unwrap_or(0),
    };
    assert_eq!(
        v["scripts"],
        json!(0),
        "{}: the app has no JavaScript",
        seen.path
    );
    assert!(
        v["overflow"].as_i64().unwrap_or(0) <= 0,
        "{}: no sideways scrolling at {} px ({} px too wide)",
        seen.path,
        seen.width,
        v["overflow"]
    );
    assert!(
        stylesheet_applied(c).await,
        "{}: app.css is applied",
        seen.path
    );
    let errors = b.console_errors(&url, seen.status).await;
    assert!(
        errors.is_empty(),
        "{}: the browser logged errors: {errors:#?}",
        seen.path
    );
    seen
}

/// The stylesheet loaded (and the CSP let it): the skip link is off-screen.
async fn stylesheet_applied(c: &Client) -> bool {
    let v = c
        .execute(
            "return document.styleSheets.length > 0 && document.styleSheets[0].cssRules.length > 0;",
            vec![],
        )
        .await
        .expect("stylesheets");
    v == json!(true)
}

/// Clicks something that loads a new page and waits until that page is in.
pub(crate) async fn click_and_wait(c: &Client, el: &fantoccini::elements::Element) {
    c.execute("window.__cohortOldPage = true;", vec![])
        .await
        .expect("mark the page");
    el.click().await.expect("click");
    let deadline = Instant::now() + WAIT;
    loop {
        let v = c
            .execute(
                "return !window.__cohortOldPage && document.readyState === 'complete';",
                vec![],
            )
            .await;
        if matches!(v, Ok(Value::Bool(true))) {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "no new page after the click (still {:?})",
            c.current_url().await.map(|u| u.to_string())
        );
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}

pub(crate) async fn text_of(c: &Client, css: &str) -> String {
    c.find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css} is on the page: {e}"))
        .text()
        .await
        .expect("text")
}

fn button_xpath(label: &str) -> String {
    format!("//button[normalize-space(.)='{label}']")
}

pub(crate) async fn buttons(c: &Client, label: &str) -> Vec<fantoccini::elements::Element> {
    c.find_all(Locator::XPath(&button_xpath(label)))
        .await
        .expect("find buttons")
}

pub(crate) async fn button(c: &Client, label: &str) -> fantoccini::elements::Element {
    c.find(Locator::XPath(&button_xpath(label)))
        .await
        .unwrap_or_else(|e| panic!("a {label:?} button: {e}"))
}

async fn register_button(c: &Client) -> fantoccini::elements::Element {
    c.find(Locator::Css(&format!(
        "form[action='/cycles/{SLUG}/register'] button[type=submit]"
    )))
    .await
    .expect("the Register button")
}
