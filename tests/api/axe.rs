//! Accessibility in a real headless Chromium (issue 11): every kind of page
//! a participant or an organiser meets, in Latvian and English, 360 px and
//! 1280 px wide, with the page's JavaScript off (axe runs through WebDriver,
//! which still works; only the page's timers are shimmed for it), checked by
//! axe-core (WCAG
//! 2 A/AA and best practice). A serious or critical violation fails the test;
//! so does a page wider than the phone. A screenshot of each page state goes
//! to `target/axe-screenshots/` (or `COHORT_AXE_SCREENSHOTS`) for people.
//!
//! axe-core comes from `tests/axe` (`npm ci --prefix tests/axe`), or from the
//! file `COHORT_TEST_AXE` names. Without it or without chromedriver the test
//! is skipped, except with `CI=true`, where it fails.

use std::path::PathBuf;
use std::time::Instant;

use fantoccini::{Client, Locator};
use serde_json::{json, Value};

use crate::chrome::{chromedriver_path, click_and_wait, look, Browser, ChromeDriver};
use crate::helpers::*;

const SLUG: &str = "kopienas-2023";
const FULL: &str = "pilns-2023";
const CLOSED: &str = "slegts-2023";
const LANGUAGES: [&str; 2] = ["lv", "en"];
const WIDTHS: [u32; 2] = [360, 1280];
/// Screenshots taller than this are cut (a long matrix, a long form).
const SHOT_MAX_HEIGHT: i64 = 5000;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_state_passes_axe_at_phone_and_desktop_width_without_javascript() {
    let Some(driver_path) = chromedriver_path() else {
        return;
    };
    let Some(axe_source) = axe_source() else {
        return;
    };
    let started = Instant::now();
    let app = TestApp::spawn_with_smtp(Backend::Sqlite)
        .await
        .expect("SQLite always runs");
    app.import_cycle(SEED_CYCLE).await;
    // An organisation for its admin pages (issue 11).
    cohort::app::organisations::add(&app.state.services, "lmb", "Latvijas Muzeju biedrība")
        .await
        .unwrap()
        .unwrap();
    // A full cycle with a waiting list, and one whose registration closed.
    app.import_cycle(&variant(FULL, &[("capacity = 30", "capacity = 1")]))
        .await;
    app.import_cycle(&variant(
        CLOSED,
        &[(
            "registration_closes = \"2023-11-29T23:59\"",
            "registration_closes = \"2023-11-10T23:59\"",
        )],
    ))
    .await;
    assert_eq!(
        app.register(FULL, &Person::numbered(90))
            .await
            .status()
            .as_u16(),
        303
    );
    // People in the seed cycle, so the organiser's tables have rows.
    for n in 1..=3 {
        let res = app.register(SLUG, &Person::numbered(n)).await;
        assert_eq!(res.status().as_u16(), 303, "registered {n}");
    }
    let mut mails_seen = app.emails(4).await.len();

    let driver = ChromeDriver::start(&driver_path).await;
    let mut audit = Audit {
        browser: driver.browser_with(false).await,
        axe_source,
        shots: screenshot_dir(),
        lang: "lv",
        problems: Vec::new(),
        states: Vec::new(),
    };
    assert_javascript_is_off(&audit.browser.client, &app).await;

    // The participant's pages.
    for lang in LANGUAGES {
        audit.lang = lang;
        let email = format!("anna.{lang}@muzejs.lv");
        audit
            .visit(&app.url(&format!("/?lang={lang}")), "index")
            .await;
        audit
            .visit(&app.url(&format!("/cycles/{SLUG}")), "cycle-open")
            .await;
        audit
            .visit(&app.url(&format!("/cycles/{FULL}")), "cycle-full-waitlist")
            .await;
        audit
            .visit(&app.url(&format!("/cycles/{CLOSED}")), "cycle-closed")
            .await;

        audit.goto(&app.url(&format!("/cycles/{SLUG}"))).await;
        audit.submit(&register_button(audit.c()).await).await;
        audit.check("form-errors", 422).await;
        audit.assert_error_link_shows_the_label().await;

        fill_in_the_form(audit.c(), &email).await;
        audit.submit(&register_button(audit.c()).await).await;
        audit.check("registered", 200).await;

        let mails = app.emails(mails_seen + 1).await;
        mails_seen = mails.len();
        let own_page = own_page_link(&app, &mails.last().expect("a mail").text_body());
        audit.visit(&own_page, "participant-pending").await;
        let confirm = audit
            .c()
            .find(Locator::Css("form[action$='/confirm'] button"))
            .await
            .expect("the confirm button");
        audit.submit(&confirm).await;
        audit.check("participant-confirmed", 200).await;
        audit
            .visit(&format!("{own_page}/cancel"), "cancel-confirm")
            .await;
        audit.visit(&app.url("/lost-link"), "lost-link").await;
        audit.visit(&app.url("/privacy"), "privacy").await;
        audit.goto(&app.url("/r/no-such-link")).await;
        audit.check("not-found", 404).await;
    }

    // The organiser's, after the second session (so there is a report to import).
    app.clock.set(utc("2023-12-11T15:00:00Z"));
    app.login_as_admin().await;
    for lang in LANGUAGES {
        audit.lang = lang;
        audit
            .visit(&app.url(&format!("/login?lang={lang}")), "login")
            .await;
        let sign_in = audit
            .c()
            .find(Locator::Css("form[action='/login'] button[type=submit]"))
            .await
            .expect("the sign-in button");
        audit.submit(&sign_in).await;
        audit.check("login-errors", 422).await;
    }
    sign_in_as_admin(&audit.browser).await;
    let zoom_report = format!(
        "{}/tests/fixtures/zoom/participants_plain_iso.csv",
        env!("CARGO_MANIFEST_DIR")
    );
    for lang in LANGUAGES {
        audit.lang = lang;
        let admin_cycle = format!("/admin/cycles/{SLUG}");
        audit
            .visit(&app.url(&format!("/admin?lang={lang}")), "admin-home")
            .await;
        audit.visit(&app.url(&admin_cycle), "admin-cycle").await;
        let roster = format!("{admin_cycle}/sessions/2/attendance");
        audit.visit(&app.url(&roster), "roster").await;
        let audit_link = audit
            .c()
            .find(Locator::Css("a[href$='/audit']"))
            .await
            .expect("a person's audit link")
            .attr("href")
            .await
            .unwrap()
            .expect("href");
        let upload = audit
            .c()
            .find(Locator::Css("form[action*='/import?'] button[type=submit]"))
            .await
            .expect("the import button");
        audit.submit(&upload).await;
        // Refused like every other form: 422, the roster with the reason.
        audit.check("import-upload-errors", 422).await;
        audit
            .c()
            .find(Locator::Id("report"))
            .await
            .expect("the file field")
            .send_keys(&zoom_report)
            .await
            .expect("choose the report");
        let upload = audit
            .c()
            .find(Locator::Css("form[action*='/import?'] button[type=submit]"))
            .await
            .expect("the import button");
        audit.submit(&upload).await;
        audit.check("import-preview", 200).await;
        audit
            .visit(&app.url(&format!("{admin_cycle}/attendance")), "matrix")
            .await;
        audit.visit(&app.url(&audit_link), "audit").await;
        audit
            .visit(
                &app.url(&audit_link.replace("/audit", "/cancel")),
                "admin-cancel-confirm",
            )
            .await;
        audit
            .visit(&app.url(&format!("{admin_cycle}/messages")), "messages")
            .await;
        let preview = audit
            .c()
            .find(Locator::Css(
                "form[action$='/messages/preview'] button[type=submit]",
            ))
            .await
            .expect("the preview button");
        audit.submit(&preview).await;
        audit.check("messages-errors", 422).await;
        audit
            .visit(
                &app.url(&format!("{admin_cycle}/applications")),
                "grant-applications",
            )
            .await;
        audit.goto(&app.url("/admin/cycles/new")).await;
        let title = audit.c().find(Locator::Id("title")).await.expect("title");
        title.clear().await.unwrap();
        let save = audit
            .c()
            .find(Locator::Css(
                "form[action='/admin/cycles/new'] button[type=submit]",
            ))
            .await
            .expect("the save button");
        audit.submit(&save).await;
        audit.check("cycle-form-errors", 422).await;
        audit
            .visit(&app.url("/admin/organisers"), "organisers")
            .await;
        audit
            .visit(&app.url("/admin/organisations"), "organisations")
            .await;
        audit
            .visit(&app.url("/admin/organisations/lmb"), "organisation-form")
            .await;
        let name = audit.c().find(Locator::Id("name")).await.expect("name");
        name.clear().await.unwrap();
        let save = audit
            .c()
            .find(Locator::Css(
                "form[action='/admin/organisations/lmb'] button[type=submit]",
            ))
            .await
            .expect("the save button");
        audit.submit(&save).await;
        audit.check("organisation-form-errors", 422).await;
    }
    audit.browser.quit().await;

    let runs = audit.states.len() * WIDTHS.len();
    eprintln!(
        "axe: {} page states ({runs} axe runs) in {:.1} s; screenshots in {}",
        audit.states.len(),
        started.elapsed().as_secs_f64(),
        audit.shots.display()
    );
    assert!(
        audit.problems.is_empty(),
        "{} serious or critical accessibility problem(s):\n{}",
        audit.problems.len(),
        audit.problems.join("\n")
    );
}

