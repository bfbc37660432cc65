//! The call policy (a setting): retry an unreachable target the next day, at most 3 tries
//! in a row before 失联; re-verify those abroad every 7 days (away in another city every
//! 14); a planned return is on the list from 2 days before the date.

use rusqlite::{Connection, Transaction};

use crate::api::CallPolicy;
use crate::error::{Error, Result};
use crate::settings;

const KEY: &str = "call_policy";

impl Default for CallPolicy {
    fn default() -> Self {
        CallPolicy {
            retry_after_days: 1,
            max_tries: 3,
            reverify_abroad_days: 7,
            reverify_away_days: 14,
            return_window_days: 2,
        }
    }
}

/// The policy in force.
pub fn call_policy(conn: &Connection) -> Result<CallPolicy> {
    Ok(settings::get_json(conn, KEY)?.unwrap_or_default())
}

fn within(field: &'static str, what_zh: &str, v: u32, lo: u32, hi: u32) -> Result<()> {
    if (lo..=hi).contains(&v) {
        Ok(())
    } else {
        Err(Error::invalid(
            field,
            format!("{field} must be {lo} to {hi}, not {v}"),
            format!("{what_zh}须在 {lo} 到 {hi} 之间"),
        ))
    }
}

/// Change the policy; due dates follow at once (they are derived when read).
pub fn set_call_policy(tx: &Transaction, p: &CallPolicy) -> Result<CallPolicy> {
    within(
        "policy.retry_after_days",
        "重拨间隔天数",
        p.retry_after_days,
        0,
        30,
    )?;
    within("policy.max_tries", "最多重拨次数", p.max_tries, 1, 20)?;
    within(
        "policy.reverify_abroad_days",
        "境外人员复核间隔天数",
        p.reverify_abroad_days,
        0,
        90,
    )?;
    within(
        "policy.reverify_away_days",
        "外出人员复核间隔天数",
        p.reverify_away_days,
        0,
        90,
    )?;
    within(
        "policy.return_window_days",
        "预计返回提前天数",
        p.return_window_days,
        0,
        30,
    )?;
    settings::put_json(tx, KEY, p)?;
    Ok(p.clone())
}
