//! Per-post metrics: the vanity side and the genuine side of one post. Definitions in
//! docs/metrics.md § "Per post"; every function returns None when its inputs are unknown —
//! unknown is never counted as zero.

use crate::model::PostMetrics;

/// Sum of the known values; None when every value is unknown.
fn sum_known(values: &[Option<i64>]) -> Option<i64> {
    values.iter().flatten().copied().reduce(|a, b| a + b)
}

/// Applause (Kaushik): likes / favourites / reactions.
pub fn applause(m: &PostMetrics) -> Option<i64> {
    m.likes
}

/// Conversation (Kaushik): comments + replies.
pub fn conversation(m: &PostMetrics) -> Option<i64> {
    sum_known(&[m.comments, m.replies])
}

/// Amplification (Kaushik): shares / reposts + quotes.
pub fn amplification(m: &PostMetrics) -> Option<i64> {
    sum_known(&[m.shares, m.quotes])
}

/// Saves / bookmarks: the "I will come back to this" signal.
pub fn saves(m: &PostMetrics) -> Option<i64> {
    m.saves
}

/// Genuine interactions: conversation + amplification + saves (the known parts).
pub fn genuine(m: &PostMetrics) -> Option<i64> {
    sum_known(&[conversation(m), amplification(m), saves(m)])
}

/// All interactions: applause + genuine; a platform's own total when it gives no breakdown.
pub fn interactions(m: &PostMetrics) -> Option<i64> {
    sum_known(&[applause(m), genuine(m)]).or(m.engagements)
}

/// The post's audience size as the platform counts it: views, else reach, else impressions.
pub fn audience(m: &PostMetrics) -> Option<i64> {
    m.views.or(m.reach).or(m.impressions)
}

/// Genuine interactions per 100 likes ("comment density" generalised). Healthy accounts see
/// several; bought likes push it towards zero.
pub fn genuine_per_100_likes(m: &PostMetrics) -> Option<f64> {
    match (genuine(m), applause(m)) {
        (Some(g), Some(l)) if l > 0 => Some(g as f64 * 100.0 / l as f64),
        _ => None,
    }
}

/// Genuine share of one post: genuine ÷ (likes + genuine), when likes and a genuine part are
/// known and that total is positive (the per-post form of the period's genuine share).
pub fn genuine_share(m: &PostMetrics) -> Option<f64> {
    match (applause(m), genuine(m)) {
        (Some(l), Some(g)) if l + g > 0 => Some(g as f64 / (l + g) as f64),
        _ => None,
    }
}

/// interactions ÷ denominator, only when both are known and the denominator is positive.
pub fn rate(numerator: Option<i64>, denominator: Option<i64>) -> Option<f64> {
    match (numerator, denominator) {
        (Some(n), Some(d)) if d > 0 => Some(n as f64 / d as f64),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_parts_are_not_zeros() {
        let m = PostMetrics { likes: Some(100), comments: Some(4), shares: None, saves: Some(6), ..Default::default() };
        assert_eq!(applause(&m), Some(100));
        assert_eq!(conversation(&m), Some(4));
        assert_eq!(amplification(&m), None, "no shares, no quotes: unknown");
        assert_eq!(genuine(&m), Some(10));
        assert_eq!(interactions(&m), Some(110));
        assert_eq!(genuine_per_100_likes(&m), Some(10.0));
        let empty = PostMetrics::default();
        assert_eq!(genuine(&empty), None);
        assert_eq!(interactions(&empty), None);
        let total_only = PostMetrics { engagements: Some(87), ..Default::default() };
        assert_eq!(interactions(&total_only), Some(87));
        assert_eq!(genuine(&total_only), None, "a total cannot be split");
    }

    #[test]
    fn rates_need_a_known_positive_denominator() {
        assert_eq!(rate(Some(5), Some(100)), Some(0.05));
        assert_eq!(rate(Some(5), None), None);
        assert_eq!(rate(Some(5), Some(0)), None);
        assert_eq!(rate(None, Some(100)), None);
    }
}
