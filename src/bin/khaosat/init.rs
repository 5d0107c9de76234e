//! `khaosat init [--demo]`: create or migrate the database, and optionally seed the demo.

use khaosat::ops::demo;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Seed the demo campaign (4 agencies, 240 respondents, 2 operators, 1 supervisor).
    #[arg(long)]
    demo: bool,
    /// Print the result as one JSON object.
    #[arg(long)]
    json: bool,
}

pub async fn run(db: Option<&str>, args: Args) -> anyhow::Result<()> {
    let (location, store) = super::open(db).await?;
    let seeded = if args.demo {
        Some(demo::seed(&*store, super::now()?).await?)
    } else {
        None
    };
    if args.json {
        let out = serde_json::json!({ "database": location.to_string(), "demo": seeded });
        println!("{out}");
        return Ok(());
    }
    println!("Cơ sở dữ liệu sẵn sàng: {location}");
    if let Some(seeded) = seeded {
        let verb = if seeded.created {
            "Đã tạo"
        } else {
            "Đã có sẵn"
        };
        println!(
            "{verb} đợt khảo sát mẫu {} — {} ({} người được khảo sát, nhận kết quả từ {} đến {})",
            seeded.campaign.code,
            seeded.campaign.name,
            seeded.respondents,
            seeded.campaign.received_from,
            seeded.campaign.received_to
        );
        println!("Điện thoại viên: dtv.lan (Nguyễn Thị Lan), dtv.minh (Trần Quốc Minh); giám sát viên: gsv.hong (Lê Thị Hồng)");
    }
    Ok(())
}