/// The browser, axe, and what it found so far.
struct Audit {
    browser: Browser,
    axe_source: String,
    shots: PathBuf,
    lang: &'static str,
    /// One line per serious or critical violation: state, rule, nodes.
    problems: Vec<String>,
    states: Vec<String>,
}

impl Audit {
    fn c(&self) -> &Client {
        &self.browser.client
    }

    async fn goto(&self, url: &str) {
        // Wide while loading, so a resize never hides a page's own overflow.
        self.c()
            .goto(url)
            .await
            .unwrap_or_else(|e| panic!("open {url}: {e}"));
    }

    async fn visit(&mut self, url: &str, state: &str) {
        self.goto(url).await;
        self.check(state, 200).await;
    }

    async fn submit(&self, el: &fantoccini::elements::Element) {
        click_and_wait(self.c(), el).await;
    }

    /// The page in front of the browser, at each width: status, language,
    /// no sideways scrolling (and the rest `look` checks), axe, a screenshot.
    async fn check(&mut self, state: &str, status: u64) {
        let name = format!("{}-{state}", self.lang);
        assert!(
            !self.states.contains(&name),
            "{name} is checked once: states must be unique"
        );
        for width in WIDTHS {
            self.c()
                .set_window_size(width, 900)
                .await
                .expect("window size");
            // Too wide: name what sticks out, and go on to the other checks.
            let wide = self
                .c()
                .execute(
                    r#"const w = document.documentElement.clientWidth;
                    if (document.documentElement.scrollWidth <= w) return null;
                    return [...document.querySelectorAll("body *")]
                        .filter(e => e.getBoundingClientRect().right > w + 1 && !e.closest(".table-scroll"))
                        .filter(e => ![...e.children].some(c => c.getBoundingClientRect().right > w + 1))
                        .slice(0, 5)
                        .map(e => e.tagName.toLowerCase() + (e.className ? "." + e.className : "") + " right=" + Math.round(e.getBoundingClientRect().right));"#,
                    vec![],
                )
                .await
                .expect("measure the page");
            if !wide.is_null() {
                self.problems.push(format!(
                    "{name} @ {width} px: wider than the window: {wide}"
                ));
                self.screenshot(&name, width).await;
                continue;
            }
            let seen = look(&self.browser).await;
            assert_eq!(seen.status, status, "{name}: HTTP status; {}", seen.text);
            assert_eq!(seen.lang, self.lang, "{name}: the page's language");
            assert!(
                seen.width <= u64::from(width),
                "{name}: a {width} px viewport, got {}",
                seen.width
            );
            for v in self.run_axe().await {
                self.problems.push(format!(
                    "{name} @ {width} px: {} ({}) {}: {}",
                    v["id"].as_str().unwrap_or("?"),
                    v["impact"].as_str().unwrap_or("?"),
                    v["help"].as_str().unwrap_or(""),
                    v["nodes"]
                ));
            }
            self.screenshot(&name, width).await;
        }
        self.states.push(name);
    }

