//! A target's state and next due date, derived from its calls in order (a pure function:
//! no database), the arrival that closed it, and the call policy.
//!
//! - no call yet: 待核实, due the day it was added (首次核实);
//! - the last call reached the person: 暂不返回 (re-verified every M days: abroad and away
//!   have their own M, 0 = never), 计划返回 (on the list from the window before the
//!   planned date), 已返回 (until the arrival is registered);
//! - the last calls did not reach them: 待重拨, due N days after the last one, until `max_tries`
//!   unreachable calls in a row make it 失联 (no due date: escalated instead);
//! - an arrival linked to the target: 已返回, closed, whatever the calls said.

use chrono::{Days, NaiveDate};

use crate::api::{CallDueKind, CallOutcome, CallPolicy, CallState};

/// What derivation needs of one call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CallFact {
    pub on: NaiveDate,
    pub outcome: CallOutcome,
    pub planned_return_on: Option<NaiveDate>,
}

/// What is derived about a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Derived {
    pub state: CallState,
    /// Unreachable calls since the person was last reached.
    pub failed_tries: u32,
    /// The plan of the last call that reached them, while it stands.
    pub planned_return_on: Option<NaiveDate>,
    pub due_on: Option<NaiveDate>,
    pub due_kind: Option<CallDueKind>,
}

fn plus(d: NaiveDate, days: u32) -> NaiveDate {
    d.checked_add_days(Days::new(u64::from(days))).unwrap_or(d)
}

fn minus(d: NaiveDate, days: u32) -> NaiveDate {
    d.checked_sub_days(Days::new(u64::from(days))).unwrap_or(d)
}

/// The state only (see [`derive`]).
pub fn derive_state(calls: &[CallFact], arrived: bool, policy: &CallPolicy) -> CallState {
    derive(calls, arrived, false, None, policy).state
}

