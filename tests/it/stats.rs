//! Daily statistics (每日统计) against a hand-counted fixture on a fresh ledger, across
//! the statistical cut-off; the 零报告; the 30-day trend; the 情况汇报 of the source
//! scenario after `demo::load`; and the CLI.

use chrono::{NaiveDate, NaiveTime};
use gridledger::api::{CallOutcome, CallState, PublicityKind};
use gridledger::store::Actor;
use gridledger::{demo, settings, stats, Ledger};
use rusqlite::Transaction;

use crate::fresh_ledger;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// Insert a row with the bookkeeping columns filled in.
fn ins(tx: &Transaction, table: &str, id: &str, cols: &[(&str, &str)]) {
    let mut names = vec!["id", "created_at", "updated_at", "updated_by"];
    let mut values = vec![
        id,
        "2020-01-01T00:00:00.000Z",
        "2020-01-01T00:00:00.000Z",
        "test",
    ];
    for (c, v) in cols {
        names.push(c);
        values.push(v);
    }
    let marks: Vec<String> = (1..=values.len()).map(|i| format!("?{i}")).collect();
    tx.execute(
        &format!(
            "INSERT INTO {table} ({}) VALUES ({})",
            names.join(", "),
            marks.join(", ")
        ),
        rusqlite::params_from_iter(values),
    )
    .unwrap();
}