    /// Injects axe-core (through WebDriver, which runs with the page's
    /// JavaScript off) and returns the serious and critical violations.
    async fn run_axe(&self) -> Vec<Value> {
        let c = self.c();
        let loaded = c
            .execute("return typeof window.axe === 'object';", vec![])
            .await
            .expect("ask for axe");
        if loaded != json!(true) {
            // With the page's JavaScript off its timers never fire, and axe
            // waits on setTimeout: run those callbacks as microtasks instead.
            let shim = "window.setTimeout = (f, ms, ...a) => { Promise.resolve().then(() => f(...a)); return 0; };\n\
                        window.clearTimeout = () => {};\n";
            c.execute(&format!("{shim}{}\nreturn true;", self.axe_source), vec![])
                .await
                .expect("inject axe-core");
        }
        let found = c
            .execute(
                r#"return window.axe.run(document, {
                    runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
                    resultTypes: ["violations"],
                }).then(r => r.violations
                    .filter(v => v.impact === "serious" || v.impact === "critical")
                    .map(v => ({
                        id: v.id,
                        impact: v.impact,
                        help: v.help,
                        nodes: v.nodes.map(n => n.target.join(" ") + " — " + (n.failureSummary || "").replace(/\s+/g, " ")),
                    })));"#,
                vec![],
            )
            .await
            .expect("run axe");
        found.as_array().cloned().unwrap_or_default()
    }

    /// The whole page (up to a limit), for a person to look through.
    async fn screenshot(&self, name: &str, width: u32) {
        let c = self.c();
        let height = c
            .execute("return document.documentElement.scrollHeight;", vec![])
            .await
            .expect("page height")
            .as_i64()
            .unwrap_or(900)
            .clamp(400, SHOT_MAX_HEIGHT);
        c.set_window_size(width, height as u32)
            .await
            .expect("window size");
        let png = c.screenshot().await.expect("screenshot");
        let file = self
            .shots
            .join(format!("{:02}-{name}-{width}.png", self.states.len()));
        std::fs::write(&file, png).unwrap_or_else(|e| panic!("write {}: {e}", file.display()));
    }

    /// On a phone, following the error summary's first link leaves the
    /// field's label and its message on screen (not scrolled off the top).
    async fn assert_error_link_shows_the_label(&self) {
        let c = self.c();
        c.set_window_size(360, 740).await.expect("window size");
        let first = c
            .find(Locator::Css(".error-summary li a"))
            .await
            .expect("a link in the error summary");
        let target = first.attr("href").await.unwrap().expect("href");
        first.click().await.expect("follow the first error");
        let id = target.trim_start_matches('#');
        let place = c
            .execute(
                r#"const id = arguments[0];
                const field = document.getElementById(id);
                const group = field.closest(".form-group");
                const label = document.querySelector(`label[for="${id}"]`) || group.querySelector("legend");
                const message = document.getElementById(id + "-error") || group.querySelector(".error-message");
                const box = e => e.getBoundingClientRect();
                return {
                    label: [box(label).top, box(label).bottom],
                    message: [box(message).top, box(message).bottom],
                    field: [box(field).top, box(field).bottom],
                    height: window.innerHeight,
                    focused: document.activeElement.id,
                };"#,
                vec![json!(id)],
            )
            .await
            .expect("where the label is");
        let height = place["height"].as_f64().unwrap();
        for part in ["label", "message", "field"] {
            let top = place[part][0].as_f64().unwrap();
            let bottom = place[part][1].as_f64().unwrap();
            assert!(
                top >= 0.0 && bottom <= height,
                "{}: after following {target} at 360 px the {part} is in view: {place}",
                self.lang
            );
        }
        assert_eq!(place["focused"], json!(id), "the field has focus");
    }
}

