//! A cycle's own registration questions (issue 10, SPEC: Question) and the
//! country choice: answered on the form, refused beside the question,
//! stored with the registration, shown to organisers, exported as columns.

use std::io::Cursor;

use calamine::{Reader, Xlsx};
use cohort::db::schema::{registration_answers, registrations};
use diesel::prelude::*;

use crate::helpers::*;
use crate::on_both_backends;

const SLUG: &str = "kopienas-2023";

/// One question of every kind, labels in Latvian and English.
const QUESTIONS: &str = r#"
[[questions]]
key = "latin_name"
kind = "text"
required = true
label = { lv = "Vārds latīņu burtiem", en = "Name in Latin letters" }
hint = { en = "As in your passport" }

[[questions]]
key = "needs"
kind = "long_text"
label = { lv = "Īpašas vajadzības", en = "Special needs" }

[[questions]]
key = "room"
kind = "choice"
required = true
label = { lv = "Numurs", en = "Room" }
options = [
  { key = "single", label = { lv = "Vienvietīgs", en = "Single room" } },
  { key = "double", label = { lv = "Divvietīgs", en = "Shared room" } },
]

[[questions]]
key = "meals"
kind = "multi_choice"
label = { lv = "Ēdienreizes", en = "Meals" }
options = [
  { key = "breakfast", label = { lv = "Brokastis", en = "Breakfast" } },
  { key = "lunch", label = { lv = "Pusdienas", en = "Lunch" } },
  { key = "dinner", label = { lv = "Vakariņas", en = "Dinner" } },
]

[[questions]]
key = "visa_letter"
kind = "yes_no"
required = true
label = { lv = "Vai vajadzīga vīzas ielūguma vēstule?", en = "Do you need a visa invitation letter?" }

[[questions]]
key = "arrival"
kind = "date"
required = true
label = { lv = "Ierašanās datums", en = "Arrival date" }
"#;

fn cycle_with_questions() -> String {
    format!("{SEED_CYCLE}\n{QUESTIONS}")
}

/// The whole form for one person, answers included, as a browser sends it.
fn answered_form(p: &Person, csrf: &str) -> Vec<(String, String)> {
    let mut form: Vec<(String, String)> = p
        .form(csrf)
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    for (k, v) in [
        ("q_latin_name", "Anna Berzina"),
        ("q_needs", "Step-free access"),
        ("q_room", "single"),
        ("q_meals", "breakfast"),
        ("q_meals", "dinner"),
        ("q_visa_letter", "yes"),
        ("q_arrival", "2023-12-03"),
    ] {
        form.push((k.into(), v.into()));
    }
    form
}

async fn post(
    app: &TestApp,
    browser: &reqwest::Client,
    form: &[(String, String)],
) -> reqwest::Response {
    browser
        .post(app.url(&format!("/cycles/{SLUG}/register?lang=en")))
        .form(form)
        .send()
        .await
        .expect("POST")
}

async fn stored(app: &TestApp) -> (i64, Vec<(String, String)>) {
    app.db()
        .read(|c| {
            let regs: i64 = registrations::table.count().get_result(c)?;
            let answers = registration_answers::table
                .order(registration_answers::question_key.asc())
                .select((
                    registration_answers::question_key,
                    registration_answers::value,
                ))
                .load(c)?;
            Ok((regs, answers))
        })
        .await
        .unwrap()
}

