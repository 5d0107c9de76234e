//! `khaosat sample --campaign CODE --seed N`: draw the sample of every agency, or add a wave.

use khaosat::domain::sampling::SampleRule;
use khaosat::ops::catalogue;
use khaosat::ops::sampling::{self, SampleRequest};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(long)]
    campaign: String,
    /// The seed: the same data and seed give the same sample.
    #[arg(long)]
    seed: u64,
    /// tiers (SIPAS minimums) or slovin.
    #[arg(long, default_value = "tiers")]
    rule: String,
    /// Slovin's margin of error.
    #[arg(long)]
    margin: Option<f64>,
    /// Release this many more cases of --agency as a new wave.
    #[arg(long, requires = "agency")]
    add: Option<u32>,
    #[arg(long, requires = "add")]
    agency: Option<String>,
    #[arg(long)]
    json: bool,
}

pub async fn run(db: Option<&str>, args: Args) -> anyhow::Result<()> {
    let (_, session) = super::session(db).await?;
    let campaign = catalogue::campaign_by_code(session.store(), &args.campaign).await?;
    let rule = SampleRule::parse(&args.rule, args.margin)?;
    let request = SampleRequest {
        campaign_id: campaign.id,
        seed: args.seed,
        rule,
        add: args.agency.zip(args.add),
    };
    let report = sampling::sample(&session, super::now()?, &request).await?;
    if args.json {
        println!("{}", serde_json::to_string(&report)?);
        return Ok(());
    }
    println!("Quy tắc {} · hạt giống {}", report.rule, report.seed);
    println!(
        "{:<12} {:>10} {:>10} {:>10}",
        "CƠ QUAN", "HỒ SƠ", "CẦN", "ĐÃ CHỌN"
    );
    for a in &report.agencies {
        println!(
            "{:<12} {:>10} {:>10} {:>10}",
            a.agency, a.population, a.required, a.drawn
        );
    }
    println!(
        "{:<12} {:>10} {:>10} {:>10}",
        "TỔNG", "", "", report.drawn_total
    );
    Ok(())
}
