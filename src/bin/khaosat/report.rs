//! `khaosat report sipas|rates|progress|operators --campaign CODE [--json]`: the campaign's
//! results from `ops::reports`, as a table (figures rounded to two decimals, Vietnamese style)
//! or as JSON with unrounded numbers.

use anyhow::Context;
use khaosat::domain::intake::date::parse_date_text;
use khaosat::domain::results::index::AgencyIndex;
use khaosat::domain::results::rates::Rates;
use khaosat::ops::catalogue;
use khaosat::ops::reports::{
    self, IndexRequest, OperatorsRequest, RatesBy, RatesReport, RatesRequest,
};
use serde::Serialize;

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// The SIPAS satisfaction index per criterion, component and agency, and for the campaign.
    Sipas(SipasArgs),
    /// AAPOR response, cooperation, refusal and contact rates.
    Rates(RatesArgs),
    /// Completes per agency against the required sample, projected at the daily rate.
    Progress(Common),
    /// Calls, completes, calls per hour and interview length per operator.
    Operators(OperatorsArgs),
}

#[derive(Debug, clap::Args)]
pub struct Common {
    #[arg(long)]
    campaign: String,
    /// Print JSON (numbers unrounded) instead of a table.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, clap::Args)]
pub struct SipasArgs {
    #[command(flatten)]
    common: Common,
    /// `partial`: partial interviews' answered criteria count too.
    #[arg(long, value_parser = ["partial"])]
    include: Option<String>,
    /// `mode`: the index also per mode of gathering (phone, paper, kiosk, web).
    #[arg(long, value_parser = ["mode"])]
    by: Option<String>,
    /// Only the interviews a supervisor approved count.
    #[arg(long)]
    approved_only: bool,
}

#[derive(Debug, clap::Args)]
pub struct RatesArgs {
    #[command(flatten)]
    common: Common,
    /// Group by `agency` or call `list`.
    #[arg(long, value_parser = ["agency", "list"])]
    by: Option<String>,
    /// The share of unknown-eligibility cases taken as eligible (0–1); estimated when absent.
    #[arg(long)]
    e: Option<f64>,
}

#[derive(Debug, clap::Args)]
pub struct OperatorsArgs {
    #[command(flatten)]
    common: Common,
    /// First day counted (dd/mm/yyyy, the campaign's zone).
    #[arg(long)]
    from: Option<String>,
    /// Last day counted (dd/mm/yyyy).
    #[arg(long)]
    to: Option<String>,
}

pub async fn run(db: Option<&str>, command: Command) -> anyhow::Result<()> {
    let (_, session) = super::session(db).await?;
    let session = &session;
    let store = session.store();
    match command {
        Command::Sipas(args) => {
            let campaign = catalogue::campaign_by_code(store, &args.common.campaign).await?;
            let request = IndexRequest {
                campaign_id: campaign.id,
                include_partial: args.include.is_some(),
                by_mode: args.by.is_some(),
                approved_only: args.approved_only,
            };
            let report = reports::sipas_index(session, &request).await?;
            if args.common.json {
                return print_json(&report);
            }
            println!("Chỉ số hài lòng SIPAS — đợt {}", report.campaign);
            println!("{}", report.counted);
            println!("Công thức: {}", report.formula);
            print_index_table(&report.agencies, &report.overall);
            for m in &report.by_mode {
                println!("\n== Cách thu thập: {} ({})", m.mode.label_vi(), m.mode);
                print_index_table(&m.agencies, &m.overall);
            }
        }
        Command::Rates(args) => {
            let campaign = catalogue::campaign_by_code(store, &args.common.campaign).await?;
            let request = RatesRequest {
                campaign_id: campaign.id,
                by: args.by.as_deref().map(|by| match by {
                    "agency" => RatesBy::Agency,
                    _ => RatesBy::List,
                }),
                e: args.e,
            };
            let report = reports::rates(session, &request).await?;
            if args.common.json {
                return print_json(&report);
            }
            print_rates(&report);
        }
        Command::Progress(args) => {
            let campaign = catalogue::campaign_by_code(store, &args.campaign).await?;
            let report = reports::progress(session, campaign.id, super::now()?).await?;
            if args.json {
                return print_json(&report);
            }
            println!(
                "Tiến độ đợt {} — ngày {}, {} ngày gọi đã qua",
                report.campaign, report.today, report.calling_days
            );
            println!(
                "{:<14} {:>7} {:>7} {:>9} {:>8} {:>8} {:>8} {:>8} {:>10}  DỰ KIẾN XONG",
                "CƠ QUAN",
                "CẦN",
                "ĐÃ CHỌN",
                "HOÀN THÀNH",
                "KHÁC",
                "ĐANG GỌI",
                "CHƯA GỌI",
                "CÒN THIẾU",
                "MỖI NGÀY",
            );
            for a in report.agencies.iter().chain([&report.total]) {
                let name = if a.agency.is_empty() {
                    "TỔNG"
                } else {
                    &a.agency
                };
                println!(
                    "{:<14} {:>7} {:>7} {:>9} {:>8} {:>8} {:>8} {:>8} {:>10}  {}",
                    name,
                    a.required,
                    a.drawn,
                    a.completes,
                    a.other_modes,
                    a.in_progress,
                    a.not_called,
                    a.remaining,
                    two(a.daily_rate),
                    match (&a.done_by, a.remaining) {
                        (_, 0) => "đã đủ".to_owned(),
                        (Some(day), _) => day.clone(),
                        (None, _) => "—".to_owned(),
                    }
                );
            }
            println!("KHÁC: phiếu hoàn thành thu ngoài điện thoại (giấy, ki-ốt, trực tuyến).");
        }
        Command::Operators(args) => {
            let campaign = catalogue::campaign_by_code(store, &args.common.campaign).await?;
            let day = |text: Option<String>, flag: &str| {
                text.map(|t| {
                    parse_date_text(&t)
                        .with_context(|| format!("--{flag} “{t}”: cần ngày dd/mm/yyyy"))
                })
                .transpose()
            };
            let request = OperatorsRequest {
                campaign_id: campaign.id,
                from: day(args.from, "from")?,
                to: day(args.to, "to")?,
            };
            let report = reports::operators(session, &request).await?;
            if args.common.json {
                return print_json(&report);
            }
            println!(
                "Điện thoại viên — đợt {}{}",
                report.campaign,
                match (&report.from, &report.to) {
                    (None, None) => String::new(),
                    (from, to) => format!(
                        ", từ {} đến {}",
                        from.as_deref().unwrap_or("đầu đợt"),
                        to.as_deref().unwrap_or("nay")
                    ),
                }
            );
            println!(
                "{:<16} {:<24} {:>8} {:>10} {:>8} {:>10} {:>8} {:>10}",
                "TÊN ĐĂNG NHẬP",
                "HỌ TÊN",
                "CUỘC GỌI",
                "HOÀN THÀNH",
                "GIỜ",
                "GỌI/GIỜ",
                "PHIẾU",
                "PHÚT/PHIẾU"
            );
            for o in &report.operators {
                println!(
                    "{:<16} {:<24} {:>8} {:>10} {:>8} {:>10} {:>8} {:>10}",
                    o.operator,
                    o.name,
                    o.attempts,
                    o.completes,
                    two(Some(o.hours)),
                    two(o.attempts_per_hour),
                    o.interviews,
                    two(o.mean_interview_minutes)
                );
            }
            println!(
                "Giờ: thời gian các cuộc gọi và khoảng giữa chúng; khoảng nghỉ quá {} phút giữa hai cuộc gọi không tính.\n\
                 Phút/phiếu: thời gian trong phiếu ở mỗi cuộc gọi, cộng lại.",
                report.idle_limit_minutes
            );
        }
    }
    Ok(())
}

fn print_json(value: &impl Serialize) -> anyhow::Result<()> {
    println!("{}", serde_json::to_string_pretty(value)?);
    Ok(())
}

/// `87,08`: two decimals with a decimal comma; `—` for no value.
fn two(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_owned(), |v| format!("{v:.2}").replace('.', ","))
}

