//! `gridledger report …`: the daily statistics (疫情防控日报) and the situation report
//! (情况汇报) of a statistical date.

use clap::Subcommand;
use gridledger::api::{DailyStats, StatsNumbers};
use gridledger::domain::date::parse_date;
use gridledger::store::Actor;
use gridledger::{stats, Error, Ledger, Result};

#[derive(Subcommand)]
pub enum ReportCommand {
    /// The day's numbers by grid and in total (新增 / 累计 / 现有 / 解除).
    Daily {
        /// The statistical date (default: today's, after the cut-off tomorrow's).
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// The 情况汇报 draft written from the numbers; `--wechat` the short group text;
    /// `--docx FILE` writes it as a Word document (logged as an export).
    Narrative {
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
        #[arg(long, conflicts_with = "docx")]
        wechat: bool,
        /// Write the report to this .docx file instead of printing it.
        #[arg(long, value_name = "FILE")]
        docx: Option<std::path::PathBuf>,
        /// With --docx: the (edited) text to use instead of the generated draft, from a
        /// UTF-8 file, one paragraph per line.
        #[arg(long, value_name = "FILE", requires = "docx")]
        text: Option<std::path::PathBuf>,
    },
}

fn date_of(ledger: &Ledger, date: Option<String>) -> Result<chrono::NaiveDate> {
    match date {
        None => stats::statistical_today(ledger.conn()),
        Some(d) => parse_date(&d, None)
            .map_err(|e| Error::invalid("date", format!("{d}: {e}"), format!("日期“{d}”无法识别"))),
    }
}

fn row(name: &str, n: &StatsNumbers) {
    let f = |a: gridledger::api::Flow| format!("{}/{}", a.new, a.total);
    println!(
        "{name}\t{}\t{}\t{}\t{}\t{}\t{}\t{}/{}/{}/{}\t{}\t{}\t{}\t{}\t{}",
        f(n.arrivals),
        f(n.arrivals_same_province),
        f(n.arrivals_other_province),
        f(n.arrivals_outside),
        f(n.arrivals_risk_area),
        f(n.contacts),
        n.isolations.new,
        n.isolations.total,
        n.isolations.current,
        n.isolations.released,
        f(n.calls),
        f(n.gate_checks),
        f(n.gate_fevers),
        f(n.supply_issues),
        n.publicity.iter().map(|p| p.new).sum::<u32>(),
    );
}

fn print_daily(d: &DailyStats) {
    println!(
        "{} 疫情防控日报（统计截止 {}）{}",
        d.date,
        d.cutoff,
        if d.nil_report { " 零报告" } else { "" }
    );
    println!("新增/累计；隔离为 新增/累计/现有/解除");
    println!(
        "网格\t外来人员\t省内\t省外\t境外\t风险地区\t密接\t隔离\t电话核实\t门岗测温\t发热\t物资发放\t宣传"
    );
    for g in &d.grids {
        row(&g.grid_name, &g.numbers);
    }
    row("合计", &d.total);
}

pub fn report_command(ledger: &mut Ledger, command: ReportCommand) -> Result<()> {
    match command {
        ReportCommand::Daily { date, json } => {
            let d = stats::daily_stats(ledger.conn(), date_of(ledger, date)?)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&d)?);
            } else {
                print_daily(&d);
            }
        }
        ReportCommand::Narrative {
            date,
            docx: Some(out),
            text,
            ..
        } => {
            let on = date_of(ledger, date)?;
            let text = text
                .map(|p| std::fs::read_to_string(&p).map_err(|e| Error::io(&p, e)))
                .transpose()?;
            let done = stats::docx::export_situation_report(
                ledger,
                &Actor::cli(),
                on,
                text.as_deref(),
                Some(&out),
            )?;
            println!("wrote {} paragraphs to {}", done.rows, done.path);
        }
        ReportCommand::Narrative { date, wechat, .. } => {
            let r = stats::narrative::situation_report(ledger.conn(), date_of(ledger, date)?)?;
            println!("{}", if wechat { r.wechat } else { r.narrative });
        }
    }
    Ok(())
}
