//! The TypeScript bindings under ui/src/api/bindings/ are generated from `gridledger::api`.
//! This test fails when the committed files differ from what the Rust types generate;
//! `UPDATE_BINDINGS=1 cargo test --test it bindings` rewrites them.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use gridledger::api::{
    AppInfo, BulkBuilding, BulkBuildingSummary, ChildrenQuery, DashboardCounts, HouseholdRow,
    HouseholdsQuery, IdArg, IdNumberArg, IdNumberInfo, IpcError, JobProgress, MergePeople,
    NewSweep, NewWorker, PersonDetail, PersonFilter, PersonHit, PersonInput, PersonPage,
    RecordSweepVisit, RecordSweepVisits, RegisterNode, RevealedPerson, SearchQuery, SetLedgerName,
    Sweep, SweepHousehold, SweepHouseholdsQuery, SweepProgress, SweepVisit, Worker,
};
use gridledger::api::{
    Arrival, ArrivalFilter, ArrivalPage, ArrivalUpdate, ContactChain, ContactFilter, ContactPage,
    HouseholdContacts, HouseholdContactsSummary, NewArrival, NewContact, NewRiskArea,
    RegisterArrival, RescreenArrivals, RescreenSummary, RiskArea, RiskAreaUpdate, SetHomeRegion,
};
use gridledger::api::{
    BulkCallTargets, BulkCallTargetsOutcome, CallCandidate, CallCounts, CallList, CallListQuery,
    CallPolicy, CallTarget, CallTargetDetail, CallTargetFilter, NewCall, NewCallTarget,
};
use gridledger::api::{
    BulkRelease, BulkReleaseOutcome, CheckRound, CheckRoundOutcome, EndIsolation, FeverEvent,
    HandleFever, Isolation, IsolationFilter, IsolationPage, IsolationPolicy, IsolationProposal,
    IsolationSource, MonitoringGrid, NewCheck, NewFollowUp, NewIsolation, Replan, RoundQuery,
    RoundRow, Worklist,
};
use gridledger::api::{
    CertificateFilter, CertificatePage, CertificateSettings, Checkpoint, Difficulty,
    DifficultyFilter, Enterprise, EnterpriseUpdate, EnterpriseVisit, GateCheck, GateCheckOutcome,
    GateDay, GateDayQuery, GateSummary, ImportKind, ImportLogEntry, ImportLogQuery, ImportMapping,
    ImportMappingQuery, ImportOutcome, ImportPreview, ImportRequest, NewCallBack, NewCheckpoint,
    NewDifficulty, NewDifficultyFollowUp, NewEnterprise, NewGateCheck, NewPublicity, NewVisit,
    NewWorkCertificate, PreviewRowsPage, PreviewRowsQuery, Publicity, PublicityRange,
    PublicityTotals, SaveCertificate, StagedFile, VisitFilter, VisitUpdate, VoidCertificate,
    VoidGateCheck, WorkCertificate, WorkCounts,
};
use gridledger::api::{
    DailyStats, SituationReport, SituationReportExport, StatsDateArg, TrendPoint,
};
use gridledger::api::{
    EligibleHousehold, EligibleQuery, ExportLogEntry, ExportPath, ExportRequest, ExportResult,
    FormOrigin, FormPreview, FormProblem, FormSummary, NewSupplyFollowUp, NewSupplyIssue,
    NewSupplyItem, NewSupplyReceipt, SupplyCounts, SupplyEligibility, SupplyFollowUp, SupplyIssue,
    SupplyIssueFilter, SupplyIssuePage, SupplyItem, SupplyItemUpdate, SupplyReceipt,
};
use ts_rs::{Config, TS};

