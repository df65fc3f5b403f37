//! A real headless Chromium for the browser tests (`browser`, `axe`):
//! chromedriver on a free port, one browser per test with its own profile,
//! and the few helpers the tests share to look at and press what a person
//! would.
//!
//! chromedriver comes from `COHORT_TEST_CHROMEDRIVER`, else from `PATH`.
//! Without one the tests are skipped, except with `CI=true`, where they fail.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

const CHROMIUM: &str = "/usr/bin/chromium";
/// How long a page may take to show what a test waits for.
pub(crate) const WAIT: Duration = Duration::from_secs(15);

/// Where chromedriver is, or `None` to skip (never with `CI=true`).
pub(crate) fn chromedriver_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("COHORT_TEST_CHROMEDRIVER").filter(|p| !p.is_empty()) {
        let p = PathBuf::from(p);
        assert!(
            p.is_file(),
            "COHORT_TEST_CHROMEDRIVER={} is not a file",
            p.display()
        );
        return Some(p);
    }
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join("chromedriver"))
            .find(|p| p.is_file())
    });
    if found.is_none() {
        if std::env::var("CI").is_ok_and(|v| v == "true") {
            panic!("CI=true but no chromedriver: set COHORT_TEST_CHROMEDRIVER");
        }
        eprintln!("skipped: no chromedriver");
    }
    found
}

/// chromedriver on a free port; shut down (with its browsers) on drop.
pub(crate) struct ChromeDriver {
    child: Child,
    port: u16,
    /// Browser profiles: removed only once the browsers are gone.
    profiles: std::sync::Mutex<Vec<tempfile::TempDir>>,
}

