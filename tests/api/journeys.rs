//! Issue 11, participant journeys: the first screen of a cycle, what happens
//! after registering, a lost link, giving the seat back in two steps and
//! registering again, and error messages that name their field.

use crate::helpers::*;
use crate::on_both_backends;

/// The seed cycle with `capacity` seats, who it is for and whom to ask.
fn cycle_with(capacity: u32, waitlist: bool) -> String {
    SEED_CYCLE
        .replace("capacity = 30", &format!("capacity = {capacity}"))
        .replace("waitlist = true", &format!("waitlist = {waitlist}"))
        .replace(
            "published = true",
            "published = true\naudience = \"Reģionālo muzeju un bibliotēku speciālisti\"\n\
             contact_email = \"kopienas@muzeji.lv\"\ncontact_phone = \"+371 2000 0001\"",
        )
}

async fn the_first_screen_says_what_matters(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    app.import_cycle(&cycle_with(1, true)).await;
    let page = app.get_html("/cycles/kopienas-2023").await;
    let summary = texts(&page, ".summary-box li");
    assert_eq!(
        summary,
        [
            "Kam: Reģionālo muzeju un bibliotēku speciālisti",
            "5 nodarbības, pirmā 2023. gada 4. decembrī, pēdējā 2024. gada 15. janvārī",
            "Reģistrācija atvērta līdz 2023. gada 29. novembrim, plkst. 23.59 (Latvijas laiks)",
            "1 brīva vieta",
        ],
        "{page}"
    );
    // At the top, before the description, with a way straight to the form.
    let top = page.find("summary-box").expect("the summary");
    assert!(top < page.find("Apmācību cikla mērķis").expect("the description"));
    assert_eq!(
        texts(&page, ".summary-box a.button[href='#register']"),
        ["Sākt reģistrāciju"]
    );
    assert_eq!(texts(&page, "h2#register").len(), 1);
    // Whom to ask is on the page.
    assert_eq!(
        texts(&page, "a[href='mailto:kopienas@muzeji.lv']"),
        ["kopienas@muzeji.lv"]
    );
    assert_eq!(
        texts(&page, "a[href='tel:+37120000001']"),
        ["+371 2000 0001"]
    );

    let en = app.get_html("/cycles/kopienas-2023?lang=en").await;
    assert_eq!(
        texts(&en, ".summary-box li")[1..],
        [
            "5 sessions, the first on 4 December 2023, the last on 15 January 2024",
            "Registration open until 29 November 2023, 23:59 (Latvian time)",
            "1 seat left",
        ]
    );
    let ru = app.get_html("/cycles/kopienas-2023?lang=ru").await;
    assert!(
        texts(&ru, ".summary-box li").contains(
            &"Регистрация открыта до 29 ноября 2023 г., 23:59 (латвийское время)".to_string()
        ),
        "{ru}"
    );

    // The last seat goes: the waiting list is what is left, and the button says so.
    assert_eq!(
        app.register("kopienas-2023", &Person::numbered(1))
            .await
            .status()
            .as_u16(),
        303
    );
    let page = app.get_html("/cycles/kopienas-2023?lang=lv").await;
    assert_eq!(
        texts(&page, ".summary-box li")[3],
        "Visas vietas aizņemtas — var pieteikties rindā"
    );
    assert_eq!(texts(&page, ".summary-box a.button"), ["Pieteikties rindā"]);
    let index = app.get_html("/").await;
    assert!(index.contains("Reģistrācija atvērta līdz"), "{index}");
    assert!(index.contains("card--open"));
}

on_both_backends!(the_first_screen_says_what_matters);

