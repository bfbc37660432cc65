//! The 情况汇报 draft (section 一 of the source document, in its words) and a short WeChat
//! summary, written from the daily statistics of a date and the records behind them.
//! Every number comes from the ledger; a sentence about something with no records is left
//! out rather than written with a zero.

use chrono::{Datelike, NaiveDate};
use rusqlite::{params, Connection};

use crate::api::{CallOutcome, DailyStats, Place, PublicityKind, SituationReport};
use crate::domain::date::format_iso;
use crate::settings::Settings;
use crate::Result;

use super::daily_stats;

/// "1月21日".
fn md(date: &str) -> String {
    match NaiveDate::parse_from_str(date, "%Y-%m-%d") {
        Ok(d) => format!("{}月{}日", d.month(), d.day()),
        Err(_) => date.to_owned(),
    }
}

/// The short name of a risk area: "湖北省武汉市" → "武汉", "韩国" stays.
fn short_name(name: &str) -> String {
    let mut s = name;
    for sep in ["自治区", "省"] {
        if let Some((_, rest)) = s.split_once(sep) {
            if !rest.is_empty() {
                s = rest;
            }
        }
    }
    let s = s.strip_suffix('市').filter(|r| !r.is_empty()).unwrap_or(s);
    s.to_owned()
}

/// Arrivals from one risk area up to the date.
struct RiskGroup {
    name: String,
    people: u32,
    latest: String,
    /// Of them, isolated at least 14 days by the date (ended or still running).
    isolated_14: u32,
}

