//! The language of a request: `?lang=`, then the `lang` cookie, then
//! `Accept-Language`; pages about a cycle fall back to the cycle's language.

use std::future::{ready, Ready};

use actix_web::{dev::Payload, FromRequest, HttpRequest};

use crate::domain::Language;
use crate::i18n::Tr;

#[derive(Debug, Clone, Copy)]
pub struct Lang {
    pub chosen: Option<Language>,
    /// An organiser's page: an incomplete language falls back to English.
    pub organiser: bool,
}

impl Lang {
    /// The language to use, with a fallback for when nothing chose one.
    pub fn or(self, fallback: Language) -> Tr {
        let lang = self.chosen.unwrap_or(fallback);
        if self.organiser {
            Tr::organiser(lang)
        } else {
            Tr::new(lang)
        }
    }
    pub fn tr(self) -> Tr {
        self.or(Language::Lv)
    }
}

pub fn from_query(query: &str) -> Option<Language> {
    url::form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == "lang")
        .and_then(|(_, v)| Language::parse(&v).ok())
}

pub fn choose(req: &HttpRequest) -> Option<Language> {
    if let Some(l) = from_query(req.query_string()) {
        return Some(l);
    }
    if let Some(l) = req
        .cookie("lang")
        .and_then(|c| Language::parse(c.value()).ok())
    {
        return Some(l);
    }
    let header = req.headers().get("accept-language")?.to_str().ok()?;
    // Take the first listed language we speak, honouring q-values.
    let mut ranked: Vec<(f32, Language)> = header
        .split(',')
        .filter_map(|part| {
            let mut bits = part.trim().split(';');
            let tag = bits.next()?.trim().to_ascii_lowercase();
            let q = bits
                .find_map(|b| {
                    b.trim()
                        .strip_prefix("q=")
                        .and_then(|q| q.parse::<f32>().ok())
                })
                .unwrap_or(1.0);
            let primary = tag.split('-').next()?;
            Language::parse(primary).ok().map(|l| (q, l))
        })
        .collect();
    ranked.sort_by(|a, b| b.0.partial_cmp(&a.0).unwrap_or(std::cmp::Ordering::Equal));
    ranked.first().map(|(_, l)| *l)
}

/// Organisers' pages may be untranslated in a new language (see `i18n`).
pub fn is_organiser_page(path: &str) -> bool {
    ["/admin", "/login", "/setup"]
        .iter()
        .any(|p| path == *p || path.starts_with(&format!("{p}/")))
}

impl FromRequest for Lang {
    type Error = actix_web::Error;
    type Future = Ready<Result<Self, Self::Error>>;
    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(Ok(Lang {
            chosen: choose(req),
            organiser: is_organiser_page(req.path()),
        }))
    }
}
