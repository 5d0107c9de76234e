//! `khaosat questionnaire default|check|show`: questionnaire files — print the built-in SIPAS
//! questionnaire to start a campaign's own from, check an edited file (every problem, with its
//! place), or print one readably for review. Storing one (`import`) belongs with storage.

use std::fmt::Write as _;
use std::path::PathBuf;

use khaosat::domain::survey::{Kind, Script, SCALE, SIPAS_TOML};

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Print the built-in SIPAS questionnaire (TOML), to copy and edit.
    Default,
    /// Check a questionnaire file: prints every problem and exits non-zero if there is one.
    Check { file: PathBuf },
    /// Print a questionnaire readably: a file, or `sipas` (the default) for the built-in one.
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

pub fn run(command: Command) -> anyhow::Result<()> {
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
        Command::Show { target } => {
            let script = match target.as_deref() {
                None | Some("sipas") => Script::sipas().clone(),
                Some(path) => load(std::path::Path::new(path))?,
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
        let _ = writeln!(out, "\n== {}. {} [{}]", k + 1, section.title, section.id);
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
