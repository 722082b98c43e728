//! The domain vocabulary shared by the store, the importers, the CLI and the desktop shell.
//!
//! Every enum here is stored in SQLite as the `snake_case` string its `as_str` returns and crosses
//! IPC the same way (serde), so the database, the JSON of the CLI and the TypeScript types agree.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use ts_rs::TS;

macro_rules! string_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $s:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
        #[serde(rename_all = "snake_case")]
        #[ts(export)]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $s),+ }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result { f.write_str(self.as_str()) }
        }

        impl FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                match s { $($s => Ok($name::$variant),)+ other => Err(format!("unknown {}: {other}", stringify!($name))) }
            }
        }

        impl rusqlite::types::ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                Ok(rusqlite::types::ToSqlOutput::from(self.as_str()))
            }
        }

        impl rusqlite::types::FromSql for $name {
            fn column_result(v: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
                v.as_str()?.parse().map_err(|e: String| rusqlite::types::FromSqlError::Other(e.into()))
            }
        }
    };
}

string_enum! {
    /// A social network Resonance reads.
    Platform {
        Instagram => "instagram",
        Facebook => "facebook",
        X => "x",
        Linkedin => "linkedin",
        Tiktok => "tiktok",
        Youtube => "youtube",
        Mastodon => "mastodon",
        Bluesky => "bluesky",
        Other => "other",
    }
}

impl Platform {
    /// The name people know the platform by.
    pub fn label(self) -> &'static str {
        match self {
            Platform::Instagram => "Instagram",
            Platform::Facebook => "Facebook",
            Platform::X => "X",
            Platform::Linkedin => "LinkedIn",
            Platform::Tiktok => "TikTok",
            Platform::Youtube => "YouTube",
            Platform::Mastodon => "Mastodon",
            Platform::Bluesky => "Bluesky",
            Platform::Other => "Other",
        }
    }
}

string_enum! {
    /// What the owner uses an account for: a public, professional image or a real circle.
    Role {
        Pro => "pro",
        Personal => "personal",
    }
}

string_enum! {
    /// Where an audience count came from.
    AudienceSource {
        /// Counted from a follower list in an export, on the export's date.
        ExportSnapshot => "export_snapshot",
        /// A series an analytics export reports as such (daily totals, or gains anchored on a total).
        AnalyticsSeries => "analytics_series",
        /// Rebuilt from the follow dates of current followers: a lower bound (people who left are missing).
        Reconstructed => "reconstructed",
        /// Read from a platform's public API while the app ran.
        LiveSync => "live_sync",
    }
}

impl AudienceSource {
    /// When two sources give a count for the same day, the higher rank wins.
    pub fn rank(self) -> u8 {
        match self {
            AudienceSource::LiveSync => 4,
            AudienceSource::ExportSnapshot => 3,
            AudienceSource::AnalyticsSeries => 2,
            AudienceSource::Reconstructed => 1,
        }
    }
}

string_enum! {
    /// Which audience figure an observation counts.
    AudienceMetric {
        Followers => "followers",
        Following => "following",
        /// LinkedIn connections (mutual), kept apart from followers.
        Connections => "connections",
        Posts => "posts",
    }
}

string_enum! {
    /// What a post is.
    PostKind {
        Post => "post",
        Reel => "reel",
        Video => "video",
        Story => "story",
        Article => "article",
        Reply => "reply",
        /// A re-share of someone else's post: its counts are the other person's applause, not the owner's.
        Repost => "repost",
    }
}

/// The numbers a source gives for one post on one day. `None` means the source does not give it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PostMetrics {
    pub views: Option<i64>,
    pub impressions: Option<i64>,
    pub reach: Option<i64>,
    pub likes: Option<i64>,
    pub comments: Option<i64>,
    pub replies: Option<i64>,
    pub shares: Option<i64>,
    pub quotes: Option<i64>,
    pub saves: Option<i64>,
    /// A platform's own interaction total when it gives no breakdown (LinkedIn top posts, X analytics).
    pub engagements: Option<i64>,
    pub profile_visits: Option<i64>,
    pub follows: Option<i64>,
    pub link_clicks: Option<i64>,
    pub watch_time_s: Option<f64>,
    pub avg_view_duration_s: Option<f64>,
    pub avg_pct_viewed: Option<f64>,
}

impl PostMetrics {
    /// Takes every number `newer` knows, keeping the current one where `newer` is unknown.
    pub fn overlay(&mut self, newer: &PostMetrics) {
        macro_rules! take {
            ($($f:ident),+) => { $(if newer.$f.is_some() { self.$f = newer.$f; })+ };
        }
        take!(
            views,
            impressions,
            reach,
            likes,
            comments,
            replies,
            shares,
            quotes,
            saves,
            engagements,
            profile_visits,
            follows,
            link_clicks,
            watch_time_s,
            avg_view_duration_s,
            avg_pct_viewed
        );
    }

    /// True when the source gave no number at all.
    pub fn is_empty(&self) -> bool {
        *self == PostMetrics::default()
    }
}

/// Normalises a handle for storage and joins: trimmed, without a leading '@', lowercase.
pub fn normalize_handle(raw: &str) -> String {
    raw.trim().trim_start_matches('@').to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enums_round_trip_through_strings() {
        for p in Platform::ALL {
            assert_eq!(p.as_str().parse::<Platform>().unwrap(), *p);
        }
        for k in PostKind::ALL {
            assert_eq!(k.as_str().parse::<PostKind>().unwrap(), *k);
        }
        assert!("tumblr".parse::<Platform>().is_err());
    }

    #[test]
    fn handles_are_normalised() {
        assert_eq!(normalize_handle("  @Camille.Studio "), "camille.studio");
    }

    #[test]
    fn source_ranks_prefer_measured_counts() {
        assert!(AudienceSource::LiveSync.rank() > AudienceSource::ExportSnapshot.rank());
        assert!(AudienceSource::AnalyticsSeries.rank() > AudienceSource::Reconstructed.rank());
    }
}
