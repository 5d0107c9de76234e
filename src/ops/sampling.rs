//! Drawing the sample: per agency, the cases its dossier count requires (see
//! `domain::sampling`), released in waves; a later wave adds cases where response is low and
//! never repeats one. Running the same draw again releases nothing new.

use super::session::Session;
use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::domain::sampling::{self, SampleRule};
use crate::error::{Error, Result};
use crate::store::model::{SampleCandidate, SampleDraw};

/// What to draw: the first waves of every agency, or `add` more cases of one agency.
#[derive(Debug, Clone, PartialEq)]
pub struct SampleRequest {
    pub campaign_id: Uuid,
    pub seed: u64,
    pub rule: SampleRule,
    /// `(agency code, how many)`: release that many more cases of the agency as a new wave.
    pub add: Option<(String, u32)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AgencySample {
    pub agency: String,
    /// Dossiers of the agency in the campaign.
    pub population: u32,
    /// The sample the rule requires for that population.
    pub required: u32,
    /// Cases released so far, all waves.
    pub drawn: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SampleReport {
    pub rule: String,
    #[ts(type = "number")]
    pub seed: u64,
    pub agencies: Vec<AgencySample>,
    pub drawn_total: u32,
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The draws a request makes, given the campaign's populations and candidates.
fn plan(
    populations: &BTreeMap<String, u32>,
    candidates: &[SampleCandidate],
    req: &SampleRequest,
    now: DateTime<Utc>,
    by: Option<&str>,
) -> Vec<SampleDraw> {
    let mut draws = Vec::new();
    for (agency, population) in populations {
        let of_agency: Vec<_> = candidates
            .iter()
            .filter(|c| &c.agency_code == agency)
            .collect();
        let drawn = of_agency.iter().filter(|c| c.wave.is_some()).count();
        let wave = of_agency.iter().filter_map(|c| c.wave).max().unwrap_or(0) + 1;
        let wanted = match &req.add {
            Some((code, more)) if code == agency => *more as usize,
            Some(_) => 0,
            None => (req.rule.required(*population) as usize).saturating_sub(drawn),
        };
        let undrawn: Vec<Uuid> = of_agency
            .iter()
            .filter(|c| c.wave.is_none())
            .map(|c| c.case_id)
            .collect();
        let cases = sampling::draw(&undrawn, wanted, req.seed, agency, wave);
        if !cases.is_empty() {
            draws.push(SampleDraw {
                id: Uuid::new_v4(),
                campaign_id: req.campaign_id,
                agency_code: agency.clone(),
                wave,
                rule: req.rule,
                seed: req.seed,
                population: *population,
                required: req.rule.required(*population),
                cases,
                drawn_at: now,
                by: by.map(str::to_owned),
            });
        }
    }
    draws
}

/// Where each agency stands once `draws` are released.
fn report(
    populations: &BTreeMap<String, u32>,
    candidates: &[SampleCandidate],
    draws: &[SampleDraw],
    rule: SampleRule,
    seed: u64,
) -> SampleReport {
    let agencies: Vec<AgencySample> = populations
        .iter()
        .map(|(agency, population)| {
            let before = candidates
                .iter()
                .filter(|c| &c.agency_code == agency && c.wave.is_some())
                .count();
            let released: usize = draws
                .iter()
                .filter(|d| &d.agency_code == agency)
                .map(|d| d.cases.len())
                .sum();
            AgencySample {
                agency: agency.clone(),
                population: *population,
                required: rule.required(*population),
                drawn: count(before + released),
            }
        })
        .collect();
    SampleReport {
        rule: rule.name().to_owned(),
        seed,
        drawn_total: agencies.iter().map(|a| a.drawn).sum(),
        agencies,
    }
}

/// Draws what the request asks for and releases it.
pub async fn sample(
    session: &Session,
    now: DateTime<Utc>,
    req: &SampleRequest,
) -> Result<SampleReport> {
    session.supervise(req.campaign_id, "chọn mẫu")?;
    let store = session.store();
    let populations: BTreeMap<String, u32> = store
        .agency_populations(req.campaign_id)
        .await?
        .into_iter()
        .collect();
    let candidates = store.sample_candidates(req.campaign_id).await?;
    if let Some((agency, _)) = &req.add {
        if !populations.contains_key(agency) {
            return Err(Error::Invalid(format!(
                "đợt khảo sát không có hồ sơ nào của cơ quan “{agency}”"
            )));
        }
    }
    let draws = plan(
        &populations,
        &candidates,
        req,
        now,
        session.login().as_deref(),
    );
    if let (Some((agency, _)), true) = (&req.add, draws.is_empty()) {
        return Err(Error::Invalid(format!(
            "cơ quan “{agency}” không còn trường hợp nào chưa rút vào mẫu"
        )));
    }
    store.release_waves(&draws).await?;
    for draw in &draws {
        tracing::info!(campaign = %req.campaign_id, agency = %draw.agency_code, wave = draw.wave, cases = draw.cases.len(), "sample released");
    }
    Ok(report(
        &populations,
        &candidates,
        &draws,
        req.rule,
        req.seed,
    ))
}

/// Where the sample stands, under the rule of the latest draw (the SIPAS minimums before any
/// draw), without drawing anything.
pub async fn status(session: &Session, campaign_id: Uuid) -> Result<SampleReport> {
    session.supervise(campaign_id, "xem mẫu")?;
    let store = session.store();
    let populations: BTreeMap<String, u32> = store
        .agency_populations(campaign_id)
        .await?
        .into_iter()
        .collect();
    let candidates = store.sample_candidates(campaign_id).await?;
    let (rule, seed) = store
        .last_draw(campaign_id)
        .await?
        .unwrap_or((SampleRule::Tiers, 0));
    Ok(report(&populations, &candidates, &[], rule, seed))
}

/// The sampling screen's request: the first draw, or `addCount` more cases of `addAgency`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DrawSampleRequest {
    pub campaign_id: Uuid,
    #[ts(type = "number")]
    pub seed: u64,
    /// `tiers` or `slovin`.
    pub rule: String,
    pub margin: Option<f64>,
    pub add_agency: Option<String>,
    pub add_count: Option<u32>,
}

impl DrawSampleRequest {
    pub fn parse(&self) -> Result<SampleRequest> {
        let rule = SampleRule::parse(&self.rule, self.margin)
            .map_err(|e| Error::Invalid(e.to_string()))?;
        let add = match (&self.add_agency, self.add_count) {
            (Some(agency), Some(count)) if count > 0 => Some((agency.clone(), count)),
            (None, None) => None,
            _ => {
                return Err(Error::Invalid(
                    "thêm mẫu cần cả cơ quan và số ca (lớn hơn 0)".to_owned(),
                ))
            }
        };
        Ok(SampleRequest {
            campaign_id: self.campaign_id,
            seed: self.seed,
            rule,
            add,
        })
    }
}
