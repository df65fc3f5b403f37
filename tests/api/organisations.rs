//! Issue 10: organisations own cycles; an organiser of one cannot touch
//! another's. The census tries every /admin route as an outsider.

use crate::helpers::{
    assert_redirect_to, database_snapshot, Backend, NowUtc, Person, TestApp, SEED_CYCLE,
};
use crate::on_both_backends;

/// Organisations "lmb" and "icom" and the seed cycle owned by lmb.
async fn two_organisations(app: &TestApp) {
    for (slug, name) in [
        ("lmb", "Latvijas Muzeju biedrība"),
        ("icom", "ICOM Latvija"),
    ] {
        cohort::app::organisations::add(&app.state.services, slug, name)
            .await
            .unwrap()
            .unwrap();
    }
    app.import_cycle(&format!("organisation = \"lmb\"\n{SEED_CYCLE}"))
        .await;
}

/// Logs in a (non-admin) organiser who belongs to `organisation`.
pub async fn login_in(app: &TestApp, email: &str, organisation: &str) -> reqwest::Client {
    let hash = cohort::passwords::hash("a long enough password").expect("hash");
    let (email_s, slug) = (email.to_string(), organisation.to_string());
    let now = app.clock.now_utc();
    app.db()
        .write(move |c| {
            let email = cohort::domain::Email::parse(&email_s).expect("email");
            let o = cohort::db::organisers::add(c, &email, "Someone", false, &hash, now)?
                .expect("new organiser");
            let org = cohort::db::organisations::by_slug(c, &slug)?.expect("organisation");
            cohort::db::organisations::add_member(c, o.id, org.id)
        })
        .await
        .unwrap();
    let browser = app.browser();
    let token = app.csrf(&browser, "/login").await;
    let res = app
        .post_form(
            &browser,
            "/login",
            &[
                ("csrf_token", &token),
                ("email", email),
                ("password", "a long enough password"),
            ],
        )
        .await;
    assert_redirect_to(&res, "/admin");
    browser
}

/// Every /admin route (method, path) aimed at lmb's cycle, its registration 1.
fn admin_routes(reg: i32, checkin: &str) -> Vec<(&'static str, String)> {
    let c = "/admin/cycles/kopienas-2023";
    let r = format!("/admin/registrations/{reg}");
    vec![
        ("GET", "/admin".into()),
        ("GET", "/admin/cycles/new".into()),
        ("POST", "/admin/cycles/new".into()),
        ("GET", c.into()),
        ("GET", format!("{c}/edit")),
        ("POST", format!("{c}/edit")),
        ("POST", format!("{c}/capacity")),
        ("GET", format!("{c}/registrations.csv")),
        ("GET", format!("{c}/registrations.xlsx")),
        ("GET", format!("{r}/cancel")),
        ("POST", format!("{r}/cancel")),
        ("POST", format!("{r}/restore")),
        ("GET", "/admin/organisers".into()),
        ("POST", "/admin/organisers".into()),
        ("GET", format!("{c}/applications")),
        ("GET", format!("{c}/applications.csv")),
        ("GET", format!("{c}/applications.xlsx")),
        ("GET", format!("{c}/applications/1")),
        ("GET", format!("{c}/applications/1/attachment")),
        ("POST", format!("{c}/applications/1/decision")),
        ("GET", format!("{c}/messages")),
        ("POST", format!("{c}/messages")),
        ("POST", format!("{c}/messages/preview")),
        ("GET", format!("{c}/messages/1")),
        ("POST", format!("{c}/messages/1/retry")),
        ("GET", format!("{c}/attendance")),
        ("GET", format!("{c}/eligibility.csv")),
        ("GET", format!("{c}/eligibility.xlsx")),
        ("POST", format!("{c}/notify-eligible")),
        ("GET", format!("{c}/sessions/1/attendance")),
        ("POST", format!("{c}/sessions/1/attendance")),
        ("POST", format!("{c}/sessions/1/import")),
        ("GET", format!("{c}/sessions/1/import/1")),
        ("POST", format!("{c}/sessions/1/import/apply")),
        ("GET", format!("{r}/audit")),
        ("GET", format!("/admin/checkin/{checkin}")),
        ("POST", format!("/admin/checkin/{checkin}")),
        ("GET", format!("{c}/report")),
        ("GET", format!("{c}/report.csv")),
        ("GET", format!("{c}/report.xlsx")),
        ("GET", "/admin/report".into()),
        ("GET", "/admin/report.csv".into()),
        ("GET", "/admin/report.xlsx".into()),
        ("GET", "/admin/organisations".into()),
        ("GET", "/admin/organisations/lmb".into()),
        ("POST", "/admin/organisations/lmb".into()),
    ]
}

