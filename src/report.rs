//! The report: one self-contained, offline HTML file (charts inline as SVG, the bundled font
//! inline, print CSS for a clean PDF from any browser's "Print"), the charts as PNG for decks,
//! and a CSV of the table behind every chart. Every piece of imported text is HTML-escaped.

use crate::charts::kind::{self, ChartData, ChartKind, ChartRequest, Table};
use crate::charts::{ChartOptions, Format, Theme};
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::metrics::analysis::{self, AccountAnalysis, SignalStatus};
use crate::metrics::authenticity::Verdict;
use crate::metrics::data::AccountData;
use crate::metrics::{compare, insights};
use crate::model::Role;
use base64::Engine;
use chrono::NaiveDate;
use rusqlite::Connection;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// What the report covers and how it speaks.
#[derive(Debug, Clone)]
pub struct ReportOptions {
    pub lang: Lang,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

/// The files a report wrote.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Written {
    pub html: PathBuf,
    pub files: Vec<PathBuf>,
}

/// Escapes text for HTML (imported captions and names are never markup).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn write_file(path: &Path, bytes: &[u8], written: &mut Vec<PathBuf>) -> Result<()> {
    std::fs::write(path, bytes).map_err(|e| Error::io(path, e))?;
    written.push(path.to_path_buf());
    Ok(())
}

