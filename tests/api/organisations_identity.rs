//! Issue 11: the organisation owning a cycle is who participants meet — its
//! sender on their mail (read when the mail goes out), its site name on
//! their pages, its privacy notice and version on their consent. A cycle of
//! no organisation keeps the installation's.

use cohort::domain::organisations::Identity;
use cohort::tokens::Purpose;

use crate::helpers::*;
use crate::on_both_backends;

const OWNED: &str = "kopienas-2023";
const UNOWNED: &str = "cits-2024";
/// The installation's sender (config/default.toml).
const INSTALLATION: &str = "cohort@localhost.localdomain";

/// lmb with this identity owns the seed cycle (with a certificate); the
/// same cycle under another slug belongs to nobody.
async fn owned_and_unowned(app: &TestApp, identity: Identity) {
    let (lmb, _) =
        cohort::app::organisations::add(&app.state.services, "lmb", "Latvijas Muzeju biedrība")
            .await
            .unwrap()
            .unwrap();
    set_identity(app, &lmb, identity).await;
    let seed = SEED_CYCLE.replace("published = true", "published = true\ncertificate = true");
    app.import_cycle(&format!("organisation = \"lmb\"\n{seed}"))
        .await;
    app.import_cycle(&seed.replace(OWNED, UNOWNED)).await;
}

async fn set_identity(
    app: &TestApp,
    organisation: &cohort::db::organisations::Organisation,
    identity: Identity,
) -> cohort::db::organisations::Organisation {
    cohort::app::organisations::set_identity(&app.state.services, organisation, identity)
        .await
        .unwrap()
        .expect("a valid identity")
}

async fn lmb(app: &TestApp) -> cohort::db::organisations::Organisation {
    cohort::app::organisations::by_slug(&app.state.services, "lmb")
        .await
        .unwrap()
        .expect("lmb")
}

fn lmb_identity() -> Identity {
    Identity {
        name: "Latvijas Muzeju biedrība".into(),
        site_name: "Muzeju mācības".into(),
        mail_from_name: "LMB mācības".into(),
        mail_from_address: "macibas@muzeji.lv".into(),
        contact_email: "birojs@muzeji.lv".into(),
        contact_phone: "+371 67 223 000".into(),
        ..Identity::default()
    }
}

/// (display name, address) of a header's first mailbox, decoded.
fn mailbox(mail: &crate::smtp::ReceivedMail, header: &str) -> Option<(String, String)> {
    let parsed = mail.parsed();
    let address = match header {
        "From" => parsed.from(),
        _ => parsed.reply_to(),
    }?;
    let first = address.first()?;
    Some((
        first.name().unwrap_or_default().to_string(),
        first.address().unwrap_or_default().to_string(),
    ))
}

fn to(mails: &[crate::smtp::ReceivedMail], email: &str) -> crate::smtp::ReceivedMail {
    mails
        .iter()
        .find(|m| m.rcpt_to.iter().any(|r| r == email))
        .unwrap_or_else(|| panic!("no mail to {email}"))
        .clone()
}

/// Mail about lmb's cycle comes From lmb's sender with Reply-To its
/// contact; mail about the other cycle from the installation's. The SMTP
/// envelope sender is the installation's for both. A sender changed while a
/// message waits is the one it goes out with.
async fn mail_comes_from_the_owning_organisation(b: Backend) {
    let Some(mut app) = TestApp::spawn_with_smtp(b).await else {
        return;
    };
    owned_and_unowned(&app, lmb_identity()).await;
    let (anna, juris) = (
        Person::new("Anna", "Bērziņa", "anna@muzejs.lv"),
        Person::new("Juris", "Ozoliņš", "juris@muzejs.lv"),
    );
    assert_eq!(app.register(OWNED, &anna).await.status().as_u16(), 303);
    assert_eq!(app.register(UNOWNED, &juris).await.status().as_u16(), 303);
    let mails = app.emails(2).await;

    let owned = to(&mails, &anna.email);
    assert_eq!(
        mailbox(&owned, "From"),
        Some(("LMB mācības".into(), "macibas@muzeji.lv".into()))
    );
    assert_eq!(
        mailbox(&owned, "Reply-To"),
        Some(("Latvijas Muzeju biedrība".into(), "birojs@muzeji.lv".into()))
    );
    assert_eq!(owned.mail_from, INSTALLATION, "the envelope sender");

    let unowned = to(&mails, &juris.email);
    assert_eq!(
        mailbox(&unowned, "From"),
        Some(("Cohort".into(), INSTALLATION.into()))
    );
    assert_eq!(unowned.header("Reply-To"), None);
    assert_eq!(unowned.mail_from, INSTALLATION);

    // The mail server is away while Marta registers; lmb changes its sender
    // before her message goes out: it goes out under the new one.
    app.smtp.as_mut().unwrap().stop().await;
    let marta = Person::new("Marta", "Ķēniņa", "marta@muzejs.lv");
    assert_eq!(app.register(OWNED, &marta).await.status().as_u16(), 303);
    wait_for_outbox(&app, "a failed attempt", |rows| {
        rows.iter().any(|m| m.attempts >= 1 && m.sent_at.is_none())
    })
    .await;
    let renamed = Identity {
        mail_from_name: String::new(),
        mail_from_address: "info@muzeji.lv".into(),
        ..lmb_identity()
    };
    set_identity(&app, &lmb(&app).await, renamed).await;
    app.smtp.as_mut().unwrap().restart().await;
    app.clock.advance(chrono::Duration::minutes(5));
    let mails = app.emails(3).await;
    let later = to(&mails, &marta.email);
    // No sender's name: the organisation's.
    assert_eq!(
        mailbox(&later, "From"),
        Some(("Latvijas Muzeju biedrība".into(), "info@muzeji.lv".into()))
    );
    assert_eq!(later.mail_from, INSTALLATION);
}

