//! Every string a user sees comes from `templates/i18n/{lang}.ftl` (Project
//! Fluent). Each file is a language (build.rs lists them; adding a language is
//! adding a file) and declares its own name (`language-name`) and whether it
//! is complete (`language-complete = yes`). An incomplete language has every
//! public and participant text and every email; organiser pages are then
//! shown in English, and say so in the asked-for language.
//!
//! Plural categories are CLDR's, from `intl_pluralrules` (the data fluent
//! itself uses), exposed to translations as `PLURAL($n)`. Latvian and
//! Lithuanian keep their own rules where that crate's data is wrong (Latvian
//! 111–119 "111 vietu", Lithuanian 22–29 "22 vietos"); the tests show it.

use std::collections::HashMap;
use std::sync::LazyLock;

use chrono::{DateTime, Datelike, Offset, Utc};
use chrono_tz::Tz;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};

use crate::domain::Language;

/// Every translation file as (code, text), embedded at build time.
pub const SOURCES: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/translations.rs"));

/// The language whose text fills the gaps of an incomplete one.
const FALLBACK: Language = Language::En;

struct Translation {
    bundle: FluentBundle<FluentResource>,
    complete: bool,
}

pub struct I18n {
    translations: HashMap<Language, Translation>,
}

/// CLDR plural category of an integer (cardinal).
pub fn plural_category(lang: Language, n: i64) -> &'static str {
    if lang == Language::Lv {
        return latvian_plural(n);
    }
    if lang.as_str() == "lt" {
        return lithuanian_plural(n);
    }
    let Some(rules) = plural_rules(lang) else {
        return "other";
    };
    match rules.select(n) {
        Ok(PluralCategory::ZERO) => "zero",
        Ok(PluralCategory::ONE) => "one",
        Ok(PluralCategory::TWO) => "two",
        Ok(PluralCategory::FEW) => "few",
        Ok(PluralCategory::MANY) => "many",
        Ok(PluralCategory::OTHER) | Err(_) => "other",
    }
}

/// CLDR's cardinal rules for a language, when CLDR has them.
fn plural_rules(lang: Language) -> Option<&'static PluralRules> {
    static RULES: LazyLock<HashMap<Language, PluralRules>> = LazyLock::new(|| {
        Language::ALL
            .iter()
            .filter_map(|l| {
                let id: unic_langid::LanguageIdentifier = l.as_str().parse().ok()?;
                let rules = PluralRules::create(id, PluralRuleType::CARDINAL).ok()?;
                Some((*l, rules))
            })
            .collect()
    });
    RULES.get(&lang)
}

/// lv: zero = n%10=0 or n%100=11..19; one = n%10=1 and n%100≠11.
fn latvian_plural(n: i64) -> &'static str {
    let n = n.unsigned_abs();
    let (m10, m100) = (n % 10, n % 100);
    if m10 == 0 || (11..=19).contains(&m100) {
        "zero"
    } else if m10 == 1 {
        "one"
    } else {
        "other"
    }
}

/// lt: one = n%10=1 and n%100∉11..19; few = n%10=2..9 and n%100∉11..19;
/// other for the rest (many is for fractions). `intl_pluralrules` 7.0.2
/// puts 22–29, 32–39 … in "other" ("22 vietų" instead of "22 vietos").
fn lithuanian_plural(n: i64) -> &'static str {
    let n = n.unsigned_abs();
    let (m10, m100) = (n % 10, n % 100);
    let teen = (11..=19).contains(&m100);
    if m10 == 1 && !teen {
        "one"
    } else if (2..=9).contains(&m10) && !teen {
        "few"
    } else {
        "other"
    }
}

