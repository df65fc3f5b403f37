//! Issue 10, languages by file: every `templates/i18n/*.ftl` is a language of
//! the switcher and of the registration form; a language not yet complete
//! shows organiser pages in English and says so in its own words.

use crate::helpers::*;
use crate::on_both_backends;

const SLUG: &str = "kopienas-2023";

fn attr_values(html: &str, css: &str, attr: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(html);
    doc.select(&scraper::Selector::parse(css).unwrap())
        .filter_map(|e| e.value().attr(attr).map(str::to_string))
        .collect()
}

async fn every_translation_file_is_a_language_of_the_pages(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    app.import_cycle(SEED_CYCLE).await;

    let html = app.get_html(&format!("/cycles/{SLUG}?lang=lt")).await;
    assert_eq!(attr_values(&html, "html", "lang"), vec!["lt"]);
    let switcher = texts(&html, "nav.languages li");
    assert_eq!(
        switcher,
        vec!["English", "Eesti", "Lietuvių", "Latviešu", "Русский"]
    );
    assert_eq!(
        texts(&html, "nav.languages [aria-current]"),
        vec!["Lietuvių"]
    );
    assert_eq!(
        attr_values(&html, "input[name=language]", "value"),
        vec!["en", "et", "lt", "lv", "ru"]
    );
    // The form's language choice starts at the page's language.
    assert_eq!(
        attr_values(&html, "input[name=language][checked]", "value"),
        vec!["lt"]
    );
    assert!(
        texts(&html, "h2").iter().any(|t| t == "Tvarkaraštis"),
        "{html}"
    );

    // An organiser page in a language that is not complete: English, marked.
    let o = app.login_as_organiser().await;
    let admin = o
        .get(app.url("/admin?lang=et"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(attr_values(&admin, "html", "lang"), vec!["en"]);
    assert_eq!(
        texts(&admin, "main .notice"),
        vec!["See lehekülg on inglise keeles."]
    );
    assert_eq!(attr_values(&admin, "main .notice", "lang"), vec!["et"]);
    assert_eq!(texts(&admin, "nav.languages [aria-current]"), vec!["Eesti"]);
    // A complete language needs no notice.
    let admin_lv = o
        .get(app.url("/admin?lang=lv"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(texts(&admin_lv, "main .notice").is_empty());
}

on_both_backends!(every_translation_file_is_a_language_of_the_pages);

/// Seed 004's Estonian and Lithuanian participants: the email and their own
/// page are wholly in the language they chose, not English with a few words.
async fn estonian_and_lithuanian_participants_read_their_own_language(b: Backend) {
    let Some(app) = TestApp::spawn_with_smtp(b).await else {
        return;
    };
    app.import_cycle(SEED_CYCLE).await;
    let people = [
        ("et", Person::new("Mari", "Tamm", "mari@muuseum.ee")),
        (
            "lt",
            Person::new("Rūta", "Kazlauskienė", "ruta@muziejus.lt"),
        ),
    ];
    for (lang, p) in &people {
        let browser = app.browser();
        let token = app.csrf(&browser, &format!("/cycles/{SLUG}")).await;
        let mut form = p.form(&token);
        for field in form.iter_mut().filter(|(name, _)| *name == "language") {
            field.1 = lang;
        }
        let sent = app
            .post_form(&browser, &format!("/cycles/{SLUG}/register"), &form)
            .await;
        assert_eq!(sent.status().as_u16(), 303, "{lang}");
    }
    let mails = app.emails(2).await;
    let english = [
        "Hello",
        "Your page",
        "Open my page",
        "Confirm your email",
        "Thank you",
        "You received this email",
    ];
    for ((lang, p), (greeting, subject, confirm, give_back)) in people.iter().zip([
        (
            "Tere, Mari!",
            "teie koht",
            "Kinnita minu e-posti aadress",
            "Loovuta oma koht",
        ),
        (
            "Sveiki, Rūta,",
            "jūsų vieta",
            "Patvirtinti mano el. pašto adresą",
            "Atsisakyti savo vietos",
        ),
    ]) {
        let mail = mails
            .iter()
            .find(|m| m.header("To").is_some_and(|h| h.contains(&p.email)))
            .unwrap_or_else(|| panic!("a mail to {}", p.email));
        assert!(
            mail.subject().ends_with(subject),
            "{lang}: {}",
            mail.subject()
        );
        let body = mail.text_body();
        assert!(body.contains(greeting), "{lang}: {body}");
        for words in english {
            assert!(!body.contains(words), "{lang} mail has {words:?}: {body}");
        }
        // Their own page, from the link in the mail.
        let link = body
            .split_whitespace()
            .find(|w| w.contains("/r/"))
            .unwrap_or_else(|| panic!("a page link in {body}"));
        let page = app.get_html(&link.replace(&app.address, "")).await;
        assert_eq!(attr_values(&page, "html", "lang"), vec![lang.to_string()]);
        assert!(page.contains(confirm), "{lang}: {page}");
        assert!(page.contains(give_back), "{lang}: {page}");
        for words in ["Status", "Attendance", "Give my seat back", "Your data"] {
            assert!(!page.contains(words), "{lang} page has {words:?}: {page}");
        }
    }
}

on_both_backends!(estonian_and_lithuanian_participants_read_their_own_language);