/// The header and `<title>` of every page a participant of lmb's cycle
/// opens carry lmb's site name; those of the other cycle say "Cohort".
async fn participant_pages_carry_the_owners_site_name(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    owned_and_unowned(&app, lmb_identity()).await;
    let (reg, token) = crate::grant::participant(&app, 1, &[1, 2, 3, 4, 5]).await;
    assert_eq!(reg.status.as_str(), "confirmed");
    let browser = app.browser();
    for path in [
        format!("/cycles/{OWNED}"),
        format!("/cycles/{OWNED}/registered?outcome=pending"),
        format!("/r/{token}"),
        format!("/r/{token}/cancel"),
        format!("/r/{token}/erase"),
        format!("/r/{token}/grant"),
        format!("/r/{token}/certificate"),
    ] {
        let res = browser.get(app.url(&path)).send().await.unwrap();
        assert_eq!(res.status().as_u16(), 200, "{path}");
        let html = res.text().await.unwrap();
        let title = texts(&html, "title");
        assert!(
            title.len() == 1 && title[0].ends_with("— Muzeju mācības"),
            "{path}: {title:?}"
        );
        assert_eq!(texts(&html, ".brand"), ["Muzeju mācības"], "{path}");
    }
    // The certificate's public check too.
    let certificate = browser
        .get(app.url(&format!("/r/{token}/certificate")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let code = certificate
        .split("/verify/")
        .nth(1)
        .and_then(|rest| rest.split(['"', '<', ' ']).next())
        .expect("the certificate names its check")
        .to_string();
    let verify = app.get_html(&format!("/verify/{code}")).await;
    assert_eq!(texts(&verify, ".brand"), ["Muzeju mācības"]);

    // The other cycle's participant sees the installation's name.
    let person = Person::numbered(2);
    assert_eq!(app.register(UNOWNED, &person).await.status().as_u16(), 303);
    let other = crate::foundation::registration(&app, 2).await;
    let other_token = app
        .state
        .keys
        .issue(Purpose::Participant, other.id, &other.token_nonce);
    for path in [
        format!("/r/{other_token}"),
        format!("/cycles/{UNOWNED}/registered"),
    ] {
        let html = app.get_html(&path).await;
        assert_eq!(texts(&html, ".brand"), ["Cohort"], "{path}");
    }
    // With no site name of its own, lmb's name is the site's.
    let bare = Identity {
        site_name: String::new(),
        ..lmb_identity()
    };
    set_identity(&app, &lmb(&app).await, bare).await;
    let html = app.get_html(&format!("/r/{token}")).await;
    assert_eq!(texts(&html, ".brand"), ["Latvijas Muzeju biedrība"]);
}

/// lmb's own notice is at /o/lmb/privacy; its cycle's consent links there
/// and a registration stores lmb's version. The other cycle's consent is to
/// the installation's notice, with its version.
async fn a_consent_stores_the_owners_notice_version(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    owned_and_unowned(
        &app,
        Identity {
            privacy_notice: "Biedrība apstrādā dalībnieku datus mācību rīkošanai.\n\n\
                             Jautājumus sūtiet uz birojs@muzeji.lv."
                .into(),
            privacy_notice_version: "LMB-2026-12".into(),
            ..lmb_identity()
        },
    )
    .await;
    let page = app.get_html(&format!("/cycles/{OWNED}")).await;
    assert!(page.contains("href=\"/o/lmb/privacy\""), "{page}");
    // The cycle names no contact: the organisation's is shown.
    assert!(page.contains("birojs@muzeji.lv") && page.contains("+371 67 223 000"));
    let other = app.get_html(&format!("/cycles/{UNOWNED}")).await;
    assert!(other.contains("href=\"/privacy\""));

    let notice = app.get_html("/o/lmb/privacy?lang=en").await;
    assert!(notice.contains("Version LMB-2026-12"), "{notice}");
    assert!(notice.contains("Biedrība apstrādā dalībnieku datus"));
    assert!(notice.contains("Latvijas Muzeju biedrība"));
    assert_eq!(texts(&notice, ".brand"), ["Muzeju mācības"]);
    // The installation's notice is still there, with its version.
    let installation = app.get_html("/privacy?lang=en").await;
    assert!(installation.contains("Version 2026-11"));
    assert!(!installation.contains("LMB-2026-12"));
    assert_eq!(app.get("/o/nobody/privacy").await.status().as_u16(), 404);

    assert_eq!(
        app.register(OWNED, &Person::numbered(1))
            .await
            .status()
            .as_u16(),
        303
    );
    assert_eq!(
        app.register(UNOWNED, &Person::numbered(2))
            .await
            .status()
            .as_u16(),
        303
    );
    let owned = crate::foundation::registration(&app, 1).await;
    let unowned = crate::foundation::registration(&app, 2).await;
    assert_eq!(owned.consent_version, "LMB-2026-12");
    assert_eq!(unowned.consent_version, "2026-11");
    // The participant's page links to the notice they agreed to.
    let token = app
        .state
        .keys
        .issue(Purpose::Participant, owned.id, &owned.token_nonce);
    let mine = app.get_html(&format!("/r/{token}")).await;
    assert!(mine.contains("href=\"/o/lmb/privacy\""));

    // Without a notice of its own, lmb's address leads to the installation's.
    let without = Identity {
        privacy_notice: String::new(),
        privacy_notice_version: String::new(),
        ..lmb_identity()
    };
    set_identity(&app, &lmb(&app).await, without).await;
    let res = app.get("/o/lmb/privacy").await;
    assert_redirect_to(&res, "/privacy");
}

/// `/admin/organisations`: an organiser edits their own organisation (not
/// another's: 403); bad input is refused beside each field, 422, nothing
/// stored; a good one is stored and shows on the cycle's page at once.
async fn an_organiser_edits_their_organisation(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    owned_and_unowned(&app, lmb_identity()).await;
    cohort::app::organisations::add(&app.state.services, "icom", "ICOM Latvija")
        .await
        .unwrap()
        .unwrap();
    let organiser = crate::organisations::login_in(&app, "lmb@muzeji.lv", "lmb").await;
    let list = organiser
        .get(app.url("/admin/organisations"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(list.contains("href=\"/admin/organisations/lmb\""), "{list}");
    assert!(
        !list.contains("ICOM Latvija"),
        "another organisation is listed"
    );
    for method in ["GET", "POST"] {
        let token = app.csrf(&organiser, "/admin/organisations/lmb").await;
        let res = match method {
            "GET" => organiser.get(app.url("/admin/organisations/icom")),
            _ => organiser
                .post(app.url("/admin/organisations/icom"))
                .form(&[("csrf_token", token.as_str()), ("name", "Taken over")]),
        }
        .send()
        .await
        .unwrap();
        assert_eq!(res.status().as_u16(), 403, "{method} another's page");
    }

    let before = lmb(&app).await;
    let token = app.csrf(&organiser, "/admin/organisations/lmb").await;
    let long_name = "Ā".repeat(201);
    let long_notice = "ā".repeat(30_001);
    let res = organiser
        .post(app.url("/admin/organisations/lmb"))
        .form(&[
            ("csrf_token", token.as_str()),
            ("name", " "),
            ("site_name", long_name.as_str()),
            ("mail_from_name", "LMB"),
            ("mail_from_address", "macibas@muzeji"),
            ("contact_email", "birojs@muzeji.lv"),
            ("contact_phone", "zvaniet"),
            ("privacy_notice", long_notice.as_str()),
            ("privacy_notice_version", "2026-12"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 422);
    let page = res.text().await.unwrap();
    let summary: Vec<String> = texts(&page, ".error-summary li");
    // Each message names its field, in the site's Latvian, in the form's order.
    assert_eq!(
        summary,
        [
            "Ievadiet organizācijas nosaukumu",
            "Vietnes nosaukumā drīkst būt ne vairāk kā 200 rakstzīmes",
            "Ievadiet pareizu e-pasta adresi, piemēram, vards@piemers.lv",
            "Tālruņa numurā drīkst būt tikai cipari, atstarpes, +, - un iekavas",
            "Privātuma paziņojumā drīkst būt ne vairāk kā 30 000 rakstzīmes",
        ]
    );
    for field in [
        "name",
        "site_name",
        "mail_from_address",
        "contact_phone",
        "privacy_notice",
    ] {
        assert!(
            page.contains(&format!("href=\"#{field}\""))
                && page.contains(&format!("id=\"{field}-error\"")),
            "{field} has no message beside it"
        );
    }
    assert_eq!(lmb(&app).await, before, "nothing was stored");

    let res = organiser
        .post(app.url("/admin/organisations/lmb"))
        .form(&[
            ("csrf_token", token.as_str()),
            ("name", "Latvijas Muzeju biedrība"),
            ("site_name", "LMB mācību cikli"),
            ("mail_from_name", ""),
            ("mail_from_address", "macibas@muzeji.lv"),
            ("contact_email", "birojs@muzeji.lv"),
            ("contact_phone", "+371 67 223 000"),
            ("privacy_notice", "Mūsu paziņojums."),
            ("privacy_notice_version", "LMB-1"),
        ])
        .send()
        .await
        .unwrap();
    assert_redirect_to(&res, "/admin/organisations/lmb");
    let saved = lmb(&app).await;
    assert_eq!(
        (
            saved.site_name.as_str(),
            saved.mail_from_address.as_str(),
            saved.privacy_notice_version.as_str()
        ),
        ("LMB mācību cikli", "macibas@muzeji.lv", "LMB-1")
    );
    let page = organiser
        .get(app.url("/admin/organisations/lmb"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(texts(&page, ".notice"), ["Organizācija ir saglabāta."]);
    let cycle = app.get_html(&format!("/cycles/{OWNED}")).await;
    assert_eq!(texts(&cycle, ".brand"), ["LMB mācību cikli"]);
    assert!(cycle.contains("href=\"/o/lmb/privacy\""));

    // The sender's address is the operator's: an organiser who types
    // another is told so beside it and nothing is stored; an administrator
    // changes it.
    let sender_form = |token: String| {
        vec![
            ("csrf_token", token),
            ("name", "Latvijas Muzeju biedrība".to_string()),
            ("mail_from_address", "info@muzeji.lv".to_string()),
        ]
    };
    let before = lmb(&app).await;
    let token = app.csrf(&organiser, "/admin/organisations/lmb").await;
    let res = organiser
        .post(app.url("/admin/organisations/lmb"))
        .form(&sender_form(token))
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.status().as_u16(),
        422,
        "an organiser changes the sender"
    );
    let page = res.text().await.unwrap();
    assert_eq!(
        texts(&page, "#mail_from_address-error"),
        ["Kļūda: Sūtītāja adresi var mainīt tikai administrators."]
    );
    assert_eq!(lmb(&app).await, before, "nothing was stored");

    // An administrator sees and edits every organisation.
    let admin = app.login_as_admin().await;
    let token = app.csrf(&admin, "/admin/organisations/lmb").await;
    let res = admin
        .post(app.url("/admin/organisations/lmb"))
        .form(&sender_form(token))
        .send()
        .await
        .unwrap();
    assert_redirect_to(&res, "/admin/organisations/lmb");
    assert_eq!(lmb(&app).await.mail_from_address, "info@muzeji.lv");
    let list = admin
        .get(app.url("/admin/organisations"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(list.contains("ICOM Latvija") && list.contains("Latvijas Muzeju biedrība"));
    let res = admin
        .get(app.url("/admin/organisations/icom"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
    let res = admin
        .get(app.url("/admin/organisations/nobody"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 404);
}

on_both_backends!(
    an_organiser_edits_their_organisation,
    mail_comes_from_the_owning_organisation,
    participant_pages_carry_the_owners_site_name,
    a_consent_stores_the_owners_notice_version,
);