impl I18n {
    fn load() -> Self {
        let mut translations = HashMap::new();
        for (code, source) in SOURCES {
            let lang = Language::parse(code).expect("build.rs lists the same files");
            let resource =
                FluentResource::try_new(source.to_string()).unwrap_or_else(|(_, errors)| {
                    panic!("{code} translation does not parse: {errors:?}")
                });
            let locale = code.parse().expect("valid language tag");
            let mut bundle = FluentBundle::new_concurrent(vec![locale]);
            bundle.set_use_isolating(false);
            bundle
                .add_function("PLURAL", move |positional, _named| {
                    match positional.first() {
                        Some(FluentValue::Number(n)) => {
                            FluentValue::from(plural_category(lang, n.value as i64))
                        }
                        _ => FluentValue::from("other"),
                    }
                })
                .expect("PLURAL added once");
            bundle
                .add_resource(resource)
                .expect("no duplicate messages");
            let complete = bundle
                .get_message("language-complete")
                .and_then(|m| m.value())
                .map(|p| bundle.format_pattern(p, None, &mut vec![]) == "yes")
                .unwrap_or(false);
            translations.insert(lang, Translation { bundle, complete });
        }
        Self { translations }
    }

    pub fn message(&self, lang: Language, key: &str, args: Option<&FluentArgs>) -> String {
        let mut bundle = &self.translations[&lang].bundle;
        if !bundle.has_message(key) {
            bundle = &self.translations[&FALLBACK].bundle;
        }
        let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
            // Visible but harmless; the test suite fails on any missing key.
            return key.to_string();
        };
        let mut errors = vec![];
        bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned()
    }

    pub fn has(&self, lang: Language, key: &str) -> bool {
        self.translations[&lang].bundle.has_message(key)
    }

    /// Whether every page, organisers' too, is translated.
    pub fn is_complete(&self, lang: Language) -> bool {
        self.translations[&lang].complete
    }
}

pub static I18N: LazyLock<I18n> = LazyLock::new(I18n::load);

/// Translations for one request or one email: what templates call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Tr {
    pub lang: Language,
    /// The language the reader asked for, when `lang` stands in for it.
    asked: Language,
}

impl Tr {
    pub fn new(lang: Language) -> Self {
        Self { lang, asked: lang }
    }

    /// For organisers' pages: an incomplete language shows them in English
    /// (and `fallback_notice` says so in the asked-for language).
    pub fn organiser(lang: Language) -> Self {
        if I18N.is_complete(lang) {
            Self::new(lang)
        } else {
            Self {
                lang: FALLBACK,
                asked: lang,
            }
        }
    }