/// Two grids (g1, g2) in a community of 淮南 (home province 34), a household in each, and
/// records hand-counted in the tests below. The cut-off is 15:00.
fn fixture(ledger: &mut Ledger) {
    ledger
        .write(&Actor::cli(), |tx| {
            settings::set_statistical_cutoff(tx, NaiveTime::from_hms_opt(15, 0, 0).unwrap())?;
            ins(
                tx,
                "street",
                "s",
                &[("name", "舜耕街道"), ("region_code", "340403")],
            );
            ins(
                tx,
                "community",
                "c",
                &[("street_id", "s"), ("name", "幸福社区")],
            );
            ins(
                tx,
                "grid",
                "g1",
                &[("community_id", "c"), ("name", "第一网格")],
            );
            ins(
                tx,
                "grid",
                "g2",
                &[("community_id", "c"), ("name", "第二网格")],
            );
            ins(tx, "household", "h1", &[("grid_id", "g1"), ("room", "101")]);
            ins(tx, "household", "h2", &[("grid_id", "g2"), ("room", "102")]);
            for (p, h) in [
                ("p1", "h1"),
                ("p2", "h1"),
                ("p3", "h2"),
                ("p4", "h2"),
                ("p5", "h2"),
            ] {
                ins(tx, "person", p, &[("name", p), ("household_id", h)]);
            }
            ins(tx, "person", "v", &[("name", "访客")]); // no household
            ins(
                tx,
                "risk_area",
                "r",
                &[
                    ("region_code", "420100"),
                    ("name", "湖北省武汉市"),
                    ("from_date", "2020-01-01"),
                ],
            );
            // Arrivals: p1 from 武汉 on 01-20 (g1, 省外, risk); p2 from 合肥 on 01-21 (g1,
            // 省内); p3 from 韩国 on 01-21 (g2, 境外); p4 from 上海 on 01-22 (g2, 省外).
            for (id, p, region, country, on) in [
                ("a1", "p1", "420102", "", "2020-01-20"),
                ("a2", "p2", "340100", "", "2020-01-21"),
                ("a3", "p3", "", "KR", "2020-01-21"),
                ("a4", "p4", "310101", "", "2020-01-22"),
            ] {
                let mut cols = vec![("person_id", p), ("arrived_on", on)];
                if !region.is_empty() {
                    cols.push(("origin_region", region));
                }
                if !country.is_empty() {
                    cols.push(("origin_country", country));
                }
                ins(tx, "arrival", id, &cols);
            }
            // p2 is p1's contact, last contact 01-21.
            ins(
                tx,
                "contact",
                "x1",
                &[
                    ("person_id", "p2"),
                    ("index_person_id", "p1"),
                    ("exposure", "household"),
                    ("last_contact_on", "2020-01-21"),
                ],
            );
            // Isolations: p1 01-20..01-21 released on 01-21; p2 (contact) from 01-21, open.
            ins(
                tx,
                "isolation",
                "i1",
                &[
                    ("person_id", "p1"),
                    ("kind", "home"),
                    ("start_rule", "arrival"),
                    ("arrival_id", "a1"),
                    ("start_date", "2020-01-20"),
                    ("days", "14"),
                    ("planned_end", "2020-02-02"),
                    ("checks_per_day", "2"),
                    ("ended_on", "2020-01-21"),
                    ("end_reason", "released"),
                ],
            );
            ins(
                tx,
                "isolation",
                "i2",
                &[
                    ("person_id", "p2"),
                    ("kind", "home"),
                    ("start_rule", "last_contact"),
                    ("contact_id", "x1"),
                    ("start_date", "2020-01-21"),
                    ("days", "14"),
                    ("planned_end", "2020-02-03"),
                    ("checks_per_day", "2"),
                ],
            );
            // Calls on p5 (g2): 01-21 14:59 (day 21, no answer), 01-21 15:00 (day 22,
            // vacant number).
            ins(
                tx,
                "call_target",
                "t1",
                &[
                    ("person_id", "p5"),
                    ("place_country", "KR"),
                    ("city", "首尔"),
                    ("away_since", "2020-01-10"),
                ],
            );
            ins(
                tx,
                "call",
                "k1",
                &[
                    ("target_id", "t1"),
                    ("called_at", "2020-01-21 14:59:00"),
                    ("outcome", "no_answer"),
                ],
            );
            ins(
                tx,
                "call",
                "k2",
                &[
                    ("target_id", "t1"),
                    ("called_at", "2020-01-21 15:00:00"),
                    ("outcome", "vacant_number"),
                ],
            );
            // Gate: p3 at 14:59 on 01-21 (day 21); a visitor with a fever at 15:00 (day 22).
            ins(tx, "checkpoint", "cp", &[("name", "东门")]);
            ins(
                tx,
                "gate_check",
                "gc1",
                &[
                    ("checkpoint_id", "cp"),
                    ("person_id", "p3"),
                    ("temperature", "365"),
                    ("checked_at", "2020-01-21 14:59:59"),
                    ("admitted", "1"),
                ],
            );
            ins(
                tx,
                "gate_check",
                "gc2",
                &[
                    ("checkpoint_id", "cp"),
                    ("person_id", "v"),
                    ("temperature", "381"),
                    ("checked_at", "2020-01-21 15:00:00"),
                    ("admitted", "0"),
                    ("referral", "社区卫生服务中心"),
                ],
            );
            // Supplies: 10 masks to h1 on 01-21.
            ins(tx, "supply_item", "m", &[("name", "口罩"), ("unit", "个")]);
            ins(
                tx,
                "supply_receipt",
                "sr",
                &[
                    ("item_id", "m"),
                    ("quantity", "100"),
                    ("received_on", "2020-01-20"),
                ],
            );
            ins(
                tx,
                "supply_issue",
                "si",
                &[
                    ("item_id", "m"),
                    ("household_id", "h1"),
                    ("quantity", "10"),
                    ("issued_on", "2020-01-21"),
                ],
            );
            // Publicity: 2 WeChat groups of 500 on 01-21.
            ins(
                tx,
                "publicity",
                "pb",
                &[
                    ("kind", "wechat"),
                    ("count", "2"),
                    ("reach", "500"),
                    ("done_on", "2020-01-21"),
                ],
            );
            Ok(())
        })
        .unwrap();
}

