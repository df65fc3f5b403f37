//! Secrets in links. A participant's link is `/r/{id}.{mac}` where the MAC is
//! HMAC-SHA256 over the registration id and a per-registration nonce, keyed by
//! the installation's secret. The database holds no usable token (a copy of it
//! opens nothing), the link can be sent again when someone registers twice, and
//! changing the nonce revokes it. MACs are compared in constant time.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::{Digest, Sha256};

type HmacSha256 = Hmac<Sha256>;

#[derive(Clone)]
pub struct Keys {
    master: Vec<u8>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// The participant's own page.
    Participant,
    /// The QR code scanned by an organiser at the door.
    Checkin,
}

impl Purpose {
    fn label(self) -> &'static [u8] {
        match self {
            Purpose::Participant => b"cohort participant link v1",
            Purpose::Checkin => b"cohort check-in code v1",
        }
    }
}

impl Keys {
    pub fn new(master: &[u8]) -> Self {
        Self {
            master: master.to_vec(),
        }
    }

    /// The 64-byte key for signing session cookies.
    pub fn cookie_key(&self) -> [u8; 64] {
        let mut out = [0u8; 64];
        out[..32].copy_from_slice(&self.derive(b"cookie-a"));
        out[32..].copy_from_slice(&self.derive(b"cookie-b"));
        out
    }

    fn derive(&self, label: &[u8]) -> [u8; 32] {
        let mut m = HmacSha256::new_from_slice(&self.master).expect("HMAC takes any key length");
        m.update(label);
        m.finalize().into_bytes().into()
    }

    fn mac(&self, purpose: Purpose, id: i32, nonce: &str) -> HmacSha256 {
        let mut m =
            HmacSha256::new_from_slice(&self.derive(purpose.label())).expect("any key length");
        m.update(id.to_string().as_bytes());
        m.update(b"\0");
        m.update(nonce.as_bytes());
        m
    }

    pub fn issue(&self, purpose: Purpose, id: i32, nonce: &str) -> String {
        let mac = self.mac(purpose, id, nonce).finalize().into_bytes();
        format!("{id}.{}", URL_SAFE_NO_PAD.encode(mac))
    }

    /// The id a token claims to be for; check it with `verify` once the nonce is loaded.
    pub fn claimed_id(token: &str) -> Option<i32> {
        let (id, mac) = token.split_once('.')?;
        // Exactly the digits `issue` writes: "02" or "+2" would be other
        // spellings of one link, which must have one form only.
        let canonical = !id.is_empty()
            && id.len() <= 10
            && id.bytes().all(|b| b.is_ascii_digit())
            && !id.starts_with('0');
        if mac.len() != 43 || !canonical {
            return None;
        }
        id.parse().ok().filter(|n: &i32| *n > 0)
    }

    pub fn verify(&self, purpose: Purpose, token: &str, nonce: &str) -> bool {
        let Some(id) = Self::claimed_id(token) else {
            return false;
        };
        let Some((_, mac)) = token.split_once('.') else {
            return false;
        };
        let Ok(mac) = URL_SAFE_NO_PAD.decode(mac) else {
            return false;
        };
        self.mac(purpose, id, nonce).verify_slice(&mac).is_ok()
    }
}

/// A fresh random string of `bytes` bytes, URL-safe.
pub fn random(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    rand::thread_rng().fill_bytes(&mut buf);
    URL_SAFE_NO_PAD.encode(buf)
}

pub fn sha256_hex(s: &str) -> String {
    hex::encode(Sha256::digest(s.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_opens_only_its_own_registration() {
        let keys = Keys::new(b"test key");
        let t = keys.issue(Purpose::Participant, 42, "nonce-a");
        assert!(t.len() > 40);
        assert_eq!(Keys::claimed_id(&t), Some(42));
        assert!(keys.verify(Purpose::Participant, &t, "nonce-a"));
        assert!(
            !keys.verify(Purpose::Participant, &t, "nonce-b"),
            "new nonce revokes"
        );
        assert!(
            !keys.verify(Purpose::Checkin, &t, "nonce-a"),
            "purposes do not mix"
        );
        assert!(!Keys::new(b"other").verify(Purpose::Participant, &t, "nonce-a"));
        let forged = t.replacen("42.", "43.", 1);
        assert!(!keys.verify(Purpose::Participant, &forged, "nonce-a"));
        for junk in ["", ".", "42.", "x.y", "-1.aaaa", "42.%%%%"] {
            assert!(!keys.verify(Purpose::Participant, junk, "nonce-a"));
        }
    }

    #[test]
    fn a_link_has_one_spelling_only() {
        let keys = Keys::new(b"test key");
        let t = keys.issue(Purpose::Participant, 2, "nonce");
        let mac = t.split_once('.').unwrap().1;
        for other in [
            format!("02.{mac}"),
            format!("+2.{mac}"),
            format!(" 2.{mac}"),
        ] {
            assert_eq!(Keys::claimed_id(&other), None, "{other}");
            assert!(!keys.verify(Purpose::Participant, &other, "nonce"));
        }
        assert!(keys.verify(Purpose::Participant, &t, "nonce"));
    }
}
