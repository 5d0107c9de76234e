//! Drawing the sample: per agency, the cases its dossier count requires (see
//! `domain::sampling`), released in waves; a later wave adds cases where response is low and
//! never repeats one. Running the same draw again releases nothing new.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::domain::sampling::{self, SampleRule};
use crate::error::{Error, Result};
use crate::store::model::SampleDraw;
use crate::store::Store;

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

pub async fn sample(
    store: &dyn Store,
    now: DateTime<Utc>,
    req: &SampleRequest,
) -> Result<SampleReport> {
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
    let mut draws = Vec::new();
    for (agency, population) in &populations {
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
        if wanted == 0 {
            continue;
        }
        let undrawn: Vec<Uuid> = of_agency
            .iter()
            .filter(|c| c.wave.is_none())
            .map(|c| c.case_id)
            .collect();
        let cases = sampling::draw(&undrawn, wanted, req.seed, agency, wave);
        if cases.is_empty() {
            continue;
        }
        draws.push(SampleDraw {
            id: Uuid::new_v4(),
            campaign_id: req.campaign_id,
            agency_code: agency.clone(),
            wave,
            rule: req.rule.name().to_owned(),
            seed: req.seed,
            population: *population,
            required: req.rule.required(*population),
            cases,
            drawn_at: now,
        });
    }
    store.release_waves(&draws).await?;
    for draw in &draws {
        tracing::info!(campaign = %req.campaign_id, agency = %draw.agency_code, wave = draw.wave, cases = draw.cases.len(), "sample released");
    }
    let released: BTreeMap<&str, usize> = draws
        .iter()
        .map(|d| (d.agency_code.as_str(), d.cases.len()))
        .collect();
    let agencies: Vec<AgencySample> = populations
        .iter()
        .map(|(agency, population)| {
            let before = candidates
                .iter()
                .filter(|c| &c.agency_code == agency && c.wave.is_some())
                .count();
            AgencySample {
                agency: agency.clone(),
                population: *population,
                required: req.rule.required(*population),
                drawn: count(before + released.get(agency.as_str()).copied().unwrap_or(0)),
            }
        })
        .collect();
    Ok(SampleReport {
        rule: req.rule.name().to_owned(),
        seed: req.seed,
        drawn_total: agencies.iter().map(|a| a.drawn).sum(),
        agencies,
    })
}