fn generate(into: &Path) {
    let cfg = Config::new().with_out_dir(into);
    // Exporting a type exports everything it refers to.
    AppInfo::export_all(&cfg).expect("export AppInfo");
    DashboardCounts::export_all(&cfg).expect("export DashboardCounts");
    IpcError::export_all(&cfg).expect("export IpcError");
    SetLedgerName::export_all(&cfg).expect("export SetLedgerName");
    JobProgress::export_all(&cfg).expect("export JobProgress");
    ChildrenQuery::export_all(&cfg).expect("export ChildrenQuery");
    RegisterNode::export_all(&cfg).expect("export RegisterNode");
    HouseholdsQuery::export_all(&cfg).expect("export HouseholdsQuery");
    HouseholdRow::export_all(&cfg).expect("export HouseholdRow");
    PersonFilter::export_all(&cfg).expect("export PersonFilter");
    PersonPage::export_all(&cfg).expect("export PersonPage");
    IdArg::export_all(&cfg).expect("export IdArg");
    PersonDetail::export_all(&cfg).expect("export PersonDetail");
    RevealedPerson::export_all(&cfg).expect("export RevealedPerson");
    IdNumberArg::export_all(&cfg).expect("export IdNumberArg");
    IdNumberInfo::export_all(&cfg).expect("export IdNumberInfo");
    PersonInput::export_all(&cfg).expect("export PersonInput");
    SearchQuery::export_all(&cfg).expect("export SearchQuery");
    PersonHit::export_all(&cfg).expect("export PersonHit");
    BulkBuilding::export_all(&cfg).expect("export BulkBuilding");
    BulkBuildingSummary::export_all(&cfg).expect("export BulkBuildingSummary");
    MergePeople::export_all(&cfg).expect("export MergePeople");
    Worker::export_all(&cfg).expect("export Worker");
    NewWorker::export_all(&cfg).expect("export NewWorker");
    NewSweep::export_all(&cfg).expect("export NewSweep");
    Sweep::export_all(&cfg).expect("export Sweep");
    SweepProgress::export_all(&cfg).expect("export SweepProgress");
    SweepHouseholdsQuery::export_all(&cfg).expect("export SweepHouseholdsQuery");
    SweepHousehold::export_all(&cfg).expect("export SweepHousehold");
    RecordSweepVisit::export_all(&cfg).expect("export RecordSweepVisit");
    RecordSweepVisits::export_all(&cfg).expect("export RecordSweepVisits");
    SweepVisit::export_all(&cfg).expect("export SweepVisit");
    // Arrivals, risk areas, contacts.
    Arrival::export_all(&cfg).expect("export Arrival");
    ArrivalFilter::export_all(&cfg).expect("export ArrivalFilter");
    ArrivalPage::export_all(&cfg).expect("export ArrivalPage");
    ArrivalUpdate::export_all(&cfg).expect("export ArrivalUpdate");
    NewArrival::export_all(&cfg).expect("export NewArrival");
    NewRiskArea::export_all(&cfg).expect("export NewRiskArea");
    RiskArea::export_all(&cfg).expect("export RiskArea");
    RiskAreaUpdate::export_all(&cfg).expect("export RiskAreaUpdate");
    SetHomeRegion::export_all(&cfg).expect("export SetHomeRegion");
    RescreenArrivals::export_all(&cfg).expect("export RescreenArrivals");
    RegisterArrival::export_all(&cfg).expect("export RegisterArrival");
    RescreenSummary::export_all(&cfg).expect("export RescreenSummary");
    // Isolation and health checks.
    IsolationPolicy::export_all(&cfg).expect("export IsolationPolicy");
    IsolationSource::export_all(&cfg).expect("export IsolationSource");
    IsolationProposal::export_all(&cfg).expect("export IsolationProposal");
    NewIsolation::export_all(&cfg).expect("export NewIsolation");
    Isolation::export_all(&cfg).expect("export Isolation");
    Replan::export_all(&cfg).expect("export Replan");
    EndIsolation::export_all(&cfg).expect("export EndIsolation");
    BulkRelease::export_all(&cfg).expect("export BulkRelease");
    BulkReleaseOutcome::export_all(&cfg).expect("export BulkReleaseOutcome");
    IsolationFilter::export_all(&cfg).expect("export IsolationFilter");
    IsolationPage::export_all(&cfg).expect("export IsolationPage");
    NewCheck::export_all(&cfg).expect("export NewCheck");
    CheckRound::export_all(&cfg).expect("export CheckRound");
    CheckRoundOutcome::export_all(&cfg).expect("export CheckRoundOutcome");
    MonitoringGrid::export_all(&cfg).expect("export MonitoringGrid");
    HandleFever::export_all(&cfg).expect("export HandleFever");
    FeverEvent::export_all(&cfg).expect("export FeverEvent");
    NewFollowUp::export_all(&cfg).expect("export NewFollowUp");
    Worklist::export_all(&cfg).expect("export Worklist");
    FormSummary::export_all(&cfg).expect("export FormSummary");
    FormOrigin::export_all(&cfg).expect("export FormOrigin");
    FormProblem::export_all(&cfg).expect("export FormProblem");
    ExportRequest::export_all(&cfg).expect("export ExportRequest");
    ExportResult::export_all(&cfg).expect("export ExportResult");
    SituationReportExport::export_all(&cfg).expect("export SituationReportExport");
    ExportPath::export_all(&cfg).expect("export ExportPath");
    FormPreview::export_all(&cfg).expect("export FormPreview");
    ExportLogEntry::export_all(&cfg).expect("export ExportLogEntry");
    RoundQuery::export_all(&cfg).expect("export RoundQuery");
    RoundRow::export_all(&cfg).expect("export RoundRow");
    NewContact::export_all(&cfg).expect("export NewContact");
    HouseholdContacts::export_all(&cfg).expect("export HouseholdContacts");
    HouseholdContactsSummary::export_all(&cfg).expect("export HouseholdContactsSummary");
    ContactChain::export_all(&cfg).expect("export ContactChain");
    ContactFilter::export_all(&cfg).expect("export ContactFilter");
    ContactPage::export_all(&cfg).expect("export ContactPage");
    // Gate checks and publicity.
    Checkpoint::export_all(&cfg).expect("export Checkpoint");
    NewCheckpoint::export_all(&cfg).expect("export NewCheckpoint");
    NewGateCheck::export_all(&cfg).expect("export NewGateCheck");
    GateCheckOutcome::export_all(&cfg).expect("export GateCheckOutcome");
    GateCheck::export_all(&cfg).expect("export GateCheck");
    GateDayQuery::export_all(&cfg).expect("export GateDayQuery");
    VoidGateCheck::export_all(&cfg).expect("export VoidGateCheck");
    GateDay::export_all(&cfg).expect("export GateDay");
    GateSummary::export_all(&cfg).expect("export GateSummary");
    NewPublicity::export_all(&cfg).expect("export NewPublicity");
    Publicity::export_all(&cfg).expect("export Publicity");
    PublicityRange::export_all(&cfg).expect("export PublicityRange");
    PublicityTotals::export_all(&cfg).expect("export PublicityTotals");
    // Daily statistics and the situation report.
    DailyStats::export_all(&cfg).expect("export DailyStats");
    TrendPoint::export_all(&cfg).expect("export TrendPoint");
    StatsDateArg::export_all(&cfg).expect("export StatsDateArg");
    SituationReport::export_all(&cfg).expect("export SituationReport");
    ImportKind::export_all(&cfg).expect("export ImportKind");
    ImportRequest::export_all(&cfg).expect("export ImportRequest");
    StagedFile::export_all(&cfg).expect("export StagedFile");
    ImportPreview::export_all(&cfg).expect("export ImportPreview");
    ImportOutcome::export_all(&cfg).expect("export ImportOutcome");
    ImportLogEntry::export_all(&cfg).expect("export ImportLogEntry");
    ImportLogQuery::export_all(&cfg).expect("export ImportLogQuery");
    PreviewRowsQuery::export_all(&cfg).expect("export PreviewRowsQuery");
    PreviewRowsPage::export_all(&cfg).expect("export PreviewRowsPage");
    ImportMapping::export_all(&cfg).expect("export ImportMapping");
    ImportMappingQuery::export_all(&cfg).expect("export ImportMappingQuery");
    // Supplies.
    SupplyItem::export_all(&cfg).expect("export SupplyItem");
    NewSupplyItem::export_all(&cfg).expect("export NewSupplyItem");
    SupplyItemUpdate::export_all(&cfg).expect("export SupplyItemUpdate");
    NewSupplyReceipt::export_all(&cfg).expect("export NewSupplyReceipt");
    SupplyReceipt::export_all(&cfg).expect("export SupplyReceipt");
    NewSupplyIssue::export_all(&cfg).expect("export NewSupplyIssue");
    SupplyIssue::export_all(&cfg).expect("export SupplyIssue");
    SupplyIssueFilter::export_all(&cfg).expect("export SupplyIssueFilter");
    SupplyIssuePage::export_all(&cfg).expect("export SupplyIssuePage");
    NewSupplyFollowUp::export_all(&cfg).expect("export NewSupplyFollowUp");
    SupplyFollowUp::export_all(&cfg).expect("export SupplyFollowUp");
    SupplyEligibility::export_all(&cfg).expect("export SupplyEligibility");
    EligibleQuery::export_all(&cfg).expect("export EligibleQuery");
    EligibleHousehold::export_all(&cfg).expect("export EligibleHousehold");
    SupplyCounts::export_all(&cfg).expect("export SupplyCounts");
    // Work resumption and work certificates.
    NewEnterprise::export_all(&cfg).expect("export NewEnterprise");
    EnterpriseUpdate::export_all(&cfg).expect("export EnterpriseUpdate");
    Enterprise::export_all(&cfg).expect("export Enterprise");
    NewVisit::export_all(&cfg).expect("export NewVisit");
    VisitUpdate::export_all(&cfg).expect("export VisitUpdate");
    EnterpriseVisit::export_all(&cfg).expect("export EnterpriseVisit");
    VisitFilter::export_all(&cfg).expect("export VisitFilter");
    NewDifficulty::export_all(&cfg).expect("export NewDifficulty");
    NewDifficultyFollowUp::export_all(&cfg).expect("export NewDifficultyFollowUp");
    Difficulty::export_all(&cfg).expect("export Difficulty");
    DifficultyFilter::export_all(&cfg).expect("export DifficultyFilter");
    NewWorkCertificate::export_all(&cfg).expect("export NewWorkCertificate");
    WorkCertificate::export_all(&cfg).expect("export WorkCertificate");
    CertificateFilter::export_all(&cfg).expect("export CertificateFilter");
    CertificatePage::export_all(&cfg).expect("export CertificatePage");
    VoidCertificate::export_all(&cfg).expect("export VoidCertificate");
    NewCallBack::export_all(&cfg).expect("export NewCallBack");
    CertificateSettings::export_all(&cfg).expect("export CertificateSettings");
    SaveCertificate::export_all(&cfg).expect("export SaveCertificate");
    WorkCounts::export_all(&cfg).expect("export WorkCounts");
    BulkCallTargets::export_all(&cfg).expect("export BulkCallTargets");
    BulkCallTargetsOutcome::export_all(&cfg).expect("export BulkCallTargetsOutcome");
    CallCandidate::export_all(&cfg).expect("export CallCandidate");
    CallCounts::export_all(&cfg).expect("export CallCounts");
    CallList::export_all(&cfg).expect("export CallList");
    CallListQuery::export_all(&cfg).expect("export CallListQuery");
    CallPolicy::export_all(&cfg).expect("export CallPolicy");
    CallTarget::export_all(&cfg).expect("export CallTarget");
    CallTargetDetail::export_all(&cfg).expect("export CallTargetDetail");
    CallTargetFilter::export_all(&cfg).expect("export CallTargetFilter");
    NewCall::export_all(&cfg).expect("export NewCall");
    NewCallTarget::export_all(&cfg).expect("export NewCallTarget");
}

