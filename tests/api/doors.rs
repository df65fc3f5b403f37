//! Issue 13, the doors: an address whose domain only looks like a real one
//! is refused at every form that takes an email.

use crate::helpers::*;
use crate::on_both_backends;

const SLUG: &str = "kopienas-2023";

/// `muzejs.lv` with a Cyrillic "ѕ" (U+0455), and `latvija.lv` with a Cyrillic "а".
const LOOK_ALIKES: [&str; 2] = ["anna@muzej\u{0455}.lv", "anna@l\u{0430}tvija.lv"];
const MIXED_LV: &str = "sajauktas latīņu un kirilicas";

async fn registrations(app: &TestApp) -> Vec<cohort::db::models::Registration> {
    app.db()
        .read(|c| {
            let cy = cohort::db::cycles::by_slug(c, SLUG)?.unwrap();
            cohort::db::registrations::list(c, cy.id, &Default::default())
        })
        .await
        .unwrap()
}

async fn look_alike_domains_are_refused_at_every_form(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    app.import_cycle(SEED_CYCLE).await;

    // Registration: the message beside the email field, the address kept
    // as typed so it can be corrected, nothing stored.
    for spoofed in LOOK_ALIKES {
        let res = app
            .register(SLUG, &Person::new("Anna", "Bērziņa", spoofed))
            .await;
        assert_eq!(res.status().as_u16(), 422, "{spoofed}");
        let html = res.text().await.unwrap();
        assert!(
            texts(&html, "#email-error")
                .iter()
                .any(|t| t.contains(MIXED_LV)),
            "{spoofed}: {html}"
        );
        assert!(html.contains(spoofed), "the form keeps what was typed");
    }
    assert!(registrations(&app).await.is_empty());
    // The real address, and a domain wholly in Cyrillic, are welcome.
    for good in ["anna@muzejs.lv", "anna@пример.рф"] {
        let res = app
            .register(SLUG, &Person::new("Anna", "Bērziņa", good))
            .await;
        assert_eq!(res.status().as_u16(), 303, "{good}");
    }
    let stored: Vec<String> = registrations(&app)
        .await
        .into_iter()
        .map(|r| r.email)
        .collect();
    assert_eq!(stored.len(), 2, "{stored:?}");
    assert!(stored.contains(&"anna@пример.рф".to_string()));

    // The organiser-account form.
    let admin = app.login_as_admin().await;
    let csrf = app.csrf(&admin, "/admin/organisers").await;
    let account = |email: &'static str| {
        [
            ("csrf_token", csrf.clone()),
            ("name", "Inese".to_string()),
            ("email", email.to_string()),
            ("password", "a long enough password".to_string()),
            ("password_again", "a long enough password".to_string()),
        ]
    };
    for spoofed in LOOK_ALIKES {
        let res = admin
            .post(app.url("/admin/organisers"))
            .form(&account(spoofed))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 422, "{spoofed}");
        let html = res.text().await.unwrap();
        assert!(
            texts(&html, "#email-error")
                .iter()
                .any(|t| t.contains(MIXED_LV)),
            "{spoofed}: {html}"
        );
    }
    let organisers = || async { app.db().read(cohort::db::organisers::all).await.unwrap() };
    assert_eq!(organisers().await.len(), 1, "only the admin");

    // `cohort organiser add`, password on standard input.
    for spoofed in LOOK_ALIKES {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_cohort"))
            .args(["organiser", "add", "--email", spoofed, "--name", "Inese"])
            .env("DATABASE_URL", app.state.settings.database_url())
            .env("COHORT_DATA_DIR", &app.state.settings.data_dir)
            .env(
                "COHORT_SECRET_KEY",
                "a test secret that is long enough to use",
            )
            .env("RUST_LOG", "warn")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("cohort runs");
        use std::io::Write;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(b"a long enough password\n")
            .unwrap();
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{spoofed}: {stderr}");
        assert!(
            stderr.contains("mixes Latin letters with Cyrillic or Greek"),
            "{spoofed}: {stderr}"
        );
    }
    assert_eq!(organisers().await.len(), 1, "still only the admin");
}

on_both_backends!(look_alike_domains_are_refused_at_every_form);
