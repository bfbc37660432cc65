//! The isolation policy (a setting): per kind, the length, what day 1 counts from, checks
//! per day and follow-up days. Defaults are the source document's: 14 days from the
//! arrival (or last contact), two checks a day, no follow-up calls.

use rusqlite::{Connection, Transaction};

use crate::api::{IsolationKind, IsolationPolicy, KindPolicy, StartRule};
use crate::error::{Error, Result};
use crate::settings;

use super::MAX_DAYS;

const KEY: &str = "isolation_policy";

fn default_kind(kind: IsolationKind) -> KindPolicy {
    KindPolicy {
        kind,
        days: 14,
        start_rule: StartRule::Arrival,
        checks_per_day: 2,
        follow_up_days: Vec::new(),
    }
}

/// The policy in force, every kind present.
pub fn isolation_policy(conn: &Connection) -> Result<IsolationPolicy> {
    let stored: Option<IsolationPolicy> = settings::get_json(conn, KEY)?;
    let kinds = IsolationKind::ALL
        .iter()
        .map(|&kind| {
            stored
                .as_ref()
                .and_then(|p| p.kinds.iter().find(|k| k.kind == kind).cloned())
                .unwrap_or_else(|| default_kind(kind))
        })
        .collect();
    Ok(IsolationPolicy { kinds })
}

pub(super) fn kind_policy(conn: &Connection, kind: IsolationKind) -> Result<KindPolicy> {
    Ok(isolation_policy(conn)?
        .kinds
        .into_iter()
        .find(|k| k.kind == kind)
        .unwrap_or_else(|| default_kind(kind)))
}

/// Change the policy. Applies to isolations started from now on.
pub fn set_isolation_policy(tx: &Transaction, p: &IsolationPolicy) -> Result<IsolationPolicy> {
    for k in &p.kinds {
        let label = k.kind.label_zh();
        if !(1..=MAX_DAYS).contains(&k.days) {
            return Err(Error::invalid(
                "policy.days",
                format!("{:?}: days must be 1 to {MAX_DAYS}", k.kind),
                format!("{label}天数须在 1 到 {MAX_DAYS} 天之间"),
            ));
        }
        if !(1..=4).contains(&k.checks_per_day) {
            return Err(Error::invalid(
                "policy.checks_per_day",
                format!("{:?}: checks per day must be 1 to 4", k.kind),
                format!("{label}每日监测次数须在 1 到 4 次之间"),
            ));
        }
        if !matches!(k.start_rule, StartRule::Arrival | StartRule::Departure) {
            return Err(Error::invalid(
                "policy.start_rule",
                "an arrival's isolation counts from the arrival or the departure",
                format!("{label}的起算日只能是到达之日或离开风险地区之日（密接人员一律从最后接触之日起算）"),
            ));
        }
        if k.follow_up_days.iter().any(|d| !(1..=60).contains(d)) {
            return Err(Error::invalid(
                "policy.follow_up_days",
                "follow-up days must be 1 to 60",
                "解除后随访的天数须在 1 到 60 之间",
            ));
        }
    }
    let mut merged = isolation_policy(tx)?;
    for k in &p.kinds {
        let mut k = k.clone();
        k.follow_up_days.sort_unstable();
        k.follow_up_days.dedup();
        if let Some(slot) = merged.kinds.iter_mut().find(|m| m.kind == k.kind) {
            *slot = k;
        }
    }
    settings::put_json(tx, KEY, &merged)?;
    Ok(merged)
}