impl ChromeDriver {
    pub(crate) async fn start(path: &Path) -> Self {
        let port = {
            let probe = TcpListener::bind("127.0.0.1:0").expect("free port");
            probe.local_addr().expect("address").port()
        };
        let child = Command::new(path)
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("start {}: {e}", path.display()));
        let mut driver = ChromeDriver {
            child,
            port,
            profiles: Default::default(),
        };
        let status = reqwest::Client::new();
        let deadline = Instant::now() + WAIT;
        loop {
            if let Ok(Some(exit)) = driver.child.try_wait() {
                panic!("chromedriver exited at start: {exit}");
            }
            let ready = match status.get(driver.url() + "/status").send().await {
                Ok(res) => res
                    .text()
                    .await
                    .ok()
                    .and_then(|t| serde_json::from_str::<Value>(&t).ok())
                    .is_some_and(|v| v["value"]["ready"] == json!(true)),
                Err(_) => false,
            };
            if ready {
                return driver;
            }
            assert!(Instant::now() < deadline, "chromedriver did not get ready");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// A new headless Chromium with a fresh profile, in Latvian.
    pub(crate) async fn browser(&self) -> Browser {
        self.browser_with(true).await
    }

    /// The same, with the page's own JavaScript on or off (WebDriver's
    /// scripts still run: they come through DevTools, not the page).
    pub(crate) async fn browser_with(&self, javascript: bool) -> Browser {
        let profile = tempfile::tempdir().expect("profile dir");
        let mut caps = serde_json::Map::new();
        caps.insert("browserName".into(), json!("chrome"));
        caps.insert(
            "goog:chromeOptions".into(),
            json!({
                "binary": CHROMIUM,
                "args": [
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--lang=lv",
                    format!("--user-data-dir={}", profile.path().display()),
                ],
                // Sent as Accept-Language: the person reads Latvian.
                "prefs": {
                    "intl.accept_languages": "lv",
                    "profile.managed_default_content_settings.javascript": if javascript { 1 } else { 2 },
                },
            }),
        );
        caps.insert("goog:loggingPrefs".into(), json!({ "browser": "ALL" }));
        let _ = rustls::crypto::ring::default_provider().install_default();
        let client = ClientBuilder::rustls()
            .expect("TLS setup")
            .capabilities(caps)
            .connect(&self.url())
            .await
            .unwrap_or_else(|e| panic!("a Chromium session at {CHROMIUM}: {e}"));
        self.profiles.lock().expect("profiles").push(profile);
        Browser {
            client,
            driver: self.url(),
        }
    }
}

impl Drop for ChromeDriver {
    fn drop(&mut self) {
        // `/shutdown` quits every session's browser too, even after a panic.
        let addr = SocketAddr::from(([127, 0, 0, 1], self.port));
        if let Ok(mut s) = TcpStream::connect_timeout(&addr, Duration::from_secs(1)) {
            let _ = s.set_read_timeout(Some(Duration::from_secs(5)));
            let _ = write!(
                s,
                "GET /shutdown HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nConnection: close\r\n\r\n",
                self.port
            );
            let _ = s.read_to_end(&mut Vec::new());
        }
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub(crate) struct Browser {
    pub(crate) client: Client,
    /// chromedriver's address, for the browser's console log.
    driver: String,
}

impl Browser {
    pub(crate) async fn quit(self) {
        self.client.close().await.expect("close the browser");
    }

    /// Errors the browser logged since last asked (CSP violations, failed
    /// resources, script errors), minus the page's own error status and the
    /// favicon, which the app does not have.
    async fn console_errors(&self, page: &url::Url, status: u64) -> Vec<String> {
        let id = self
            .client
            .session_id()
            .await
            .expect("session id")
            .expect("a session");
        // chromedriver's own endpoint; `goog:loggingPrefs` turns it on.
        let body = reqwest::Client::new()
            .post(format!("{}/session/{id}/se/log", self.driver))
            .header("content-type", "application/json")
            .body(r#"{"type":"browser"}"#)
            .send()
            .await
            .expect("ask for the browser log")
            .text()
            .await
            .expect("the browser log");
        let log: Value = serde_json::from_str(&body).expect("log JSON");
        let mut page = page.clone();
        page.set_fragment(None);
        let own_status = format!("{page} - Failed to load resource");
        log["value"]
            .as_array()
            .unwrap_or_else(|| panic!("a list of log entries: {body}"))
            .iter()
            .filter(|e| e["level"] == json!("SEVERE"))
            .filter_map(|e| e["message"].as_str())
            .filter(|m| !m.contains("/favicon.ico - "))
            .filter(|m| !(status >= 400 && m.starts_with(&own_status)))
            .map(str::to_string)
            .collect()
    }
}

/// What the person has in front of them once a page has loaded.
pub(crate) struct Seen {
    pub(crate) path: String,
    pub(crate) query: Option<String>,
    /// The HTTP status the page came with.
    pub(crate) status: u64,
    pub(crate) title: String,
    pub(crate) lang: String,
    /// The visible text, whitespace collapsed.
    pub(crate) text: String,
    pub(crate) width: u64,
}

impl Seen {
    pub(crate) fn assert_at(&self, path: &str, status: u64) {
        assert_eq!(self.path, path, "the address bar; page: {}", self.text);
        assert_eq!(self.status, status, "HTTP status of {path}: {}", self.text);
    }

    pub(crate) fn assert_shows(&self, text: &str) {
        assert!(
            self.text.contains(text),
            "{text:?} is on {}: {}",
            self.path,
            self.text
        );
    }
}

pub(crate) async fn look(b: &Browser) -> Seen {
    let c = &b.client;
    let v = c
        .execute(
            r#"const nav = performance.getEntriesByType("navigation")[0];
            return {
                status: nav ? nav.responseStatus : 0,
                title: document.title,
                lang: document.documentElement.lang,
                text: document.body.innerText,
                scripts: document.scripts.length,
                width: window.innerWidth,
                overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
            };"#,
            vec![],
        )
        .await
        .expect("read the page");
    let url = c.current_url().await.expect("current URL");
    let seen = Seen {
        path: url.path().to_string(),
        query: url.query().map(str::to_string),
        status: v["status"].as_u64().unwrap_or(0),
        title: v["title"].as_str().unwrap_or_default().to_string(),
        lang: v["lang"].as_str().unwrap_or_default().to_string(),
        text: v["text"]
            .as_str()
            .unwrap_or_default()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
        width: v["width"].as_u64().unwrap_or(0),
    };
    assert_eq!(
        v["scripts"],
        json!(0),
        "{}: the app has no JavaScript",
        seen.path
    );
    assert!(
        v["overflow"].as_i64().unwrap_or(0) <= 0,
        "{}: no sideways scrolling at {} px ({} px too wide)",
        seen.path,
        seen.width,
        v["overflow"]
    );
    assert!(
        stylesheet_applied(c).await,
        "{}: app.css is applied",
        seen.path
    );
    let errors = b.console_errors(&url, seen.status).await;
    assert!(
        errors.is_empty(),
        "{}: the browser logged errors: {errors:#?}",
        seen.path
    );
    seen
}

/// The stylesheet loaded (and the CSP let it): the skip link is off-screen.
async fn stylesheet_applied(c: &Client) -> bool {
    let v = c
        .execute(
            "return document.styleSheets.length > 0 && document.styleSheets[0].cssRules.length > 0;",
            vec![],
        )
        .await
        .expect("stylesheets");
    v == json!(true)
}

/// Clicks something that loads a new page and waits until that page is in.
pub(crate) async fn click_and_wait(c: &Client, el: &fantoccini::elements::Element) {
    c.execute("window.__cohortOldPage = true;", vec![])
        .await
        .expect("mark the page");
    el.click().await.expect("click");
    let deadline = Instant::now() + WAIT;
    loop {
        let v = c
            .execute(
                "return !window.__cohortOldPage && document.readyState === 'complete';",
                vec![],
            )
            .await;
        if matches!(v, Ok(Value::Bool(true))) {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "no new page after the click (still {:?})",
            c.current_url().await.map(|u| u.to_string())
        );
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}

pub(crate) async fn text_of(c: &Client, css: &str) -> String {
    c.find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css} is on the page: {e}"))
        .text()
        .await
        .expect("text")
}

fn button_xpath(label: &str) -> String {
    format!("//button[normalize-space(.)='{label}']")
}

pub(crate) async fn buttons(c: &Client, label: &str) -> Vec<fantoccini::elements::Element> {
    c.find_all(Locator::XPath(&button_xpath(label)))
        .await
        .expect("find buttons")
}

pub(crate) async fn button(c: &Client, label: &str) -> fantoccini::elements::Element {
    c.find(Locator::XPath(&button_xpath(label)))
        .await
        .unwrap_or_else(|e| panic!("a {label:?} button: {e}"))
}