async fn a_full_cycle_without_a_waiting_list_is_not_open(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    app.import_cycle(&cycle_with(1, false)).await;
    app.register("kopienas-2023", &Person::numbered(1)).await;
    let index = app.get_html("/").await;
    assert!(!index.contains("Reģistrācija atvērta"), "{index}");
    assert!(!index.contains("card--open"), "{index}");
    assert_eq!(
        texts(&index, ".card p"),
        [
            "Sākums: pirmdiena, 2023. gada 4. decembrī",
            "Visas vietas aizņemtas",
        ]
    );
    let page = app.get_html("/cycles/kopienas-2023").await;
    assert!(texts(&page, ".summary-box li").contains(&"Visas vietas aizņemtas".to_string()));
    assert!(
        texts(&page, ".summary-box a.button").is_empty(),
        "no way to a form that is not there"
    );
    let en = app.get_html("/?lang=en").await;
    assert!(!en.contains("Registration open"), "{en}");
    assert!(texts(&en, ".card p").contains(&"Full".to_string()), "{en}");
}

on_both_backends!(a_full_cycle_without_a_waiting_list_is_not_open);

/// A zone other than Riga's is named as people say it, never "+05".
async fn other_zones_are_named_too(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    app.import_cycle(
        &SEED_CYCLE
            .replace("Europe/Riga", "Asia/Almaty")
            .replace("language = \"lv\"", "language = \"en\""),
    )
    .await;
    let page = app.get_html("/cycles/kopienas-2023").await;
    assert!(page.contains("Time zone: Almaty time."), "{page}");
    assert!(
        page.contains("Monday 4 December 2023, 10:00–16:00 (Almaty time)"),
        "{page}"
    );
    assert!(!page.contains("+06") && !page.contains("+05"), "{page}");
}

on_both_backends!(other_zones_are_named_too);

/// The path of a registration's own page.
async fn page_path(app: &TestApp, id: i32) -> String {
    let reg = crate::foundation::registration(app, id).await;
    app.state
        .composer
        .participant_link(&reg)
        .replace(&app.address, "")
}

fn mails_to<'a>(
    mails: &'a [crate::smtp::ReceivedMail],
    to: &str,
    subject_ends: &str,
) -> Vec<&'a crate::smtp::ReceivedMail> {
    mails
        .iter()
        .filter(|m| m.header("To").is_some_and(|h| h.contains(to)))
        .filter(|m| m.subject().ends_with(subject_ends))
        .collect()
}

fn calendar_of(mail: &crate::smtp::ReceivedMail) -> String {
    let (_, _, bytes) = mail
        .attachments()
        .into_iter()
        .find(|(kind, _, _)| kind == "text/calendar")
        .expect("a calendar file");
    String::from_utf8(bytes).unwrap().replace("\r\n ", "")
}

fn first_event(ics: &str) -> String {
    ics.split("BEGIN:VEVENT")
        .find(|e| e.contains("UID:kopienas-2023-1@"))
        .unwrap_or_else(|| panic!("session 1 in {ics}"))
        .to_string()
}

