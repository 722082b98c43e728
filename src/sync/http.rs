//! The HTTP client of live sync: JSON over HTTPS (rustls), with timeouts, retries, rate limits and
//! cancellation.
//!
//! * Every request has a connect timeout and a whole-request timeout ([`HttpConfig`], 15 s each by
//!   default).
//! * Timeouts, connection errors and HTTP 5xx are retried ([`HttpConfig::attempts`], 3 by default)
//!   after an exponential backoff with jitter.
//! * HTTP 429 and 503 follow `Retry-After` (seconds or an HTTP date): waited for when it is at most
//!   [`HttpConfig::max_retry_after`] (60 s), otherwise the request gives up at once saying when to
//!   come back.
//! * `x-ratelimit-remaining` / `ratelimit-remaining` at 0 (Mastodon, Bluesky) marks the host as
//!   exhausted until `…-reset`: the next request to it stops with a rate-limit error instead of
//!   being refused by the server.
//! * The cancel flag is checked before each request and while waiting for an answer or a retry.
//! * Answers larger than [`HttpConfig::max_body_bytes`] are refused (a broken or hostile server).

use crate::error::SyncErrorKind;
use chrono::{DateTime, Utc};
use reqwest::header::{HeaderMap, HeaderValue};
use std::collections::HashMap;
use std::future::Future;
use std::hash::{BuildHasher, Hasher};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::time::Duration;

/// How patient the client is.
#[derive(Debug, Clone)]
pub struct HttpConfig {
    /// Time allowed for the whole request, body included.
    pub timeout: Duration,
    /// Time allowed to open the connection (TCP and TLS).
    pub connect_timeout: Duration,
    /// Tries per request for timeouts, connection errors and server errors (at least 1).
    pub attempts: u32,
    /// Wait before the first retry; doubled for each further one, with ±50 % jitter.
    pub backoff: Duration,
    /// The longest `Retry-After` waited for; a longer one ends the sync with a rate-limit error.
    pub max_retry_after: Duration,
    /// The largest answer accepted.
    pub max_body_bytes: usize,
}

impl Default for HttpConfig {
    fn default() -> Self {
        HttpConfig {
            timeout: Duration::from_secs(15),
            connect_timeout: Duration::from_secs(15),
            attempts: 3,
            backoff: Duration::from_millis(500),
            max_retry_after: Duration::from_secs(60),
            max_body_bytes: 16 * 1024 * 1024,
        }
    }
}

/// The User-Agent of every request.
pub const USER_AGENT: &str =
    concat!("Resonance/", env!("CARGO_PKG_VERSION"), " (local-first audience dashboard; public data only)");

/// Why a request failed. The sync layer turns it into an [`crate::Error`] naming the account.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    Cancelled,
    /// HTTP 404 / 410, or an API error saying the actor does not exist.
    NotFound,
    Sync(SyncErrorKind),
}

/// A decoded JSON answer and the `Link: <…>; rel="next"` URL, when the server gives one.
#[derive(Debug)]
pub struct Page {
    pub body: serde_json::Value,
    pub next: Option<String>,
}

/// The client. One per sync run: it remembers which hosts said their rate limit is exhausted.
pub struct Http {
    client: reqwest::Client,
    cfg: HttpConfig,
    exhausted: Mutex<HashMap<String, DateTime<Utc>>>,
    requests: AtomicU32,
}

enum Step {
    /// Give up with this failure.
    Stop(Failure),
    /// Try again (if attempts remain) after `wait`, or after the backoff when `None`.
    Retry(Failure, Option<Duration>),
}

impl Http {
    pub fn new(cfg: &HttpConfig) -> crate::Result<Http> {
        let client = reqwest::Client::builder()
            .user_agent(USER_AGENT)
            .timeout(cfg.timeout)
            .connect_timeout(cfg.connect_timeout)
            .build()
            .map_err(|e| crate::Error::InvalidArgument(format!("cannot set up the HTTP client: {e}")))?;
        Ok(Http { client, cfg: cfg.clone(), exhausted: Mutex::new(HashMap::new()), requests: AtomicU32::new(0) })
    }