fn risk_groups(conn: &Connection, on: &str) -> Result<Vec<RiskGroup>> {
    let mut stmt = conn.prepare(
        "SELECT r.name, count(DISTINCT a.person_id), max(a.arrived_on), \
                count(DISTINCT CASE WHEN julianday(min(coalesce(i.ended_on, ?1), ?1)) \
                                         - julianday(i.start_date) >= 14 THEN a.person_id END) \
         FROM arrival_risk ar JOIN arrival a ON a.id = ar.arrival_id \
         JOIN risk_area r ON r.id = ar.risk_area_id \
         LEFT JOIN isolation i ON i.person_id = a.person_id AND i.deleted_at IS NULL \
              AND i.start_date <= ?1 \
         WHERE a.deleted_at IS NULL AND a.arrived_on <= ?1 \
         GROUP BY r.id ORDER BY count(DISTINCT a.person_id) DESC, r.name",
    )?;
    let groups = stmt
        .query_map(params![on], |r| {
            Ok(RiskGroup {
                name: short_name(&r.get::<_, String>(0)?),
                people: r.get(1)?,
                latest: r.get(2)?,
                isolated_14: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(groups)
}

/// Contacts up to the date: people, households, the last contact, how many were isolated
/// 14 days or more, and the risk area of their index people (when one).
struct ContactSummary {
    people: u32,
    households: u32,
    last: Option<String>,
    isolated_14: u32,
    index_area: Option<String>,
}

fn contact_summary(conn: &Connection, on: &str) -> Result<ContactSummary> {
    let (people, households, last, isolated_14): (u32, u32, Option<String>, u32) = conn.query_row(
        "SELECT count(DISTINCT x.person_id), count(DISTINCT p.household_id), \
                    max(x.last_contact_on), \
                    count(DISTINCT CASE WHEN julianday(min(coalesce(i.ended_on, ?1), ?1)) \
                                             - julianday(i.start_date) >= 14 THEN x.person_id END) \
             FROM contact x JOIN person p ON p.id = x.person_id \
             LEFT JOIN isolation i ON i.person_id = x.person_id AND i.deleted_at IS NULL \
                  AND i.start_date <= ?1 \
             WHERE x.deleted_at IS NULL AND x.last_contact_on <= ?1",
        params![on],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )?;
    let index_area: Option<String> = conn
        .query_row(
            "SELECT r.name FROM contact x JOIN arrival a ON a.person_id = x.index_person_id \
             JOIN arrival_risk ar ON ar.arrival_id = a.id JOIN risk_area r ON r.id = ar.risk_area_id \
             WHERE x.deleted_at IS NULL AND a.deleted_at IS NULL AND x.last_contact_on <= ?1 \
             GROUP BY r.id ORDER BY count(*) DESC LIMIT 1",
            params![on],
            |r| r.get(0),
        )
        .map(Some)
        .or_else(|e| match e {
            rusqlite::Error::QueryReturnedNoRows => Ok(None),
            e => Err(e),
        })?;
    Ok(ContactSummary {
        people,
        households,
        last,
        isolated_14,
        index_area: index_area.map(|n| short_name(&n)),
    })
}

/// The places of the call targets called up to the date, most targets first: "武汉、韩国".
fn call_places(conn: &Connection, on: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT t.place_region, t.place_country, t.city, count(*) \
         FROM call_target t WHERE t.deleted_at IS NULL \
           AND EXISTS (SELECT 1 FROM call k WHERE k.target_id = t.id AND k.deleted_at IS NULL \
                       AND substr(k.called_at, 1, 10) <= ?1) \
         GROUP BY 1, 2, 3",
    )?;
    type PlaceRow = (Option<String>, Option<String>, Option<String>, u32);
    let rows: Vec<PlaceRow> = stmt
        .query_map(params![on], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    // A country by its name (韩国), a region by its short name (武汉), else the city.
    let mut places: Vec<(String, u32)> = Vec::new();
    for (region, country, city, n) in rows {
        let name = match (region, country) {
            (Some(r), _) => short_name(&crate::arrivals::place::name(&Place::Region(r))),
            (_, Some(c)) => crate::arrivals::place::name(&Place::Country(c)),
            _ => match city {
                Some(c) if !c.is_empty() => c,
                _ => continue,
            },
        };
        match places.iter_mut().find(|(p, _)| *p == name) {
            Some((_, m)) => *m += n,
            None => places.push((name, n)),
        }
    }
    places.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    Ok(places.into_iter().map(|(p, _)| p).collect())
}

/// The targets called up to the date, by the outcome of their last call (by `called_at`).
fn last_outcomes(conn: &Connection, on: &str) -> Result<Vec<(CallOutcome, u32)>> {
    let mut stmt = conn.prepare(
        "SELECT (SELECT k.outcome FROM call k WHERE k.target_id = t.id AND k.deleted_at IS NULL \
                   AND substr(k.called_at, 1, 10) <= ?1 ORDER BY k.called_at DESC, k.id DESC LIMIT 1) \
                AS o, count(*) \
         FROM call_target t WHERE t.deleted_at IS NULL GROUP BY o HAVING o IS NOT NULL",
    )?;
    let mut out: Vec<(CallOutcome, u32)> = stmt
        .query_map(params![on], |r| Ok((r.get::<_, String>(0)?, r.get(1)?)))?
        .filter_map(|r| match r {
            Ok((code, n)) => CallOutcome::from_code(&code).map(|o| Ok((o, n))),
            Err(e) => Some(Err(e)),
        })
        .collect::<rusqlite::Result<_>>()?;
    out.sort_by_key(|(o, n)| {
        (
            std::cmp::Reverse(*n),
            CallOutcome::ALL.iter().position(|x| x == o),
        )
    });
    Ok(out)
}

/// What a last call's outcome says about the person, as the report words it.
fn outcome_phrase(o: CallOutcome) -> &'static str {
    match o {
        CallOutcome::NotReturning => "回复暂不返回",
        CallOutcome::PlansReturn => "计划近期返回",
        CallOutcome::Returned => "已返回",
        CallOutcome::NoAnswer => "电话无人接听",
        CallOutcome::PoweredOff => "电话关机",
        CallOutcome::VacantNumber => "电话空号联系不上",
        CallOutcome::Suspended => "电话停机",
        CallOutcome::Rejected => "拒接电话",
        CallOutcome::WrongNumber => "号码有误",
    }
}

/// The situation report of `date`.
pub fn situation_report(conn: &Connection, date: NaiveDate) -> Result<SituationReport> {
    let stats = daily_stats(conn, date)?;
    let on = format_iso(date);
    let settings = Settings::load(conn)?;
    let mut paras: Vec<String> = Vec::new();
    let t = &stats.total;

    // 精准摸排: arrivals, risk areas, contacts, calls.
    let mut s = String::from("实行精准摸排。");
    let groups = risk_groups(conn, &on)?;
    if !groups.is_empty() {
        s.push_str("通过摸排统计，");
        let parts: Vec<String> = groups
            .iter()
            .map(|g| {
                let mut p = format!("{}来人{}例", g.name, g.people);
                if g.people > 1 {
                    p.push_str(&format!("，最晚的是{}来的", md(&g.latest)));
                } else {
                    p.push_str(&format!("，{}来的", md(&g.latest)));
                }
                if g.isolated_14 == g.people {
                    p.push_str(if g.people > 1 {
                        "，均已居家隔离14天以上"
                    } else {
                        "，已居家隔离14天以上"
                    });
                } else if g.isolated_14 > 0 {
                    p.push_str(&format!("，其中{}人已居家隔离14天以上", g.isolated_14));
                }
                p
            })
            .collect();
        s.push_str(&parts.join("；"));
        s.push('。');
    }
    let c = contact_summary(conn, &on)?;
    if c.people > 0 {
        if c.households == 1 {
            s.push_str(&format!("四同人员一家{}人", c.people));
        } else {
            s.push_str(&format!("四同人员{}人（{}户）", c.people, c.households));
        }
        if let Some(last) = &c.last {
            let with = c
                .index_area
                .as_deref()
                .map(|a| format!("与{a}来人"))
                .unwrap_or_default();
            s.push_str(&format!("，{with}接触最后一次是{}", md(last)));
        }
        if c.isolated_14 == c.people {
            s.push_str("，在家隔离也超过14天");
        } else if t.contacts_isolated > 0 {
            s.push_str(&format!("，现有{}人正在隔离", t.contacts_isolated));
        }
        s.push('。');
    }
    if t.arrivals.total > 0 {
        s.push_str(&format!("累计摸排外来人员{}人", t.arrivals.total));
        let mut of = Vec::new();
        if t.arrivals_other_province.total > 0 {
            of.push(format!("省外{}人", t.arrivals_other_province.total));
        }
        if t.arrivals_outside.total > 0 {
            of.push(format!("境外{}人", t.arrivals_outside.total));
        }
        if !of.is_empty() {
            s.push_str(&format!("（{}）", of.join("、")));
        }
        if t.arrivals.new > 0 {
            s.push_str(&format!("，当日新增{}人", t.arrivals.new));
        }
        s.push('。');
    }
    let outcomes = last_outcomes(conn, &on)?;
    let called: u32 = outcomes.iter().map(|(_, n)| n).sum();
    if called > 0 {
        let places = call_places(conn, &on)?;
        let shown: Vec<&str> = places.iter().take(3).map(String::as_str).collect();
        let more = if places.len() > 1 { "等" } else { "" };
        s.push_str(&format!(
            "近期，对户口在本辖区的{}{}外出人员逐一打电话核实工作、生活状况、是否有返回意向等信息进行摸底登记，共核实{}人",
            shown.join("、"),
            more,
            called
        ));
        let parts: Vec<String> = outcomes
            .iter()
            .map(|(o, n)| format!("{n}人{}", outcome_phrase(*o)))
            .collect();
        s.push_str(&format!("，其中{}。", parts.join("，")));
    }
    if t.isolations.current > 0 {
        s.push_str(&format!(
            "目前在管隔离人员{}人，累计解除隔离{}人。",
            t.isolations.current, t.isolations.released_total
        ));
    }
    paras.push(s);

    // 防控宣传.
    let kind = |k: PublicityKind| t.publicity.iter().find(|p| p.kind == k);
    let mut items: Vec<String> = Vec::new();
    let mut wechat_part = String::new();
    if let Some(w) = kind(PublicityKind::Wechat).filter(|w| w.total > 0) {
        if w.reach_total > 0 && w.reach_total % w.total == 0 {
            wechat_part = format!(
                "{}个{}人的社区微信群全天不间断宣传国家、省、市、区各项通告、指令、任务等",
                w.total,
                w.reach_total / w.total
            );
        } else {
            wechat_part = format!("{}个社区微信群全天不间断宣传各项通告", w.total);
        }
    }
    for (k, what, unit) in [
        (PublicityKind::Banner, "悬挂条幅", "条"),
        (PublicityKind::Screen, "电子显示屏", "处"),
        (PublicityKind::Board, "制作宣传栏", "块"),
        (PublicityKind::Letter, "“一封信”", "份"),
    ] {
        if let Some(p) = kind(k).filter(|p| p.total > 0) {
            items.push(format!("{what}{}{unit}", p.total));
        }
    }
    let (buildings, units): (u32, u32) = conn.query_row(
        "SELECT count(DISTINCT u.building_id), count(DISTINCT u.id) \
         FROM publicity p JOIN publicity_unit l ON l.publicity_id = p.id \
         JOIN unit u ON u.id = l.unit_id \
         WHERE p.deleted_at IS NULL AND l.deleted_at IS NULL AND u.deleted_at IS NULL \
           AND p.done_on <= ?1",
        params![on],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    if !wechat_part.is_empty() || !items.is_empty() || units > 0 {
        let mut s = String::from("多措并举，抓好防控宣传。");
        if !wechat_part.is_empty() {
            s.push_str(&wechat_part);
            s.push('。');
        }
        if !items.is_empty() {
            s.push_str(&items.join("、"));
            s.push_str("等全方位、多渠道宣传");
            s.push(if units > 0 { '，' } else { '。' });
        }
        if units > 0 {
            s.push_str(&format!(
                "社区{buildings}栋楼房{units}个单元都张贴了疫情防控宣传材料。"
            ));
        }
        if let Some(p) = kind(PublicityKind::Website).filter(|p| p.total > 0) {
            s.push_str(&format!("在各平台发布疫情防控信息{}条。", p.total));
        }
        paras.push(s);
    }

    // 撤卡不撤防: the gate and supplies.
    if t.gate_checks.total > 0 || t.supply_issues.total > 0 {
        let mut s = String::from("撤卡不撤防。");
        if t.gate_checks.total > 0 {
            s.push_str(&format!("门岗累计测温{}人次", t.gate_checks.total));
            if t.gate_checks.new > 0 {
                s.push_str(&format!("（当日{}人次）", t.gate_checks.new));
            }
            if t.gate_fevers.total > 0 {
                s.push_str(&format!(
                    "，发现发热人员{}人次，{}人次未准进入大门，已引导至社区医院就诊检查",
                    t.gate_fevers.total, t.gate_refused.total
                ));
            } else {
                s.push_str("，未发现发热人员");
            }
            s.push('。');
        }
        if t.supply_issues.total > 0 {
            s.push_str(&format!(
                "向符合条件的居民发放84消毒液、口罩、温度计等防控物资{}户次、{}件，工作人员跟踪随访。",
                t.supply_issues.total, t.supply_quantity.total
            ));
        }
        paras.push(s);
    }

    let numbered: Vec<String> = paras
        .iter()
        .enumerate()
        .map(|(i, p)| format!("{}是{}", ["一", "二", "三", "四", "五", "六"][i.min(5)], p))
        .collect();
    let head = format!(
        "截至{}，{}疫情防控近期基本情况如下：",
        md(&on),
        settings.ledger_name
    );
    let narrative = std::iter::once(head)
        .chain(numbered)
        .collect::<Vec<_>>()
        .join("\n");
    Ok(SituationReport {
        date: on,
        narrative,
        wechat: wechat_text(&settings.ledger_name, &stats),
    })
}

/// The short WeChat text: the day's new numbers and the totals, in one paragraph.
pub fn wechat_text(ledger_name: &str, stats: &DailyStats) -> String {
    let t = &stats.total;
    let mut s = format!("【{ledger_name}疫情防控日报】{}", md(&stats.date));
    if stats.nil_report {
        s.push_str("（零报告）");
    }
    s.push_str(&format!(
        "：新增外来人员{}人，累计{}人（省外{}人、境外{}人）；",
        t.arrivals.new, t.arrivals.total, t.arrivals_other_province.total, t.arrivals_outside.total
    ));
    s.push_str(&format!(
        "现有隔离{}人，新增{}人，解除{}人，累计解除{}人；",
        t.isolations.current, t.isolations.new, t.isolations.released, t.isolations.released_total
    ));
    s.push_str(&format!(
        "电话核实{}人次（累计{}人次）；门岗测温{}人次，发热{}人次。",
        t.calls.new, t.calls.total, t.gate_checks.new, t.gate_fevers.new
    ));
    s
}
