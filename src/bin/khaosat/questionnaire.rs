//! `khaosat questionnaire default|check|import|list|show`: questionnaire files — print the
//! built-in SIPAS questionnaire to start a campaign's own from, check an edited file (every
//! problem, with its place), store a checked one under its content hash, list the stored ones,
//! or print one readably for review.

use std::fmt::Write as _;
use std::path::PathBuf;

use khaosat::domain::survey::{Kind, Script, SCALE, SIPAS_TOML};
use khaosat::domain::time::{format_instant, DEFAULT_TIME_ZONE};
use khaosat::ops::questionnaires;

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Print the built-in SIPAS questionnaire (TOML), to copy and edit.
    Default,
    /// Check a questionnaire file: prints every problem and exits non-zero if there is one.
    Check { file: PathBuf },
    /// Check a questionnaire file and store it under the hash of its content, for
    /// `campaign create --questionnaire`. Storing the same content again changes nothing.
    Import { file: PathBuf },
    /// The stored questionnaires, newest first.
    List,
    /// Print a questionnaire readably: `sipas` (the default) for the built-in one, a file, or
    /// a stored one by its hash (at least the first 6 digits) or id@version.
    Show { target: Option<String> },
}

/// Reads and checks a file, printing every problem on its own line when it fails.
fn load(file: &std::path::Path) -> anyhow::Result<Script> {
    let (name, text) = super::outcomes::read(file)?;
    Script::parse(&text, &name).map_err(|e| {
        for p in &e.0 {
            eprintln!("{}: {}", p.place, p.reason);
        }
        anyhow::anyhow!("{name}: {} lỗi, phiếu không dùng được", e.0.len())
    })
}

pub async fn run(db: Option<&str>, command: Command) -> anyhow::Result<()> {
    match command {
        Command::Default => print!("{SIPAS_TOML}"),
        Command::Check { file } => {
            let script = load(&file)?;
            let questions = script.questions();
            println!(
                "{}: hợp lệ — {} mục, {} câu hỏi ({} bắt buộc, {} có điều kiện); mã băm {}",
                file.display(),
                script.sections().len(),
                questions.len(),
                questions.iter().filter(|q| q.required).count(),
                questions.iter().filter(|q| q.ask_if.is_some()).count(),
                script.hash()
            );
        }
        Command::Import { file } => {
            let script = load(&file)?;
            let (_, session) = super::session(db).await?;
            let new = questionnaires::import(&session, super::now()?, &script).await?;
            println!(
                "{} “{}” phiên bản {}: mã băm {}",
                if new {
                    "đã lưu phiếu"
                } else {
                    "phiếu đã có sẵn"
                },
                script.id(),
                script.version(),
                script.hash()
            );
        }
        Command::List => {
            let (_, store) = super::open(db).await?;
            for q in questionnaires::list(&*store).await? {
                println!(
                    "{}  {}@{}  {}  (lưu {})",
                    q.hash.short(),
                    q.code,
                    q.version,
                    q.title,
                    format_instant(q.stored_at, DEFAULT_TIME_ZONE)
                );
            }
        }
        Command::Show { target } => {
            let script = match target.as_deref() {
                None | Some("sipas") => Script::sipas().clone(),
                Some(path) if std::path::Path::new(path).is_file() => {
                    load(std::path::Path::new(path))?
                }
                Some(name) => {
                    let (_, store) = super::open(db).await?;
                    questionnaires::find(&*store, name).await?.as_ref().clone()
                }
            };
            print!("{}", render(&script));
        }
    }
    Ok(())
}

/// The questionnaire as a supervisor reviews it: sections, then each question with its kind,
/// wording, instruction, condition and options. Placeholders stay as written.
fn render(s: &Script) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", s.title());
    let _ = writeln!(
        out,
        "Mã: {}, phiên bản {}, mã băm {}",
        s.id(),
        s.version(),
        s.hash()
    );
    if let Some(core) = s.core_until() {
        let _ = writeln!(
            out,
            "Phần cốt lõi đến hết câu {core}: dừng sau câu đó là trả lời một phần (1.2), dừng trước là bỏ dở."
        );
    }
    let mut n = 0;
    for (k, section) in s.sections().iter().enumerate() {
        let component = if section.component {
            " — thành phần của chỉ số hài lòng"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "\n== {}. {} [{}]{component}",
            k + 1,
            section.title,
            section.id
        );
        for q in s.questions_in(&section.id) {
            n += 1;
            let mut kind = q.kind.label_vi().to_owned();
            match &q.kind {
                Kind::Multiple {
                    max_choices: Some(m),
                    ..
                } => kind.push_str(&format!(", tối đa {m}")),
                Kind::Integer { min, max } => {
                    if let Some(min) = min {
                        kind.push_str(&format!(", từ {min}"));
                    }
                    if let Some(max) = max {
                        kind.push_str(&format!(", đến {max}"));
                    }
                }
                Kind::Text { max_length } => kind.push_str(&format!(", tối đa {max_length} ký tự")),
                _ => {}
            }
            let required = if q.required {
                "bắt buộc"
            } else {
                "không bắt buộc"
            };
            let _ = writeln!(out, "\n  {n}. {} — {kind}, {required}", q.id);
            if let Some(c) = &q.ask_if {
                let _ = writeln!(out, "     Chỉ hỏi khi: {c}");
            }
            let _ = writeln!(out, "     {}", q.text);
            if let Some(i) = &q.instruction {
                let _ = writeln!(out, "     [Hướng dẫn ĐTV] {i}");
            }
            match &q.kind {
                Kind::Scale => {
                    let labels: Vec<String> =
                        SCALE.iter().map(|(c, vi, _)| format!("{c} {vi}")).collect();
                    let _ = writeln!(out, "     {}", labels.join(" · "));
                }
                other => {
                    for o in other.options() {
                        let ends = o
                            .ends
                            .map(|e| format!("  → kết thúc: {}", e.label_vi()))
                            .unwrap_or_default();
                        let _ = writeln!(out, "     {:>3}. {}{ends}", o.code, o.text);
                    }
                }
            }
        }
    }
    let closing = s.closing();
    for (label, text) in [
        ("Lời kết (hoàn thành)", &closing.complete),
        ("Lời kết (từ chối)", &closing.refusal),
        ("Lời kết (không thuộc đối tượng)", &closing.not_eligible),
    ] {
        if let Some(text) = text {
            let _ = writeln!(out, "\n{label}: {text}");
        }
    }
    out
}
