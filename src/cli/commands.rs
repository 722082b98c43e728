//! The commands of the CLI, each a thin layer over the core.

use super::{Bar, Out, table};
use resonance::import::progress::{Progress, Silent};
use resonance::import::source::Input;
use resonance::import::{self, ImportOptions, ImportReport, ImportStatus};
use resonance::model::{AudienceMetric, Role};
use resonance::store::{accounts, audience, ledger, posts};
use resonance::{Error, Lang, Store};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;

fn count(lang: Lang, v: Option<i64>) -> String {
    v.map(|n| lang.int(n)).unwrap_or_else(|| "—".into())
}

fn role_word(out: &Out, r: Role) -> String {
    match r {
        Role::Pro => "pro".into(),
        Role::Personal => out.t("personal", "perso").into(),
    }
}

fn bar(out: &Out) -> Option<Bar> {
    out.progress.then(|| {
        let pb = indicatif::ProgressBar::new(1);
        pb.set_style(
            indicatif::ProgressStyle::with_template("{spinner} [{bar:30}] {bytes}/{total_bytes} {msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
                .progress_chars("=> "),
        );
        Bar(pb)
    })
}

pub fn demo(store: &Store, remove: bool, out: &Out) -> Result<ExitCode, Error> {
    if remove {
        let n = resonance::demo::remove(store)?;
        if out.json {
            out.json(&serde_json::json!({ "removed_accounts": n }));
        } else {
            println!("{} {n}", out.t("Demo removed; accounts deleted:", "Démo retirée ; comptes supprimés :"));
        }
        return Ok(ExitCode::SUCCESS);
    }
    let b = bar(out);
    let progress: &dyn Progress = match &b {
        Some(b) => b,
        None => &Silent,
    };
    let reports = resonance::demo::load(store, out.lang, progress)?;
    if let Some(b) = b {
        b.0.finish_and_clear();
    }
    print_reports(&reports, out);
    Ok(ExitCode::SUCCESS)
}

/// A CSV's columns, first rows and suggested mapping, for `import --map`.
pub fn preview(paths: &[PathBuf], out: &Out) -> Result<ExitCode, Error> {
    let mut all = Vec::new();
    for p in paths {
        let pv = import::generic::preview(&Input::path(p))?;
        if !out.json {
            println!("{}:", pv.file);
            for (i, h) in pv.headers.iter().enumerate() {
                let sample = pv.rows.first().and_then(|r| r.get(i)).map(String::as_str).unwrap_or("");
                let field = pv.suggested.get(i).copied().flatten();
                let field = field.map(|f| format!("--map {}=\"{h}\"", f.name()));
                println!("  {h:<28} {sample:<24} {}", field.unwrap_or_default());
            }
            if pv.day_first {
                println!(
                    "  {}",
                    out.t("dates look day first: add --day-first", "dates jour d'abord : ajoutez --day-first")
                );
            }
        }
        all.push(pv);
    }
    if out.json {
        out.json(&all);
    }
    Ok(ExitCode::SUCCESS)
}

pub fn inspect(
    store: &Store,
    paths: &[PathBuf],
    mapping: Option<&import::generic::ColumnMapping>,
    out: &Out,
) -> Result<ExitCode, Error> {
    let mut all = Vec::new();
    for p in paths {
        let i = import::inspect_mapped(Some(store), &Input::path(p), mapping)?;
        if !out.json {
            println!("{}:", i.name);
            for r in &i.recognised {
                println!("  {} — {}", r.path, r.kind.id());
            }
            if i.unused > 0 {
                println!(
                    "  {} {}",
                    i.unused,
                    out.t("other files of the export, not needed", "autres fichiers de l'export, inutiles ici")
                );
            }
            for u in &i.unrecognised {
                println!("  {} — {} ({})", u.path, out.t("not recognised", "non reconnu"), u.what);
            }
            if let Some(h) = &i.handle {
                println!("  {}: @{h}", out.t("account", "compte"));
            }
            if let Some(at) = &i.already_imported_at {
                println!("  {} {at}", out.t("already imported on", "déjà importé le"));
            }
        }
        all.push(i);
    }
    if out.json {
        out.json(&all);
    }
    Ok(ExitCode::SUCCESS)
}

pub fn import(
    store: &Store,
    paths: &[PathBuf],
    role: Option<Role>,
    account: Option<i64>,
    mapping: Option<import::generic::ColumnMapping>,
    out: &Out,
) -> Result<ExitCode, Error> {
    let opts = ImportOptions { role, account, lang: out.lang, demo: false, mapping, exported_on: None };
    let cancel = AtomicBool::new(false);
    let mut reports = Vec::new();
    for p in paths {
        let b = bar(out);
        let progress: &dyn Progress = match &b {
            Some(b) => b,
            None => &Silent,
        };
        let result = import::import(store, &Input::path(p), &opts, progress, &cancel);
        if let Some(b) = b {
            b.0.finish_and_clear();
        }
        match result {
            Ok(r) => reports.push(r),
            Err(e) => {
                // Earlier files stay imported (each is its own transaction); say what landed
                // (with --json: the reports of the files before on stdout, the error on stderr).
                if !reports.is_empty() {
                    print_reports(&reports, out);
                }
                return Err(e);
            }
        }
    }
    print_reports(&reports, out);
    Ok(ExitCode::SUCCESS)
}

fn print_reports(reports: &[ImportReport], out: &Out) {
    if out.json {
        out.json(&reports);
        return;
    }
    let l = out.lang;
    for r in reports {
        match r.status {
            ImportStatus::AlreadyImported => {
                println!(
                    "= {}: {}",
                    r.file,
                    out.t("already imported, nothing changed", "déjà importé, rien n'a changé")
                );
            }
            ImportStatus::Imported => {
                let who = r
                    .accounts
                    .iter()
                    .map(|a| format!("{} @{} ({})", a.platform.label(), a.handle, role_word(out, a.role)))
                    .collect::<Vec<_>>()
                    .join(", ");
                println!("✓ {}: {who}", r.file);
                let c = &r.counts;
                let mut parts = Vec::new();
                if c.followers > 0 {
                    parts.push(format!(
                        "{} {}",
                        l.int(c.followers as i64),
                        out.t("followers listed", "abonnés listés")
                    ));
                }
                if c.unfollows > 0 {
                    parts.push(format!(
                        "{} {}",
                        l.int(c.unfollows as i64),
                        out.t("left since the previous export", "partis depuis l'export précédent")
                    ));
                }
                if c.following > 0 {
                    parts.push(format!("{} {}", l.int(c.following as i64), out.t("followed", "abonnements")));
                }
                if c.posts > 0 {
                    parts.push(format!(
                        "{} {} ({} {})",
                        l.int(c.posts as i64),
                        out.t("posts", "publications"),
                        l.int(c.posts_new as i64),
                        out.t("new", "nouvelles")
                    ));
                }
                if c.post_observations > 0 {
                    parts.push(format!(
                        "{} {}",
                        l.int(c.post_observations as i64),
                        out.t("post measurements", "mesures de publications")
                    ));
                }
                if c.audience_points > 0 || c.follow_changes > 0 {
                    parts.push(format!(
                        "{} {}",
                        l.int((c.audience_points + c.follow_changes) as i64),
                        out.t("audience data points", "points d'audience")
                    ));
                }
                if c.daily_metrics > 0 {
                    parts.push(format!(
                        "{} {}",
                        l.int(c.daily_metrics as i64),
                        out.t("daily values", "valeurs quotidiennes")
                    ));
                }
                if !parts.is_empty() {
                    println!("  {}", parts.join(" · "));
                }
                if let (Some(a), Some(b)) = (&r.date_from, &r.date_to) {
                    println!("  {} {a} → {b}", out.t("covers", "couvre"));
                }
                for a in &r.accounts {
                    if let Some(f) = a.followers {
                        println!("  @{}: {} {}", a.handle, l.int(f), out.t("followers now", "abonnés aujourd'hui"));
                    }
                }
            }
        }
        for w in &r.warnings {
            eprintln!("  ! {w}");
        }
    }
}

pub fn accounts(store: &Store, out: &Out) -> Result<ExitCode, Error> {
    let list = store.read(accounts::list)?;
    if out.json {
        out.json(&list);
        return Ok(ExitCode::SUCCESS);
    }
    if list.is_empty() {
        println!(
            "{}",
            out.t(
                "No accounts yet. Import an export, or run `resonance demo`.",
                "Aucun compte. Importez un export, ou lancez `resonance demo`."
            )
        );
        return Ok(ExitCode::SUCCESS);
    }
    let l = out.lang;
    let rows: Vec<Vec<String>> = list
        .iter()
        .map(|a| {
            vec![
                a.id.to_string(),
                a.platform.label().into(),
                format!("@{}", a.handle),
                role_word(out, a.role),
                count(l, a.followers),
                count(l, a.following),
                l.int(a.posts),
                if a.is_demo { "demo".into() } else { String::new() },
            ]
        })
        .collect();
    let header = [
        "ID",
        out.t("PLATFORM", "PLATEFORME"),
        out.t("HANDLE", "COMPTE"),
        out.t("ROLE", "RÔLE"),
        out.t("FOLLOWERS", "ABONNÉS"),
        out.t("FOLLOWING", "ABONNEMENTS"),
        out.t("POSTS", "PUBLICATIONS"),
        "",
    ];
    println!("{}", table(&header, &rows));
    Ok(ExitCode::SUCCESS)
}

pub fn account(
    store: &Store,
    id: i64,
    role: Option<Role>,
    label: Option<String>,
    out: &Out,
) -> Result<ExitCode, Error> {
    let updated = store.write(|tx| {
        if let Some(r) = role {
            accounts::set_role(tx, id, r)?;
        }
        if let Some(l) = &label {
            accounts::set_label(tx, id, l)?;
        }
        accounts::get(tx, id)
    })?;
    if out.json {
        out.json(&updated);
    } else {
        println!("@{} ({}): {}", updated.handle, updated.platform.label(), role_word(out, updated.role));
    }
    Ok(ExitCode::SUCCESS)
}

pub fn followers(store: &Store, account: i64, metric: AudienceMetric, out: &Out) -> Result<ExitCode, Error> {
    let series = store.read(|c| {
        accounts::get(c, account)?;
        audience::follower_series(c, account, metric)
    })?;
    if out.json {
        out.json(&series);
        return Ok(ExitCode::SUCCESS);
    }
    let l = out.lang;
    let rows: Vec<Vec<String>> = series
        .iter()
        .map(|p| {
            vec![
                p.date.to_string(),
                l.int(p.followers),
                p.source.as_str().to_string(),
                if p.lower_bound { out.t("lower bound", "minimum").into() } else { String::new() },
            ]
        })
        .collect();
    println!("{}", table(&["DATE", out.t("COUNT", "NOMBRE"), "SOURCE", ""], &rows));
    Ok(ExitCode::SUCCESS)
}

pub fn posts(store: &Store, account: i64, limit: Option<usize>, out: &Out) -> Result<ExitCode, Error> {
    let mut list = store.read(|c| {
        accounts::get(c, account)?;
        posts::list(c, account)
    })?;
    if let Some(n) = limit {
        list.truncate(n);
    }
    if out.json {
        out.json(&list);
        return Ok(ExitCode::SUCCESS);
    }
    let l = out.lang;
    let rows: Vec<Vec<String>> = list
        .iter()
        .map(|p| {
            let m = &p.metrics;
            let text: String = p.text.as_deref().unwrap_or("").replace('\n', " ").chars().take(50).collect();
            vec![
                p.published_at.as_deref().map(|t| t.chars().take(10).collect()).unwrap_or_default(),
                p.kind.as_str().into(),
                count(l, m.views.or(m.impressions)),
                count(l, m.likes),
                count(l, m.comments.or(m.replies)),
                count(l, m.shares),
                count(l, m.saves),
                text,
            ]
        })
        .collect();
    let header = [
        "DATE",
        out.t("KIND", "TYPE"),
        out.t("VIEWS", "VUES"),
        out.t("LIKES", "J'AIME"),
        out.t("COMMENTS", "COMMENT."),
        out.t("SHARES", "PARTAGES"),
        out.t("SAVES", "ENREG."),
        out.t("TEXT", "TEXTE"),
    ];
    println!("{}", table(&header, &rows));
    Ok(ExitCode::SUCCESS)
}

pub fn summary(
    store: &Store,
    account: Option<i64>,
    from: Option<chrono::NaiveDate>,
    to: Option<chrono::NaiveDate>,
    out: &Out,
) -> Result<ExitCode, Error> {
    use resonance::metrics::summary::{PeriodChoice, all_for, report};
    let choice = PeriodChoice { from, to, ..PeriodChoice::default() };
    let reports = store.read(|c| match account {
        Some(id) => Ok(vec![report(&resonance::metrics::data::AccountData::load(c, id)?, choice)]),
        None => all_for(c, choice),
    })?;
    if out.json {
        out.json(&reports);
        return Ok(ExitCode::SUCCESS);
    }
    let l = out.lang;
    for r in &reports {
        let a = &r.account;
        println!(
            "{} @{} ({}) — {} {}",
            a.platform.label(),
            a.handle,
            role_word(out, a.role),
            count(l, a.followers),
            out.t("followers", "abonnés")
        );
        for g in [&r.growth_30d, &r.growth_90d, &r.growth_365d].into_iter().flatten() {
            let pct = g.percent.map(|p| format!(" ({})", l.percent(p, 1))).unwrap_or_default();
            let sign = if g.absolute > 0 { "+" } else { "" };
            println!(
                "  {} {} {}: {sign}{}{pct}",
                out.t("over", "sur"),
                g.days,
                out.t("days", "jours"),
                l.int(g.absolute)
            );
        }
        if let Some(p) = &r.period {
            let total = |t: Option<resonance::metrics::engagement::Total>| {
                t.map(|t| l.int(t.value)).unwrap_or_else(|| "—".into())
            };
            let mean = |m: Option<resonance::metrics::engagement::Mean>| {
                m.map(|m| l.decimal(m.value, 1)).unwrap_or_else(|| "—".into())
            };
            println!(
                "  {} {} → {}: {} {}",
                out.t("period", "période"),
                p.from,
                p.to,
                p.posts,
                out.t("posts", "publications")
            );
            println!(
                "    {}: {} {} · {} {} · {} {}",
                out.t("vanity", "vanité"),
                total(p.vanity.likes),
                out.t("likes", "j'aime"),
                total(p.vanity.views),
                out.t("views", "vues"),
                total(p.vanity.reach),
                out.t("reach", "portée")
            );
            println!(
                "    {}: {} {} · {} {} · {} {}",
                out.t("genuine", "réel"),
                total(p.genuine.conversation),
                out.t("comments/replies", "commentaires/réponses"),
                total(p.genuine.amplification),
                out.t("shares", "partages"),
                total(p.genuine.saves),
                out.t("saves", "enregistrements")
            );
            println!(
                "    {}: {} · {}: {}",
                out.t("conversation per post", "conversation par publication"),
                mean(p.kaushik.conversation_per_post),
                out.t("genuine share", "part réelle"),
                p.genuine_share.map(|m| l.percent(m.value, 1)).unwrap_or_else(|| "—".into())
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn imports(store: &Store, out: &Out) -> Result<ExitCode, Error> {
    let list = store.read(ledger::list)?;
    if out.json {
        out.json(&list);
        return Ok(ExitCode::SUCCESS);
    }
    let rows: Vec<Vec<String>> = list
        .iter()
        .map(|r| {
            vec![r.id.to_string(), r.imported_at.clone(), r.file_name.clone(), r.format.clone(), r.outcome.clone()]
        })
        .collect();
    println!(
        "{}",
        table(&["ID", out.t("WHEN", "QUAND"), out.t("FILE", "FICHIER"), "FORMAT", out.t("OUTCOME", "RÉSULTAT")], &rows)
    );
    Ok(ExitCode::SUCCESS)
}
