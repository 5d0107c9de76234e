//! `khaosat staff add|list|disable|enable|password|assign|unassign|sync`: the people of the call
//! center, for an administrator (on PostgreSQL, a person connected as an administrator, or the
//! database's own administrator). Passwords are read from the terminal without echo, or from
//! standard input with `--password-stdin`: never from an argument, which `ps` would show.

use std::io::{BufRead, IsTerminal};

use anyhow::{bail, Context};
use khaosat::domain::people::Role;
use khaosat::ops::staff::{self, NewPerson};

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Add a person who logs in with a password (asked for, or read with --password-stdin).
    Add {
        #[arg(long)]
        login: String,
        #[arg(long)]
        name: String,
        /// operator, supervisor or admin.
        #[arg(long, value_parser = role)]
        role: Role,
        /// A campaign they work or supervise (repeatable).
        #[arg(long = "campaign")]
        campaigns: Vec<String>,
        #[arg(long)]
        password_stdin: bool,
    },
    /// List everyone, with their role, state and campaigns.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Disable a login: it can no longer log in, and a case it holds goes back to the pool.
    Disable { login: String },
    /// Enable a disabled login.
    Enable { login: String },
    /// Set a person's password (asked for, or read with --password-stdin).
    Password {
        login: String,
        #[arg(long)]
        password_stdin: bool,
    },
    /// Put a person on a campaign.
    Assign {
        login: String,
        #[arg(long)]
        campaign: String,
    },
    /// Take a person off a campaign.
    Unassign {
        login: String,
        #[arg(long)]
        campaign: String,
    },
    /// Give a login role to each person of a database made before login roles (PostgreSQL).
    Sync,
}

fn role(text: &str) -> Result<Role, String> {
    Role::parse(text.trim()).ok_or_else(|| {
        format!("vai trò “{text}” không có: operator (điện thoại viên), supervisor (giám sát viên) hoặc admin (quản trị viên)")
    })
}

/// A new password: one line of standard input with `from_stdin`, else typed twice on the
/// terminal without echo.
pub fn read_password(from_stdin: bool, whose: &str) -> anyhow::Result<String> {
    if from_stdin {
        let mut line = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .context("không đọc được mật khẩu từ đầu vào chuẩn")?;
        return Ok(line.trim_end_matches(['\r', '\n']).to_owned());
    }
    if !std::io::stdin().is_terminal() {
        bail!(
            "cần mật khẩu của {whose}: chạy trong một terminal để gõ, hoặc dùng --password-stdin"
        );
    }
    let first = rpassword::prompt_password(format!("Mật khẩu của {whose}: "))
        .context("không đọc được mật khẩu")?;
    let again =
        rpassword::prompt_password("Gõ lại mật khẩu: ").context("không đọc được mật khẩu")?;
    if first != again {
        bail!("hai lần gõ mật khẩu không giống nhau");
    }
    Ok(first)
}

pub async fn run(db: Option<&str>, command: Command) -> anyhow::Result<()> {
    let (_, session) = super::session(db).await?;
    let store = &session;
    match command {
        Command::Add {
            login,
            name,
            role,
            campaigns,
            password_stdin,
        } => {
            let checked = staff::login(&login)?;
            let password = read_password(password_stdin, checked.as_str())?;
            let added = staff::add(
                store,
                &NewPerson {
                    login,
                    full_name: name,
                    role,
                    campaigns,
                },
                &password,
            )
            .await?;
            println!(
                "Đã thêm {} ({}), {}{}",
                added.login,
                added.full_name,
                added.role.label_vi(),
                if added.campaigns.is_empty() {
                    String::new()
                } else {
                    format!(", đợt {}", added.campaigns.join(", "))
                }
            );
        }
        Command::List { json } => {
            let people = staff::list(store).await?;
            if json {
                println!("{}", serde_json::to_string(&people)?);
                return Ok(());
            }
            println!(
                "{:<20} {:<26} {:<15} {:<10} ĐỢT",
                "TÊN ĐĂNG NHẬP", "HỌ TÊN", "VAI TRÒ", "TRẠNG THÁI"
            );
            for p in people {
                println!(
                    "{:<20} {:<26} {:<15} {:<10} {}",
                    p.login,
                    p.full_name,
                    p.role.label_vi(),
                    if p.active {
                        "hoạt động"
                    } else {
                        "đã khoá"
                    },
                    p.campaigns.join(", ")
                );
            }
        }
        Command::Disable { login } => {
            let released = staff::set_active(store, &login, false).await?;
            println!(
                "Đã khoá {login}: không đăng nhập được nữa{}",
                if released > 0 {
                    format!("; đã trả {released} ca người này đang giữ")
                } else {
                    String::new()
                }
            );
        }
        Command::Enable { login } => {
            staff::set_active(store, &login, true).await?;
            println!("Đã mở lại {login}");
        }
        Command::Password {
            login,
            password_stdin,
        } => {
            let checked = staff::login(&login)?;
            let password = read_password(password_stdin, checked.as_str())?;
            staff::set_password(store, &login, &password).await?;
            println!("Đã đặt mật khẩu mới cho {checked}");
        }
        Command::Assign { login, campaign } => {
            staff::assign(store, &login, &campaign, true).await?;
            println!("Đã giao đợt {campaign} cho {login}");
        }
        Command::Unassign { login, campaign } => {
            staff::assign(store, &login, &campaign, false).await?;
            println!("Đã rút {login} khỏi đợt {campaign}");
        }
        Command::Sync => {
            let made = staff::sync(store).await?;
            println!("Đã tạo {made} vai trò đăng nhập; đặt mật khẩu cho từng người bằng `khaosat staff password`");
        }
    }
    Ok(())
}
