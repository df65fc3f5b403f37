//! Limits kept in this process's memory: registrations per address, and the
//! login throttles (per account and address, per address, per account).
//!
//! Time is passed in (`Instant`), so the rules are unit-tested without waiting.

use std::collections::{HashMap, VecDeque};
use std::num::NonZeroU32;
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use crate::config::Settings;

pub struct Limits {
    /// Accepted registrations per address in the last minute.
    pub registrations: Recent,
    pub registrations_per_minute: usize,
    /// "Lost your link?" requests per address in the last minute (as many
    /// as registrations).
    pub lost_links: Recent,
    pub login: LoginLimits,
}

impl Limits {
    pub fn new(settings: &Settings) -> Self {
        let per_15 = settings.login_attempts_per_15_minutes;
        Self {
            registrations: Recent::new(Duration::from_secs(60)),
            registrations_per_minute: settings.registrations_per_ip_per_minute.max(1) as usize,
            lost_links: Recent::new(Duration::from_secs(60)),
            login: LoginLimits {
                account_address: LoginThrottle::new(per_15),
                address: LoginThrottle::new(per_15.saturating_mul(4)),
                account: AccountLock::new(
                    settings.login_account_lock_after,
                    Duration::from_secs(60 * u64::from(settings.login_account_lock_minutes.max(1))),
                ),
            },
        }
    }

    /// Takes one of this address's registrations for the last minute, or
    /// `None` when they are all taken. The place is given back when the
    /// reservation is dropped unless it was kept: only accepted registrations
    /// count, yet requests in flight at once cannot all slip under the limit.
    pub fn reserve_registration(&self, address: &str) -> Option<Reservation<'_>> {
        let at = Instant::now();
        self.registrations
            .add_below(address, self.registrations_per_minute, at)
            .map(|_| Reservation {
                recent: &self.registrations,
                key: address.to_string(),
                at,
                kept: false,
            })
    }

    /// Counts one "lost your link?" request from this address; `false` when
    /// the address has asked as often as it may this minute.
    pub fn allow_lost_link(&self, address: &str) -> bool {
        self.lost_links
            .add_below(address, self.registrations_per_minute, Instant::now())
            .is_some()
    }

    /// Forgets what no longer matters, so memory stays bounded (the
    /// background task calls this once a minute).
    pub fn forget_old(&self) {
        let now = Instant::now();
        self.registrations.forget_old(now);
        self.lost_links.forget_old(now);
        self.login.account_address.forget_old();
        self.login.address.forget_old();
        self.login.account.forget_old(now);
    }
}

/// The times of recent events per key, within a sliding window.
pub struct Recent {
    window: Duration,
    times: Mutex<HashMap<String, VecDeque<Instant>>>,
}

impl Recent {
    pub fn new(window: Duration) -> Self {
        Self {
            window,
            times: Mutex::default(),
        }
    }

    fn times(&self) -> MutexGuard<'_, HashMap<String, VecDeque<Instant>>> {
        self.times.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Adds an event for `key` at `now` if fewer than `limit` are in the
    /// window; returns how many there are then. A key never holds more than
    /// `limit` times.
    pub fn add_below(&self, key: &str, limit: usize, now: Instant) -> Option<usize> {
        let mut times = self.times();
        let list = times.entry(key.to_string()).or_default();
        while list
            .front()
            .is_some_and(|t| now.saturating_duration_since(*t) >= self.window)
        {
            list.pop_front();
        }
        if list.len() >= limit {
            return None;
        }
        list.push_back(now);
        Some(list.len())
    }

    fn remove(&self, key: &str, at: Instant) {
        let mut times = self.times();
        if let Some(list) = times.get_mut(key) {
            if let Some(i) = list.iter().rposition(|t| *t == at) {
                list.remove(i);
            }
            if list.is_empty() {
                times.remove(key);
            }
        }
    }

    fn clear(&self, key: &str) {
        self.times().remove(key);
    }

    pub fn forget_old(&self, now: Instant) {
        let window = self.window;
        self.times().retain(|_, list| {
            list.retain(|t| now.saturating_duration_since(*t) < window);
            !list.is_empty()
        });
    }

