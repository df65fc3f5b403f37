//! The seed cycle end to end in a real headless Chromium, driven over
//! WebDriver: a participant registers on a phone-sized screen, confirms from
//! the email, switches to English, gives the seat back (two steps) and
//! registers again; an organiser signs in through the form and sees both.
//!
//! Chromium and its helpers are in `chrome`.

use std::time::Instant;

use fantoccini::{Client, Locator};
use serde_json::json;

use crate::chrome::*;
use crate::helpers::*;

const SLUG: &str = "kopienas-2023";
const TITLE: &str = "Kopienu attīstības apmācību cikls";
const EMAIL: &str = "anna.berzina@muzejs.lv";

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

async fn register_button(c: &Client) -> fantoccini::elements::Element {
    c.find(Locator::Css(&format!(
        "form[action='/cycles/{SLUG}/register'] button[type=submit]"
    )))
    .await
    .expect("the Register button")
}