    pub fn code(&self) -> &'static str {
        self.lang.as_str()
    }

    /// The language the reader chose (the switcher marks it).
    pub fn asked_code(&self) -> &'static str {
        self.asked.as_str()
    }

    /// "See leht on inglise keeles." — in the asked-for language, when this
    /// page is shown in English instead.
    pub fn fallback_notice(&self) -> Option<String> {
        (self.asked != self.lang)
            .then(|| I18N.message(self.asked, "language-fallback-notice", None))
    }

    /// Every language as (code, its own name), for switchers and choices.
    pub fn languages(&self) -> Vec<(&'static str, String)> {
        Language::ALL
            .iter()
            .map(|l| (l.as_str(), I18N.message(*l, "language-name", None)))
            .collect()
    }

    /// The codes of every language, for hints: "en, et, lt, lv, ru".
    pub fn language_codes(&self) -> String {
        Language::ALL
            .iter()
            .map(|l| l.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }

    pub fn text(&self, key: &str) -> String {
        I18N.message(self.lang, key, None)
    }

    /// Whether this language has a message `key` (for optional, more
    /// specific messages).
    pub fn has(&self, key: &str) -> bool {
        I18N.has(self.lang, key)
    }

    /// A message with a count (`$count`), plural-aware.
    pub fn count(&self, key: &str, count: impl std::borrow::Borrow<i64>) -> String {
        let mut args = FluentArgs::new();
        args.set("count", *count.borrow());
        I18N.message(self.lang, key, Some(&args))
    }

    /// A message with named text arguments.
    pub fn with(&self, key: &str, named: &[(&str, &str)]) -> String {
        let mut args = FluentArgs::new();
        for (k, v) in named {
            args.set(*k, v.to_string());
        }
        I18N.message(self.lang, key, Some(&args))
    }

    /// A message with one named text argument (handy in templates).
    pub fn with_one(&self, key: &str, name: &str, value: &str) -> String {
        self.with(key, &[(name, value)])
    }

    /// A message whose key is built from two parts, e.g. `status-` + `confirmed`.
    pub fn keyed(&self, prefix: &str, suffix: &str) -> String {
        self.text(&format!("{prefix}{suffix}"))
    }

    /// Why a Zoom report was refused, for the web and the command line.
    pub fn report_problem(&self, e: &crate::domain::zoom::ReportError) -> String {
        use crate::domain::zoom::ReportError;
        match e {
            ReportError::BadRow { line, reason } => {
                let mut args = FluentArgs::new();
                args.set("line", *line);
                args.set("problem", self.keyed("import-row-", reason.as_str()));
                self.args("import-error-bad-row", &args)
            }
            other => self.keyed("import-error-", other.as_str()),
        }
    }

    /// A message with named arguments of either kind.
    /// "3 of 5 sessions attended — attend 1 more to receive the certificate":
    /// progress in the words of what the cycle's rule earns (`outcome_key`).
    pub fn progress(
        &self,
        outcome_key: &str,
        standing: &crate::domain::eligibility::Standing,
    ) -> String {
        use crate::domain::eligibility::Verdict;
        let mut args = FluentArgs::new();
        args.set("attended", standing.attended);
        args.set("total", standing.total);
        args.set("count", standing.still_needed);
        let verdict = match standing.verdict {
            Verdict::Eligible => "eligible",
            Verdict::StillPossible => "still-possible",
            Verdict::NoLongerPossible => "no-longer",
        };
        self.args(&format!("outcome-{outcome_key}-{verdict}"), &args)
    }

    pub fn args(&self, key: &str, args: &FluentArgs) -> String {
        I18N.message(self.lang, key, Some(args))
    }

    fn date_args(&self, t: DateTime<Tz>) -> FluentArgs<'static> {
        let mut args = FluentArgs::new();
        args.set(
            "weekday",
            I18N.message(
                self.lang,
                &format!("weekday-{}", t.weekday().number_from_monday()),
                None,
            ),
        );
        args.set(
            "monthname",
            I18N.message(self.lang, &format!("month-{}", t.month()), None),
        );
        args.set("day", t.day().to_string());
        args.set("day2", format!("{:02}", t.day()));
        args.set("month", format!("{:02}", t.month()));
        args.set("year", t.year().to_string());
        args.set("time", t.format("%H:%M").to_string());
        // Latvian writes "plkst. 10.00".
        args.set("dottime", t.format("%H.%M").to_string());
        args.set(
            "monthuntil",
            I18N.message(self.lang, &format!("month-until-{}", t.month()), None),
        );
        args.set("zone", self.zone(t.timezone(), t.with_timezone(&Utc)));
        args
    }

    /// A time zone as people say it: "Latvijas laiks", "Latvian time",
    /// "Almaty time"; a zone without a name of its own is its city with the
    /// offset at `at` ("Lima time, UTC-5"), never "EET" or "+05".
    pub fn zone(&self, tz: Tz, at: DateTime<Utc>) -> String {
        let key = format!("zone-{}", tz.name().to_lowercase().replace(['/', '_'], "-"));
        if I18N.has(self.lang, &key) {
            return self.text(&key);
        }
        let city = tz
            .name()
            .rsplit('/')
            .next()
            .unwrap_or(tz.name())
            .replace('_', " ");
        let offset = at.with_timezone(&tz).offset().fix().local_minus_utc();
        let (sign, offset) = if offset < 0 {
            ('-', -offset)
        } else {
            ('+', offset)
        };
        let (hours, minutes) = (offset / 3600, offset % 3600 / 60);
        let offset = if minutes == 0 {
            format!("{sign}{hours}")
        } else {
            format!("{sign}{hours}:{minutes:02}")
        };
        self.with("zone-other", &[("city", &city), ("offset", &offset)])
    }

    /// "pirmdiena, 04.12.2023." / "Monday 4 December 2023"
    pub fn date(&self, t: DateTime<Utc>, tz: Tz) -> String {
        self.args("format-date", &self.date_args(t.with_timezone(&tz)))
    }

    /// Date and time with the zone as people say it:
    /// "2023. gada 4. decembrī, plkst. 10.00 (Latvijas laiks)".
    pub fn datetime(&self, t: DateTime<Utc>, tz: Tz) -> String {
        self.args("format-datetime", &self.date_args(t.with_timezone(&tz)))
    }

    /// A deadline after "until": Latvian puts the month in the dative
    /// ("līdz 29. novembrim"), where `datetime` has the locative ("29. novembrī").
    pub fn until(&self, t: DateTime<Utc>, tz: Tz) -> String {
        self.args("format-until", &self.date_args(t.with_timezone(&tz)))
    }

    /// A day without the weekday: "2023. gada 4. decembrī", "4 December 2023".
    pub fn day(&self, t: DateTime<Utc>, tz: Tz) -> String {
        self.args("format-day", &self.date_args(t.with_timezone(&tz)))
    }

    /// Euros as each language writes them: "1 500,00 €" (lv, ru), "€1,500.00" (en).
    pub fn euros(&self, cents: i64) -> String {
        let whole = (cents / 100).to_string();
        // English writes "€1,500.00"; the other languages here (lv, ru, et,
        // lt) write "1 500,00 €".
        let english = self.lang == Language::En;
        let (group, decimal) = if english { (",", ".") } else { ("\u{a0}", ",") };
        let mut grouped = String::new();
        for (i, digit) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i).is_multiple_of(3) {
                grouped.push_str(group);
            }
            grouped.push(digit);
        }
        let amount = format!("{grouped}{decimal}{:02}", cents % 100);
        if english {
            format!("€{amount}")
        } else {
            format!("{amount}\u{a0}€")
        }
    }

    /// A session's time: "pirmdiena, 2023. gada 4. decembrī, plkst. 10.00–16.00 (Latvijas laiks)".
    pub fn span(&self, start: DateTime<Utc>, end: DateTime<Utc>, tz: Tz) -> String {
        let (s, e) = (start.with_timezone(&tz), end.with_timezone(&tz));
        let mut args = self.date_args(s);
        args.set("end", e.format("%H:%M").to_string());
        args.set("dotend", e.format("%H.%M").to_string());
        self.args("format-span", &args)
    }
}

