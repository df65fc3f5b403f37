//! The public index's filter (issue 10): organisation, language of
//! instruction and country, each "any" by default. Values come from a query
//! string anyone can type, so parsing never fails: what is not one of the
//! offered options matches nothing, and the page says so.

/// The longest value kept; anything longer cannot be an option anyway.
const LONGEST: usize = 64;

/// One of the three choices: any cycle, or those with this value.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Choice {
    #[default]
    Any,
    Only(String),
}

impl Choice {
    fn parse(raw: &str) -> Self {
        let value = raw.trim();
        match value {
            "" => Choice::Any,
            // Too long to be a slug or a code: kept cut, so it matches nothing.
            v => Choice::Only(v.chars().take(LONGEST).collect()),
        }
    }

    /// Whether a cycle with `value` passes.
    pub fn admits(&self, value: Option<&str>) -> bool {
        match self {
            Choice::Any => true,
            Choice::Only(wanted) => value == Some(wanted.as_str()),
        }
    }

    /// Whether `value` is the one chosen (for `selected` on its option).
    pub fn is(&self, value: &str) -> bool {
        matches!(self, Choice::Only(v) if v == value)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct IndexFilter {
    pub organisation: Choice,
    pub language: Choice,
    pub country: Choice,
}

impl IndexFilter {
    /// From the query string's pairs; unknown names are ignored and a name
    /// given twice keeps its last value.
    pub fn from_pairs<K: AsRef<str>, V: AsRef<str>>(
        pairs: impl IntoIterator<Item = (K, V)>,
    ) -> Self {
        let mut filter = Self::default();
        for (k, v) in pairs {
            let choice = Choice::parse(v.as_ref());
            match k.as_ref() {
                "organisation" => filter.organisation = choice,
                "language" => filter.language = choice,
                "country" => filter.country = choice,
                _ => {}
            }
        }
        filter
    }

    /// The chosen values by name, for links that keep the choice (the
    /// language switcher): only the three names, each value cut short.
    pub fn pairs(&self) -> Vec<(&'static str, &str)> {
        [
            ("organisation", &self.organisation),
            ("language", &self.language),
            ("country", &self.country),
        ]
        .into_iter()
        .filter_map(|(name, choice)| match choice {
            Choice::Any => None,
            Choice::Only(v) => Some((name, v.as_str())),
        })
        .collect()
    }

    /// Whether anything is chosen at all.
    pub fn is_any(&self) -> bool {
        *self == Self::default()
    }

    /// Whether a cycle of this organisation (slug), language and country passes.
    pub fn admits(&self, organisation: Option<&str>, language: &str, country: &str) -> bool {
        self.organisation.admits(organisation)
            && self.language.admits(Some(language))
            && self.country.admits(Some(country))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_chosen_admits_every_cycle() {
        let f = IndexFilter::from_pairs([("lang", "en"), ("organisation", " ")]);
        assert!(f.is_any());
        assert!(f.admits(None, "lv", "LV"));
        assert!(f.admits(Some("lmb"), "ru", "KZ"));
    }

    #[test]
    fn each_choice_narrows() {
        let f = IndexFilter::from_pairs([("organisation", "lmb"), ("country", "LV")]);
        assert!(f.admits(Some("lmb"), "lv", "LV"));
        assert!(!f.admits(Some("icom"), "lv", "LV"));
        assert!(!f.admits(None, "lv", "LV"), "a cycle of no organisation");
        assert!(!f.admits(Some("lmb"), "lv", "KZ"));
        let f = IndexFilter::from_pairs([("language", "ru")]);
        assert!(f.admits(None, "ru", "KZ"));
        assert!(!f.admits(None, "lv", "KZ"));
    }

    #[test]
    fn hostile_values_match_nothing_and_stay_short() {
        let huge = "x".repeat(100_000);
        let f = IndexFilter::from_pairs([
            ("organisation", huge.as_str()),
            ("country", "<script>alert(1)</script>"),
        ]);
        assert_eq!(f.organisation, Choice::Only("x".repeat(LONGEST)));
        assert!(!f.is_any());
        assert!(!f.admits(Some("lmb"), "lv", "LV"));
    }
}