fn print_index_table(
    agencies: &[AgencyIndex],
    overall: &khaosat::domain::results::index::OverallIndex,
) {
    println!(
        "\n{:<14} {:<36} {:>6} {:>8} {:>6}",
        "CƠ QUAN", "TÊN", "PHIẾU", "CHỈ SỐ", "ĐIỂM"
    );
    for a in agencies {
        println!(
            "{:<14} {:<36} {:>6} {:>8} {:>6}",
            a.agency,
            a.name,
            a.n,
            two(a.index),
            two(a.mean)
        );
        for c in &a.components {
            println!("  {:<48} {:>8} {:>6}", c.title, two(c.index), two(c.mean));
            for k in &c.criteria {
                println!(
                    "    {:<30} n={:<6} hài lòng={:<6} {:>8} {:>6}",
                    k.criterion,
                    k.n,
                    k.satisfied,
                    two(k.index),
                    two(k.mean)
                );
            }
        }
    }
    println!(
        "\nToàn đợt (a) trung bình các cơ quan có chỉ số ({} cơ quan): chỉ số {}, điểm {}",
        overall.agencies,
        two(overall.agency_mean),
        two(overall.agency_mean_score)
    );
    println!(
        "Toàn đợt (b) gộp mọi người trả lời ({} phiếu): chỉ số {}, điểm {}",
        overall.pooled.n,
        two(overall.pooled.index),
        two(overall.pooled.mean)
    );
}