    /// Requests sent so far (retries included).
    pub fn requests(&self) -> u32 {
        self.requests.load(Ordering::Relaxed)
    }

    /// GETs `url` and decodes its JSON, retrying as documented on the module.
    pub async fn get_json(&self, url: &str, cancel: &AtomicBool) -> Result<Page, Failure> {
        let host = host_of(url);
        let attempts = self.cfg.attempts.max(1);
        let mut attempt = 0;
        loop {
            attempt += 1;
            check(cancel)?;
            if let Some(until) = self.exhausted_until(&host) {
                return Err(Failure::Sync(SyncErrorKind::RateLimited { host, retry_at: Some(until) }));
            }
            let (failure, wait) = match self.once(url, &host, cancel).await {
                Ok(page) => return Ok(page),
                Err(Step::Stop(f)) => return Err(f),
                Err(Step::Retry(f, wait)) => (f, wait),
            };
            if attempt >= attempts {
                return Err(failure);
            }
            let wait = wait.unwrap_or_else(|| backoff(self.cfg.backoff, attempt));
            tracing::debug!(url, attempt, ?wait, ?failure, "retrying");
            sleep(wait, cancel).await?;
        }
    }

    async fn once(&self, url: &str, host: &str, cancel: &AtomicBool) -> Result<Page, Step> {
        self.requests.fetch_add(1, Ordering::Relaxed);
        let sent = self.client.get(url).header(reqwest::header::ACCEPT, "application/json").send();
        let response = match race(sent, cancel).await.map_err(Step::Stop)? {
            Ok(r) => r,
            Err(e) => return Err(self.transport(host, &e)),
        };
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        self.note_rate_limit(host, &headers);
        if response.status().is_success() {
            let next = link_next(&headers);
            let bytes = self.body(response, host, cancel).await?;
            let body = serde_json::from_slice(&bytes).map_err(|e| {
                Step::Stop(Failure::Sync(SyncErrorKind::Malformed {
                    host: host.to_string(),
                    detail: format!("not JSON: {e}"),
                }))
            })?;
            return Ok(Page { body, next });
        }
        // The error body may say more (Bluesky: {"error": "...", "message": "..."}).
        let detail = match self.body(response, host, cancel).await {
            Ok(bytes) => api_error(&bytes),
            Err(Step::Stop(Failure::Cancelled)) => return Err(Step::Stop(Failure::Cancelled)),
            Err(_) => None,
        };
        let now = Utc::now();
        match status {
            429 | 503 => {
                let wait =
                    retry_after(&headers, now).or_else(|| if status == 429 { reset_in(&headers, now) } else { None });
                let failure = if status == 429 {
                    Failure::Sync(SyncErrorKind::RateLimited {
                        host: host.to_string(),
                        retry_at: wait.map(|w| now + chrono::Duration::from_std(w).unwrap_or_default()),
                    })
                } else {
                    Failure::Sync(SyncErrorKind::Server { host: host.to_string(), status, retry_at: None })
                };
                match wait {
                    Some(w) if w > self.cfg.max_retry_after => {
                        let retry_at = Some(now + chrono::Duration::from_std(w).unwrap_or_default());
                        let host = host.to_string();
                        Err(Step::Stop(Failure::Sync(if status == 429 {
                            SyncErrorKind::RateLimited { host, retry_at }
                        } else {
                            SyncErrorKind::Server { host, status, retry_at }
                        })))
                    }
                    w => Err(Step::Retry(failure, w)),
                }
            }
            500..=599 => Err(Step::Retry(
                Failure::Sync(SyncErrorKind::Server { host: host.to_string(), status, retry_at: None }),
                None,
            )),
            404 | 410 => Err(Step::Stop(Failure::NotFound)),
            400 if detail.as_deref().is_some_and(says_not_found) => Err(Step::Stop(Failure::NotFound)),
            _ => Err(Step::Stop(Failure::Sync(SyncErrorKind::Refused {
                host: host.to_string(),
                status,
                detail: detail.unwrap_or_else(|| reason(status)),
            }))),
        }
    }

