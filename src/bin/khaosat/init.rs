//! `khaosat init [--admin LOGIN] [--demo]`: create or migrate the database (on PostgreSQL, run
//! by the database's administrator: it makes the group roles and hands the schema to
//! `khaosat_owner`), add the first administrator, and optionally seed the demo.

use khaosat::domain::people::Role;
use khaosat::ops::demo;
use khaosat::ops::staff::{self, NewPerson};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Add the first administrator with this login (password asked for, or --password-stdin).
    #[arg(long)]
    admin: Option<String>,
    /// The administrator's full name.
    #[arg(long, default_value = "Quản trị viên")]
    admin_name: String,
    /// Read the administrator's password from standard input.
    #[arg(long)]
    password_stdin: bool,
    /// Seed the demo campaign (4 agencies, 240 respondents, 2 operators, 1 supervisor).
    #[arg(long)]
    demo: bool,
    /// Print the result as one JSON object.
    #[arg(long)]
    json: bool,
}

pub async fn run(db: Option<&str>, args: Args) -> anyhow::Result<()> {
    let (location, session) = super::session(db).await?;
    let admin = match &args.admin {
        Some(login) => {
            let checked = staff::login(login)?;
            let password = super::staff::read_password(args.password_stdin, checked.as_str())?;
            let person = NewPerson {
                login: login.clone(),
                full_name: args.admin_name.clone(),
                role: Role::Admin,
                campaigns: Vec::new(),
            };
            Some(staff::add(&session, &person, &password).await?)
        }
        None => None,
    };
    let seeded = if args.demo {
        Some(demo::seed(&session, super::now()?).await?)
    } else {
        None
    };
    if args.json {
        let out = serde_json::json!({
            "database": location.to_string(),
            "admin": admin,
            "demo": seeded,
        });
        println!("{out}");
        return Ok(());
    }
    println!("Cơ sở dữ liệu sẵn sàng: {location}");
    if let Some(admin) = admin {
        println!(
            "Đã thêm quản trị viên {} ({})",
            admin.login, admin.full_name
        );
    }
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
        if !seeded.created {
            println!("Tài khoản mẫu đã có từ trước; quên mật khẩu thì đặt lại: khaosat staff password dtv.lan");
        }
        if !seeded.people.is_empty() {
            println!(
                "Tài khoản mẫu (mật khẩu chỉ hiện lần này; đổi bằng `khaosat staff password`):"
            );
            for person in &seeded.people {
                println!(
                    "  {:<10} {:<12} {} — {}",
                    person.login,
                    person.password,
                    person.full_name,
                    person.role.label_vi()
                );
            }
        }
    }
    Ok(())
}