/// Every cell of every sheet of a spreadsheet, as one text.
fn xlsx_text(bytes: Vec<u8>) -> String {
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).expect("XLSX");
    let mut text = String::new();
    for (_, range) in book.worksheets() {
        for row in range.rows() {
            for cell in row {
                text.push_str(&cell.to_string());
                text.push('\t');
            }
        }
    }
    text
}

/// How many method routes the app registers under /admin: every
/// `web::get()`/`web::post()` in src/web outside the public table in mod.rs.
fn registered_admin_routes() -> usize {
    fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    let web = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/web");
    let mut files = vec![];
    walk(&web, &mut files);
    files
        .iter()
        .filter(|f| **f != web.join("mod.rs"))
        .map(|f| {
            let text = std::fs::read_to_string(f).unwrap();
            text.matches("web::get()").count() + text.matches("web::post()").count()
        })
        .sum()
}

/// Every /admin route, as an organiser of another organisation: refused
/// (403, saying why) or, where the route names nothing of lmb's, showing and
/// taking nothing of it; nothing changes. lmb's own organiser is let in.
async fn outsiders_are_refused_everywhere(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    two_organisations(&app).await;
    let res = app
        .register(
            "kopienas-2023",
            &Person::new("Anna", "Bērziņa", "anna@muzejs.lv"),
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let reg = crate::foundation::registration(&app, 1).await;
    let checkin = app
        .state
        .keys
        .issue(cohort::tokens::Purpose::Checkin, reg.id, &reg.token_nonce);
    let routes = admin_routes(reg.id, &checkin);
    assert_eq!(
        routes.len(),
        registered_admin_routes(),
        "an /admin route is missing from this census: add it here"
    );
    let outsider = login_in(&app, "icom@icom.lv", "icom").await;
    let token = app.csrf(&outsider, "/admin").await;
    let before = database_snapshot(&app).await;
    for (method, path) in &routes {
        let res = match *method {
            "GET" => outsider.get(app.url(path)).send().await.unwrap(),
            _ => outsider
                .post(app.url(path))
                .form(&[
                    ("csrf_token", token.as_str()),
                    ("confirmed", "yes"),
                    ("capacity", "100"),
                    ("present", "1"),
                    ("session", "1"),
                    ("title", "Taken over"),
                    ("slug", "kopienas-2023"),
                    ("organisation", "lmb"),
                    ("subject", "Hello"),
                    ("body", "Hello"),
                    ("audience", "all"),
                    ("decision", "funded"),
                    ("amount", "100"),
                    ("email", "new@icom.lv"),
                    ("name", "New"),
                ])
                .send()
                .await
                .unwrap(),
        };
        let status = res.status().as_u16();
        let bytes = res.bytes().await.unwrap().to_vec();
        let body = String::from_utf8_lossy(&bytes).to_string();
        match path.as_str() {
            // Names no cycle: the outsider's own home and report, without lmb's cycle.
            "/admin" | "/admin/report" | "/admin/report.csv" => {
                assert_eq!(status, 200, "{method} {path}");
                assert!(
                    !body.contains("kopienas-2023") && !body.contains("Kopienu attīstības"),
                    "{method} {path} lists lmb's cycle"
                );
            }
            // A spreadsheet is zipped: its cells are read.
            "/admin/report.xlsx" => {
                assert_eq!(status, 200, "{method} {path}");
                let cells = xlsx_text(bytes);
                assert!(
                    !cells.is_empty(),
                    "the report is a spreadsheet with a header"
                );
                assert!(
                    !cells.contains("Kopienu attīstības"),
                    "{method} {path} lists lmb's cycle"
                );
            }
            // Names no organisation: the outsider's own, without lmb.
            "/admin/organisations" => {
                assert_eq!(status, 200, "{method} {path}");
                assert!(body.contains("ICOM Latvija"), "{body}");
                assert!(!body.contains("Latvijas Muzeju biedrība"), "lists lmb");
            }
            "/admin/cycles/new" if *method == "GET" => {
                assert_eq!(status, 200);
                assert!(!body.contains("Latvijas Muzeju biedrība"), "offers lmb");
            }
            // Creating into lmb is refused beside the field; the slug is taken anyway.
            "/admin/cycles/new" => assert_eq!(status, 422, "{method} {path}"),
            _ => {
                assert_eq!(status, 403, "{method} {path} answered {status}");
                if !path.starts_with("/admin/organisers") {
                    // The site speaks Latvian unless asked otherwise.
                    assert!(
                        body.contains("Tas pieder citas organizācijas ciklam"),
                        "{method} {path} does not say why: {body}"
                    );
                }
            }
        }
        assert_eq!(
            database_snapshot(&app).await,
            before,
            "{method} {path} changed something"
        );
    }

    // lmb's own organiser opens the same pages.
    let insider = login_in(&app, "lmb@muzeji.lv", "lmb").await;
    for (method, path) in routes
        .iter()
        .filter(|(m, p)| *m == "GET" && !p.contains("organisers"))
    {
        let res = insider.get(app.url(path)).send().await.unwrap();
        let status = res.status().as_u16();
        // Applications, messages and imports with id 1 do not exist: 404 is the page's own.
        let missing = path.ends_with("/1") || path.ends_with("/1/attachment");
        assert!(
            (200..400).contains(&status) || (missing && status == 404),
            "{method} {path} answered {status} to lmb's organiser"
        );
    }
    for path in ["/admin", "/admin/report", "/admin/report.csv"] {
        let body = insider.get(app.url(path)).send().await.unwrap();
        assert!(
            body.text().await.unwrap().contains("Kopienu attīstības"),
            "{path} does not list lmb's cycle to lmb's organiser"
        );
    }
    let own = app.csrf(&insider, "/admin").await;
    let res = insider
        .post(app.url("/admin/cycles/kopienas-2023/capacity"))
        .form(&[("csrf_token", own.as_str()), ("capacity", "31")])
        .send()
        .await
        .unwrap();
    assert_redirect_to(&res, "/admin/cycles/kopienas-2023");
    let res = insider
        .post(app.url("/admin/registrations/1/cancel"))
        .form(&[("csrf_token", own.as_str()), ("confirmed", "yes")])
        .send()
        .await
        .unwrap();
    assert_redirect_to(&res, "/admin/cycles/kopienas-2023");
    assert_ne!(
        database_snapshot(&app).await,
        before,
        "the owner's changes are kept"
    );
}

/// The cycle file names its owner; an unknown slug is refused by name and
/// nothing is stored.
async fn cycle_file_names_its_organisations(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    two_organisations(&app).await;
    let spec = cohort::domain::cycle_file::parse_cycle_file(&format!(
        "organisation = \"nobody\"\n{}",
        SEED_CYCLE.replace("kopienas-2023", "cits-2024")
    ))
    .unwrap();
    let saved = cohort::app::cycles::save_cycle(&app.state.services, spec)
        .await
        .unwrap();
    assert_eq!(
        saved,
        Err(cohort::db::cycles::SaveProblem::UnknownOrganisation(
            "nobody".into()
        ))
    );
    assert_eq!(app.get("/cycles/cits-2024").await.status().as_u16(), 404);

    app.import_cycle(&format!(
        "organisation = \"lmb\"\nco_organisers = [\"icom\"]\npartners = [\"Latvijas Kara muzejs\"]\n{}",
        SEED_CYCLE.replace("kopienas-2023", "kopa-2024")
    ))
    .await;
    let page = app.get_html("/cycles/kopa-2024").await;
    for shown in [
        "Latvijas Muzeju biedrība",
        "ICOM Latvija",
        "Latvijas Kara muzejs",
    ] {
        assert!(page.contains(shown), "the cycle page does not name {shown}");
    }
}

on_both_backends!(
    outsiders_are_refused_everywhere,
    cycle_file_names_its_organisations,
);