#[test]
fn the_day_counts_by_grid_and_in_total_across_the_cutoff() {
    let (_dir, mut ledger) = fresh_ledger();
    fixture(&mut ledger);
    let d = stats::daily_stats(ledger.conn(), day("2020-01-21")).unwrap();
    assert_eq!(d.cutoff, "15:00");
    assert!(!d.nil_report);
    let t = &d.total;
    assert_eq!((t.arrivals.new, t.arrivals.total), (2, 3));
    assert_eq!(
        (t.arrivals_same_province.new, t.arrivals_same_province.total),
        (1, 1)
    );
    assert_eq!(
        (
            t.arrivals_other_province.new,
            t.arrivals_other_province.total
        ),
        (0, 1)
    );
    assert_eq!((t.arrivals_outside.new, t.arrivals_outside.total), (1, 1));
    assert_eq!(
        (t.arrivals_risk_area.new, t.arrivals_risk_area.total),
        (0, 1)
    );
    assert_eq!(
        (t.contacts.new, t.contacts.total, t.contacts_isolated),
        (1, 1, 1)
    );
    let i = t.isolations;
    assert_eq!(
        (i.new, i.total, i.current, i.released, i.released_total),
        (1, 2, 1, 1, 1)
    );
    // The 14:59 call counts today; the 15:00 one tomorrow.
    assert_eq!((t.calls.new, t.calls.total), (1, 1));
    let outcome = |o| t.calls_by_outcome.iter().find(|c| c.outcome == o).unwrap();
    assert_eq!(outcome(CallOutcome::NoAnswer).new, 1);
    assert_eq!(outcome(CallOutcome::VacantNumber).total, 0);
    let state = |s| {
        t.targets_by_state
            .iter()
            .find(|c| c.state == s)
            .unwrap()
            .count
    };
    assert_eq!((t.targets, state(CallState::Retry)), (1, 1));
    assert_eq!(
        (t.gate_checks.new, t.gate_fevers.new, t.gate_refused.new),
        (1, 0, 0)
    );
    assert_eq!((t.supply_issues.new, t.supply_quantity.new), (1, 10));
    let wechat = t
        .publicity
        .iter()
        .find(|p| p.kind == PublicityKind::Wechat)
        .unwrap();
    assert_eq!((wechat.new, wechat.total, wechat.reach_total), (2, 2, 1000));

    // By grid: g1 has p1, p2 and the masks; g2 p3, p4, the call and the gate check.
    let names: Vec<&str> = d.grids.iter().map(|g| g.grid_name.as_str()).collect();
    assert_eq!(names, ["第一网格", "第二网格"]); // no 未分网格 yet: the visitor is tomorrow's
    let g1 = &d.grids[0].numbers;
    let g2 = &d.grids[1].numbers;
    assert_eq!((g1.arrivals.total, g2.arrivals.total), (2, 1));
    assert_eq!((g1.isolations.current, g1.isolations.released), (1, 1));
    assert_eq!((g1.supply_quantity.new, g2.supply_quantity.new), (10, 0));
    assert_eq!((g1.calls.new, g2.calls.new), (0, 1));
    assert_eq!((g1.gate_checks.new, g2.gate_checks.new), (0, 1));
    assert_eq!(g1.publicity.iter().map(|p| p.total).sum::<u32>(), 0);

    // The next day: the 15:00 call and the visitor's fever, in 未分网格.
    let d = stats::daily_stats(ledger.conn(), day("2020-01-22")).unwrap();
    let t = &d.total;
    assert_eq!(
        (
            t.arrivals.new,
            t.arrivals.total,
            t.arrivals_other_province.total
        ),
        (1, 4, 2)
    );
    assert_eq!((t.calls.new, t.calls.total), (1, 2));
    let state = |s| {
        t.targets_by_state
            .iter()
            .find(|c| c.state == s)
            .unwrap()
            .count
    };
    assert_eq!(state(CallState::Retry), 1); // two failed tries, policy allows more
    assert_eq!(
        (t.gate_checks.new, t.gate_fevers.new, t.gate_refused.new),
        (1, 1, 1)
    );
    assert_eq!((t.gate_checks.total, t.gate_fevers.total), (2, 1));
    assert_eq!(
        (
            t.isolations.new,
            t.isolations.current,
            t.isolations.released
        ),
        (0, 1, 0)
    );
    let last = d.grids.last().unwrap();
    assert_eq!(
        (last.grid_id.as_deref(), last.grid_name.as_str()),
        (None, "未分网格")
    );
    assert_eq!(last.numbers.gate_fevers.new, 1);
}

