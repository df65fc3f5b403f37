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
