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
