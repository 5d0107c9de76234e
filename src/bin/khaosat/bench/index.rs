//! `khaosat bench index`: the satisfaction index over a large campaign. It imports a generated
//! dossier list, then --interviews complete SIPAS forms (random scores, one in five with the
//! feedback branch) through the paper import, and times the index report --runs times after
//! one warm-up run: the figure the supervisor's results screen waits for.

use khaosat::domain::people::Login;
use khaosat::ops::session::Session;
use khaosat::store::model::{Role, Staff};
use std::fmt::Write as _;
use std::time::{Duration, Instant};

use khaosat::domain::mode::Mode;
use khaosat::domain::survey::Script;
use khaosat::ops::interview_import::{self, InterviewImportRequest};
use khaosat::ops::reports::{self, IndexRequest};
use khaosat::ops::{demo, intake};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Complete interviews to store.
    #[arg(long, default_value_t = 40_000)]
    interviews: usize,
    /// Timed runs of the index.
    #[arg(long, default_value_t = 10)]
    runs: usize,
}

/// A score as respondents give them: mostly satisfied, some "không ý kiến" (0).
fn score(rng: &mut ChaCha8Rng) -> u8 {
    match rng.random_range(0..100) {
        0..4 => 0,
        4..7 => 1,
        7..14 => 2,
        14..34 => 3,
        34..74 => 4,
        _ => 5,
    }
}

/// One complete form's answers, by question, as the import file holds them, and how many of
/// them count (every question on its path, the comment left blank included).
fn form(script: &Script, rng: &mut ChaCha8Rng) -> (Vec<String>, usize) {
    let feedback = rng.random_range(0..5) == 0;
    let skipped = if feedback { 0 } else { 3 };
    let values = script
        .questions()
        .iter()
        .map(|q| {
            let id = q.id.as_str();
            match id {
                "dong_y" | "du_18_tuoi" | "da_nhan_ket_qua" => "1".to_owned(),
                "da_gop_y" => if feedback { "1" } else { "2" }.to_owned(),
                _ if id.starts_with("gop_y.") && !feedback => String::new(),
                "mong_doi" => format!("{},{}", rng.random_range(1..4), rng.random_range(4..7)),
                "gioi_tinh" => rng.random_range(1..3).to_string(),
                "nhom_tuoi" | "hoc_van" => rng.random_range(1..6).to_string(),
                "nghe_nghiep" => rng.random_range(1..9).to_string(),
                "y_kien" => String::new(),
                _ => score(rng).to_string(),
            }
        })
        .collect();
    (values, script.questions().len() - skipped)
}

fn millis(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

pub async fn run(db: Option<&str>, args: Args) -> anyhow::Result<()> {
    let (location, shared) = super::super::open(db).await?;
    let admin = super::administrator(std::sync::Arc::clone(&shared)).await?;
    let store = admin.store();
    let (code, campaign) = super::bench_campaign(&admin, "Đo tốc độ tính chỉ số hài lòng").await?;
    // The forms are imported by a supervisor of the bench's own, as a person would.
    let supervisor = Staff {
        id: uuid::Uuid::new_v4(),
        login: format!("bench.gsv.{}", &code[6..]).to_lowercase(),
        full_name: "Giám sát viên đo tốc độ".to_owned(),
        role: Role::Supervisor,
        active: true,
    };
    store.put_staff(&supervisor).await?;
    store
        .assign(&Login::parse(&supervisor.login)?, campaign.id, true)
        .await?;
    let by = Session::of(shared, supervisor).await?;
    let dir = super::tempfile_dir()?;

    // The list: a tenth more dossiers than forms, as a person may have several.
    let started = Instant::now();
    let list = dir.join("danh-sach.csv");
    let rows = demo::synthetic_rows(
        args.interviews + args.interviews / 10,
        super::FIELDWORK.0,
        super::FIELDWORK.1,
        11,
    );
    std::fs::write(&list, demo::synthetic_csv(&rows))?;
    let table = khaosat::sheet::read_table(&list, None)?;
    intake::import_table(
        &admin,
        super::super::now()?,
        campaign.id,
        &table,
        false,
        &intake::quiet,
    )
    .await?;
    let listed = started.elapsed();

    // One form per person.
    let script = khaosat::ops::interview::campaign_script(store, &campaign).await?;
    let mut seen = std::collections::HashSet::new();
    let dossiers: Vec<String> = store
        .dossier_cases(campaign.id)
        .await?
        .into_iter()
        .filter(|d| seen.insert(d.case_id))
        .map(|d| d.dossier_code)
        .take(args.interviews)
        .collect();
    let mut rng = ChaCha8Rng::seed_from_u64(3);
    let mut csv = String::from("ma_ho_so");
    for q in script.questions() {
        let _ = write!(csv, ",{}", q.id);
    }
    csv.push('\n');
    let mut counted = 0;
    for dossier in &dossiers {
        csv.push_str(dossier);
        let (values, count) = form(&script, &mut rng);
        counted += count;
        for value in values {
            csv.push(',');
            if value.contains(',') {
                let _ = write!(csv, "\"{value}\"");
            } else {
                csv.push_str(&value);
            }
        }
        csv.push('\n');
    }
    let forms = dir.join("phieu.csv");
    std::fs::write(&forms, csv)?;
    let started = Instant::now();
    let imported = interview_import::import(
        &by,
        super::super::now()?,
        &InterviewImportRequest {
            campaign_id: campaign.id,
            file: forms,
            sheet: None,
            mode: Mode::Paper,
        },
    )
    .await?;
    let stored = started.elapsed();
    std::fs::remove_dir_all(&dir)?;
    if !imported.rejected.is_empty() {
        anyhow::bail!(
            "{} generated forms were rejected, first: {:?}",
            imported.rejected.len(),
            imported.rejected.first()
        );
    }

    let request = IndexRequest {
        campaign_id: campaign.id,
        include_partial: false,
        by_mode: false,
        approved_only: false,
    };
    let warm = Instant::now();
    let report = reports::sipas_index(&admin, &request).await?;
    let first = warm.elapsed();
    let mut times = Vec::with_capacity(args.runs);
    for _ in 0..args.runs {
        let started = Instant::now();
        reports::sipas_index(&admin, &request).await?;
        times.push(started.elapsed());
    }
    times.sort();
    let answers: u64 = report
        .overall
        .pooled
        .components
        .iter()
        .flat_map(|c| &c.criteria)
        .map(|k| k.n)
        .sum();

    println!("database      {location}");
    println!("campaign      {code}");
    println!(
        "list          {} dossiers in {:.1} s",
        rows.len(),
        listed.as_secs_f64()
    );
    println!(
        "interviews    {} complete forms imported in {:.1} s ({:.0} forms/s)",
        imported.imported,
        stored.as_secs_f64(),
        imported.imported as f64 / stored.as_secs_f64()
    );
    println!("answers       {counted} counted answers stored, {answers} valid criterion scores");
    println!(
        "index         {:.2} (pooled), {} agencies",
        report.overall.pooled.index.unwrap_or_default(),
        report.agencies.len()
    );
    println!("first run     {:>8.1} ms", millis(first));
    if let (Some(min), Some(max)) = (times.first(), times.last()) {
        println!(
            "index runs    {:>8.1} ms median, {:.1} min, {:.1} max ({} runs)",
            millis(times[times.len() / 2]),
            millis(*min),
            millis(*max),
            times.len()
        );
    }
    Ok(())
}