/// The page's own JavaScript does not run: a page's script leaves no mark.
async fn assert_javascript_is_off(c: &Client, app: &TestApp) {
    c.goto("data:text/html,<title>off</title><script>document.title='on'</script>")
        .await
        .expect("open the probe");
    let title = c
        .execute("return document.title;", vec![])
        .await
        .expect("read the title");
    assert_eq!(title, json!("off"), "the page's own scripts are off");
    c.goto(&app.url("/")).await.expect("open /");
}

/// axe-core's source: `COHORT_TEST_AXE`, else tests/axe's npm install;
/// `None` to skip (never with `CI=true`).
fn axe_source() -> Option<String> {
    let path = std::env::var_os("COHORT_TEST_AXE")
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("tests/axe/node_modules/axe-core/axe.min.js")
        });
    match std::fs::read_to_string(&path) {
        Ok(source) => {
            assert!(
                source.contains("axe.version=\"4.") || source.contains("version:\"4."),
                "{} is axe-core 4.x",
                path.display()
            );
            Some(source)
        }
        Err(e) if std::env::var("CI").is_ok_and(|v| v == "true") => panic!(
            "CI=true but no axe-core at {} ({e}): run `npm ci --prefix tests/axe`",
            path.display()
        ),
        Err(_) => {
            eprintln!("skipped: no axe-core (npm ci --prefix tests/axe)");
            None
        }
    }
}