/// Register → "Are you sure?" → cancelled → register again with the same
/// address: a new registration that queues, then gets the seat that frees.
async fn giving_the_seat_back_takes_two_steps_and_registering_again_works(b: Backend) {
    let Some(app) = TestApp::spawn_with_smtp(b).await else {
        return;
    };
    app.import_cycle(&cycle_with(1, true)).await;
    let anna = Person::new("Anna", "Bērziņa", "anna@muzejs.lv");
    assert_eq!(
        app.register("kopienas-2023", &anna).await.status().as_u16(),
        303
    );
    app.register(
        "kopienas-2023",
        &Person::new("Jānis", "Ozoliņš", "janis@muzejs.lv"),
    )
    .await;
    // Each email goes before the next change (one written for a state
    // that has passed is not sent).
    app.emails(2).await;
    let mine = page_path(&app, 1).await;

    // The page's button only leads to the question.
    let browser = app.browser();
    let page = browser
        .get(app.url(&mine))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(
        texts(&page, &format!("a.button--warning[href='{mine}/cancel']")),
        ["Atdot savu vietu"]
    );
    assert!(
        !page.contains(&format!("action=\"{mine}/cancel\"")),
        "{page}"
    );
    let sure = browser
        .get(app.url(&format!("{mine}/cancel")))
        .send()
        .await
        .unwrap();
    assert_eq!(sure.status().as_u16(), 200);
    let sure = sure.text().await.unwrap();
    assert_eq!(texts(&sure, "h1"), ["Vai tiešām atteikties no vietas?"]);
    assert_eq!(
        texts(
            &sure,
            &format!("form[action='{mine}/cancel'] button.button--warning")
        ),
        ["Jā, atteikties no vietas"]
    );
    assert_eq!(
        texts(&sure, &format!("a[href='{mine}']")),
        ["Nē, atgriezties savā lapā"]
    );
    // Looking at the question changed nothing.
    assert_eq!(
        crate::foundation::registration(&app, 1).await.status,
        "pending"
    );

    let token = csrf_from(&sure).unwrap();
    let res = app
        .post_form(
            &browser,
            &format!("{mine}/cancel"),
            &[("csrf_token", &token)],
        )
        .await;
    assert_redirect_to(&res, &mine);
    assert_eq!(
        crate::foundation::registration(&app, 1).await.status,
        "cancelled"
    );
    assert_eq!(
        crate::foundation::registration(&app, 2).await.status,
        "pending"
    );
    app.emails(4).await;
    let page = browser
        .get(app.url(&mine))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("Jūsu reģistrācija ir atcelta"), "{page}");
    assert_eq!(
        texts(&page, "a[href='/cycles/kopienas-2023#register']"),
        ["Reģistrēties vēlreiz"]
    );
    // Asking again after it is done shows the page, not the question.
    let again = browser
        .get(app.url(&format!("{mine}/cancel")))
        .send()
        .await
        .unwrap();
    assert_redirect_to(&again, &mine);

    // The same address (written differently) registers again: a new
    // registration, at the end of the queue, since the seat went on.
    let anna_again = Person::new("Anna", "Bērziņa", "Anna@Muzejs.LV");
    let res = app.register("kopienas-2023", &anna_again).await;
    assert_redirect_to(
        &res,
        "/cycles/kopienas-2023/registered?outcome=waitlisted&position=1",
    );
    let old = crate::foundation::registration(&app, 1).await;
    assert_eq!(old.status, "cancelled", "the old one stays as it was");
    assert_eq!(old.email, "anna@muzejs.lv");
    assert_eq!(
        crate::foundation::registration(&app, 3).await.status,
        "waitlisted"
    );
    app.emails(5).await;
    // The old one cannot be restored beside the new one.
    let restored = cohort::app::registration::organiser_change(&app.state.services, 1, true)
        .await
        .unwrap();
    assert_eq!(
        restored.map(|(c, _)| c),
        Some(cohort::db::registrations::Changed::NotAllowed)
    );
    // Jānis gives his seat back: the new registration gets it.
    cohort::app::registration::cancel(&app.state.services, 2)
        .await
        .unwrap();
    let new = crate::foundation::registration(&app, 3).await;
    assert_eq!(new.status, "pending");
    let new_page = page_path(&app, 3).await;
    assert_ne!(new_page, mine);
    let page = app.get_html(&new_page).await;
    assert!(page.contains("Apstipriniet e-pasta adresi līdz"), "{page}");

    // Seated, waitlisted, cancelled, promoted, waitlisted, cancelled, promoted.
    let mails = app.emails(7).await;
    let seated = mails_to(&mails, "anna@muzejs.lv", "jūsu vieta");
    let cancelled = mails_to(&mails, "anna@muzejs.lv", "reģistrācija atcelta");
    assert_eq!(cancelled.len(), 1);
    let text = cancelled[0].text_body().replace("\r\n", "\n");
    assert!(
        text.contains(
            "Jautājumi? Sazinieties ar organizatoriem:\nkopienas@muzeji.lv, +371 2000 0001"
        ) || text.contains("kopienas@muzeji.lv, +371 2000 0001"),
        "{text}"
    );
    assert!(cancelled[0]
        .html_body()
        .contains("kopienas@muzeji.lv, +371 2000 0001"));
    let cancel_ics = calendar_of(cancelled[0]);
    assert!(cancel_ics.contains("METHOD:CANCEL"), "{cancel_ics}");
    assert!(!cancel_ics.contains("METHOD:PUBLISH"));
    assert_eq!(cancel_ics.matches("BEGIN:VEVENT").count(), 5);
    let published = first_event(&calendar_of(seated[0]));
    let withdrawn = first_event(&cancel_ics);
    let uid = |e: &str| {
        e.lines()
            .find(|l| l.starts_with("UID:"))
            .unwrap()
            .to_string()
    };
    assert_eq!(uid(&published), uid(&withdrawn), "the same event");
    assert!(
        sequence_of(&withdrawn) > sequence_of(&published),
        "the cancellation supersedes the invitation: {published} {withdrawn}"
    );
    assert!(withdrawn.contains("STATUS:CANCELLED"), "{withdrawn}");
    let promoted = mails_to(&mails, "Anna@Muzejs.LV", "vieta ir jūsu");
    assert_eq!(
        promoted.len(),
        1,
        "the new registration is told it got the seat"
    );
    // Her calendar holds the events as cancelled: the new registration's
    // invitation must supersede that, or the sessions stay cancelled there.
    let again = first_event(&calendar_of(promoted[0]));
    assert_eq!(uid(&again), uid(&withdrawn), "the same event");
    assert!(
        sequence_of(&again) > sequence_of(&withdrawn) && !again.contains("STATUS:CANCELLED"),
        "the new invitation supersedes the cancellation: {withdrawn} {again}"
    );
}

