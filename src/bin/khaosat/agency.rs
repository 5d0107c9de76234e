//! `khaosat agency add|rename|list`: the agencies (cơ quan) lists are matched against.

use khaosat::ops::catalogue;

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Add an agency; a code already known is left as it is.
    Add {
        #[arg(long)]
        code: String,
        #[arg(long)]
        name: String,
    },
    /// Correct an agency's name (its code stays).
    Rename {
        #[arg(long)]
        code: String,
        #[arg(long)]
        name: String,
    },
    /// List the agencies.
    List {
        #[arg(long)]
        json: bool,
    },
}

pub async fn run(db: Option<&str>, command: Command) -> anyhow::Result<()> {
    let (_, session) = super::session(db).await?;
    match command {
        Command::Add { code, name } => {
            let agency = catalogue::add_agency(&session, &code, &name).await?;
            println!("Cơ quan {} — {}", agency.code, agency.name);
        }
        Command::Rename { code, name } => {
            let agency = catalogue::rename_agency(&session, &code, &name).await?;
            println!("Cơ quan {} — {}", agency.code, agency.name);
        }
        Command::List { json } => {
            let agencies = catalogue::agencies(session.store()).await?;
            if json {
                println!("{}", serde_json::to_string(&agencies)?);
            } else {
                for a in agencies {
                    println!("{:<12} {}", a.code, a.name);
                }
            }
        }
    }
    Ok(())
}
