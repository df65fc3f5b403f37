//! Typed domain values. Their constructors are the only way in, so an invalid
//! email or slug cannot exist past the edge of the program.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ValueError {
    #[error("invalid email address")]
    Email,
    /// A domain label mixing Latin with Cyrillic or Greek letters: a
    /// look-alike of another address (a Cyrillic "а" in "muzejs.lv").
    #[error("email domain mixes alphabets")]
    MixedScriptDomain,
    #[error("invalid slug")]
    Slug,
    #[error("invalid capacity")]
    Capacity,
    #[error("invalid session number")]
    SessionNo,
    #[error("unknown value")]
    Unknown,
    /// A stored value the program does not know: an error, never a guess.
    #[error("unknown {kind} {value:?}")]
    UnknownStored { kind: &'static str, value: String },
}

impl ValueError {
    /// The message beside an email field that this error refuses.
    pub fn email_message_key(&self) -> &'static str {
        match self {
            ValueError::MixedScriptDomain => "field-email-mixed-script",
            _ => "field-email-invalid",
        }
    }
}

/// An email address as typed (trimmed), with a case-folded form for comparison
/// ("Anna@Muzejs.lv" and "anna@muzejs.lv" are one person — rule 5).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email {
    as_typed: String,
    normalised: String,
}

impl Email {
    pub fn parse(raw: &str) -> Result<Self, ValueError> {
        let s = raw.trim();
        // RFC 5321 limit; also rejects CR/LF so an address can never inject a header.
        if s.is_empty() || s.len() > 254 || s.chars().any(|c| c.is_control() || c.is_whitespace()) {
            return Err(ValueError::Email);
        }
        if !validator::ValidateEmail::validate_email(&s) {
            return Err(ValueError::Email);
        }
        let (_, domain) = s.rsplit_once('@').ok_or(ValueError::Email)?;
        // A deliverable address needs a dotted domain; `anna@localhost` is a typo here.
        if !domain.contains('.') || domain.starts_with('.') || domain.ends_with('.') {
            return Err(ValueError::Email);
        }
        if domain.split('.').any(mixes_confusable_scripts) {
            return Err(ValueError::MixedScriptDomain);
        }
        // One spelling per address: "ē" typed as e + combining macron is "ē".
        let s = super::text::nfc(s);
        Ok(Self {
            normalised: s.to_lowercase(),
            as_typed: s,
        })
    }
    pub fn as_str(&self) -> &str {
        &self.as_typed
    }
    pub fn normalised(&self) -> &str {
        &self.normalised
    }
}

/// Whether one domain label mixes the alphabets whose letters look alike
/// (Latin, Cyrillic, Greek). Digits and hyphens belong to no alphabet; a
/// label wholly in one of them (`рф`, `muzejs`) is fine.
fn mixes_confusable_scripts(label: &str) -> bool {
    use unicode_script::{Script, UnicodeScript};
    let (mut latin, mut cyrillic, mut greek) = (false, false, false);
    for c in label.chars() {
        match c.script() {
            Script::Latin => latin = true,
            Script::Cyrillic => cyrillic = true,
            Script::Greek => greek = true,
            _ => {}
        }
    }
    u8::from(latin) + u8::from(cyrillic) + u8::from(greek) > 1
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.as_typed)
    }
}

/// The URL name of a cycle: lowercase ASCII letters, digits and single hyphens.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Slug(String);

impl Slug {
    pub fn parse(raw: &str) -> Result<Self, ValueError> {
        let s = raw.trim();
        let ok = (2..=80).contains(&s.len())
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !s.starts_with('-')
            && !s.ends_with('-')
            && !s.contains("--");
        if ok {
            Ok(Self(s.to_string()))
        } else {
            Err(ValueError::Slug)
        }
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Seats in a cycle. Zero is allowed (a cycle that only keeps a waitlist).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Capacity(u32);

impl Capacity {
    pub const MAX: u32 = 100_000;
    pub fn new(n: i64) -> Result<Self, ValueError> {
        if (0..=i64::from(Self::MAX)).contains(&n) {
            Ok(Self(n as u32))
        } else {
            Err(ValueError::Capacity)
        }
    }
    pub fn get(self) -> u32 {
        self.0
    }
}

/// Position of a session in its cycle, counted from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct SessionNo(u32);

impl SessionNo {
    pub fn new(n: i64) -> Result<Self, ValueError> {
        if (1..=100).contains(&n) {
            Ok(Self(n as u32))
        } else {
            Err(ValueError::SessionNo)
        }
    }
    pub fn get(self) -> u32 {
        self.0
    }
}

macro_rules! text_enum {
    ($(#[$m:meta])* $name:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name { $($variant),+ }
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
            pub fn parse(s: &str) -> Result<Self, ValueError> {
                match s { $($text => Ok($name::$variant),)+ _ => Err(ValueError::Unknown) }
            }
        }
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result { f.write_str(self.as_str()) }
        }
        /// How storage reads the value back (diesel's `deserialize_as`).
        impl TryFrom<String> for $name {
            type Error = ValueError;
            fn try_from(s: String) -> Result<Self, ValueError> {
                $name::parse(&s).map_err(|_| ValueError::UnknownStored { kind: stringify!($name), value: s })
            }
        }
        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool { self.as_str() == *other }
        }
    };
}