    #[cfg(test)]
    fn keys(&self) -> usize {
        self.times().len()
    }
}

/// A place under a limit, given back on drop unless kept.
pub struct Reservation<'a> {
    recent: &'a Recent,
    key: String,
    at: Instant,
    kept: bool,
}

impl Reservation<'_> {
    /// The request was accepted: it counts toward the limit.
    pub fn keep(mut self) {
        self.kept = true;
    }
}

impl Drop for Reservation<'_> {
    fn drop(&mut self) {
        if !self.kept {
            self.recent.remove(&self.key, self.at);
        }
    }
}

/// Failed logins, three ways. Guessing is slowed per account *and* address
/// first, so a stranger elsewhere cannot lock an organiser out; per address
/// (across accounts); and only at a much higher count, from anywhere, is the
/// account itself locked for everyone.
pub struct LoginLimits {
    pub account_address: LoginThrottle,
    pub address: LoginThrottle,
    pub account: AccountLock,
}

/// Why a login is not even tried, and for how long.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoginRefusal {
    /// Too many failures from this address (for this account or any).
    FromHere { wait: Duration },
    /// The account is locked for everyone.
    AccountLocked { wait: Duration },
}

impl LoginLimits {
    /// `account` is the typed email, lower-cased; `address` the client's.
    pub fn refused(&self, account: &str, address: &str) -> Option<LoginRefusal> {
        let now = Instant::now();
        if let Some(wait) = self.account.locked_for(account, now) {
            return Some(LoginRefusal::AccountLocked { wait });
        }
        let here = [
            self.account_address.locked_for(&pair(account, address)),
            self.address.locked_for(address),
        ];
        here.into_iter()
            .flatten()
            .max()
            .map(|wait| LoginRefusal::FromHere { wait })
    }

    /// Records a wrong password (or unknown account: both count the same, so
    /// the answers tell nothing about which accounts exist).
    pub fn failed(&self, account: &str, address: &str) {
        self.account_address.failed(&pair(account, address));
        self.address.failed(address);
        if self.account.failed(account, Instant::now()) {
            tracing::warn!(
                account,
                "account locked for everyone after many failed logins from several addresses"
            );
        }
    }
}

fn pair(account: &str, address: &str) -> String {
    format!("{account} {address}")
}

/// Slows down guessing: only failed logins count. After `attempts` failures
/// in a row (refilling one per `15 min / attempts`), the key is refused —
/// even with the right password — until a failure's worth of time passes.
pub struct LoginThrottle {
    failures: DefaultKeyedRateLimiter<String>,
    locked: Mutex<HashMap<String, Instant>>,
    cooldown: Duration,
}

impl LoginThrottle {
    pub fn new(attempts_per_15_minutes: u32) -> Self {
        let n = attempts_per_15_minutes.max(2);
        let cooldown = Duration::from_secs(15 * 60) / n;
        let quota = Quota::with_period(cooldown)
            .expect("non-zero period")
            .allow_burst(NonZeroU32::new(n - 1).expect("non-zero"));
        Self {
            failures: RateLimiter::keyed(quota),
            locked: Mutex::default(),
            cooldown,
        }
    }

    fn locks(&self) -> MutexGuard<'_, HashMap<String, Instant>> {
        self.locked.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// How long `key` is still refused, if it is.
    pub fn locked_for(&self, key: &str) -> Option<Duration> {
        let now = Instant::now();
        self.locks()
            .get(key)
            .filter(|until| **until > now)
            .map(|until| *until - now)
    }

    pub fn failed(&self, key: &str) {
        if self.failures.check_key(&key.to_string()).is_err() {
            self.locks()
                .insert(key.to_string(), Instant::now() + self.cooldown);
        }
    }

    pub fn forget_old(&self) {
        self.failures.retain_recent();
        let now = Instant::now();
        self.locks().retain(|_, until| *until > now);
    }
}

/// Locks an account for everyone once `after` logins failed within 15
/// minutes, from wherever they came, for `lock_for`. Its failures are then
/// forgotten: after the lock, the same number is needed to lock it again.
pub struct AccountLock {
    after: usize,
    lock_for: Duration,
    failures: Recent,
    locked: Mutex<HashMap<String, Instant>>,
}