    /// Reads the body, at most `max_body_bytes`.
    async fn body(&self, mut response: reqwest::Response, host: &str, cancel: &AtomicBool) -> Result<Vec<u8>, Step> {
        let limit = self.cfg.max_body_bytes;
        if response.content_length().is_some_and(|n| n as usize > limit) {
            return Err(Step::Stop(too_large(host, limit)));
        }
        let mut out = Vec::new();
        loop {
            match race(response.chunk(), cancel).await.map_err(Step::Stop)? {
                Ok(Some(chunk)) => {
                    if out.len() + chunk.len() > limit {
                        return Err(Step::Stop(too_large(host, limit)));
                    }
                    out.extend_from_slice(&chunk);
                }
                Ok(None) => return Ok(out),
                Err(e) => return Err(self.transport(host, &e)),
            }
        }
    }

    /// A request that got no (complete) answer.
    fn transport(&self, host: &str, e: &reqwest::Error) -> Step {
        if e.is_timeout() {
            let seconds = self.cfg.timeout.as_secs_f64().ceil() as u64;
            return Step::Retry(
                Failure::Sync(SyncErrorKind::Timeout { host: host.to_string(), seconds, last_snapshot: None }),
                None,
            );
        }
        if e.is_redirect() {
            return Step::Stop(Failure::Sync(SyncErrorKind::Malformed {
                host: host.to_string(),
                detail: "too many redirections".into(),
            }));
        }
        Step::Retry(
            Failure::Sync(SyncErrorKind::Offline {
                host: host.to_string(),
                detail: root_cause(e),
                last_snapshot: None,
            }),
            None,
        )
    }

    fn note_rate_limit(&self, host: &str, headers: &HeaderMap) {
        let remaining = header(headers, &["x-ratelimit-remaining", "ratelimit-remaining"])
            .and_then(|v| v.trim().parse::<f64>().ok());
        if remaining.is_some_and(|r| r <= 0.0) {
            let now = Utc::now();
            let until = reset_in(headers, now)
                .map(|w| now + chrono::Duration::from_std(w).unwrap_or_default())
                .unwrap_or(now + chrono::Duration::seconds(60));
            if let Ok(mut map) = self.exhausted.lock() {
                map.insert(host.to_string(), until);
            }
        }
    }

    fn exhausted_until(&self, host: &str) -> Option<DateTime<Utc>> {
        let mut map = self.exhausted.lock().ok()?;
        match map.get(host) {
            Some(&until) if until > Utc::now() => Some(until),
            Some(_) => {
                map.remove(host);
                None
            }
            None => None,
        }
    }
}

fn too_large(host: &str, limit: usize) -> Failure {
    Failure::Sync(SyncErrorKind::Malformed {
        host: host.to_string(),
        detail: format!("the answer is larger than {} MB", limit / (1024 * 1024)),
    })
}

fn reason(status: u16) -> String {
    reqwest::StatusCode::from_u16(status).ok().and_then(|s| s.canonical_reason()).unwrap_or("error").to_string()
}

/// The innermost cause of a transport error ("Connection refused", "failed to lookup address…").
fn root_cause(e: &reqwest::Error) -> String {
    let mut cause: &dyn std::error::Error = e;
    while let Some(inner) = cause.source() {
        cause = inner;
    }
    let text = cause.to_string();
    if text.is_empty() { e.to_string() } else { text }
}

/// `error` and `message` of an API error body, when it is JSON.
fn api_error(bytes: &[u8]) -> Option<String> {
    let v: serde_json::Value = serde_json::from_slice(bytes).ok()?;
    let error = v.get("error").and_then(|e| e.as_str());
    let message = v.get("message").or_else(|| v.get("error_description")).and_then(|m| m.as_str());
    let text = match (error, message) {
        (Some(e), Some(m)) => format!("{e}: {m}"),
        (Some(e), None) => e.to_string(),
        (None, Some(m)) => m.to_string(),
        (None, None) => return None,
    };
    Some(text.chars().take(200).collect())
}