text_enum!(
    /// What kind of memory institution a participant works at.
    InstitutionType { Museum => "museum", Library => "library", Archive => "archive", Gallery => "gallery", Other => "other" }
);

text_enum!(
    /// A registration's state. Seats taken = `Pending` + `Confirmed` (rule 2).
    Status { Pending => "pending", Confirmed => "confirmed", Waitlisted => "waitlisted", Cancelled => "cancelled", Expired => "expired" }
);

/// A language the interface speaks: one per `templates/i18n/{code}.ftl`,
/// listed at build time (build.rs), so adding a language is adding a file.
/// Latvian is the default (the first users are Latvian).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Language(&'static str);

// The names match the enum this once was, so `Language::Lv` reads as before.
#[allow(non_upper_case_globals)]
impl Language {
    pub const Lv: Language = Language("lv");
    pub const En: Language = Language("en");
    pub const Ru: Language = Language("ru");
    /// Every language with a translation file, by code.
    pub const ALL: &'static [Language] = include!(concat!(env!("OUT_DIR"), "/languages.rs"));

    pub fn as_str(self) -> &'static str {
        self.0
    }
    pub fn parse(s: &str) -> Result<Self, ValueError> {
        Self::ALL
            .iter()
            .find(|l| l.0 == s)
            .copied()
            .ok_or(ValueError::Unknown)
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

/// How storage reads the value back (diesel's `deserialize_as`).
impl TryFrom<String> for Language {
    type Error = ValueError;
    fn try_from(s: String) -> Result<Self, ValueError> {
        Language::parse(&s).map_err(|_| ValueError::UnknownStored {
            kind: "Language",
            value: s,
        })
    }
}

impl PartialEq<&str> for Language {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

text_enum!(
    /// Where a session happens.
    SessionMode { InPerson => "in_person", Online => "online" }
);

text_enum!(
    /// How an attendance mark was made.
    AttendanceSource { Manual => "manual", Checkin => "checkin", Import => "import" }
);

text_enum!(
    /// Who an organiser's message goes to: seat holders, the waiting list,
    /// or confirmed participants by where their attendance stands.
    Audience { SeatHolders => "seat_holders", Waitlist => "waitlist", Eligible => "eligible", StillPossible => "still_possible", NoLongerPossible => "no_longer_possible" }
);

text_enum!(
    /// Where a grant application stands: written, sent, decided.
    ApplicationStatus { Draft => "draft", Submitted => "submitted", Funded => "funded", NotFunded => "not_funded" }
);

text_enum!(
    /// What an organiser account may do.
    Role { Admin => "admin", Organiser => "organiser" }
);

/// A cycle's time zone (IANA name), as stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Zone(pub chrono_tz::Tz);

impl TryFrom<String> for Zone {
    type Error = ValueError;
    fn try_from(s: String) -> Result<Self, ValueError> {
        s.parse().map(Zone).map_err(|_| ValueError::UnknownStored {
            kind: "time zone",
            value: s,
        })
    }
}

impl Status {
    pub fn holds_seat(self) -> bool {
        matches!(self, Status::Pending | Status::Confirmed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_is_compared_case_insensitively() {
        let a = Email::parse(" Anna.Berzina@Muzejs.LV ").unwrap();
        assert_eq!(a.as_str(), "Anna.Berzina@Muzejs.LV");
        assert_eq!(a.normalised(), "anna.berzina@muzejs.lv");
    }

    #[test]
    fn email_rejects_what_cannot_be_delivered_or_injects_headers() {
        for bad in [
            "",
            "anna",
            "anna@",
            "@muzejs.lv",
            "anna@localhost",
            "anna@muzejs.lv\r\nBcc: x@y.lv",
            "an na@muzejs.lv",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad:?} accepted");
        }
        assert!(Email::parse(&format!("{}@muzejs.lv", "a".repeat(300))).is_err());
    }

    #[test]
    fn look_alike_domains_are_refused() {
        for bad in [
            "anna@muzej\u{0455}.lv",      // Cyrillic ѕ
            "anna@l\u{0430}tvija.lv",     // Cyrillic а
            "anna@muzejs.l\u{0475}",      // Cyrillic ѵ in the top-level label
            "anna@\u{03BF}rg.example.lv", // Greek ο
            "anna@\u{0440}\u{03C6}.lv",   // Cyrillic р with Greek φ
            "ANNA@MUZEJ\u{0405}.LV",      // capital Cyrillic Ѕ
        ] {
            assert_eq!(
                Email::parse(bad),
                Err(ValueError::MixedScriptDomain),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn one_alphabet_per_label_is_fine() {
        for good in [
            "anna@muzejs.lv",
            "anna@пример.рф",
            "anna@muzejs.рф",
            "anna@ελληνικά.gr",
            "anna@bērziņš-2.lv",
            "anna@xn--e1afmkfd.xn--p1ai",
        ] {
            assert!(Email::parse(good).is_ok(), "{good:?} refused");
        }
        // Composed and decomposed letters are one address.
        let a = Email::parse("anna@be\u{304}rzin\u{327}s.lv").unwrap();
        assert_eq!(a.as_str(), "anna@bērziņs.lv");
    }

    proptest::proptest! {
        /// Any Latin label with one letter swapped for a Cyrillic or Greek
        /// look-alike is refused; the label left Latin is accepted.
        #[test]
        fn a_single_swapped_letter_is_caught(
            label in "[a-z]{2,12}",
            at in 0usize..12,
            swap in proptest::sample::select(vec![
                '\u{0430}', '\u{0435}', '\u{043E}', '\u{0440}', '\u{0441}', '\u{0455}',
                '\u{0456}', '\u{0458}', '\u{03BF}', '\u{03B1}', '\u{03BD}',
            ]),
        ) {
            let at = at % label.len();
            let mut chars: Vec<char> = label.chars().collect();
            let clean = format!("x@{label}.lv");
            proptest::prop_assert!(Email::parse(&clean).is_ok(), "{}", clean);
            chars[at] = swap;
            let spoofed = format!("x@{}.lv", chars.into_iter().collect::<String>());
            proptest::prop_assert_eq!(Email::parse(&spoofed), Err(ValueError::MixedScriptDomain));
        }
    }

    #[test]
    fn slug_accepts_only_url_safe_names() {
        assert!(Slug::parse("kopienas-2023").is_ok());
        for bad in [
            "",
            "a",
            "Kopienas",
            "kopienas 2023",
            "-x",
            "x-",
            "a--b",
            "kopienā",
            "../etc",
        ] {
            assert!(Slug::parse(bad).is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn capacity_and_session_number_bounds() {
        assert!(Capacity::new(-1).is_err());
        assert_eq!(Capacity::new(30).unwrap().get(), 30);
        assert!(Capacity::new(i64::from(Capacity::MAX) + 1).is_err());
        assert!(SessionNo::new(0).is_err());
        assert_eq!(SessionNo::new(5).unwrap().get(), 5);
    }

    #[test]
    fn enums_round_trip_through_text() {
        for s in Status::ALL {
            assert_eq!(Status::parse(s.as_str()), Ok(*s));
        }
        assert!(InstitutionType::parse("zoo").is_err());
    }

    #[test]
    fn unknown_stored_values_are_errors_not_guesses() {
        assert_eq!(
            Status::try_from("confirmed".to_string()),
            Ok(Status::Confirmed)
        );
        assert_eq!(
            Status::try_from("lost".to_string()),
            Err(ValueError::UnknownStored {
                kind: "Status",
                value: "lost".into()
            })
        );
        assert!(Language::try_from("de".to_string()).is_err());
        assert!(Zone::try_from("Europe/Atlantis".to_string()).is_err());
        assert_eq!(
            Zone::try_from("Europe/Riga".to_string()),
            Ok(Zone(chrono_tz::Europe::Riga))
        );
        assert!(SessionMode::try_from("hybrid".to_string()).is_err());
    }
}
