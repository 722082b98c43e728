//! The analysis commands of the CLI: authenticity, overlap, compare, insights, analyse, annotate.

use super::{Out, table};
use resonance::metrics::analysis::{self, SignalStatus};
use resonance::metrics::authenticity::Verdict;
use resonance::metrics::{compare as cmp, insights as ins};
use resonance::{Error, Store};
use std::process::ExitCode;

pub fn authenticity(store: &Store, account: i64, out: &Out) -> Result<ExitCode, Error> {
    let a = store.read(|c| analysis::analyse(c, account, out.lang, None))?;
    if out.json {
        out.json(&serde_json::json!({
            "account_id": account,
            "days_analysed": a.authenticity.days_analysed,
            "from": a.authenticity.from,
            "to": a.authenticity.to,
            "flagged": a.authenticity.flagged,
            "steps": a.authenticity.steps,
            "checklist": a.checklist,
        }));
        return Ok(ExitCode::SUCCESS);
    }
    let l = out.lang;
    println!(
        "@{} — {} {} ({} → {})",
        a.account.handle,
        l.int(a.authenticity.days_analysed as i64),
        out.t("days with a known daily change", "jours de variation connue"),
        a.authenticity.from.map(|d| l.date(d)).unwrap_or_default(),
        a.authenticity.to.map(|d| l.date(d)).unwrap_or_default()
    );
    for f in &a.authenticity.flagged {
        let verdict = match f.verdict {
            Verdict::Suspicious => out.t("SUSPICIOUS", "SUSPECT"),
            Verdict::Explained => out.t("explained", "expliqué"),
        };
        println!("{}  {:+}  {verdict}", l.date(f.date), f.gain);
        for e in &f.evidence {
            println!("    {} {}", if e.explains { "✓" } else { "·" }, e.text);
        }
    }
    for s in &a.authenticity.steps {
        println!(
            "{} {}: {} → {} {}",
            out.t("step change on", "changement de rythme le"),
            l.date(s.date),
            l.decimal(s.before_per_day, 1),
            l.decimal(s.after_per_day, 1),
            out.t("a day", "par jour")
        );
    }
    println!();
    for s in &a.checklist {
        let mark = match s.status {
            SignalStatus::Ok => "ok",
            SignalStatus::Warning => "!!",
            SignalStatus::Unknown => "??",
        };
        println!("[{mark}] {}: {} — {}", s.title, s.value, s.detail);
    }
    Ok(ExitCode::SUCCESS)
}

pub fn overlap(store: &Store, out: &Out) -> Result<ExitCode, Error> {
    let list = store.read(cmp::overlap)?;
    if out.json {
        out.json(&list);
        return Ok(ExitCode::SUCCESS);
    }
    let rows: Vec<Vec<String>> = list
        .iter()
        .map(|o| {
            vec![o.platform.label().into(), o.account_a.to_string(), o.account_b.to_string(), out.lang.int(o.shared)]
        })
        .collect();
    println!("{}", table(&[out.t("PLATFORM", "PLATEFORME"), "A", "B", out.t("SHARED", "EN COMMUN")], &rows));
    Ok(ExitCode::SUCCESS)
}

pub fn compare(store: &Store, days: i64, out: &Out) -> Result<ExitCode, Error> {
    // The same call as the app's Compare view.
    let c = resonance::views::compare(store, days.clamp(7, 3650))?;
    if out.json {
        out.json(&*c);
        return Ok(ExitCode::SUCCESS);
    }
    let l = out.lang;
    let m = |x: Option<resonance::metrics::engagement::Mean>| {
        x.map(|v| l.decimal(v.value, 1)).unwrap_or_else(|| "—".into())
    };
    let rows = vec![
        vec![
            out.t("accounts", "comptes").into(),
            c.pro.accounts.len().to_string(),
            c.personal.accounts.len().to_string(),
        ],
        vec![
            out.t("followers", "abonnés").into(),
            c.pro.followers.map(|v| l.int(v)).unwrap_or_default(),
            c.personal.followers.map(|v| l.int(v)).unwrap_or_default(),
        ],
        vec![out.t("posts", "publications").into(), c.pro.posts.to_string(), c.personal.posts.to_string()],
        vec![
            out.t("likes per post", "j'aime par publication").into(),
            m(c.pro.likes_per_post),
            m(c.personal.likes_per_post),
        ],
        vec![
            out.t("conversation per post", "conversation par publication").into(),
            m(c.pro.conversation_per_post),
            m(c.personal.conversation_per_post),
        ],
        vec![
            out.t("genuine per post per 1,000 followers", "réel par publication pour 1 000 abonnés").into(),
            m(c.pro.genuine_per_1000_followers),
            m(c.personal.genuine_per_1000_followers),
        ],
    ];
    println!("{} → {}", c.from, c.to);
    println!("{}", table(&["", "PRO", out.t("PERSONAL", "PERSO")], &rows));
    Ok(ExitCode::SUCCESS)
}

pub fn insights(store: &Store, out: &Out) -> Result<ExitCode, Error> {
    // The same call as the app's overview.
    let list = resonance::views::insights(store, out.lang)?;
    if out.json {
        out.json(&*list);
        return Ok(ExitCode::SUCCESS);
    }
    for i in list.iter() {
        let mark = match i.severity {
            ins::Severity::Warning => "!",
            ins::Severity::Info => "·",
            ins::Severity::Good => "✓",
        };
        println!("{mark} {}", i.text);
    }
    Ok(ExitCode::SUCCESS)
}

pub fn analyse(store: &Store, account: i64, out: &Out) -> Result<ExitCode, Error> {
    let a = store.read(|c| analysis::analyse(c, account, out.lang, None))?;
    out.json(&a);
    Ok(ExitCode::SUCCESS)
}

pub fn annotate(
    store: &Store,
    account: Option<i64>,
    day: chrono::NaiveDate,
    kind: &str,
    note: &str,
    out: &Out,
) -> Result<ExitCode, Error> {
    let id = store.write(|tx| resonance::store::annotations::add(tx, account, day, kind, note))?;
    if out.json {
        out.json(&serde_json::json!({ "id": id }));
    } else {
        println!("{} {}", out.t("Noted:", "Noté :"), out.lang.date(day));
    }
    Ok(ExitCode::SUCCESS)
}
