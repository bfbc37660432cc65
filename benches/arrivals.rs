//! Benchmark of the risk-area queries (issue 4): 100,000 arrivals from all over the
//! mainland and abroad, a handful of risk areas, and the questions a night of
//! re-screening starts from. Budget: under 50 ms each. Run with
//! `cargo bench --bench arrivals`; `docs/benchmarks.md` records the numbers.
#![allow(clippy::unwrap_used)]

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use gridledger::api::{ArrivalFilter, NewArrival, NewRiskArea, Place, RiskLevel};
use gridledger::register::{self, NewPerson};
use gridledger::store::Actor;
use gridledger::{arrivals, Ledger, OpenOptions, Result};

const ARRIVALS: u32 = 100_000;
const RUNS: usize = 50;

/// Origins drawn from: prefecture and county codes across several provinces, and
/// countries. 湖北 codes are over-represented, as in January 2020.
const REGIONS: &[&str] = &[
    "420102", "420103", "420104", "420105", "420106", "420111", "420115", "420500", "420600",
    "421000", "429004", "340102", "340403", "340404", "340100", "320106", "310101", "110101",
    "440305", "510107", "330106", "370102", "410105", "430104", "500103",
];
const COUNTRIES: &[&str] = &["KR", "JP", "IT", "US", "GB", "DE", "FR", "IR", "TH", "SG"];

fn main() -> Result<()> {
    let dir = tempfile::tempdir().map_err(|e| gridledger::Error::io("tempdir", e))?;
    let mut ledger = Ledger::open(dir.path().join("bench.db"), &OpenOptions::default())?;
    let today = NaiveDate::from_ymd_opt(2020, 3, 10).unwrap();
    let start = NaiveDate::from_ymd_opt(2019, 12, 1).unwrap();
    let mut seed = 0x2020_0121_u64;
    let mut next = move |n: u32| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((seed >> 33) % u64::from(n)) as u32
    };
    let built = Instant::now();
    ledger.write(&Actor::new("bench"), |tx| {
        register::add_street(tx, "龙泉街道", "340403")?;
        for n in 0..ARRIVALS {
            let person = register::add_person(
                tx,
                &NewPerson {
                    name: &format!("返乡{n}"),
                    ..NewPerson::default()
                },
            )?;
            let origin = if next(10) == 0 {
                Place::Country(COUNTRIES[next(COUNTRIES.len() as u32) as usize].into())
            } else {
                Place::Region(REGIONS[next(REGIONS.len() as u32) as usize].into())
            };
            let arrived = start + chrono::Days::new(u64::from(next(100)));
            let departed = arrived - chrono::Days::new(u64::from(next(3)));
            arrivals::add_arrival(
                tx,
                &NewArrival {
                    person_id: person,
                    origin: Some(origin),
                    departed_on: Some(departed.to_string()),
                    arrived_on: arrived.to_string(),
                    ..NewArrival::default()
                },
                today,
            )?;
        }
        let area = |place: Place, from: &str, until: Option<&str>| NewRiskArea {
            place,
            level: RiskLevel::High,
            from_date: from.into(),
            until_date: until.map(Into::into),
            notice: None,
            note: None,
        };
        for a in [
            area(Place::Region("420100".into()), "2020-01-01", None),
            area(Place::Region("420000".into()), "2020-01-23", None),
            area(Place::Country("KR".into()), "2020-02-20", None),
            area(Place::Country("IT".into()), "2020-02-25", None),
            area(
                Place::Region("440305".into()),
                "2020-01-20",
                Some("2020-02-20"),
            ),
        ] {
            arrivals::add_risk_area(tx, &a)?;
        }
        Ok(())
    })?;
    ledger.checkpoint()?;
    ledger.conn().execute_batch("ANALYZE")?;
    println!(
        "built {ARRIVALS} people and arrivals in {:.1} s",
        built.elapsed().as_secs_f64()
    );

    let wuhan = arrivals::list_risk_areas(ledger.conn(), today)?
        .into_iter()
        .find(|a| a.name.contains("武汉"))
        .unwrap()
        .id;
    let page = |filter: ArrivalFilter| ArrivalFilter {
        limit: 50,
        ..filter
    };
    let cases: Vec<(&str, ArrivalFilter)> = vec![
        (
            "every arrival from a risk area (first page of 50, with the total)",
            page(ArrivalFilter {
                from_risk_area: true,
                ..ArrivalFilter::default()
            }),
        ),
        (
            "arrivals from one risk area (武汉市)",
            page(ArrivalFilter {
                risk_area_id: Some(wuhan),
                ..ArrivalFilter::default()
            }),
        ),
        (
            "everyone who arrived from under 湖北省 since 2020-01-10",
            page(ArrivalFilter {
                within: Some(Place::Region("420000".into())),
                since: Some("2020-01-10".into()),
                ..ArrivalFilter::default()
            }),
        ),
        (
            "everyone who arrived from 韩国 since 2020-02-01",
            page(ArrivalFilter {
                within: Some(Place::Country("KR".into())),
                since: Some("2020-02-01".into()),
                ..ArrivalFilter::default()
            }),
        ),
        (
            "from a risk area and 省外 (class filter on top)",
            page(ArrivalFilter {
                from_risk_area: true,
                origin_class: Some(gridledger::api::OriginClass::OtherProvince),
                ..ArrivalFilter::default()
            }),
        ),
    ];
    println!();
    println!(
        "| query over {ARRIVALS} arrivals | runs | median ms | p95 ms | max ms | total matched |"
    );
    println!("| --- | ---: | ---: | ---: | ---: | ---: |");
    for (label, filter) in cases {
        let mut times = Vec::new();
        let mut total = 0;
        for _ in 0..RUNS {
            let t = Instant::now();
            let page = arrivals::list_arrivals(ledger.conn(), &filter)?;
            times.push(t.elapsed());
            total = page.total;
        }
        let (median, p95, max) = stats(&mut times);
        println!("| {label} | {RUNS} | {median:.1} | {p95:.1} | {max:.1} | {total} |");
    }
    let mut times = Vec::new();
    for _ in 0..RUNS {
        let t = Instant::now();
        let areas = arrivals::list_risk_areas(ledger.conn(), today)?;
        times.push(t.elapsed());
        assert_eq!(areas.len(), 5);
    }
    let (median, p95, max) = stats(&mut times);
    println!(
        "| the risk-area list with each area's arrival count (5 areas) | {RUNS} | {median:.1} | {p95:.1} | {max:.1} | - |"
    );
    Ok(())
}

fn stats(times: &mut [Duration]) -> (f64, f64, f64) {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let at = |q: f64| ms(times[((times.len() - 1) as f64 * q).round() as usize]);
    (at(0.5), at(0.95), at(1.0))
}