on_both_backends!(giving_the_seat_back_takes_two_steps_and_registering_again_works);

/// A cycle that names nobody to ask: the cancellation gives the sender address.
async fn the_cancellation_falls_back_to_the_sender_address(b: Backend) {
    let Some(app) = TestApp::spawn_with_smtp(b).await else {
        return;
    };
    app.import_cycle(SEED_CYCLE).await;
    app.register("kopienas-2023", &Person::numbered(1)).await;
    app.emails(1).await;
    cohort::app::registration::cancel(&app.state.services, 1)
        .await
        .unwrap();
    let mails = app.emails(2).await;
    let cancelled = mails_to(&mails, "dalibnieks1@muzejs.lv", "reģistrācija atcelta");
    let text = cancelled[0].text_body();
    assert!(text.contains("cohort@localhost.localdomain"), "{text}");
}

on_both_backends!(the_cancellation_falls_back_to_the_sender_address);

/// The confirmation page repeats the address (kept in the session, never in
/// the URL) and says what comes next and what to do if no email comes.
async fn the_confirmation_page_says_where_the_email_went_and_what_next(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    app.import_cycle(SEED_CYCLE).await;
    let browser = app.browser();
    let res = app
        .register_with(
            &browser,
            "kopienas-2023",
            &Person::new("Anna", "Bērziņa", "anna@muzejs.lv"),
        )
        .await;
    let location = res.headers()["location"].to_str().unwrap().to_string();
    assert!(
        !location.contains("anna") && !location.contains('@'),
        "{location}"
    );
    let page = browser
        .get(app.url(&location))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        texts(&page, ".panel p").contains(&"Vēstuli nosūtījām uz: anna@muzejs.lv".to_string()),
        "{page}"
    );
    // 12:00 in Riga on 15 November, held for 48 hours.
    assert_eq!(
        texts(&page, "ul.list li")[0],
        "Atveriet e-pastā saiti un apstipriniet adresi līdz 2023. gada 17. novembrim, plkst. 12.00 (Latvijas laiks), citādi vieta tiks nākamajam rindā."
    );
    assert!(page.contains("Vēstule nav pienākusi?"));
    assert_eq!(
        texts(&page, "main a[href='/lost-link']"),
        ["Pazaudējāt saiti?"]
    );
    // Another browser with the same address sees no one's address.
    let elsewhere = app
        .browser()
        .get(app.url(&location))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!elsewhere.contains("anna@muzejs.lv"));
    assert!(elsewhere.contains("Vieta jums ir rezervēta"));
}

on_both_backends!(the_confirmation_page_says_where_the_email_went_and_what_next);