fn print_rates(report: &RatesReport) {
    println!("Tỷ lệ theo AAPOR — đợt {}", report.campaign);
    println!("{}", report.counted);
    let e = &report.overall.rates;
    println!(
        "e = {} ({})",
        two(e.e),
        if e.e_given {
            "cho trước"
        } else {
            "ước lượng = (I+P+R+NC+O)/(I+P+R+NC+O+NE)"
        }
    );
    println!(
        "\n{:<16} {:>5} {:>4} {:>4} {:>4} {:>4} {:>4} {:>4} {:>4} {:>4}",
        "NHÓM", "CA", "I", "P", "R", "NC", "O", "UH", "UO", "NE"
    );
    for row in [&report.overall].into_iter().chain(&report.groups) {
        let c = &row.counts;
        let key = if row.key.is_empty() {
            "TOÀN ĐỢT"
        } else {
            &row.key
        };
        println!(
            "{:<16} {:>5} {:>4} {:>4} {:>4} {:>4} {:>4} {:>4} {:>4} {:>4}",
            key, row.cases, c.I, c.P, c.R, c.NC, c.O, c.UH, c.UO, c.NE
        );
    }
    let names = [
        "RR1", "RR2", "RR3", "RR4", "RR5", "RR6", "COOP1", "COOP2", "COOP3", "COOP4", "REF1",
        "REF2", "REF3", "CON1", "CON2", "CON3",
    ];
    print!("\n{:<16}", "TỶ LỆ (%)");
    for name in names {
        print!(" {name:>7}");
    }
    println!();
    for row in [&report.overall].into_iter().chain(&report.groups) {
        let key = if row.key.is_empty() {
            "TOÀN ĐỢT"
        } else {
            &row.key
        };
        print!("{key:<16}");
        for value in rate_values(&row.rates) {
            print!(" {:>7}", two(value.map(|v| 100.0 * v)));
        }
        println!();
    }
    println!("\nCông thức: {}", report.formulas);
}

fn rate_values(r: &Rates) -> [Option<f64>; 16] {
    [
        r.RR1, r.RR2, r.RR3, r.RR4, r.RR5, r.RR6, r.COOP1, r.COOP2, r.COOP3, r.COOP4, r.REF1,
        r.REF2, r.REF3, r.CON1, r.CON2, r.CON3,
    ]
}