const CSS: &str = r#"
:root { color-scheme: light; }
body { font-family: Inter, "DejaVu Sans", system-ui, sans-serif; color: #1f2430; background: #fff; margin: 0; line-height: 1.45; }
main { max-width: 1040px; margin: 0 auto; padding: 32px 28px 64px; }
h1 { font-size: 28px; margin: 0 0 4px; } h2 { font-size: 21px; margin: 40px 0 8px; border-top: 3px solid #2b59c3; padding-top: 10px; }
h2.personal { border-top-color: #c2410c; } h3 { font-size: 16px; margin: 24px 0 6px; }
.lede { color: #555d6b; margin: 0 0 18px; } .muted { color: #555d6b; font-size: 13px; }
figure { margin: 12px 0 20px; break-inside: avoid; } figure svg { width: 100%; height: auto; border: 1px solid #dde1e8; border-radius: 8px; }
figcaption { font-size: 13px; color: #555d6b; margin-top: 4px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; margin: 8px 0 16px; break-inside: avoid; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid #e6e8ee; vertical-align: top; }
th { color: #555d6b; font-weight: 600; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
.warning { color: #b42318; font-weight: 600; } .ok { color: #23743a; font-weight: 600; } .unknown { color: #555d6b; }
.insights li { margin: 4px 0; } .badge { display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: 12px; font-weight: 600; }
.badge.pro { background: #e7edfb; color: #2b59c3; } .badge.personal { background: #fcebe2; color: #b9400b; }
details { margin: 4px 0 16px; } summary { cursor: pointer; color: #555d6b; font-size: 13px; }
@media print {
  @page { size: A4; margin: 14mm; }
  main { padding: 0; max-width: none; } h2 { break-before: page; } h2.first { break-before: auto; }
  details > summary { display: none; } details { display: block; }
  a { color: inherit; text-decoration: none; }
}
"#;

fn font_face() -> String {
    let b64 = base64::engine::general_purpose::STANDARD;
    let regular = b64.encode(include_bytes!("../assets/fonts/Inter-Regular.otf"));
    let semibold = b64.encode(include_bytes!("../assets/fonts/Inter-SemiBold.otf"));
    format!(
        "@font-face {{ font-family: Inter; font-weight: 400; src: url(data:font/otf;base64,{regular}) format('opentype'); }}\n\
         @font-face {{ font-family: Inter; font-weight: 600; src: url(data:font/otf;base64,{semibold}) format('opentype'); }}\n"
    )
}

fn table_html(t: &Table, limit: usize) -> String {
    let mut h = String::from("<table><thead><tr>");
    for c in &t.headers {
        let _ = write!(h, "<th>{}</th>", escape(c));
    }
    h.push_str("</tr></thead><tbody>");
    for r in t.rows.iter().take(limit) {
        h.push_str("<tr>");
        for c in r {
            let num = c.parse::<f64>().is_ok();
            let _ = write!(h, "<td{}>{}</td>", if num { " class=\"num\"" } else { "" }, escape(c));
        }
        h.push_str("</tr>");
    }
    h.push_str("</tbody></table>");
    h
}

struct Ctx<'a> {
    conn: &'a Connection,
    dir: &'a Path,
    opts: &'a ReportOptions,
    written: Vec<PathBuf>,
}

impl Ctx<'_> {
    /// Draws a chart: inline SVG in the page, a PNG and a CSV beside it. Returns the HTML.
    fn chart(&mut self, kind: ChartKind, accounts: Vec<i64>, file_stem: &str) -> Result<String> {
        let lang = self.opts.lang;
        let req = ChartRequest { kind, accounts, from: self.opts.from, to: self.opts.to };
        let data: ChartData = kind::data(self.conn, &req, lang)?;
        let opts = ChartOptions { theme: Theme::Light, lang, width: 980, height: 400, log_scale: false, title: None };
        let svg = String::from_utf8(kind::draw(&data, &opts, Format::Svg)?).unwrap_or_default();
        let png_opts = ChartOptions { title: Some(kind.title(lang).to_string()), width: 1600, height: 700, ..opts };
        let png = kind::draw(&data, &png_opts, Format::Png)?;
        write_file(&self.dir.join("charts").join(format!("{file_stem}.png")), &png, &mut self.written)?;
        let table = kind::table(&data, lang);
        write_file(
            &self.dir.join("csv").join(format!("{file_stem}.csv")),
            table.to_csv().as_bytes(),
            &mut self.written,
        )?;
        // The SVG comes from our own renderer, where every text is escaped; strip its XML header.
        let svg = svg.trim_start_matches(|c| c != '<').to_string();
        let svg = match svg.find("<svg") {
            Some(i) => svg[i..].to_string(),
            None => svg,
        };
        Ok(format!(
            "<figure><figcaption><strong>{title}</strong></figcaption>{svg}<details><summary>{data_label}</summary>{table}</details>\
             <figcaption>{csv_label}: <code>csv/{file_stem}.csv</code> · PNG: <code>charts/{file_stem}.png</code></figcaption></figure>",
            title = escape(kind.title(lang)),
            data_label = lang.pick("The numbers behind the chart", "Les chiffres du graphique"),
            table = table_html(&table, 60),
            csv_label = lang.pick("Data", "Données"),
        ))
    }
}

fn opt_int(lang: Lang, v: Option<i64>) -> String {
    v.map(|x| lang.int(x)).unwrap_or_else(|| "—".into())
}

fn account_section(ctx: &mut Ctx<'_>, a: &AccountAnalysis, first: bool) -> Result<String> {
    let lang = ctx.opts.lang;
    let acc = &a.account;
    let role = match acc.role {
        Role::Pro => "pro",
        Role::Personal => "personal",
    };
    let name = acc.label.clone().or(acc.display_name.clone()).unwrap_or_else(|| format!("@{}", acc.handle));
    let mut h = String::new();
    let _ = write!(
        h,
        "<h2 class=\"{role}{}\">{} <span class=\"badge {role}\">{}</span></h2><p class=\"lede\">{} @{} — {} {}</p>",
        if first { " first" } else { "" },
        escape(&name),
        match (acc.role, lang) {
            (Role::Pro, _) => "pro",
            (Role::Personal, Lang::En) => "personal",
            (Role::Personal, Lang::Fr) => "perso",
        },
        escape(acc.platform.label()),
        escape(&acc.handle),
        opt_int(lang, acc.followers),
        lang.pick("followers", "abonnés"),
    );
    // Vanity against genuine over the period.
    if let (Some(p), Some(prev)) = (&a.period, &a.previous) {
        let t =
            |x: Option<crate::metrics::engagement::Total>| x.map(|t| lang.int(t.value)).unwrap_or_else(|| "—".into());
        let m = |x: Option<crate::metrics::engagement::Mean>| {
            x.map(|t| lang.decimal(t.value, 1)).unwrap_or_else(|| "—".into())
        };
        let rows = [
            (lang.pick("Posts", "Publications"), p.posts.to_string(), prev.posts.to_string()),
            (lang.pick("Likes (vanity)", "J'aime (vanité)"), t(p.vanity.likes), t(prev.vanity.likes)),
            (lang.pick("Views", "Vues"), t(p.vanity.views), t(prev.vanity.views)),
            (lang.pick("Reach", "Portée"), t(p.vanity.reach), t(prev.vanity.reach)),
            (lang.pick("Impressions", "Impressions"), t(p.vanity.impressions), t(prev.vanity.impressions)),
            (
                lang.pick("Conversation (comments, replies)", "Conversation (commentaires, réponses)"),
                t(p.genuine.conversation),
                t(prev.genuine.conversation),
            ),
            (
                lang.pick("Amplification (shares, reposts)", "Amplification (partages)"),
                t(p.genuine.amplification),
                t(prev.genuine.amplification),
            ),
            (lang.pick("Saves", "Enregistrements"), t(p.genuine.saves), t(prev.genuine.saves)),
            (
                lang.pick("Follows from posts", "Abonnements venus des publications"),
                t(p.genuine.follows_from_posts),
                t(prev.genuine.follows_from_posts),
            ),
            (
                lang.pick("Conversation per post", "Conversation par publication"),
                m(p.kaushik.conversation_per_post),
                m(prev.kaushik.conversation_per_post),
            ),
            (
                lang.pick("Amplification per post", "Amplification par publication"),
                m(p.kaushik.amplification_per_post),
                m(prev.kaushik.amplification_per_post),
            ),
            (
                lang.pick("Applause per post", "Applaudissements par publication"),
                m(p.kaushik.applause_per_post),
                m(prev.kaushik.applause_per_post),
            ),
            (
                lang.pick("Engagement rate by followers", "Taux d'engagement par abonnés"),
                p.rates.by_followers.map(|x| lang.percent(x.value, 2)).unwrap_or_else(|| "—".into()),
                prev.rates.by_followers.map(|x| lang.percent(x.value, 2)).unwrap_or_else(|| "—".into()),
            ),
            (
                lang.pick("Engagement rate by reach", "Taux d'engagement par portée"),
                p.rates.by_reach.map(|x| lang.percent(x.value, 2)).unwrap_or_else(|| "—".into()),
                prev.rates.by_reach.map(|x| lang.percent(x.value, 2)).unwrap_or_else(|| "—".into()),
            ),
            (
                lang.pick("Genuine share of interactions", "Part réelle des interactions"),
                p.genuine_share.map(|x| lang.percent(x.value, 1)).unwrap_or_else(|| "—".into()),
                prev.genuine_share.map(|x| lang.percent(x.value, 1)).unwrap_or_else(|| "—".into()),
            ),
        ];
        let _ = write!(
            h,
            "<h3>{}</h3><table><thead><tr><th></th><th>{} → {}</th><th>{} → {}</th></tr></thead><tbody>",
            lang.pick("Vanity and genuine", "Vanité et réel"),
            lang.date(p.from),
            lang.date(p.to),
            lang.date(prev.from),
            lang.date(prev.to)
        );
        for (label, now, before) in rows {
            let _ = write!(
                h,
                "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                escape(label),
                escape(&now),
                escape(&before)
            );
        }
        h.push_str("</tbody></table>");
    }
    let id = acc.id;
    h.push_str(&ctx.chart(ChartKind::Growth, vec![id], &format!("account-{id}-growth"))?);
    h.push_str(&ctx.chart(ChartKind::Gains, vec![id], &format!("account-{id}-gains"))?);
    h.push_str(&ctx.chart(ChartKind::VanityGenuine, vec![id], &format!("account-{id}-vanity-genuine"))?);
    h.push_str(&ctx.chart(ChartKind::Forecast, vec![id], &format!("account-{id}-forecast"))?);
    // Flagged days with their evidence.
    if !a.authenticity.flagged.is_empty() {
        let _ = write!(
            h,
            "<h3>{}</h3><table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
            lang.pick("Unusual days", "Jours inhabituels"),
            lang.pick("Day", "Jour"),
            lang.pick("Change", "Variation"),
            lang.pick("Verdict", "Verdict"),
            lang.pick("Evidence", "Éléments")
        );
        for f in &a.authenticity.flagged {
            let (class, verdict) = match f.verdict {
                Verdict::Suspicious => ("warning", lang.pick("unexplained", "inexpliqué")),
                Verdict::Explained => ("ok", lang.pick("explained", "expliqué")),
            };
            let evidence: Vec<String> = f.evidence.iter().map(|e| escape(&e.text)).collect();
            let _ = write!(
                h,
                "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"{class}\">{verdict}</td><td>{}</td></tr>",
                lang.date(f.date),
                if f.gain > 0 { format!("+{}", lang.int(f.gain)) } else { lang.int(f.gain) },
                evidence.join("<br>")
            );
        }
        h.push_str("</tbody></table>");
    }
    // The checklist.
    let _ = write!(h, "<h3>{}</h3><table><tbody>", lang.pick("Checklist", "Points de contrôle"));
    for s in &a.checklist {
        let class = match s.status {
            SignalStatus::Ok => "ok",
            SignalStatus::Warning => "warning",
            SignalStatus::Unknown => "unknown",
        };
        let _ = write!(
            h,
            "<tr><td>{}</td><td class=\"{class}\">{}</td><td class=\"muted\">{}</td></tr>",
            escape(&s.title),
            escape(&s.value),
            escape(&s.detail)
        );
    }
    h.push_str("</tbody></table>");
    // Top posts by genuine interaction.
    if !a.top_posts.is_empty() {
        let _ = write!(
            h,
            "<h3>{}</h3><table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
            lang.pick("Most talked-about posts (90 days)", "Publications les plus discutées (90 jours)"),
            lang.pick("Published", "Publiée"),
            lang.pick("Genuine", "Réel"),
            lang.pick("Conversation", "Conversation"),
            lang.pick("Likes", "J'aime"),
            lang.pick("Link", "Lien")
        );
        for p in &a.top_posts {
            let link = p
                .url
                .as_deref()
                .filter(|u| u.starts_with("https://"))
                .map(|u| format!("<a href=\"{0}\">{0}</a>", escape(u)))
                .unwrap_or_default();
            let _ = write!(
                h,
                "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{link}</td></tr>",
                escape(p.published_at.as_deref().unwrap_or("").get(..10).unwrap_or("")),
                opt_int(lang, p.genuine),
                opt_int(lang, p.conversation),
                opt_int(lang, p.likes)
            );
        }
        h.push_str("</tbody></table>");
    }
    Ok(h)
}

/// Writes the report into `dir` (created if needed). Returns what it wrote.
pub fn write(conn: &Connection, dir: &Path, opts: &ReportOptions) -> Result<Written> {
    for d in [dir.to_path_buf(), dir.join("charts"), dir.join("csv")] {
        std::fs::create_dir_all(&d).map_err(|e| Error::io(&d, e))?;
    }
    let lang = opts.lang;
    let all = AccountData::load_all(conn)?;
    let analyses: Vec<AccountAnalysis> = all
        .iter()
        .map(|d| {
            let mut a = analysis::analyse_data(
                d,
                &crate::metrics::authenticity::cohorts(conn, d.account.id)?,
                lang,
                opts.to,
                chrono::Utc::now().date_naive(),
            );
            // The report links its top posts (bulk loads leave links out).
            crate::store::posts::attach_links(conn, &mut a.top_posts)?;
            Ok(a)
        })
        .collect::<Result<_>>()?;
    let to = opts
        .to
        .or_else(|| all.iter().filter_map(AccountData::last_day).max())
        .unwrap_or_else(|| chrono::Utc::now().date_naive());
    let comparison = compare::compare(conn, &all, to, 90)?;
    let insights = insights::insights(&analyses, Some(&comparison), lang);
    let mut ctx = Ctx { conn, dir, opts, written: Vec::new() };

    let mut body = String::new();
    let period = match (opts.from, opts.to) {
        (Some(f), Some(t)) => format!("{} → {}", lang.date(f), lang.date(t)),
        (Some(f), None) => format!("{} {}", lang.pick("from", "depuis le"), lang.date(f)),
        (None, Some(t)) => format!("{} {}", lang.pick("until", "jusqu'au"), lang.date(t)),
        (None, None) => lang.pick("all the data", "toutes les données").to_string(),
    };
    let _ = write!(
        body,
        "<h1>{}</h1><p class=\"lede\">{} · {} {}</p>",
        lang.pick("Is the audience real?", "L'audience est-elle réelle ?"),
        escape(&period),
        lang.pick("generated by Resonance on", "généré par Resonance le"),
        lang.date(chrono::Utc::now().date_naive())
    );
    // Accounts at a glance.
    let _ = write!(
        body,
        "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        lang.pick("Account", "Compte"),
        lang.pick("Role", "Rôle"),
        lang.pick("Followers", "Abonnés"),
        lang.pick("90 days", "90 jours"),
        lang.pick("Unexplained changes", "Variations inexpliquées")
    );
    let mut accounts_csv = Table {
        headers: vec![
            "id".into(),
            "platform".into(),
            "handle".into(),
            "role".into(),
            "followers".into(),
            "following".into(),
            "posts".into(),
        ],
        rows: Vec::new(),
    };
    for a in &analyses {
        let acc = &a.account;
        let suspicious = a.authenticity.flagged.iter().filter(|f| f.verdict == Verdict::Suspicious).count();
        let _ = write!(
            body,
            "<tr><td>{} @{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num {}\">{}</td></tr>",
            escape(acc.platform.label()),
            escape(&acc.handle),
            crate::charts::growth::role_word(acc.role, lang),
            opt_int(lang, acc.followers),
            a.growth_90d
                .as_ref()
                .map(|g| format!("{}{}", if g.absolute > 0 { "+" } else { "" }, lang.int(g.absolute)))
                .unwrap_or_else(|| "—".into()),
            if suspicious > 0 { "warning" } else { "" },
            suspicious
        );
        accounts_csv.rows.push(vec![
            acc.id.to_string(),
            acc.platform.to_string(),
            acc.handle.clone(),
            acc.role.to_string(),
            acc.followers.map(|v| v.to_string()).unwrap_or_default(),
            acc.following.map(|v| v.to_string()).unwrap_or_default(),
            acc.posts.to_string(),
        ]);
    }
    body.push_str("</tbody></table>");
    write_file(&dir.join("csv").join("accounts.csv"), accounts_csv.to_csv().as_bytes(), &mut ctx.written)?;

    if !insights.is_empty() {
        let _ = write!(body, "<h3>{}</h3><ul class=\"insights\">", lang.pick("In plain words", "En clair"));
        for i in &insights {
            let class = match i.severity {
                insights::Severity::Warning => "warning",
                insights::Severity::Good => "ok",
                insights::Severity::Info => "",
            };
            let _ = write!(body, "<li><span class=\"{class}\">{}</span></li>", escape(&i.text));
        }
        body.push_str("</ul>");
    }

    let _ = write!(body, "<h2 class=\"first\">{}</h2>", lang.pick("All accounts", "Tous les comptes"));
    body.push_str(&ctx.chart(ChartKind::Growth, Vec::new(), "growth")?);
    body.push_str(&ctx.chart(ChartKind::ProPersonal, Vec::new(), "pro-personal")?);
    body.push_str(&ctx.chart(ChartKind::Posts, Vec::new(), "posts")?);
    body.push_str(&ctx.chart(ChartKind::Mix, Vec::new(), "mix")?);
    body.push_str(&ctx.chart(ChartKind::Heatmap, Vec::new(), "heatmap")?);
    body.push_str(&ctx.chart(ChartKind::Completion, Vec::new(), "completion")?);
    for a in &analyses {
        body.push_str(&account_section(&mut ctx, a, false)?);
    }
    let _ = write!(
        body,
        "<p class=\"muted\" style=\"margin-top:40px\">{}</p>",
        lang.pick(
            "Definitions of every figure: docs/metrics.md. Unknown values are shown as — and never counted as zero. Made offline, from your own exports.",
            "Définition de chaque chiffre : docs/metrics.md. Les valeurs inconnues sont notées — et jamais comptées comme zéro. Réalisé hors ligne, à partir de vos propres exports."
        )
    );
    let html = format!(
        "<!doctype html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:\">\
         <title>Resonance — {title}</title><style>{fonts}{CSS}</style></head><body><main>{body}</main></body></html>\n",
        lang = lang.as_str(),
        title = lang.pick("report", "rapport"),
        fonts = font_face(),
    );
    let html_path = dir.join("report.html");
    write_file(&html_path, html.as_bytes(), &mut ctx.written)?;
    Ok(Written { html: html_path, files: ctx.written })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            escape("<img src=x onerror=alert(1)> & \"q\""),
            "&lt;img src=x onerror=alert(1)&gt; &amp; &quot;q&quot;"
        );
    }

    #[test]
    fn csv_cells_cannot_become_formulas() {
        let t = Table {
            headers: vec!["a".into()],
            rows: vec![vec!["=HYPERLINK(\"x\")".into()], vec!["-12".into()], vec!["-cmd".into()]],
        };
        let csv = t.to_csv();
        assert!(csv.contains("'=HYPERLINK"));
        assert!(csv.contains("\n-12\n"));
        assert!(csv.contains("'-cmd"));
    }
}
