//! The source document's scenario on top of the demo register: 140 outsiders screened in
//! January 2020, 52 of them from other provinces, 4 of those from 武汉 (a risk area from
//! 2020-01-01; the latest came on 2020-01-21), and the family of five living with the
//! last of them recorded as close contacts (同住, last contact 2020-01-25); all nine
//! home-isolated for 14 days with two checks a day, and released.
//!
//! Only records are written here; every number the reports show is counted from them.

use std::collections::HashSet;

use chrono::{Days, NaiveDate};
use rusqlite::{params, Transaction};

use super::{id_number_for, Rng};
use crate::api::{
    CheckMethod, CheckRound, EndIsolation, EndReason, Exposure, HouseholdContacts, IsolationKind,
    NewArrival, NewCheck, NewIsolation, NewRiskArea, Place, ResidenceStatus, RiskLevel, Transport,
};
use crate::error::{Error, Result};
use crate::register::{self, NewPerson};
use crate::{arrivals, contacts, isolation};

const ARRIVALS: usize = 140;
const OTHER_PROVINCE: usize = 52;
/// 武汉's districts the four came from, and the day each arrived.
const FROM_WUHAN: [(&str, &str); 4] = [
    ("420102", "2020-01-12"),
    ("420106", "2020-01-16"),
    ("420103", "2020-01-19"),
    ("420111", "2020-01-21"),
];
const OTHER_PROVINCES: &[&str] = &[
    "320106", "310101", "330106", "440305", "410105", "370102", "320506", "350203",
];
const SAME_PROVINCE: &[&str] = &[
    "340102", "340104", "340202", "340302", "341202", "340503", "341502", "340811",
];

fn day(text: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|e| Error::invalid("demo", format!("bad demo date {text}: {e}"), "演示日期有误"))
}