/// Derive a target's state and due date from its calls, oldest first. `abroad` chooses the
/// re-verification interval; `added_on` is when a target with no call yet is due.
pub fn derive(
    calls: &[CallFact],
    arrived: bool,
    abroad: bool,
    added_on: Option<NaiveDate>,
    policy: &CallPolicy,
) -> Derived {
    let failed_tries = calls
        .iter()
        .rev()
        .take_while(|c| !c.outcome.reached())
        .count() as u32;
    let last_reached = calls.iter().rev().find(|c| c.outcome.reached());
    let planned_return_on = last_reached
        .filter(|c| c.outcome == CallOutcome::PlansReturn)
        .and_then(|c| c.planned_return_on);
    let closed = |state| Derived {
        state,
        failed_tries,
        planned_return_on,
        due_on: None,
        due_kind: None,
    };
    if arrived {
        return closed(CallState::Returned);
    }
    let Some(last) = calls.last() else {
        return Derived {
            state: CallState::Pending,
            failed_tries: 0,
            planned_return_on: None,
            due_on: added_on,
            due_kind: Some(CallDueKind::First),
        };
    };
    let due = |state, on, kind| Derived {
        state,
        failed_tries,
        planned_return_on,
        due_on: Some(on),
        due_kind: Some(kind),
    };
    if !last.outcome.reached() {
        return if failed_tries >= policy.max_tries.max(1) {
            closed(CallState::Lost)
        } else {
            due(
                CallState::Retry,
                plus(last.on, policy.retry_after_days),
                CallDueKind::Retry,
            )
        };
    }
    let every = if abroad {
        policy.reverify_abroad_days
    } else {
        policy.reverify_away_days
    };
    match last.outcome {
        CallOutcome::Returned => due(CallState::Returned, last.on, CallDueKind::RegisterArrival),
        CallOutcome::PlansReturn => match last.planned_return_on {
            Some(planned) => due(
                CallState::PlansReturn,
                minus(planned, policy.return_window_days).max(last.on),
                CallDueKind::ExpectedReturn,
            ),
            // A plan without a date is asked again like a re-verification.
            None if every > 0 => due(
                CallState::PlansReturn,
                plus(last.on, every),
                CallDueKind::Reverify,
            ),
            None => closed(CallState::PlansReturn),
        },
        _ if every > 0 => due(
            CallState::NotReturning,
            plus(last.on, every),
            CallDueKind::Reverify,
        ),
        _ => closed(CallState::NotReturning),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use CallOutcome::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn call(on: &str, outcome: CallOutcome) -> CallFact {
        CallFact {
            on: d(on),
            outcome,
            planned_return_on: None,
        }
    }

    fn policy() -> CallPolicy {
        CallPolicy {
            retry_after_days: 1,
            max_tries: 3,
            reverify_abroad_days: 7,
            reverify_away_days: 0,
            return_window_days: 2,
        }
    }

    #[test]
    fn no_call_is_pending_and_due_when_added() {
        let x = derive(&[], false, true, Some(d("2020-01-20")), &policy());
        assert_eq!(x.state, CallState::Pending);
        assert_eq!(x.due_on, Some(d("2020-01-20")));
        assert_eq!(x.due_kind, Some(CallDueKind::First));
    }

    #[test]
    fn unreachable_calls_retry_the_next_day_until_the_limit() {
        let p = policy();
        let mut calls = vec![call("2020-01-22", NoAnswer)];
        let x = derive(&calls, false, true, None, &p);
        assert_eq!(
            (x.state, x.failed_tries, x.due_on),
            (CallState::Retry, 1, Some(d("2020-01-23")))
        );
        calls.push(call("2020-01-23", PoweredOff));
        let x = derive(&calls, false, true, None, &p);
        assert_eq!(
            (x.state, x.failed_tries, x.due_on),
            (CallState::Retry, 2, Some(d("2020-01-24")))
        );
        calls.push(call("2020-01-24", VacantNumber));
        let x = derive(&calls, false, true, None, &p);
        assert_eq!((x.state, x.failed_tries, x.due_on), (CallState::Lost, 3, None));
        // Reaching them later resets the count.
        calls.push(call("2020-01-26", NotReturning));
        let x = derive(&calls, false, true, None, &p);
        assert_eq!(x.state, CallState::NotReturning);
        assert_eq!(x.failed_tries, 0);
        calls.push(call("2020-02-02", Rejected));
        let x = derive(&calls, false, true, None, &p);
        assert_eq!((x.state, x.failed_tries), (CallState::Retry, 1));
    }

    #[test]
    fn not_returning_is_reverified_only_where_the_policy_says() {
        let calls = [call("2020-01-22", NotReturning)];
        let abroad = derive(&calls, false, true, None, &policy());
        assert_eq!(abroad.state, CallState::NotReturning);
        assert_eq!(abroad.due_on, Some(d("2020-01-29")));
        assert_eq!(abroad.due_kind, Some(CallDueKind::Reverify));
        let away = derive(&calls, false, false, None, &policy());
        assert_eq!((away.state, away.due_on), (CallState::NotReturning, None));
    }

    #[test]
    fn a_planned_return_is_due_from_the_window_and_an_arrival_closes_it() {
        let calls = [
            call("2020-01-22", NoAnswer),
            CallFact {
                on: d("2020-01-23"),
                outcome: PlansReturn,
                planned_return_on: Some(d("2020-02-10")),
            },
        ];
        let x = derive(&calls, false, true, None, &policy());
        assert_eq!(x.state, CallState::PlansReturn);
        assert_eq!(x.planned_return_on, Some(d("2020-02-10")));
        assert_eq!(x.due_on, Some(d("2020-02-08")));
        assert_eq!(x.due_kind, Some(CallDueKind::ExpectedReturn));
        let x = derive(&calls, true, true, None, &policy());
        assert_eq!((x.state, x.due_on), (CallState::Returned, None));
    }

    #[test]
    fn returned_by_phone_waits_for_the_arrival_to_be_registered() {
        let calls = [call("2020-01-22", Returned)];
        let x = derive(&calls, false, false, None, &policy());
        assert_eq!(x.state, CallState::Returned);
        assert_eq!(x.due_kind, Some(CallDueKind::RegisterArrival));
        assert_eq!(derive_state(&calls, true, &policy()), CallState::Returned);
    }
}