/// Bluesky answers an unknown or gone actor with HTTP 400 and an error naming it.
fn says_not_found(detail: &str) -> bool {
    let d = detail.to_ascii_lowercase();
    d.contains("not found")
        || d.contains("notfound")
        || d.contains("accountdeactivated")
        || d.contains("accounttakedown")
        || d.contains("unable to resolve handle")
}

pub(crate) fn host_of(url: &str) -> String {
    reqwest::Url::parse(url)
        .ok()
        .and_then(|u| {
            u.host_str().map(|h| match u.port() {
                Some(p) => format!("{h}:{p}"),
                None => h.to_string(),
            })
        })
        .unwrap_or_else(|| url.to_string())
}

fn check(cancel: &AtomicBool) -> Result<(), Failure> {
    if cancel.load(Ordering::Relaxed) { Err(Failure::Cancelled) } else { Ok(()) }
}

/// How often a wait looks at the cancel flag.
const CANCEL_POLL: Duration = Duration::from_millis(50);

/// Runs `f` unless the cancel flag is raised first.
async fn race<F: Future>(f: F, cancel: &AtomicBool) -> Result<F::Output, Failure> {
    tokio::select! {
        out = f => Ok(out),
        _ = cancelled(cancel) => Err(Failure::Cancelled),
    }
}

async fn cancelled(cancel: &AtomicBool) {
    while !cancel.load(Ordering::Relaxed) {
        tokio::time::sleep(CANCEL_POLL).await;
    }
}

/// Waits `d`, or less if the cancel flag is raised.
pub(crate) async fn sleep(d: Duration, cancel: &AtomicBool) -> Result<(), Failure> {
    race(tokio::time::sleep(d), cancel).await
}

/// `base · 2^(attempt-1)`, times a factor in [0.5, 1.5).
fn backoff(base: Duration, attempt: u32) -> Duration {
    let exp = base.saturating_mul(1u32 << (attempt.saturating_sub(1)).min(10));
    exp.mul_f64(0.5 + jitter())
}

/// A number in [0, 1) that differs from call to call (std's randomly keyed hasher; no extra crate).
fn jitter() -> f64 {
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u64(0);
    (h.finish() % 10_000) as f64 / 10_000.0
}

fn header<'a>(headers: &'a HeaderMap, names: &[&str]) -> Option<&'a str> {
    names.iter().find_map(|n| headers.get(*n)).and_then(|v: &HeaderValue| v.to_str().ok())
}

/// `Retry-After`: delay in seconds, or an HTTP date.
pub(crate) fn retry_after(headers: &HeaderMap, now: DateTime<Utc>) -> Option<Duration> {
    let raw = header(headers, &["retry-after"])?.trim();
    if let Ok(secs) = raw.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let at = DateTime::parse_from_rfc2822(raw).ok()?.with_timezone(&Utc);
    Some((at - now).to_std().unwrap_or(Duration::ZERO))
}

/// When the rate-limit window resets: `x-ratelimit-reset` (Mastodon: an ISO 8601 time) or
/// `ratelimit-reset` (Bluesky: unix seconds; the IETF draft: seconds from now).
pub(crate) fn reset_in(headers: &HeaderMap, now: DateTime<Utc>) -> Option<Duration> {
    let raw = header(headers, &["x-ratelimit-reset", "ratelimit-reset"])?.trim();
    let at = if let Ok(n) = raw.parse::<i64>() {
        if n > 1_000_000_000 { DateTime::from_timestamp(n, 0)? } else { now + chrono::Duration::seconds(n.max(0)) }
    } else {
        DateTime::parse_from_rfc3339(raw).or_else(|_| DateTime::parse_from_rfc2822(raw)).ok()?.with_timezone(&Utc)
    };
    Some((at - now).to_std().unwrap_or(Duration::ZERO))
}

