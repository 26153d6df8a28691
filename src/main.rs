//! `briefing`: parses the command line and wires loading, checking, exporting
//! and the reader together.

mod cli;

use std::io::{IsTerminal as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use briefing::export::{json, markdown};
use briefing::model::{self, Briefing, LoadReport};
use briefing::{report, schema, text};
use clap::Parser as _;

use cli::{Cli, Command, ExportFormat};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check { paths }) => check(&paths),
        Some(Command::Export { format, path }) => export(format, &path),
        Some(Command::Schema) => print(&schema::briefing_schema_json()),
        None => read(&cli.paths),
    }
}

/// Are ANSI colours wanted on stderr?
fn stderr_color() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Prints every failure of `report` on stderr.
fn print_failures(report: &LoadReport) {
    let color = stderr_color();
    let mut err = std::io::stderr().lock();
    for failure in &report.failures {
        let _ = write!(err, "{}", report::render_failure(failure, color));
    }
}

fn print(s: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: cannot write to stdout: {e}");
            ExitCode::from(2)
        }
    }
}

fn check(paths: &[PathBuf]) -> ExitCode {
    let report = model::load_paths(paths);
    print_failures(&report);
    for b in &report.briefings {
        println!(
            "ok: {} — {} ({} quotes, {} speakers, {} events, {} disagreements)",
            text::one_line(&b.path.display().to_string()),
            text::one_line(&b.meta.title),
            b.quotes.len(),
            b.speakers.len(),
            b.events.len(),
            b.disagreements.len()
        );
    }
    let unreadable = report
        .failures
        .iter()
        .filter(|f| f.source.is_none())
        .count();
    let invalid = report.failures.len() - unreadable;
    eprintln!(
        "checked {} file(s): {} valid, {} invalid, {} unreadable",
        report.briefings.len() + report.failures.len(),
        report.briefings.len(),
        invalid,
        unreadable
    );
    if unreadable > 0 {
        ExitCode::from(2)
    } else if invalid > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn export(format: ExportFormat, path: &Path) -> ExitCode {
    let report = model::load_paths(&[path.to_path_buf()]);
    print_failures(&report);
    let Some(b) = report.briefings.first() else {
        return ExitCode::from(if report.failures.iter().any(|f| f.source.is_some()) {
            1
        } else {
            2
        });
    };
    if report.briefings.len() > 1 {
        eprintln!(
            "error: export takes one briefing file; this path holds {}",
            report.briefings.len()
        );
        return ExitCode::from(2);
    }
    print(&match format {
        ExportFormat::Json => json::to_json(b),
        ExportFormat::Markdown => markdown::to_markdown(b),
    })
}

/// The briefings to open: the given paths, else the bundled folder, else the
/// briefing compiled into the binary.
fn load_for_reading(paths: &[PathBuf]) -> LoadReport {
    if !paths.is_empty() {
        return model::load_paths(paths);
    }
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings");
    if folder.is_dir() {
        let report = model::load_paths(&[folder]);
        if !report.briefings.is_empty() {
            return report;
        }
    }
    LoadReport {
        briefings: vec![Briefing::bundled()],
        failures: Vec::new(),
    }
}

fn read(paths: &[PathBuf]) -> ExitCode {
    let report = load_for_reading(paths);
    print_failures(&report);
    match report.briefings.iter().max_by_key(|b| b.meta.as_of) {
        Some(b) => print(&markdown::to_markdown(b)),
        None => ExitCode::from(1),
    }
}