#[cfg(test)]
mod public_keys;

#[cfg(test)]
mod tests {
    use super::*;
    use fluent_syntax::ast::Entry;
    use fluent_syntax::parser::parse;

    pub(super) fn ids(source: &str) -> std::collections::BTreeSet<String> {
        parse(source)
            .expect("parses")
            .body
            .into_iter()
            .filter_map(|e| match e {
                Entry::Message(m) => Some(m.id.name.to_string()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn euros_are_written_as_each_language_writes_them() {
        assert_eq!(Tr::new(Language::Lv).euros(150_050), "1\u{a0}500,50\u{a0}€");
        assert_eq!(Tr::new(Language::En).euros(150_050), "€1,500.50");
        assert_eq!(Tr::new(Language::Ru).euros(99_900), "999,00\u{a0}€");
        assert_eq!(Tr::new(Language::En).euros(123_456_789), "€1,234,567.89");
    }

    pub(super) fn source(lang: Language) -> &'static str {
        SOURCES
            .iter()
            .find(|(code, _)| *code == lang.as_str())
            .expect("a file per language")
            .1
    }

    #[test]
    fn languages_come_from_the_files() {
        let codes: Vec<_> = Language::ALL.iter().map(|l| l.as_str()).collect();
        assert_eq!(codes, vec!["en", "et", "lt", "lv", "ru"]);
        let names: Vec<_> = Tr::new(Language::Lv)
            .languages()
            .into_iter()
            .map(|(_, name)| name)
            .collect();
        assert_eq!(
            names,
            vec!["English", "Eesti", "Lietuvių", "Latviešu", "Русский"]
        );
        for lang in Language::ALL {
            assert!(I18N.has(*lang, "language-name"), "{lang}");
            assert!(I18N.has(*lang, "language-complete"), "{lang}");
            assert!(I18N.has(*lang, "language-fallback-notice"), "{lang}");
            // CLDR has a plural rule for every language we have a file for.
            assert!(
                plural_rules(*lang).is_some(),
                "{lang} has no CLDR plural rule"
            );
        }
        assert!(I18N.is_complete(Language::En) && I18N.is_complete(Language::Lv));
        assert!(!I18N.is_complete(Language::parse("et").unwrap()));
    }

    #[test]
    fn every_complete_language_has_every_key() {
        let reference = ids(source(FALLBACK));
        assert!(reference.len() > 50);
        for lang in Language::ALL {
            let keys = ids(source(*lang));
            let extra: Vec<_> = keys.difference(&reference).collect();
            assert!(extra.is_empty(), "{lang} has keys en lacks: {extra:?}");
            if I18N.is_complete(*lang) {
                let missing: Vec<_> = reference.difference(&keys).collect();
                assert!(missing.is_empty(), "{lang} lacks {missing:?}");
            }
        }
    }

    #[test]
    fn every_language_has_its_dates_zones_and_plurals() {
        // What every page and email of a cycle shows, whatever else falls
        // back to English.
        let mut needed = vec![
            "format-date",
            "format-datetime",
            "format-span",
            "format-until",
            "format-day",
            "zone-other",
            "zone-europe-riga",
            "zone-europe-tallinn",
            "zone-europe-vilnius",
            "zone-asia-almaty",
            "seats-left",
            "nav-language",
            "skip-to-content",
        ]
        .into_iter()
        .map(String::from)
        .collect::<Vec<_>>();
        for i in 1..=7 {
            needed.push(format!("weekday-{i}"));
        }
        for i in 1..=12 {
            needed.push(format!("month-{i}"));
            needed.push(format!("month-until-{i}"));
        }
        for lang in Language::ALL {
            let missing: Vec<_> = needed.iter().filter(|k| !I18N.has(*lang, k)).collect();
            assert!(missing.is_empty(), "{lang} lacks {missing:?}");
        }
    }

    #[test]
    fn an_incomplete_language_shows_organiser_pages_in_english_and_says_so() {
        let et = Language::parse("et").unwrap();
        let lt = Language::parse("lt").unwrap();
        let tr = Tr::organiser(et);
        assert_eq!(tr.code(), "en");
        assert_eq!(tr.asked_code(), "et");
        assert_eq!(
            tr.fallback_notice().as_deref(),
            Some("See lehekülg on inglise keeles.")
        );
        assert_eq!(
            Tr::organiser(lt).fallback_notice().as_deref(),
            Some("Šis puslapis rodomas anglų kalba.")
        );
        assert_eq!(Tr::organiser(Language::Lv).fallback_notice(), None);
        assert_eq!(Tr::new(et).fallback_notice(), None);
        // A key an incomplete file lacks is shown in English, not as its key.
        assert_eq!(Tr::new(et).text("nav-logout"), "Log out");
    }

    #[test]
    fn estonian_and_lithuanian_plurals_follow_cldr() {
        let lt = Tr::new(Language::parse("lt").unwrap());
        for (n, want) in [
            (0, "Liko 0 vietų"),
            (1, "Liko 1 vieta"),
            (2, "Liko 2 vietos"),
            (9, "Liko 9 vietos"),
            (10, "Liko 10 vietų"),
            (11, "Liko 11 vietų"),
            (19, "Liko 19 vietų"),
            (21, "Liko 21 vieta"),
            (22, "Liko 22 vietos"),
            (111, "Liko 111 vietų"),
            (1001, "Liko 1001 vieta"),
        ] {
            assert_eq!(lt.count("seats-left", n), want);
        }
        let et = Tr::new(Language::parse("et").unwrap());
        for (n, want) in [
            (0, "Vaba on 0 kohta"),
            (1, "Vaba on 1 koht"),
            (2, "Vaba on 2 kohta"),
            (21, "Vaba on 21 kohta"),
        ] {
            assert_eq!(et.count("seats-left", n), want);
        }
    }

    #[test]
    fn a_cycle_in_almaty_names_its_zone_never_a_bare_offset() {
        // chrono-tz's abbreviation for Asia/Almaty is "+05"; people read
        // "Almaty time" (or the city with "UTC+5" where there is no name).
        let start = DateTime::parse_from_rfc3339("2026-12-07T04:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let end = start + chrono::Duration::hours(3);
        let almaty = chrono_tz::Asia::Almaty;
        assert_eq!(
            Tr::new(Language::En).span(start, end, almaty),
            "Monday 7 December 2026, 09:00–12:00 (Almaty time)"
        );
        assert_eq!(
            Tr::new(Language::Ru).span(start, end, almaty),
            "понедельник, 7 декабря 2026 г., 09:00–12:00 (время Алматы)"
        );
        for lang in Language::ALL {
            let tr = Tr::new(*lang);
            for tz in [
                almaty,
                chrono_tz::Asia::Qostanay,
                chrono_tz::Asia::Oral,
                chrono_tz::Europe::Tallinn,
                chrono_tz::Europe::Vilnius,
                chrono_tz::Europe::Riga,
            ] {
                let text = tr.span(start, end, tz);
                assert!(
                    !text.contains("+05") && !text.contains("+06") && !text.contains("EET"),
                    "{lang} {tz}: {text}"
                );
            }
        }
        assert_eq!(
            Tr::new(Language::En).zone(chrono_tz::Asia::Qostanay, start),
            "Qostanay time, UTC+5"
        );
        assert_eq!(
            Tr::new(Language::parse("et").unwrap()).zone(chrono_tz::Europe::Tallinn, start),
            "Eesti aeg"
        );
    }

    #[test]
    fn every_key_used_in_code_and_templates_exists() {
        let re =
            regex_lite::Regex::new(r#"\.(?:text|count|with|with_one)\("([a-z0-9-]+)""#).unwrap();
        let mut used = std::collections::BTreeSet::new();
        for dir in ["templates", "src"] {
            for entry in walk(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir)) {
                let text = std::fs::read_to_string(&entry).unwrap_or_default();
                for c in re.captures_iter(&text) {
                    used.insert(c[1].to_string());
                }
            }
        }
        assert!(used.len() > 30, "found only {used:?}");
        // Keys built from two parts (`t.keyed(prefix, suffix)`).
        for s in crate::domain::Status::ALL {
            used.insert(format!("status-{}", s.as_str()));
            used.insert(format!("status-{}-line", s.as_str()));
        }
        for k in crate::domain::InstitutionType::ALL {
            used.insert(format!("institution-{}", k.as_str()));
        }
        for k in crate::domain::Audience::ALL {
            used.insert(format!("message-group-{}", k.as_str()));
        }
        for k in [
            "seated",
            "waitlisted",
            "link-again",
            "promoted",
            "cancelled",
            "expired",
            "grant-eligible",
            "grant-submitted",
            "grant-decided-funded",
            "grant-decided-not-funded",
            "reminder",
        ] {
            used.insert(format!("mail-body-{k}"));
            used.insert(format!("mail-subject-{k}"));
        }
        for k in [
            "registered-pending",
            "registered-confirmed",
            "registered-waitlisted",
            "registered-again",
            "registered-check-email",
        ] {
            used.insert(format!("{k}-title"));
            used.insert(format!("{k}-body"));
        }
        for lang in Language::ALL
            .iter()
            .copied()
            .filter(|l| I18N.is_complete(*l))
        {
            let missing: Vec<_> = used.iter().filter(|k| !I18N.has(lang, k)).collect();
            assert!(missing.is_empty(), "{} lacks {missing:?}", lang.as_str());
        }
    }

    pub(super) fn walk(dir: std::path::PathBuf) -> Vec<std::path::PathBuf> {
        let mut out = vec![];
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                out.extend(walk(p));
            } else {
                out.push(p);
            }
        }
        out
    }

    #[test]
    fn latvian_plurals_are_right_where_cldr_data_is_wrong() {
        let tr = Tr::new(Language::Lv);
        let cases = [
            (0, "0 brīvu vietu"),
            (1, "1 brīva vieta"),
            (2, "2 brīvas vietas"),
            (10, "10 brīvu vietu"),
            (11, "11 brīvu vietu"),
            (21, "21 brīva vieta"),
            (111, "111 brīvu vietu"),
            (1001, "1001 brīva vieta"),
        ];
        for (n, want) in cases {
            assert_eq!(tr.count("seats-left", n), want);
        }
        let ru = Tr::new(Language::Ru);
        for (n, want) in [
            (1, "Осталось 1 место"),
            (2, "Осталось 2 места"),
            (5, "Осталось 5 мест"),
            (11, "Осталось 11 мест"),
            (21, "Осталось 21 место"),
            (111, "Осталось 111 мест"),
        ] {
            assert_eq!(ru.count("seats-left", n), want);
        }
        assert_eq!(Tr::new(Language::En).count("seats-left", 1), "1 seat left");
        assert_eq!(Tr::new(Language::En).count("seats-left", 2), "2 seats left");
        for (n, want) in [
            (1, "one"),
            (2, "few"),
            (5, "many"),
            (11, "many"),
            (21, "one"),
            (22, "few"),
            (112, "many"),
        ] {
            assert_eq!(plural_category(Language::Ru, n), want, "ru {n}");
        }
    }

    #[test]
    fn dates_are_written_as_each_language_writes_them() {
        let t = DateTime::parse_from_rfc3339("2023-12-04T08:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let end = t + chrono::Duration::hours(6);
        let riga = chrono_tz::Europe::Riga;
        assert_eq!(
            Tr::new(Language::Lv).span(t, end, riga),
            "pirmdiena, 2023. gada 4. decembrī, plkst. 10.00–16.00 (Latvijas laiks)"
        );
        assert_eq!(
            Tr::new(Language::En).span(t, end, riga),
            "Monday 4 December 2023, 10:00–16:00 (Latvian time)"
        );
        assert_eq!(
            Tr::new(Language::Lv).date(t, riga),
            "pirmdiena, 2023. gada 4. decembrī"
        );
        assert_eq!(
            Tr::new(Language::Lv).datetime(t, riga),
            "2023. gada 4. decembrī, plkst. 10.00 (Latvijas laiks)"
        );
        assert_eq!(
            Tr::new(Language::Ru).span(t, end, riga),
            "понедельник, 4 декабря 2023 г., 10:00–16:00 (латвийское время)"
        );
    }

    #[test]
    fn a_deadline_takes_the_case_until_asks_for() {
        let t = DateTime::parse_from_rfc3339("2023-11-29T21:59:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let riga = chrono_tz::Europe::Riga;
        assert_eq!(
            Tr::new(Language::Lv).with_one(
                "cycle-open-until",
                "when",
                &Tr::new(Language::Lv).until(t, riga)
            ),
            "Reģistrācija atvērta līdz 2023. gada 29. novembrim, plkst. 23.59 (Latvijas laiks)"
        );
        assert_eq!(
            Tr::new(Language::En).until(t, riga),
            "29 November 2023, 23:59 (Latvian time)"
        );
        assert_eq!(
            Tr::new(Language::Ru).until(t, riga),
            "29 ноября 2023 г., 23:59 (латвийское время)"
        );
    }

    #[test]
    fn zones_are_named_as_people_say_them() {
        let winter = DateTime::parse_from_rfc3339("2023-12-04T08:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let summer = DateTime::parse_from_rfc3339("2023-07-04T08:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let (lv, en, ru) = (
            Tr::new(Language::Lv),
            Tr::new(Language::En),
            Tr::new(Language::Ru),
        );
        assert_eq!(lv.zone(chrono_tz::Europe::Riga, winter), "Latvijas laiks");
        assert_eq!(en.zone(chrono_tz::Europe::Riga, summer), "Latvian time");
        assert_eq!(ru.zone(chrono_tz::Europe::Riga, winter), "латвийское время");
        assert_eq!(en.zone(chrono_tz::Asia::Almaty, winter), "Almaty time");
        // No name of its own: the city and the offset of that moment.
        assert_eq!(
            en.zone(chrono_tz::America::New_York, winter),
            "New York time, UTC-5"
        );
        assert_eq!(
            en.zone(chrono_tz::America::New_York, summer),
            "New York time, UTC-4"
        );
        assert_eq!(
            lv.zone(chrono_tz::Asia::Kolkata, winter),
            "Kolkata laiks, UTC+5:30"
        );
        for tr in [lv, en, ru] {
            for tz in [
                chrono_tz::Europe::Riga,
                chrono_tz::Asia::Almaty,
                chrono_tz::Europe::Helsinki,
            ] {
                let name = tr.zone(tz, winter);
                assert!(!name.contains("EET") && !name.contains('/'), "{name}");
            }
        }
    }
}
