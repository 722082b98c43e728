//! What each view of the app asks the core, one call over the [`Store`] each, with its result
//! kept until the data changes ([`Store::cached`]): opening a view again, or another view built
//! from the same analyses, costs a lookup instead of reading the whole history again. The Tauri
//! commands and the scale benchmark call these; [`warm`] computes the likely next views ahead
//! when the app is idle.
//!
//! Every key names what its result depends on besides the data: the language of the texts,
//! today's date where ages are counted from it, the period, the request.

use crate::charts::kind::{self, ChartKind, ChartRequest};
use crate::error::Result;
use crate::i18n::Lang;
use crate::metrics::analysis::{self, AccountAnalysis};
use crate::metrics::compare::{self, Comparison};
use crate::metrics::data::{AccountData, PostWindow};
use crate::metrics::insights::{self, Insight};
use crate::metrics::post_table::{self, PostPage, PostQuery};
use crate::metrics::summary::{self, AccountReport};
use crate::model::AudienceMetric;
use crate::store::{Store, audience};
use chrono::NaiveDate;
use std::sync::Arc;

fn today() -> NaiveDate {
    chrono::Utc::now().date_naive()
}

/// The period the overview and the analyses compare (days).
pub const DEFAULT_COMPARE_DAYS: i64 = 90;

/// Every account's summary (the overview's cards).
pub fn summary(store: &Store) -> Result<Arc<Vec<AccountReport>>> {
    store.cached("summary", summary::all)
}

fn analysis_key(account: i64, lang: Lang, today: NaiveDate) -> String {
    format!("analysis/{account}/{lang:?}/{today}")
}

/// Everything the engine says about one account (the Growth, Engagement and Authenticity views).
pub fn analysis(store: &Store, account: i64, lang: Lang) -> Result<Arc<AccountAnalysis>> {
    let today = today();
    store.cached(&analysis_key(account, lang, today), |c| {
        let data = AccountData::load(c, account)?;
        let cohorts = crate::metrics::authenticity::cohorts(c, account)?;
        let mut a = analysis::analyse_data(&data, &cohorts, lang, None, today);
        crate::store::posts::attach_links(c, &mut a.top_posts)?;
        Ok(a)
    })
}

fn compare_key(days: i64) -> String {
    format!("compare/{days}")
}

/// Pro against personal over the last `days` days of data (the Compare view).
pub fn compare(store: &Store, days: i64) -> Result<Arc<Comparison>> {
    store.cached(&compare_key(days), |c| {
        // Each account's posts within `days` (and a day) of its latest post: every post of the
        // period ending on the latest day of any account is among them, and so is each account's
        // latest post, so the period's end is the same as over the whole history. The comparison
        // reads no account-level daily metric or follow change.
        let all = AccountData::load_all_since(c, Some(PostWindow::LastDays(days + 1)), false)?;
        let to = all.iter().filter_map(AccountData::last_day).max().unwrap_or_else(today);
        compare::compare(c, &all, to, days)
    })
}

/// Insights in plain words for every account, with pro against personal (the overview), from
/// every account's analysis and the comparison — kept results, shared with their own views and
/// with the growth charts.
pub fn insights(store: &Store, lang: Lang) -> Result<Arc<Vec<Insight>>> {
    store.cached_from(&format!("insights/{lang:?}/{}", today()), || {
        let ids = store.read(crate::store::accounts::ids)?;
        let analyses: Vec<AccountAnalysis> =
            ids.iter().map(|id| analysis(store, *id, lang).map(Arc::unwrap_or_clone)).collect::<Result<_>>()?;
        let comparison = match analyses.iter().any(|a| a.last_day.is_some()) {
            true => Some(compare(store, DEFAULT_COMPARE_DAYS)?),
            false => None,
        };
        Ok(insights::insights(&analyses, comparison.as_deref(), lang))
    })
}

fn chart_key(request: &ChartRequest, lang: Lang) -> String {
    format!("chart/{request:?}/{lang:?}")
}

/// The data of a chart (drawing it is cheap next to assembling it). The growth chart is built
/// from each account's kept analysis (its flagged days) and follower series, so that the
/// overview's cards, its insights and the analysis views compute each analysis once.
pub fn chart_data(store: &Store, request: &ChartRequest, lang: Lang) -> Result<Arc<kind::ChartData>> {
    let key = chart_key(request, lang);
    if request.kind != ChartKind::Growth {
        return store.cached(&key, |c| kind::data(c, request, lang));
    }
    store.cached_from(&key, || {
        let ids = store.read(|c| kind::selected_ids(c, request))?;
        let mut lines = Vec::with_capacity(ids.len());
        for id in ids {
            let a = analysis(store, id, lang)?;
            let series = store.read(|c| audience::follower_series(c, id, AudienceMetric::Followers))?;
            lines.push(kind::growth_series(&a.account, &series, &a.authenticity.flagged, request));
        }
        Ok(kind::ChartData::Growth(lines))
    })
}

/// One page of the Posts view's table. The filtered, sorted list is kept per query (whatever the
/// page), so turning pages reads only the page's rows.
pub fn posts_page(store: &Store, query: &PostQuery) -> Result<PostPage> {
    let key = format!("posts/{:?}", PostQuery { page: 0, page_size: 0, ..query.clone() });
    let order = store.cached(&key, |c| post_table::order(c, query))?;
    store.read(|c| post_table::page_of(c, &order, query))
}

/// Computes ahead what the app shows first and what its views ask next: the summary, the
/// insights (with every account's analysis and the comparison) and the Reports view's first
/// chart. Does nothing for what is already kept for the data as it is now.
pub fn warm(store: &Store, lang: Lang) -> Result<()> {
    summary(store)?;
    insights(store, lang)?;
    let first_report = ChartRequest { kind: ChartKind::Growth, accounts: Vec::new(), from: None, to: None };
    chart_data(store, &first_report, lang)?;
    Ok(())
}