/// "Lost your link?": the same answer for a known and an unknown address;
/// the link goes only to the known one.
async fn a_lost_link_comes_again_and_reveals_nothing(b: Backend) {
    let Some(app) = TestApp::spawn_with_smtp(b).await else {
        return;
    };
    app.import_cycle(SEED_CYCLE).await;
    app.register(
        "kopienas-2023",
        &Person::new("Anna", "Bērziņa", "anna@muzejs.lv"),
    )
    .await;
    app.emails(1).await;
    // Reached from the footer of every page, and from a link that does not work.
    let index = app.get_html("/").await;
    assert_eq!(
        texts(&index, "footer a[href='/lost-link']"),
        ["Pazaudējāt saiti?"]
    );
    let bad = app.get(&format!("/r/1.{}", "A".repeat(43))).await;
    assert_eq!(bad.status().as_u16(), 404);
    let bad = bad.text().await.unwrap();
    assert_eq!(
        texts(&bad, "main a.button[href='/lost-link']"),
        ["Pazaudējāt saiti?"]
    );

    let ask = |email: &'static str| {
        let app = &app;
        async move {
            let browser = app.browser();
            let token = app.csrf(&browser, "/lost-link").await;
            let res = app
                .post_form(
                    &browser,
                    "/lost-link",
                    &[("csrf_token", &token), ("email", email)],
                )
                .await;
            (res.status().as_u16(), res.text().await.unwrap())
        }
    };
    let (known_status, known) = ask(" Anna@Muzejs.LV ").await;
    let (unknown_status, unknown) = ask("nobody@muzejs.lv").await;
    assert_eq!(known_status, 200);
    assert_eq!(unknown_status, 200);
    assert_eq!(known, unknown, "the same answer either way");
    assert!(
        texts(&known, "[role=status]")
            .contains(&"Ja šī adrese ir reģistrēta, saite uz jūsu lapu ir ceļā uz to.".to_string()),
        "{known}"
    );
    let mails = app.emails(2).await;
    assert_eq!(mails.len(), 2);
    assert_eq!(mails[1].rcpt_to, vec!["anna@muzejs.lv".to_string()]);
    let text = mails[1].text_body();
    assert!(
        text.contains("palūdza saiti uz jūsu reģistrāciju vēlreiz"),
        "{text}"
    );
    assert!(text.contains(&format!("{}/r/1.", app.address)), "{text}");
    // Asking again at once sends nothing more (one per ten minutes).
    ask("anna@muzejs.lv").await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    all_mail_sent(&app).await;
    assert_eq!(app.smtp.as_ref().unwrap().messages().len(), 2);
    // A typo is named with its field.
    let (status, page) = ask("anna.muzejs.lv").await;
    assert_eq!(status, 422);
    assert_eq!(
        texts(&page, ".error-summary a[href='#email']"),
        ["Ievadiet pareizu e-pasta adresi, piemēram, vards@piemers.lv"]
    );
}

on_both_backends!(a_lost_link_comes_again_and_reveals_nothing);

/// Each inline message names its field and starts with a hidden "Error:".
async fn error_messages_name_their_field(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    app.import_cycle(SEED_CYCLE).await;
    let browser = app.browser();
    let mut person = Person::new("", "Bērziņa", "anna.muzejs.lv");
    person.institution = String::new();
    let res = app.register_with(&browser, "kopienas-2023", &person).await;
    assert_eq!(res.status().as_u16(), 422);
    let page = res.text().await.unwrap();
    assert_eq!(
        texts(&page, ".error-message"),
        [
            "Kļūda: Ievadiet savu vārdu",
            "Kļūda: Ievadiet pareizu e-pasta adresi, piemēram, vards@piemers.lv",
            "Kļūda: Ievadiet savas iestādes nosaukumu",
        ]
    );
    assert_eq!(
        texts(&page, ".error-message .visually-hidden"),
        ["Kļūda:", "Kļūda:", "Kļūda:"]
    );
}

on_both_backends!(error_messages_name_their_field);
