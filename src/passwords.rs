//! Organiser passwords: argon2id with the OWASP-recommended parameters
//! (m = 19 MiB, t = 2, p = 1 — the argon2 crate's defaults).

use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::Argon2;

pub const MIN_LENGTH: usize = 12;
pub const MAX_LENGTH: usize = 256;

pub fn hash(password: &str) -> anyhow::Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Ok(Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map_err(|e| anyhow::anyhow!("hashing failed: {e}"))?
        .to_string())
}

/// A hash of nothing in particular, verified when the account does not exist,
/// so a wrong email costs the same time as a wrong password. It is written
/// out rather than computed at start: hashing takes 19 MiB for a moment, and
/// the server's peak memory would carry that from its first second (a login
/// still takes it for the moment it verifies). A test
/// checks that it has the same parameters as `hash` makes, so it costs as much
/// to verify.
const DUMMY: &str = "$argon2id$v=19$m=19456,t=2,p=1$OqFndItnjdALmNfOOYhahw$FatfXoLI8Jo+92H/YYsgmiPNzdxNyIL7gGxiG3HOhDw";

pub fn verify(password: &str, stored: Option<&str>) -> bool {
    let target = stored.unwrap_or(DUMMY);
    let ok = PasswordHash::new(target)
        .map(|h| {
            Argon2::default()
                .verify_password(password.as_bytes(), &h)
                .is_ok()
        })
        .unwrap_or(false);
    ok && stored.is_some()
}

pub fn acceptable(password: &str) -> Result<(), &'static str> {
    let n = password.chars().count();
    if n < MIN_LENGTH {
        Err("field-password-short")
    } else if n > MAX_LENGTH {
        Err("field-too-long")
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_argon2id_with_owasp_parameters() {
        let h = hash("correct horse battery").unwrap();
        assert!(h.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{h}");
        assert!(verify("correct horse battery", Some(&h)));
        assert!(!verify("wrong horse battery", Some(&h)));
        assert!(!verify("correct horse battery", None));
    }

    /// A missing account verifies against `DUMMY`: the same work as a real
    /// hash only if it has the same parameters and is a real hash.
    #[test]
    fn the_stand_in_hash_costs_what_a_real_one_does() {
        let made = PasswordHash::new(&hash("anything at all").unwrap())
            .unwrap()
            .to_string();
        let stand_in = PasswordHash::new(DUMMY).unwrap();
        let parameters = |phc: &str| phc.rsplitn(3, '$').nth(2).unwrap().to_string();
        assert_eq!(parameters(DUMMY), parameters(&made));
        assert!(Argon2::default()
            .verify_password(b"no account has this password", &stand_in)
            .is_ok());
        assert!(!verify("no account has this password", None));
    }
}
