//! Which address a request comes from, for rate limits and login throttles.
//! Behind reverse proxies only the hops the trusted proxies appended to
//! `X-Forwarded-For` can be believed: everything left of them was written by
//! the client itself, who could pick a fresh address per request.

use std::net::IpAddr;

/// The client's address: the peer when no proxy is trusted; otherwise the
/// entry of `X-Forwarded-For` that the outermost of `trusted_proxies`
/// appended (counted from the right), or the leftmost one when the header
/// has fewer hops than that.
pub fn client_address(
    peer: Option<&str>,
    forwarded_for: Option<&str>,
    trusted_proxies: u32,
) -> String {
    let peer = peer.unwrap_or("unknown").to_string();
    if trusted_proxies == 0 {
        return peer;
    }
    let hops: Vec<&str> = forwarded_for
        .unwrap_or("")
        .split(',')
        .map(str::trim)
        .filter(|hop| !hop.is_empty())
        .collect();
    if hops.is_empty() {
        return peer;
    }
    // The nearest proxy is the peer; it appended the hop before it, and
    // each further trusted proxy one more to the left.
    let from_right = (trusted_proxies as usize).min(hops.len());
    hops[hops.len() - from_right].to_string()
}

/// A request that looks proxied (`X-Forwarded-For` from a loopback or
/// private peer) while no proxy is trusted: every visitor would then share
/// the proxy's address and its limits.
pub fn looks_proxied(peer: Option<&str>, forwarded_for: Option<&str>) -> bool {
    let Some(peer) = peer else {
        return false;
    };
    // A bare address ("::1", "10.0.0.2"), or one with a port ("[::1]:443").
    let address = peer.parse::<IpAddr>().or_else(|_| {
        peer.parse::<std::net::SocketAddr>()
            .map(|socket| socket.ip())
    });
    let private = match address {
        Ok(IpAddr::V4(v4)) => v4.is_loopback() || v4.is_private() || v4.is_link_local(),
        Ok(IpAddr::V6(v6)) => v6.is_loopback() || (v6.segments()[0] & 0xfe00) == 0xfc00,
        Err(_) => false,
    };
    private && forwarded_for.is_some_and(|v| !v.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_client_cannot_choose_its_own_address() {
        // One proxy: the client wrote "6.6.6.6", the proxy appended the real one.
        assert_eq!(
            client_address(Some("10.0.0.2"), Some("6.6.6.6, 203.0.113.7"), 1),
            "203.0.113.7"
        );
        // Two proxies (CDN, then nginx): the CDN's hop is the client.
        assert_eq!(
            client_address(
                Some("10.0.0.2"),
                Some("6.6.6.6, 203.0.113.7, 198.51.100.1"),
                2
            ),
            "203.0.113.7"
        );
        // Fewer hops than proxies: the leftmost there is.
        assert_eq!(
            client_address(Some("10.0.0.2"), Some("203.0.113.7"), 3),
            "203.0.113.7"
        );
        // No header, or no trusted proxy: the peer.
        assert_eq!(client_address(Some("10.0.0.2"), None, 1), "10.0.0.2");
        assert_eq!(
            client_address(Some("198.51.100.9"), Some("6.6.6.6"), 0),
            "198.51.100.9"
        );
    }

    #[test]
    fn a_proxy_in_front_is_noticed() {
        assert!(looks_proxied(Some("127.0.0.1:50412"), Some("203.0.113.7")));
        // As the server passes it: the bare address.
        assert!(looks_proxied(Some("::1"), Some("203.0.113.7")));
        assert!(looks_proxied(Some("fd00::7"), Some("203.0.113.7")));
        assert!(looks_proxied(Some("127.0.0.1"), Some("203.0.113.7")));
        // As the server passes it: the bare address.
        assert!(looks_proxied(Some("::1"), Some("203.0.113.7")));
        assert!(looks_proxied(Some("fd00::7"), Some("203.0.113.7")));
        assert!(looks_proxied(Some("127.0.0.1"), Some("203.0.113.7")));
        assert!(looks_proxied(Some("[::1]:50412"), Some("203.0.113.7")));
        assert!(looks_proxied(Some("10.1.2.3"), Some("203.0.113.7")));
        assert!(!looks_proxied(Some("203.0.113.7:4000"), Some("6.6.6.6")));
        assert!(!looks_proxied(Some("127.0.0.1:50412"), None));
    }
}