fn screenshot_dir() -> PathBuf {
    let dir = std::env::var_os("COHORT_AXE_SCREENSHOTS")
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/axe-screenshots")
        });
    if dir.exists() {
        std::fs::remove_dir_all(&dir).expect("clear old screenshots");
    }
    std::fs::create_dir_all(&dir).expect("screenshot folder");
    dir
}

/// The seed cycle under another address, with some lines changed.
fn variant(slug: &str, changes: &[(&str, &str)]) -> String {
    let mut toml = SEED_CYCLE.replace(&format!("slug = \"{SLUG}\""), &format!("slug = \"{slug}\""));
    for (from, to) in changes {
        assert!(toml.contains(from), "the seed cycle has {from}");
        toml = toml.replace(from, to);
    }
    toml
}

/// The participant's own page, from the link in their email.
fn own_page_link(app: &TestApp, body: &str) -> String {
    let prefix = format!("{}/r/", app.address);
    let start = body
        .find(&prefix)
        .unwrap_or_else(|| panic!("a link to {prefix}… in the email: {body}"));
    body[start..]
        .chars()
        .take_while(|ch| !ch.is_whitespace())
        .collect()
}

async fn register_button(c: &Client) -> fantoccini::elements::Element {
    c.find(Locator::Css(&format!(
        "form[action='/cycles/{SLUG}/register'] button[type=submit]"
    )))
    .await
    .expect("the Register button")
}

async fn fill_in_the_form(c: &Client, email: &str) {
    for (id, value) in [
        ("first_name", "Anna"),
        ("last_name", "Bērziņa"),
        ("email", email),
        ("institution", "Talsu novada muzejs"),
        ("position", "Krājuma glabātāja"),
        ("region", "Talsu novads"),
    ] {
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
}

async fn sign_in_as_admin(b: &Browser) {
    let c = &b.client;
    let form = "form[action='/login']";
    c.find(Locator::Css(&format!("{form} #email")))
        .await
        .unwrap()
        .send_keys("admin@muzeji.lv")
        .await
        .unwrap();
    c.find(Locator::Css(&format!("{form} #password")))
        .await
        .unwrap()
        .send_keys("a long enough password")
        .await
        .unwrap();
    let submit = c
        .find(Locator::Css(&format!("{form} button[type=submit]")))
        .await
        .unwrap();
    click_and_wait(c, &submit).await;
    let path = c.current_url().await.unwrap().path().to_string();
    assert_eq!(path, "/admin", "signed in");
}