pub(super) fn load(tx: &Transaction, rng: &mut Rng, seen: &mut HashSet<String>) -> Result<()> {
    let today = arrivals::today();
    arrivals::add_risk_area(
        tx,
        &NewRiskArea {
            place: Place::Region("420100".into()),
            level: RiskLevel::High,
            from_date: "2020-01-01".into(),
            until_date: None,
            notice: Some("市新冠肺炎疫情防控应急指挥部通告（第1号）".into()),
            note: Some("武汉来（返）人员一律登记、居家隔离14天".into()),
        },
    )?;

    // The family of six that the last arrival from 武汉 came home to, in the first empty
    // household of the register (address order).
    let (household, worker): (String, Option<String>) = tx.query_row(
        "SELECT h.id, h.responsible_worker_id FROM household h \
         JOIN household_search s ON s.household_id = h.id \
         WHERE h.deleted_at IS NULL \
           AND NOT EXISTS (SELECT 1 FROM person p WHERE p.household_id = h.id) \
         ORDER BY s.address LIMIT 1",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let family: [(&str, &str, u32, bool); 6] = [
        ("孙建国", "户主", 1978, true),
        ("周丽", "配偶", 1980, false),
        ("孙德明", "父母", 1950, true),
        ("吴秀兰", "父母", 1952, false),
        ("孙浩", "子女", 2005, true),
        ("孙欣怡", "子女", 2010, false),
    ];
    let mut returnee = String::new();
    for (i, (name, relation, year, male)) in family.iter().enumerate() {
        let id_number = loop {
            let candidate = id_number_for(rng, "340403", *year, *male);
            if seen.insert(candidate.clone()) {
                break candidate;
            }
        };
        let phone = (*year < 2004).then(|| format!("1390554{:04}", 2000 + i));
        let id = register::add_person(
            tx,
            &NewPerson {
                name,
                id_number: Some(&id_number),
                phone: phone.as_deref(),
                household_id: Some(&household),
                relation: Some(relation),
                residence_status: Some(ResidenceStatus::Hukou),
                current_location: None,
                notes: None,
            },
        )?;
        if i == 0 {
            returnee = id;
        }
    }

    // Who else came: 139 adults of the register, drawn in ID-number order.
    let mut candidates: Vec<(String, Option<String>)> = {
        let mut stmt = tx.prepare(
            "SELECT p.id, h.responsible_worker_id FROM person p \
             JOIN household h ON h.id = p.household_id \
             WHERE p.deleted_at IS NULL AND p.birth_date < '2002-01-01' AND p.id <> ?1 \
               AND p.residence_status IN ('hukou', 'resident', 'floating') \
             ORDER BY p.id_number",
        )?;
        let rows = stmt
            .query_map(params![returnee], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        rows
    };
    let mut chosen = Vec::with_capacity(ARRIVALS);
    while chosen.len() < ARRIVALS - 1 && !candidates.is_empty() {
        let i = rng.below(candidates.len() as u32) as usize;
        chosen.push(candidates.swap_remove(i));
    }
    chosen.push((returnee.clone(), worker));

    for (n, (person, screener)) in chosen.iter().enumerate() {
        // The last four are the arrivals from 武汉 (the family's 户主 last of all); the
        // 48 before them other provinces; the rest 安徽.
        let (origin, arrived, transport, number) = if n >= ARRIVALS - FROM_WUHAN.len() {
            let (code, date) = FROM_WUHAN[n - (ARRIVALS - FROM_WUHAN.len())];
            let train = format!("G{}", 1700 + rng.below(200));
            (code, day(date)?, Transport::Train, Some(train))
        } else {
            let date = day("2020-01-10")? + Days::new(u64::from(rng.below(15)));
            if n >= ARRIVALS - OTHER_PROVINCE {
                let code = OTHER_PROVINCES[rng.below(OTHER_PROVINCES.len() as u32) as usize];
                let (t, no) = match rng.below(3) {
                    0 => (
                        Transport::Car,
                        Some(format!("苏A{:05}", rng.below(100_000))),
                    ),
                    1 => (
                        Transport::Train,
                        Some(format!("D{}", 3000 + rng.below(900))),
                    ),
                    _ => (Transport::Coach, None),
                };
                (code, date, t, no)
            } else {
                let code = SAME_PROVINCE[rng.below(SAME_PROVINCE.len() as u32) as usize];
                (
                    code,
                    date,
                    if rng.below(2) == 0 {
                        Transport::Car
                    } else {
                        Transport::Coach
                    },
                    None,
                )
            }
        };
        let departed = arrived - Days::new(u64::from(rng.below(2)));
        let screened = arrived + Days::new(u64::from(1 + rng.below(2)));
        arrivals::add_arrival(
            tx,
            &NewArrival {
                person_id: person.clone(),
                origin: Some(Place::Region(origin.into())),
                departed_on: Some(departed.to_string()),
                arrived_on: arrived.to_string(),
                transport: Some(transport),
                transport_no: number,
                purpose: Some(if n % 5 == 0 { "探亲" } else { "返乡过年" }.into()),
                temperature: Some(format!("36.{}", 2 + rng.below(6))),
                screened_on: Some(screened.to_string()),
                screened_by: screener.clone(),
                ..NewArrival::default()
            },
            today,
        )?;
    }

    let family_contacts = contacts::add_household_contacts(
        tx,
        &HouseholdContacts {
            index_person_id: returnee,
            household_id: None,
            exposure: Exposure::Household,
            last_contact_on: "2020-01-25".into(),
            note: Some("与武汉返乡人员同住".into()),
        },
    )?;

    // Everyone from 武汉 and the family were home-isolated for 14 days (the policy's
    // default), checked morning and afternoon, and released the day after.
    let from_wuhan: Vec<String> = {
        let mut stmt = tx.prepare(
            "SELECT a.id FROM arrival a WHERE a.origin_region LIKE '4201%' ORDER BY a.arrived_on",
        )?;
        let ids = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<String>>>()?;
        ids
    };
    let mut sources: Vec<(Option<String>, Option<String>)> =
        from_wuhan.into_iter().map(|a| (Some(a), None)).collect();
    sources.extend(family_contacts.added.into_iter().map(|c| (None, Some(c))));
    for (arrival, contact) in sources {
        let person: String = match (&arrival, &contact) {
            (Some(a), _) => {
                tx.query_row("SELECT person_id FROM arrival WHERE id = ?1", [a], |r| {
                    r.get(0)
                })?
            }
            (_, Some(c)) => {
                tx.query_row("SELECT person_id FROM contact WHERE id = ?1", [c], |r| {
                    r.get(0)
                })?
            }
            _ => continue,
        };
        let id = isolation::start_isolation(
            tx,
            &NewIsolation {
                person_id: person,
                kind: IsolationKind::Home,
                arrival_id: arrival,
                contact_id: contact,
                start_date: None,
                days: None,
                place: None,
                responsible_worker_id: None,
                note: None,
            },
            today,
        )?;
        let i = isolation::get_isolation(tx, &id, today)?;
        let start = day(&i.start_date)?;
        let mut checks = Vec::new();
        for n in 0..i.days {
            for slot in 1..=i.checks_per_day {
                checks.push(NewCheck {
                    isolation_id: id.clone(),
                    date: (start + Days::new(u64::from(n))).to_string(),
                    slot,
                    temperature: Some(format!("36.{}", 1 + rng.below(8))),
                    symptoms: Vec::new(),
                    method: if rng.below(4) == 0 {
                        CheckMethod::Phone
                    } else {
                        CheckMethod::Visit
                    },
                    checked_by: None,
                    note: None,
                });
            }
        }
        isolation::add_checks(tx, &CheckRound { checks }, today)?;
        let release = day(&i.planned_end)? + Days::new(1);
        isolation::end_isolation(
            tx,
            &EndIsolation {
                id,
                on: release.to_string(),
                reason: EndReason::Released,
                by: None,
                note: None,
            },
        )?;
    }
    Ok(())
}