/// The `rel="next"` target of the `Link` header(s).
pub(crate) fn link_next(headers: &HeaderMap) -> Option<String> {
    headers.get_all(reqwest::header::LINK).iter().filter_map(|v| v.to_str().ok()).find_map(parse_link_next)
}

fn parse_link_next(value: &str) -> Option<String> {
    let mut rest = value;
    while let Some(start) = rest.find('<') {
        let after = &rest[start + 1..];
        let end = after.find('>')?;
        let url = &after[..end];
        let tail = &after[end + 1..];
        let params = &tail[..tail.find('<').unwrap_or(tail.len())];
        let is_next = params.split(';').any(|p| {
            let p = p.trim().trim_end_matches(',').trim();
            p.strip_prefix("rel=")
                .map(|v| v.trim_matches('"').split_whitespace().any(|r| r.eq_ignore_ascii_case("next")))
                .unwrap_or(false)
        });
        if is_next {
            return Some(url.to_string());
        }
        rest = tail;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_headers_give_the_next_page() {
        let v = r#"<https://m.example/api/v1/accounts/1/statuses?max_id=7>; rel="next", <https://m.example/api/v1/accounts/1/statuses?min_id=9>; rel="prev""#;
        assert_eq!(parse_link_next(v).as_deref(), Some("https://m.example/api/v1/accounts/1/statuses?max_id=7"));
        let prev_first = r#"<https://a/?min_id=9>; rel="prev", <https://a/?max_id=7>; rel="next""#;
        assert_eq!(parse_link_next(prev_first).as_deref(), Some("https://a/?max_id=7"));
        assert_eq!(parse_link_next(r#"<https://a/?min_id=9>; rel="prev""#), None);
        assert_eq!(parse_link_next(""), None);
    }

    #[test]
    fn retry_after_reads_seconds_and_http_dates() {
        let now = DateTime::parse_from_rfc3339("2026-03-05T10:00:00Z").unwrap().with_timezone(&Utc);
        let mut h = HeaderMap::new();
        h.insert("retry-after", HeaderValue::from_static("7"));
        assert_eq!(retry_after(&h, now), Some(Duration::from_secs(7)));
        h.insert("retry-after", HeaderValue::from_static("Thu, 05 Mar 2026 10:02:00 GMT"));
        assert_eq!(retry_after(&h, now), Some(Duration::from_secs(120)));
        h.insert("retry-after", HeaderValue::from_static("soon"));
        assert_eq!(retry_after(&h, now), None);
    }

    #[test]
    fn rate_limit_resets_in_every_dialect() {
        let now = DateTime::parse_from_rfc3339("2026-03-05T10:00:00Z").unwrap().with_timezone(&Utc);
        let mut h = HeaderMap::new();
        h.insert("x-ratelimit-reset", HeaderValue::from_static("2026-03-05T10:05:00.000Z"));
        assert_eq!(reset_in(&h, now), Some(Duration::from_secs(300)));
        let mut h = HeaderMap::new();
        h.insert("ratelimit-reset", HeaderValue::from_str(&(now.timestamp() + 30).to_string()).unwrap());
        assert_eq!(reset_in(&h, now), Some(Duration::from_secs(30)));
        h.insert("ratelimit-reset", HeaderValue::from_static("12"));
        assert_eq!(reset_in(&h, now), Some(Duration::from_secs(12)));
    }

    #[test]
    fn backoff_grows_with_jitter() {
        let base = Duration::from_millis(100);
        for attempt in 1..=3 {
            let d = backoff(base, attempt);
            let nominal = 100.0 * f64::from(1u32 << (attempt - 1));
            let ms = d.as_secs_f64() * 1000.0;
            assert!(ms >= nominal * 0.5 && ms < nominal * 1.5, "{ms} for attempt {attempt}");
        }
    }

    #[test]
    fn bluesky_not_found_errors_are_recognised() {
        assert!(says_not_found("InvalidRequest: Profile not found"));
        assert!(says_not_found("AccountDeactivated: Account is deactivated"));
        assert!(!says_not_found("InvalidRequest: Error: limit must be <= 100"));
    }
}
