//! The country choice: ISO 3166-1 alpha-2 codes (the `rust_iso3166` list of
//! assigned codes; CLDR also names regions such as EU or UN, which are not
//! countries), named in the page's language from CLDR through ICU4X's
//! display names (Latvian, Russian, English, Estonian, Lithuanian, … all
//! come with it), sorted as that language sorts.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

use icu_collator::{options::CollatorOptions, Collator, CollatorPreferences};
use icu_experimental::displaynames::{multi::RegionDisplayNames, DisplayNamesOptions};
use icu_locale_core::{subtags::Region, Locale};

/// Whether `code` is an assigned ISO 3166-1 alpha-2 code (upper case).
pub fn is_country(code: &str) -> bool {
    rust_iso3166::ALL_ALPHA2.contains(&code)
}

/// An assigned country code as typed (any case, spaces around), upper case.
pub fn parse(typed: &str) -> Option<String> {
    let code = typed.trim().to_ascii_uppercase();
    is_country(&code).then_some(code)
}

type Listing = &'static [(&'static str, String)];

static LISTS: LazyLock<Mutex<HashMap<String, Listing>>> = LazyLock::new(Default::default);

/// Every country as (code, name in `lang`), in `lang`'s alphabetical order.
/// Made once per language and kept (about 250 names).
pub fn listing(lang: &str) -> Listing {
    let mut lists = LISTS.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(list) = lists.get(lang) {
        return list;
    }
    let list: Listing = Box::leak(build(lang).into_boxed_slice());
    lists.insert(lang.to_string(), list);
    list
}

/// The name of one country in `lang`, or the code when it has none.
pub fn name(code: &str, lang: &str) -> String {
    listing(lang)
        .iter()
        .find(|(c, _)| *c == code)
        .map_or_else(|| code.to_string(), |(_, n)| n.clone())
}

fn build(lang: &str) -> Vec<(&'static str, String)> {
    let locale: Locale = lang.parse().unwrap_or(icu_locale_core::locale!("en"));
    let names = RegionDisplayNames::try_new((&locale).into(), DisplayNamesOptions::default()).ok();
    let mut list: Vec<(&'static str, String)> = rust_iso3166::ALL_ALPHA2
        .iter()
        .map(|code| {
            let name = code
                .parse::<Region>()
                .ok()
                .and_then(|r| names.as_ref()?.of(r).map(str::to_string))
                .unwrap_or_else(|| code.to_string());
            (*code, name)
        })
        .collect();
    match Collator::try_new(
        CollatorPreferences::from(&locale),
        CollatorOptions::default(),
    ) {
        Ok(collator) => list.sort_by(|a, b| collator.compare(&a.1, &b.1)),
        Err(_) => list.sort_by(|a, b| a.1.cmp(&b.1)),
    }
    list
}

/// The country a time zone's place is in, from the zone's name where it
/// says ("Europe/Riga" → LV); `None` for zones the short table does not know.
/// Only the default of a cycle's country: organisers may set any.
pub fn of_zone(zone: &str) -> Option<&'static str> {
    // The zones of the seeds and their neighbours; anything else defaults to LV.
    const ZONES: &[(&str, &str)] = &[
        ("Europe/Riga", "LV"),
        ("Europe/Tallinn", "EE"),
        ("Europe/Vilnius", "LT"),
        ("Europe/Helsinki", "FI"),
        ("Europe/Stockholm", "SE"),
        ("Europe/Warsaw", "PL"),
        ("Europe/Berlin", "DE"),
        ("Europe/London", "GB"),
        ("Europe/Paris", "FR"),
        ("Europe/Minsk", "BY"),
        ("Europe/Kyiv", "UA"),
        ("Europe/Kiev", "UA"),
        ("Europe/Chisinau", "MD"),
        ("Europe/Moscow", "RU"),
        ("Asia/Almaty", "KZ"),
        ("Asia/Qostanay", "KZ"),
        ("Asia/Aqtobe", "KZ"),
        ("Asia/Aqtau", "KZ"),
        ("Asia/Oral", "KZ"),
        ("Asia/Atyrau", "KZ"),
        ("Asia/Qyzylorda", "KZ"),
        ("Asia/Tashkent", "UZ"),
        ("Asia/Samarkand", "UZ"),
        ("Asia/Bishkek", "KG"),
        ("Asia/Dushanbe", "TJ"),
        ("Asia/Ashgabat", "TM"),
        ("Asia/Baku", "AZ"),
        ("Asia/Yerevan", "AM"),
        ("Asia/Tbilisi", "GE"),
    ];
    ZONES.iter().find(|(z, _)| *z == zone).map(|(_, c)| *c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_assigned_codes_are_countries() {
        assert!(is_country("LV"));
        assert!(is_country("KZ"));
        assert_eq!(parse(" kz "), Some("KZ".into()));
        for bad in ["XX", "EU", "UN", "ZZ", "", "LVA", "lv1"] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn names_come_in_the_page_language() {
        assert_eq!(name("LV", "lv"), "Latvija");
        assert_eq!(name("KZ", "lv"), "Kazahstāna");
        assert_eq!(name("KZ", "ru"), "Казахстан");
        assert_eq!(name("KZ", "en"), "Kazakhstan");
        assert_eq!(listing("en").len(), rust_iso3166::ALL_ALPHA2.len());
    }

    #[test]
    fn the_list_is_in_the_language_alphabetical_order() {
        let lv: Vec<&str> = listing("lv").iter().map(|(_, n)| n.as_str()).collect();
        // Latvian: Č after every C and before D (not after Z as by code point).
        let first = |c: char| lv.iter().position(|n| n.starts_with(c)).unwrap();
        let last = |c: char| lv.iter().rposition(|n| n.starts_with(c)).unwrap();
        assert!(first('Č') > last('C') && last('Č') < first('D'), "{lv:?}");
        let ru: Vec<&str> = listing("ru").iter().map(|(_, n)| n.as_str()).collect();
        assert_eq!(ru.first(), Some(&"Австралия"));
    }

    #[test]
    fn zones_name_their_country() {
        assert_eq!(of_zone("Asia/Almaty"), Some("KZ"));
        assert_eq!(of_zone("Europe/Riga"), Some("LV"));
        assert_eq!(of_zone("America/Lima"), None);
    }
}
