//! The source document's phone verification on top of the demo register: ten residents
//! registered here who were away in 武汉 or in 韩国 in January 2020, each called once on
//! 2020-01-27: nine not coming back for now, one number dead (空号).
//!
//! Only records are written here; the counts come from them.

use rusqlite::{params, Transaction};

use crate::api::{CallChannel, CallOutcome, CallReason, NewCall, NewCallTarget, Place};
use crate::calls;
use crate::error::{Error, Result};
use crate::store::rows;

/// Where each of the ten is: (region, country, city, reason).
const TEN: [(Option<&str>, Option<&str>, &str, CallReason); 10] = [
    (Some("420100"), None, "武汉", CallReason::Work),
    (Some("420100"), None, "武汉", CallReason::Family),
    (Some("420100"), None, "武汉", CallReason::Work),
    (Some("420100"), None, "武汉", CallReason::Family),
    (Some("420100"), None, "武汉", CallReason::Work),
    (Some("420100"), None, "武汉", CallReason::Work),
    (None, Some("KR"), "首尔", CallReason::Study),
    (None, Some("KR"), "首尔", CallReason::Tourism),
    (None, Some("KR"), "釜山", CallReason::Work),
    (None, Some("KR"), "首尔", CallReason::Study),
];

pub(super) fn load(tx: &Transaction) -> Result<()> {
    // Ten adults registered here (户籍), not among the scenario's arrivals and contacts, in
    // the order they were registered.
    let people: Vec<String> = {
        let mut stmt = tx.prepare(
            "SELECT p.id FROM person p WHERE p.deleted_at IS NULL \
               AND p.residence_status = 'hukou' AND p.phone IS NOT NULL \
               AND NOT EXISTS (SELECT 1 FROM arrival a WHERE a.person_id = p.id) \
               AND NOT EXISTS (SELECT 1 FROM contact c WHERE c.person_id = p.id \
                                OR c.index_person_id = p.id) \
             ORDER BY p.id LIMIT 10",
        )?;
        let ids = stmt
            .query_map(params![], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<String>>>()?;
        ids
    };
    if people.len() < TEN.len() {
        return Err(Error::invalid(
            "demo",
            "the demo register has too few residents for the calls",
            "演示人员不足",
        ));
    }
    let called_at = chrono::NaiveDate::from_ymd_opt(2020, 1, 27)
        .and_then(|d| d.and_hms_opt(10, 0, 0))
        .ok_or_else(|| Error::invalid("demo", "bad demo date", "演示日期有误"))?;
    for (i, (person, (region, country, city, reason))) in people.iter().zip(TEN).enumerate() {
        let (status, location) = match country {
            Some(_) => ("abroad", format!("韩国{city}")),
            None => ("away", format!("湖北省{city}市")),
        };
        rows::update(
            tx,
            "person",
            person,
            &[("residence_status", &status), ("current_location", &location)],
        )?;
        let target = calls::add_call_target(
            tx,
            &NewCallTarget {
                person_id: person.clone(),
                place: region
                    .map(|r| Place::Region(r.into()))
                    .or_else(|| country.map(|c| Place::Country(c.into()))),
                city: Some(city.into()),
                reason: Some(reason),
                away_since: Some("2020-01-18".into()),
                ..NewCallTarget::default()
            },
            called_at.date(),
        )?;
        let outcome = if i == 9 {
            CallOutcome::VacantNumber
        } else {
            CallOutcome::NotReturning
        };
        calls::add_call(
            tx,
            &NewCall {
                target_id: target,
                called_at: Some("2020-01-27 10:00".into()),
                worker_id: None,
                channel: Some(CallChannel::Phone),
                outcome,
                planned_return_on: None,
                return_route: None,
                return_transport_no: None,
                life_status: outcome.reached().then(|| "居家，未外出".into()),
                health: outcome.reached().then(|| "身体健康，无发热咳嗽".into()),
                note: None,
            },
            called_at,
        )?;
    }
    Ok(())
}