impl AccountLock {
    pub fn new(after: u32, lock_for: Duration) -> Self {
        Self {
            after: after.max(1) as usize,
            lock_for,
            failures: Recent::new(Duration::from_secs(15 * 60)),
            locked: Mutex::default(),
        }
    }

    fn locks(&self) -> MutexGuard<'_, HashMap<String, Instant>> {
        self.locked.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn locked_for(&self, account: &str, now: Instant) -> Option<Duration> {
        self.locks()
            .get(account)
            .filter(|until| **until > now)
            .map(|until| *until - now)
    }

    /// Counts a failure; true when it locked the account.
    pub fn failed(&self, account: &str, now: Instant) -> bool {
        let count = self.failures.add_below(account, self.after, now);
        if count.is_some_and(|n| n < self.after) {
            return false;
        }
        self.failures.clear(account);
        self.locks()
            .insert(account.to_string(), now + self.lock_for);
        true
    }

    pub fn forget_old(&self, now: Instant) {
        self.failures.forget_old(now);
        self.locks().retain(|_, until| *until > now);
    }
}

/// Whole minutes to wait, rounded up (never "0 minutes").
pub fn minutes(wait: Duration) -> u64 {
    wait.as_secs().div_ceil(60).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIN: Duration = Duration::from_secs(60);

    #[test]
    fn a_window_holds_at_most_its_limit_and_slides() {
        let r = Recent::new(MIN);
        let t0 = Instant::now();
        assert_eq!(r.add_below("a", 2, t0), Some(1));
        assert_eq!(r.add_below("a", 2, t0 + Duration::from_secs(30)), Some(2));
        assert_eq!(r.add_below("a", 2, t0 + Duration::from_secs(59)), None);
        assert_eq!(r.add_below("b", 2, t0), Some(1), "another key is apart");
        // The first one leaves the window after a minute.
        assert_eq!(r.add_below("a", 2, t0 + MIN), Some(2));
        r.forget_old(t0 + 3 * MIN);
        assert_eq!(r.keys(), 0, "old keys are forgotten");
    }

    fn limits(per_minute: u32) -> Limits {
        let mut s = Settings::load().expect("default settings");
        s.registrations_per_ip_per_minute = per_minute;
        Limits::new(&s)
    }

    #[test]
    fn only_kept_reservations_count() {
        let l = limits(2);
        for _ in 0..10 {
            // Refused input: dropped without keeping.
            assert!(l.reserve_registration("x").is_some());
        }
        l.reserve_registration("x").expect("room").keep();
        let held = l.reserve_registration("x").expect("room");
        // In flight: the place is taken until it is decided.
        assert!(l.reserve_registration("x").is_none());
        held.keep();
        assert!(l.reserve_registration("x").is_none());
        assert!(l.reserve_registration("y").is_some());
    }

    #[test]
    fn an_account_locks_at_the_threshold_for_its_time_then_starts_over() {
        let lock = AccountLock::new(3, 15 * MIN);
        let t0 = Instant::now();
        assert!(!lock.failed("a", t0));
        assert!(!lock.failed("a", t0 + MIN));
        assert_eq!(lock.locked_for("a", t0 + MIN), None);
        assert!(lock.failed("a", t0 + 2 * MIN), "the third failure locks");
        assert_eq!(lock.locked_for("a", t0 + 7 * MIN), Some(10 * MIN));
        assert_eq!(lock.locked_for("b", t0 + 7 * MIN), None);
        assert_eq!(lock.locked_for("a", t0 + 17 * MIN), None);
        // Counting starts again from nothing.
        assert!(!lock.failed("a", t0 + 18 * MIN));
        // Failures spread wider than 15 minutes never lock.
        let spread = AccountLock::new(3, 15 * MIN);
        for i in 0..10 {
            assert!(!spread.failed("a", t0 + i * 8 * MIN));
        }
    }

    #[test]
    fn waits_are_whole_minutes_rounded_up() {
        assert_eq!(minutes(Duration::from_secs(1)), 1);
        assert_eq!(minutes(Duration::from_secs(60)), 1);
        assert_eq!(minutes(Duration::from_secs(61)), 2);
        assert_eq!(minutes(Duration::ZERO), 1);
    }
}
