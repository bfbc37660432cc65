//! Demo records of issue 7's supplies, work resumption and work certificates: the items
//! handed out in January 2020 (masks, 84 disinfectant, thermometers) to the households
//! with someone in isolation, two enterprises restarting in February (one visit complete,
//! one a draft; one difficulty closed, one open), and three work certificates, one called
//! back. Only records; every count is derived from them.

use rusqlite::Transaction;

use crate::api::{
    CheckAnswer, CheckItem, ChecklistAnswer, EnterpriseKind, NewCallBack, NewDifficulty,
    NewDifficultyFollowUp, NewEnterprise, NewSupplyIssue, NewSupplyItem, NewSupplyReceipt,
    NewVisit, NewWorkCertificate,
};
use crate::error::Result;
use crate::{arrivals, certificates, enterprises, supplies};

pub(super) fn load(tx: &Transaction) -> Result<()> {
    let today = arrivals::today();
    let item = |name: &str, unit: &str, low: u32, received: u32| -> Result<String> {
        let id = supplies::add_item(
            tx,
            &NewSupplyItem {
                name: name.into(),
                unit: unit.into(),
                low_stock: Some(low),
                note: None,
            },
        )?;
        supplies::add_receipt(
            tx,
            &NewSupplyReceipt {
                item_id: id.clone(),
                quantity: received,
                received_on: "2020-01-24".into(),
                source: Some("街道办调拨".into()),
                note: None,
            },
            today,
        )?;
        Ok(id)
    };
    let masks = item("口罩", "个", 200, 2000)?;
    let bleach = item("84消毒液", "瓶", 20, 120)?;
    let thermometers = item("体温计", "支", 10, 60)?;

    // The households of the isolated, by address, each given masks, disinfectant and a
    // thermometer on the day after the receipt.
    let households: Vec<String> = {
        let mut stmt = tx.prepare(
            "SELECT DISTINCT p.household_id FROM isolation i JOIN person p ON p.id = i.person_id \
             JOIN household_search s ON s.household_id = p.household_id \
             WHERE i.deleted_at IS NULL ORDER BY s.address",
        )?;
        let rows = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<String>>>()?;
        rows
    };
    for h in &households {
        for (item, quantity) in [(&masks, 30), (&bleach, 2), (&thermometers, 1)] {
            supplies::add_issue(
                tx,
                &NewSupplyIssue {
                    item_id: item.clone(),
                    household_id: Some(h.clone()),
                    person_id: None,
                    quantity,
                    issued_on: "2020-01-25".into(),
                    worker_id: None,
                    note: None,
                },
                today,
            )?;
        }
    }

    let enterprise = |name: &str, kind, workforce| {
        enterprises::add_enterprise(
            tx,
            &NewEnterprise {
                name: String::from(name),
                kind,
                address: Some("龙泉街道".into()),
                contact_name: None,
                contact_phone: None,
                workforce: Some(workforce),
                grid_id: None,
                note: None,
            },
        )
    };
    let mine = enterprise("龙泉煤矿", EnterpriseKind::CoalMine, 320)?;
    let plant = enterprise("龙泉建材厂", EnterpriseKind::Factory, 85)?;
    let answers = |last: Option<CheckAnswer>| -> Vec<ChecklistAnswer> {
        CheckItem::ALL
            .into_iter()
            .map(|item| ChecklistAnswer {
                item,
                answer: if item == CheckItem::Safety {
                    last
                } else {
                    Some(CheckAnswer::Yes)
                },
                note: None,
            })
            .collect()
    };
    let visit = |id: &str, on: &str, checklist, draft| {
        enterprises::add_visit(
            tx,
            &NewVisit {
                enterprise_id: id.into(),
                visited_on: String::from(on),
                worker_id: None,
                checklist,
                staff_returned: Some(60),
                staff_on_site: Some(55),
                staff_from_risk_areas: Some(0),
                note: None,
                draft,
            },
            today,
        )
    };
    visit(&mine, "2020-02-18", answers(Some(CheckAnswer::Yes)), false)?;
    visit(&plant, "2020-02-20", answers(None), true)?;
    let difficulty = |id: &str, text: &str| {
        enterprises::add_difficulty(
            tx,
            &NewDifficulty {
                enterprise_id: id.into(),
                visit_id: None,
                raised_on: "2020-02-18".into(),
                description: String::from(text),
            },
            today,
        )
    };
    let closed = difficulty(&mine, "口罩储备不足 3 天用量")?;
    enterprises::add_difficulty_follow_up(
        tx,
        &NewDifficultyFollowUp {
            difficulty_id: closed,
            done_on: "2020-02-20".into(),
            worker_id: None,
            note: "街道调拨口罩 2000 个，已解决".into(),
            close: true,
        },
        today,
    )?;
    difficulty(&plant, "外地员工返岗需健康证明")?;

    // Three people of working age leave to work; the first is called back.
    let people: Vec<String> = {
        let mut stmt = tx.prepare(
            "SELECT p.id FROM person p JOIN household_search s ON s.household_id = p.household_id \
             WHERE p.deleted_at IS NULL AND p.birth_date BETWEEN '1980-01-01' AND '1995-12-31' \
             AND p.residence_status = 'hukou' ORDER BY s.address, p.name LIMIT 3",
        )?;
        let rows = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<String>>>()?;
        rows
    };
    for (i, person) in people.iter().enumerate() {
        let id = certificates::issue_certificate(
            tx,
            &NewWorkCertificate {
                person_id: person.clone(),
                destination: ["江苏省苏州市", "浙江省宁波市", "上海市"][i % 3].into(),
                employer: Some(["苏州某电子厂", "宁波某服装厂", "上海某物流公司"][i % 3].into()),
                leaving_on: Some("2020-02-25".into()),
                health_declaration: None,
                issued_by: None,
                issued_on: "2020-02-24".into(),
                note: None,
            },
            today,
        )?;
        if i == 0 {
            certificates::add_call_back(
                tx,
                &NewCallBack {
                    certificate_id: id,
                    called_on: "2020-02-28".into(),
                    reached: true,
                    arrived: true,
                    well: true,
                    worker_id: None,
                    note: None,
                },
                today,
            )?;
        }
    }
    Ok(())
}