#[test]
fn a_day_with_nothing_new_is_a_nil_report_and_the_trend_has_thirty_days() {
    let (_dir, mut ledger) = fresh_ledger();
    fixture(&mut ledger);
    let d = stats::daily_stats(ledger.conn(), day("2020-02-10")).unwrap();
    assert!(d.nil_report);
    assert_eq!(d.total.arrivals.new, 0);
    assert_eq!(d.total.arrivals.total, 4);
    assert_eq!(d.total.isolations.current, 1);
    // Every gate check is before the day: 累计 alone, the fever in 未分网格.
    assert_eq!(
        (
            d.total.gate_checks.total,
            d.total.gate_fevers.total,
            d.total.gate_refused.total
        ),
        (2, 1, 1)
    );
    assert_eq!(d.grids.last().unwrap().numbers.gate_fevers.total, 1);

    let (_dir2, empty) = fresh_ledger();
    let d = stats::daily_stats(empty.conn(), day("2020-02-10")).unwrap();
    assert!(d.nil_report);
    assert!(d.grids.is_empty());
    assert_eq!(d.total.arrivals.total, 0);

    let trend = stats::daily_trend(ledger.conn(), day("2020-02-10")).unwrap();
    assert_eq!(trend.len(), 30);
    assert_eq!(trend[0].date, "2020-01-12");
    assert_eq!(trend[29].date, "2020-02-10");
    let p = |d: &str| trend.iter().find(|p| p.date == d).unwrap();
    assert_eq!(
        (
            p("2020-01-21").arrivals_new,
            p("2020-01-21").gate_checks_new
        ),
        (2, 1)
    );
    assert_eq!(
        (p("2020-01-22").calls_new, p("2020-01-22").gate_fevers_new),
        (1, 1)
    );
    assert_eq!(p("2020-01-20").isolations_current, 1);
    assert_eq!(p("2020-01-19").arrivals_total, 0);
}

#[test]
fn the_source_scenario_gives_the_documents_numbers() {
    let (_dir, mut ledger) = fresh_ledger();
    demo::load(&mut ledger, &Actor::cli()).unwrap();
    let d = stats::daily_stats(ledger.conn(), day("2020-03-01")).unwrap();
    assert_eq!(d.total.arrivals.total, 140);
    assert_eq!(d.total.arrivals_other_province.total, 52);
    assert_eq!(d.total.contacts.total, 5);
    let r = stats::narrative::situation_report(ledger.conn(), day("2020-03-01")).unwrap();
    let n = &r.narrative;
    for want in [
        "武汉来人4例",
        "最晚的是1月21日来的",
        "均已居家隔离14天以上",
        "四同人员一家5人",
        "接触最后一次是1月25日",
        "累计摸排外来人员140人（省外52人",
        "共核实10人",
        "9人回复暂不返回",
        "1人电话空号联系不上",
        "2个500人的社区微信群",
        "悬挂条幅20条",
        "电子显示屏2处",
        "制作宣传栏5块",
        "“一封信”1500份",
        "武汉、韩国等外出人员",
    ] {
        assert!(n.contains(want), "missing {want:?} in:\n{n}");
    }
    // The buildings and units posted, as the records have them (the demo register has
    // 220 units; the document says 271).
    let posted =
        gridledger::publicity::publicity_totals(ledger.conn(), &Default::default()).unwrap();
    assert_eq!(posted.buildings, 71);
    let want = format!("社区71栋楼房{}个单元", posted.units);
    assert!(n.contains(&want), "missing {want:?} in:\n{n}");
    assert!(r.wechat.contains("累计140人（省外52人"), "{}", r.wechat);
}

#[test]
fn the_cli_prints_the_daily_table_json_and_the_narrative() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_gridledger"))
            .arg("--data-dir")
            .arg(dir.path())
            .args(args)
            .env_remove("GRIDLEDGER_KEY")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    run(&["demo"]);
    let table = run(&["report", "daily", "--date", "2020-03-01"]);
    assert!(table.contains("合计"), "{table}");
    assert!(table.contains("零报告"), "{table}");
    let json: serde_json::Value =
        serde_json::from_str(&run(&["report", "daily", "--date", "2020-03-01", "--json"])).unwrap();
    assert_eq!(json["total"]["arrivals"]["total"], 140);
    let text = run(&["report", "narrative", "--date", "2020-03-01"]);
    assert!(text.contains("武汉来人4例"), "{text}");
    let wechat = run(&["report", "narrative", "--date", "2020-03-01", "--wechat"]);
    assert!(wechat.starts_with("【"), "{wechat}");
}