async fn answers_are_stored_shown_and_exported(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    app.import_cycle(&cycle_with_questions()).await;
    let page = app.get_html(&format!("/cycles/{SLUG}?lang=en")).await;
    // Each kind with its own accessible control.
    assert!(
        page.contains(r#"<input class="input" id="q_latin_name" name="q_latin_name" type="text""#),
        "{page}"
    );
    assert!(page.contains(r#"<textarea class="textarea" id="q_needs" name="q_needs""#));
    assert!(page.contains(r#"<input type="radio" name="q_room" value="single" id="q_room">"#));
    assert!(
        page.contains(r#"<input type="checkbox" name="q_meals" value="lunch" id="q_meals-lunch">"#)
    );
    assert!(page
        .contains(r#"<input type="radio" name="q_visa_letter" value="no" id="q_visa_letter-no">"#));
    assert!(page.contains(r#"id="q_arrival" name="q_arrival" type="date""#));
    assert!(page.contains("<legend>Do you need a visa invitation letter?</legend>"));
    assert!(page.contains(r#"<p class="hint" id="q_latin_name-hint">As in your passport</p>"#));
    assert_eq!(
        texts(&page, "legend")
            .iter()
            .filter(|l| l.contains("Meals"))
            .count(),
        1,
        "a multiple choice is one fieldset"
    );

    let browser = app.browser();
    let csrf = app.csrf(&browser, &format!("/cycles/{SLUG}")).await;
    let anna = Person::new("Anna", "Bērziņa", "anna@muzejs.lv");
    let res = post(&app, &browser, &answered_form(&anna, &csrf)).await;
    assert_eq!(res.status().as_u16(), 303);
    let (regs, answers) = stored(&app).await;
    assert_eq!(regs, 1);
    assert_eq!(
        answers,
        [
            ("arrival".into(), "2023-12-03".into()),
            ("latin_name".into(), "Anna Berzina".into()),
            ("meals".into(), "breakfast,dinner".into()),
            ("needs".into(), "Step-free access".into()),
            ("room".into(), "single".into()),
            ("visa_letter".into(), "yes".into()),
        ]
    );

    let organiser = app.login_as_organiser().await;
    let admin = organiser
        .get(app.url(&format!("/admin/cycles/{SLUG}?lang=en")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    for shown in [
        "<dt>Name in Latin letters</dt><dd>Anna Berzina</dd>",
        "<dt>Room</dt><dd>Single room</dd>",
        "<dt>Meals</dt><dd>Breakfast; Dinner</dd>",
        "<dt>Do you need a visa invitation letter?</dt><dd>Yes</dd>",
        "<dt>Arrival date</dt><dd>2023-12-03</dd>",
    ] {
        assert!(admin.contains(shown), "{shown} in {admin}");
    }

    let csv = organiser
        .get(app.url(&format!("/admin/cycles/{SLUG}/registrations.csv")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let mut lines = csv.trim_start_matches('\u{FEFF}').lines();
    let header = lines.next().unwrap();
    assert!(
        header.ends_with(",consent_version,latin_name,needs,room,meals,visa_letter,arrival"),
        "{header}"
    );
    // Answers in the cycle's language (Latvian), several joined by "; ".
    let row = lines.next().unwrap();
    assert!(
        row.ends_with(
            ",Anna Berzina,Step-free access,Vienvietīgs,Brokastis; Vakariņas,yes,2023-12-03"
        ),
        "{row}"
    );

    let xlsx = organiser
        .get(app.url(&format!("/admin/cycles/{SLUG}/registrations.xlsx")))
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(xlsx.to_vec())).unwrap();
    let sheet = book.worksheet_range("registrations").unwrap();
    let rows: Vec<Vec<String>> = sheet
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    let n = rows[0].len();
    assert_eq!(
        rows[0][n - 6..],
        [
            "latin_name",
            "needs",
            "room",
            "meals",
            "visa_letter",
            "arrival"
        ]
    );
    assert_eq!(
        rows[1][n - 6..],
        [
            "Anna Berzina",
            "Step-free access",
            "Vienvietīgs",
            "Brokastis; Vakariņas",
            "yes",
            "2023-12-03"
        ]
    );

    // The participant's own data carries the answers; erasure removes them.
    let id = app
        .db()
        .read(|c| {
            registrations::table
                .select(registrations::id)
                .first::<i32>(c)
                .map_err(Into::into)
        })
        .await
        .unwrap();
    let data = cohort::app::privacy::export(&app.state.services, id)
        .await
        .unwrap()
        .unwrap();
    let given = &data["answers"];
    assert!(
        given
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["question"] == "visa_letter" && a["answer"] == "yes"),
        "{given}"
    );
    let erased = cohort::app::privacy::erase(&app.state.services, id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(erased.answers, 6);
    assert!(stored(&app).await.1.is_empty());
}

/// Each kind's bad answer: 422, the message beside the question naming it,
/// a summary link to it, what was typed kept, nothing stored.
async fn each_bad_answer_is_refused_beside_its_question(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    app.import_cycle(&cycle_with_questions()).await;
    let browser = app.browser();
    let csrf = app.csrf(&browser, &format!("/cycles/{SLUG}")).await;
    let anna = Person::new("Anna", "Bērziņa", "anna@muzejs.lv");
    let cases: &[(&str, Option<&str>, &str)] = &[
        ("q_latin_name", None, "Answer: Name in Latin letters"),
        (
            "q_latin_name",
            Some("Anna\u{7}"),
            "Type the answer again without special characters: Name in Latin letters",
        ),
        (
            "q_needs",
            Some(&"x".repeat(5001)),
            "Use 5000 characters or fewer: Special needs",
        ),
        ("q_room", None, "Select an answer: Room"),
        (
            "q_room",
            Some("suite"),
            "Select one of the answers offered: Room",
        ),
        (
            "q_meals",
            Some("tea"),
            "Select one of the answers offered: Meals",
        ),
        (
            "q_visa_letter",
            None,
            "Select an answer: Do you need a visa invitation letter?",
        ),
        (
            "q_visa_letter",
            Some("maybe"),
            "Select one of the answers offered: Do you need a visa invitation letter?",
        ),
        (
            "q_arrival",
            Some("2023-02-30"),
            "Enter a real date, like 2026-11-29: Arrival date",
        ),
        ("q_arrival", None, "Answer: Arrival date"),
    ];
    for (field, bad, message) in cases {
        let mut form: Vec<(String, String)> = answered_form(&anna, &csrf)
            .into_iter()
            .filter(|(k, _)| k != field)
            .collect();
        if let Some(v) = bad {
            form.push((field.to_string(), v.to_string()));
        }
        let res = post(&app, &browser, &form).await;
        assert_eq!(res.status().as_u16(), 422, "{field}={bad:?}");
        let page = res.text().await.unwrap();
        let inline = format!(
            r#"<p class="error-message" id="{field}-error"><span class="visually-hidden">Error:</span> {}</p>"#,
            askama_escape(message)
        );
        assert!(
            page.contains(&inline),
            "{field}={bad:?}: {inline} in {page}"
        );
        assert!(
            page.contains(&format!(
                r##"<li><a href="#{field}">{}</a></li>"##,
                askama_escape(message)
            )),
            "the summary links to {field}"
        );
        // The rest of what was typed is kept.
        assert!(page.contains(r#"value="Anna Berzina""#) || *field == "q_latin_name");
        assert!(page.contains(r#"value="single" id="q_room" checked"#) || *field == "q_room");
        assert_eq!(stored(&app).await, (0, vec![]), "nothing stored: {field}");
    }
}

/// What askama does to a message in a page (only quotes matter here).
fn askama_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&#34;")
        .replace('\'', "&#39;")
}

async fn country_is_an_iso_choice_in_the_page_language(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    app.import_cycle(&SEED_CYCLE.replace("capacity = 30", "capacity = 30\ncountry = \"KZ\""))
        .await;
    let page = app.get_html(&format!("/cycles/{SLUG}?lang=lv")).await;
    assert!(page.contains(r#"<select class="select" id="country" name="country""#));
    assert!(
        page.contains(r#"<option value="LV">Latvija</option>"#),
        "{page}"
    );
    assert!(
        page.contains(r#"<option value="KZ" selected>Kazahstāna</option>"#),
        "the cycle's country is the default"
    );
    let names = texts(&page, "#country option");
    // Latvian order: Č after every C and before D.
    let first = |c: char| names.iter().position(|n| n.starts_with(c)).unwrap();
    let last = |c: char| names.iter().rposition(|n| n.starts_with(c)).unwrap();
    assert!(
        first('Č') > last('C') && last('Č') < first('D'),
        "{names:?}"
    );
    let ru = app.get_html(&format!("/cycles/{SLUG}?lang=ru")).await;
    assert!(ru.contains(r#"<option value="LV">Латвия</option>"#));
    assert!(!page.contains("LV, LT"), "the hint names no Baltic codes");

    for bad in ["XX", "EU", "Latvia"] {
        let browser = app.browser();
        let csrf = app.csrf(&browser, &format!("/cycles/{SLUG}")).await;
        let mut form: Vec<(String, String)> = Person::new("Anna", "Bērziņa", "anna@muzejs.lv")
            .form(&csrf)
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        set_field(&mut form, "country", bad);
        let res = post(&app, &browser, &form).await;
        assert_eq!(res.status().as_u16(), 422, "{bad}");
        let page = res.text().await.unwrap();
        assert!(
            page.contains(r##"<a href="#country">Select your country</a>"##),
            "{page}"
        );
        assert_eq!(stored(&app).await.0, 0);
    }
}

/// The admin form holds the questions as the cycle file writes them; a bad
/// one is refused naming it, a good edit is kept.
async fn organisers_edit_questions_in_the_cycle_form(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    app.import_cycle(&cycle_with_questions()).await;
    let organiser = app.login_as_organiser().await;
    let path = format!("/admin/cycles/{SLUG}/edit");
    let (mut fields, questions) = edit_form(&app, &organiser, &path).await;
    assert!(questions.contains("[[questions]]") && questions.contains("visa_letter"));

    set_field(
        &mut fields,
        "questions",
        &questions.replacen("kind = \"choice\"", "kind = \"dropdown\"", 1),
    );
    let res = organiser
        .post(app.url(&path))
        .form(&fields)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 422);
    let page = res.text().await.unwrap();
    assert!(
        page.contains("questions[3].kind"),
        "names the question: {page}"
    );
    assert!(page.contains(r##"<a href="#questions">"##));

    set_field(&mut fields, "questions", "[[questions]\nkey = ");
    let res = organiser
        .post(app.url(&path))
        .form(&fields)
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.status().as_u16(),
        422,
        "text that is not TOML is refused"
    );

    let only_visa = "[[questions]]\nkey = \"visa_letter\"\nkind = \"yes_no\"\nrequired = true\nlabel = { en = \"Visa letter?\" }\n";
    set_field(&mut fields, "questions", only_visa);
    let res = organiser
        .post(app.url(&path))
        .form(&fields)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 303);
    let page = app.get_html(&format!("/cycles/{SLUG}?lang=en")).await;
    assert!(page.contains("<legend>Visa letter?</legend>"));
    assert!(!page.contains("q_room"));
}

on_both_backends!(
    answers_are_stored_shown_and_exported,
    each_bad_answer_is_refused_beside_its_question,
    country_is_an_iso_choice_in_the_page_language,
    organisers_edit_questions_in_the_cycle_form,
);

/// The cycle as the edit form can change it: its title and capacity, and
/// each stored question (position, key, definition).
async fn cycle_as_stored(app: &TestApp) -> (String, i32, Vec<(i32, String, String)>) {
    app.db()
        .read(|c| {
            use cohort::db::schema::cycle_questions;
            let cy = cohort::db::cycles::by_slug(c, SLUG)?.unwrap();
            let questions = cycle_questions::table
                .filter(cycle_questions::cycle_id.eq(cy.id))
                .order(cycle_questions::position.asc())
                .select((
                    cycle_questions::position,
                    cycle_questions::question_key,
                    cycle_questions::definition,
                ))
                .load(c)?;
            Ok((cy.title, cy.capacity, questions))
        })
        .await
        .unwrap()
}

/// Rule 9 on the organiser's cycle form: questions that are not TOML, or
/// name a kind, key or option that cannot be, are refused with 422 and
/// nothing of the form is stored — not the questions, not the title or
/// capacity typed beside them — and the public form asks what it asked.
async fn a_refused_questions_edit_stores_nothing(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    app.import_cycle(&cycle_with_questions()).await;
    let before = cycle_as_stored(&app).await;
    assert_eq!(before.2.len(), 6, "the six questions are stored");
    let public_before = app.get_html(&format!("/cycles/{SLUG}?lang=en")).await;
    let organiser = app.login_as_organiser().await;
    let path = format!("/admin/cycles/{SLUG}/edit");
    let (mut fields, questions) = edit_form(&app, &organiser, &path).await;
    set_field(&mut fields, "title", "Jauns nosaukums");
    set_field(&mut fields, "capacity", "12");
    let bad = [
        ("not TOML", "[[questions]\nkey = ".to_string()),
        (
            "an unknown kind",
            questions.replacen("kind = \"choice\"", "kind = \"dropdown\"", 1),
        ),
        (
            "a key twice",
            questions.replacen("key = \"needs\"", "key = \"latin_name\"", 1),
        ),
        (
            "a choice without options",
            "[[questions]]\nkey = \"room\"\nkind = \"choice\"\nlabel = { en = \"Room\" }\n"
                .to_string(),
        ),
        (
            "a fixed field's key",
            questions.replacen("key = \"needs\"", "key = \"email\"", 1),
        ),
        (
            "a key that is no identifier",
            questions.replacen("key = \"meals\"", "key = \"meals; drop\"", 1),
        ),
    ];
    for (what, text) in bad {
        set_field(&mut fields, "questions", &text);
        let res = organiser
            .post(app.url(&path))
            .form(&fields)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 422, "{what} is refused");
        let page = res.text().await.unwrap();
        assert!(
            page.contains(r##"<a href="#questions">"##),
            "{what}: {page}"
        );
        assert!(
            page.contains("Jauns nosaukums"),
            "{what}: the form keeps what was typed"
        );
        assert_eq!(
            cycle_as_stored(&app).await,
            before,
            "{what}: nothing stored"
        );
    }
    let public_after = app.get_html(&format!("/cycles/{SLUG}?lang=en")).await;
    assert_eq!(
        public_after.replace(csrf_from(&public_after).unwrap().as_str(), "TOKEN"),
        public_before.replace(csrf_from(&public_before).unwrap().as_str(), "TOKEN"),
        "the public form is as it was"
    );
}

on_both_backends!(a_refused_questions_edit_stores_nothing);

/// The cycle's edit form as the organiser gets it, and its questions field.
async fn edit_form(
    app: &TestApp,
    organiser: &reqwest::Client,
    path: &str,
) -> (Vec<(String, String)>, String) {
    let html = app.page(organiser, path).await;
    let fields = form_fields(&html, r#"form[action$="/edit"]"#);
    let questions = fields
        .iter()
        .find(|(k, _)| k == "questions")
        .map(|(_, v)| v.clone())
        .expect("a questions field");
    (fields, questions)
}