/// The generated files (every .ts but the hand-written index.ts), by name.
fn read_ts(dir: &Path) -> BTreeMap<String, String> {
    let mut files = BTreeMap::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".ts") && name != "index.ts" {
            let text = std::fs::read_to_string(entry.path()).expect("read binding");
            files.insert(name, text);
        }
    }
    files
}

#[test]
fn the_committed_typescript_bindings_are_fresh() {
    let committed_dir: PathBuf = [env!("CARGO_MANIFEST_DIR"), "ui", "src", "api", "bindings"]
        .iter()
        .collect();
    if std::env::var("UPDATE_BINDINGS").is_ok_and(|v| v == "1") {
        for name in read_ts(&committed_dir).keys() {
            std::fs::remove_file(committed_dir.join(name)).expect("remove stale binding");
        }
        generate(&committed_dir);
    }
    let fresh = tempfile::tempdir().unwrap();
    generate(fresh.path());
    let expected = read_ts(fresh.path());
    let committed = read_ts(&committed_dir);
    assert!(!expected.is_empty());
    assert_eq!(
        committed.keys().collect::<Vec<_>>(),
        expected.keys().collect::<Vec<_>>(),
        "the set of binding files differs: run UPDATE_BINDINGS=1 cargo test --test it bindings"
    );
    // The hand-written index re-exports every one of them.
    let index = std::fs::read_to_string(committed_dir.join("index.ts")).unwrap();
    for name in expected.keys() {
        let line = format!("export type * from './{}';", name.trim_end_matches(".ts"));
        assert!(
            index.contains(&line),
            "ui/src/api/bindings/index.ts lacks {line}"
        );
    }
    for (name, text) in &expected {
        assert_eq!(
            committed.get(name),
            Some(text),
            "{name} is stale: run UPDATE_BINDINGS=1 cargo test --test it bindings"
        );
    }
}
