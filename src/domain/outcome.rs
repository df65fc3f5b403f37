//! What meeting a cycle's `min_sessions` earns: a grant application (when the
//! cycle has a grant call), a certificate of participation, both, or nothing
//! beyond the record. The words on every page follow it, so a
//! certificate-only training never speaks of a grant.

use super::eligibility::{Standing, Verdict};
use super::Status;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outcome {
    pub grant: bool,
    pub certificate: bool,
}

impl Outcome {
    pub fn new(has_grant_call: bool, certificate: bool) -> Self {
        Self {
            grant: has_grant_call,
            certificate,
        }
    }

    /// Whether meeting the rule earns anything to tell people about.
    pub fn earns_something(self) -> bool {
        self.grant || self.certificate
    }

    /// Which words the pages use: the suffix of `outcome-…` messages.
    pub fn key(self) -> &'static str {
        match (self.grant, self.certificate) {
            (true, true) => "both",
            (true, false) => "grant",
            (false, true) => "certificate",
            (false, false) => "none",
        }
    }

    /// A participant who met the rule may open their certificate.
    pub fn certificate_earned(self, status: Status, standing: &Standing) -> bool {
        self.certificate && status == Status::Confirmed && standing.verdict == Verdict::Eligible
    }
}

/// Letters of a verification code: Crockford's base 32 (no I, L, O, U), so
/// a code read aloud or retyped from paper is not mistaken.
const CODE_ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// 16 letters of 5 bits: 80 random bits, far beyond guessing.
pub const CODE_LETTERS: usize = 16;

/// A code from random bytes (at least `CODE_LETTERS`), grouped by four:
/// `7K2M-Q9XD-4HTB-0ZRC`.
pub fn verification_code(random: &[u8]) -> String {
    let letters: Vec<char> = random
        .iter()
        .take(CODE_LETTERS)
        .map(|b| CODE_ALPHABET[usize::from(b % 32)] as char)
        .collect();
    letters
        .chunks(4)
        .map(|group| group.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

/// A code as someone typed it, in the stored form, or `None` when it cannot
/// be one: case and hyphens or spaces do not matter, and O, I and L read as
/// 0, 1 and 1.
pub fn normalise_code(typed: &str) -> Option<String> {
    let letters: String = typed
        .chars()
        .filter(|c| !matches!(c, '-' | ' '))
        .map(|c| match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            other => other,
        })
        .collect();
    let valid =
        letters.len() == CODE_LETTERS && letters.bytes().all(|b| CODE_ALPHABET.contains(&b));
    valid.then(|| {
        letters
            .as_bytes()
            .chunks(4)
            .map(|group| String::from_utf8_lossy(group).into_owned())
            .collect::<Vec<_>>()
            .join("-")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_words_follow_the_outcome() {
        assert_eq!(Outcome::new(true, false).key(), "grant");
        assert_eq!(Outcome::new(false, true).key(), "certificate");
        assert_eq!(Outcome::new(true, true).key(), "both");
        assert_eq!(Outcome::new(false, false).key(), "none");
    }

    #[test]
    fn a_certificate_needs_the_rule_met_and_a_confirmed_seat() {
        let met = Standing::from_count(4, 0, 4);
        let short = Standing::from_count(3, 0, 4);
        let training = Outcome::new(false, true);
        assert!(training.certificate_earned(Status::Confirmed, &met));
        assert!(!training.certificate_earned(Status::Confirmed, &short));
        assert!(!training.certificate_earned(Status::Cancelled, &met));
        assert!(!Outcome::new(true, false).certificate_earned(Status::Confirmed, &met));
    }

    #[test]
    fn codes_read_back_however_they_are_typed() {
        let code = verification_code(&[0, 1, 2, 3, 31, 30, 29, 28, 10, 11, 12, 13, 14, 15, 16, 17]);
        assert_eq!(code, "0123-ZYXW-ABCD-EFGH");
        assert_eq!(
            normalise_code("0123zyxwabcdefgh").as_deref(),
            Some(code.as_str())
        );
        assert_eq!(
            normalise_code("O123 ZYXW ABCD EFGH").as_deref(),
            Some(code.as_str())
        );
        assert_eq!(normalise_code("0123-ZYXW-ABCD-EFG"), None);
        assert_eq!(normalise_code("0123-ZYXW-ABCD-EFGU"), None);
        assert_eq!(normalise_code("<script>"), None);
    }

    proptest! {
        #[test]
        fn every_generated_code_is_its_own_normal_form(bytes in proptest::collection::vec(any::<u8>(), CODE_LETTERS)) {
            let code = verification_code(&bytes);
            prop_assert_eq!(normalise_code(&code), Some(code.clone()));
            prop_assert_eq!(normalise_code(&code.to_lowercase()), Some(code));
        }
    }
}
