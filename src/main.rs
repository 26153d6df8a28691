//! `briefing`: parses the command line and wires loading, checking, exporting
//! and the reader together.

mod cli;
mod completions;
mod config_cmd;
mod digest;
mod state_io;

use std::io::{IsTerminal as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use briefing::app::{Action, App, StartOptions};
use briefing::config::{self, Config};
use briefing::export::{json, markdown};
use briefing::loading::{self, Loaded};
use briefing::model::provenance::{self, Summary};
use briefing::model::{self, Briefing, LoadReport, Progress};
use briefing::text::plural;
use briefing::ui::{Context, Theme};
use briefing::{diag, event_loop, headless, keys, schema, terminal, text, watch};
use clap::Parser as _;

use cli::{Cli, Command, ExportFormat, ReaderOptions};

fn main() -> ExitCode {
    // The shell asking for completions (`BRIEFING_COMPLETE=bash briefing -- ...`).
    completions::answer_if_asked();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return argument_error(&e),
    };
    match cli.command {
        Some(Command::Check {
            paths,
            sources,
            strict,
        }) => check(&paths, &sources, strict),
        Some(Command::Export {
            format,
            sources,
            library: Some(dir),
            ..
        }) => export_library(format, &dir, &sources),
        Some(Command::Export {
            format,
            sources,
            path: Some(path),
            ..
        }) => export(format, &path, &sources),
        Some(Command::Export { .. }) => unreachable!("clap requires PATH or --library"),
        Some(Command::Schema) => print(&schema::briefing_schema_json()),
        Some(Command::Render {
            size,
            keys,
            paths,
            reader,
        }) => render(size, &keys, &paths, &reader),
        Some(Command::Completions { shell }) => print(&completions::script(shell)),
        Some(Command::Config { command }) => config_cmd::run(&command),
        Some(Command::New { file, title, as_of }) => new(&file, title.as_deref(), as_of.as_deref()),
        Some(Command::Man { subcommand, dir }) => man(&subcommand, dir.as_deref()),
        None => read(&cli.paths, &cli.reader),
    }
}

/// Prints clap's message (an error, or help and version) escaped like any
/// other untrusted text: it can quote arguments and file names.
fn argument_error(e: &clap::Error) -> ExitCode {
    let message = e.render().to_string();
    let message = text::multi_line(&message);
    if e.use_stderr() {
        err(&message);
        ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2))
    } else {
        print(&message)
    }
}

/// A path that is not there but is, or nearly is, a subcommand's name
/// (`briefing --fresh check x`, `briefing chekc x`): what to write instead.
fn subcommand_as_path(paths: &[PathBuf]) -> Option<String> {
    use clap::CommandFactory as _;
    let cli = Cli::command();
    let names: Vec<&str> = cli.get_subcommands().map(|c| c.get_name()).collect();
    let missing = paths
        .iter()
        .find(|p| std::fs::symlink_metadata(p).is_err())?
        .to_str()?;
    let shown = text::one_line(missing);
    if names.contains(&missing) {
        return Some(format!(
            "error: `{shown}` is a subcommand, and the reader's options go after it: \
             write `briefing {shown} [OPTIONS] ...` (see `briefing {shown} --help`)\n"
        ));
    }
    let near = diag::did_you_mean(missing, names.iter().copied())?;
    Some(format!(
        "error: `{shown}` is neither a file nor a subcommand: {near} (see `briefing --help`)\n"
    ))
}

/// `briefing new`: writes a new briefing at `file`, never over one.
fn new(file: &Path, title: Option<&str>, as_of: Option<&str>) -> ExitCode {
    let shown = text::one_line(&file.display().to_string()).to_string();
    let today = chrono::Local::now().date_naive().to_string();
    let text = match model::skeleton::skeleton(file, title, as_of.unwrap_or(&today)) {
        Ok(text) => text,
        Err(model::skeleton::BadField(why)) => {
            err(&format!("error: {why}\n"));
            return ExitCode::from(USAGE);
        }
    };
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(file)
        .and_then(|mut f| f.write_all(text.as_bytes()).and_then(|()| f.sync_all()));
    match written {
        Ok(()) => {
            // A name starting with `-` would read as an option.
            let named = if shown.starts_with('-') {
                format!("./{shown}")
            } else {
                shown.clone()
            };
            let arg = shell_words::quote(&named);
            err(&format!(
                "wrote {shown}: fill it in, check it with `briefing check {arg}`, read it with `briefing {arg}`\n"
            ));
            ExitCode::SUCCESS
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            err(&format!(
                "error: {shown} already exists: `briefing new` never writes over a file; give another name\n"
            ));
            ExitCode::from(USAGE)
        }
        Err(e) => {
            // Nothing half-written is left behind.
            if file.is_file() && std::fs::metadata(file).is_ok_and(|m| m.len() < text.len() as u64)
            {
                let _ = std::fs::remove_file(file);
            }
            err(&format!(
                "error: cannot write {shown}: {}; check that its folder exists and can be written to\n",
                text::one_line(&e.to_string())
            ));
            ExitCode::from(USAGE)
        }
    }
}

/// `briefing man`: the manual page, or a subcommand's, from the same
/// definition as `--help`; with `dir`, every page written there.
fn man(subcommand: &[String], dir: Option<&Path>) -> ExitCode {
    use clap::CommandFactory as _;
    // Built, so each subcommand's page is named briefing-SUBCOMMAND.
    let mut cli = Cli::command().disable_help_subcommand(true);
    cli.build();
    if let Some(dir) = dir {
        let shown = text::one_line(&dir.display().to_string()).to_string();
        let written =
            std::fs::create_dir_all(dir).and_then(|()| clap_mangen::generate_to(cli, dir));
        return match written {
            Ok(()) => {
                err(&format!("wrote the manual pages into {shown}\n"));
                ExitCode::SUCCESS
            }
            Err(e) => {
                err(&format!(
                    "error: cannot write the manual pages into {shown}: {}\n",
                    text::one_line(&e.to_string())
                ));
                ExitCode::from(USAGE)
            }
        };
    }
    let mut page = cli;
    for name in subcommand {
        let names: Vec<String> = (page.get_subcommands())
            .map(|c| c.get_name().to_string())
            .collect();
        let Some(sub) = page.find_subcommand(name).cloned() else {
            let whose = match page.get_display_name() {
                Some(d) => format!("`{}`", d.replace('-', " ")),
                None => "briefing".into(),
            };
            err(&if names.is_empty() {
                format!(
                    "error: {whose} has no subcommands: `briefing man` takes the names that lead to a page\n"
                )
            } else {
                format!(
                    "error: no subcommand `{}` of {whose}: the manual has pages for {}\n",
                    text::one_line(name),
                    names.join(", ")
                )
            });
            return ExitCode::from(USAGE);
        };
        page = sub;
    }
    let mut roff = Vec::new();
    match clap_mangen::Man::new(page).render(&mut roff) {
        Ok(()) => print(&String::from_utf8_lossy(&roff)),
        Err(e) => {
            err(&format!("error: cannot write the manual page: {e}\n"));
            ExitCode::from(USAGE)
        }
    }
}

/// Columns of a title echoed on one line, at most (titles can be huge).
const MAX_ECHO: usize = 200;

/// Writes `s` to stdout; a closed stdout (`| head`) is not an error.
fn out(s: &str) {
    let _ = std::io::stdout().lock().write_all(s.as_bytes());
}

/// Writes `s` to stderr; a closed stderr is not an error.
pub(crate) fn err(s: &str) {
    let _ = std::io::stderr().lock().write_all(s.as_bytes());
}

/// Are ANSI colours wanted on stderr?
pub(crate) fn stderr_color() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Prints every failure of `report` on stderr.
fn print_failures(report: &LoadReport) {
    let color = stderr_color();
    let mut err = std::io::stderr().lock();
    for failure in &report.failures {
        let _ = write!(err, "{}", diag::render_failure(failure, color));
    }
}

pub(crate) fn print(s: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            err(&format!("error: cannot write to stdout: {e}\n"));
            ExitCode::from(USAGE)
        }
    }
}

/// Checks that every `--sources DIR` is a folder that can be read: a usage
/// error (exit 2) if not.
fn source_dirs(dirs: &[PathBuf]) -> Result<(), ExitCode> {
    for dir in dirs {
        if let Err(e) = std::fs::read_dir(dir) {
            let reason = if dir.exists() && !dir.is_dir() {
                "not a folder".to_string()
            } else {
                e.to_string()
            };
            err(&format!(
                "error: --sources {}: cannot read this folder: {}\n",
                text::one_line(&dir.display().to_string()),
                text::one_line(&reason)
            ));
            return Err(ExitCode::from(USAGE));
        }
    }
    Ok(())
}

fn check(paths: &[PathBuf], sources: &[PathBuf], strict: bool) -> ExitCode {
    if let Err(code) = source_dirs(sources) {
        return code;
    }
    let report = model::load_paths_with(paths, sources);
    print_failures(&report);
    print_findings(&report);
    print_library_warnings(&report.briefings);
    let mut failed = 0;
    for b in &report.briefings {
        let summary = Summary::of(&b.provenance);
        let errors = report
            .findings
            .iter()
            .filter(|f| f.path == b.path)
            .flat_map(|f| &f.diagnostics)
            .any(|d| d.severity == diag::Severity::Error);
        let strict_fail = strict && summary.unverified() > 0;
        if errors || strict_fail {
            failed += 1;
        }
        out(&format!(
            "{}: {} — {} ({}; {}, {}, {})\n",
            if errors || strict_fail {
                "FAILED"
            } else {
                "ok"
            },
            text::one_line(&b.path.display().to_string()),
            text::truncate(&text::one_line(&b.meta.title), MAX_ECHO),
            summary.counts(),
            plural(b.speakers.len(), "speaker", "speakers"),
            plural(b.events.len(), "event", "events"),
            plural(b.disagreements.len(), "disagreement", "disagreements"),
        ));
        let kind = if strict { "error" } else { "note" };
        for note in provenance::unverified_notes(b) {
            out(&format!("  {kind}: {}\n", text::one_line(&note)));
        }
        if strict {
            strict_errors(b);
        }
    }
    let unreadable = unreadable_count(report.failures.iter());
    let invalid = report.failures.len() - unreadable;
    err(&format!(
        "checked {}: {} valid, {} invalid, {} unreadable\n",
        plural(
            report.briefings.len() + report.failures.len(),
            "file",
            "files"
        ),
        report.briefings.len(),
        invalid,
        unreadable
    ));
    if failed > 0 {
        err(&format!(
            "error: quotes of {} failed verification{}\n",
            plural(failed, "briefing", "briefings"),
            if strict {
                " (--strict: unverified quotes fail too)"
            } else {
                ""
            }
        ));
    }
    match failure_code(&report.failures) {
        code if code == ExitCode::SUCCESS && failed > 0 => ExitCode::from(INVALID),
        code => code,
    }
}

/// Under `--strict`: an error per unverified quote of `b`, at its line and
/// column, on stderr (the first [`diag::SHOWN`], then how many more).
fn strict_errors(b: &Briefing) {
    let color = stderr_color();
    let mut err = std::io::stderr().lock();
    let unverified =
        (0..b.quotes.len()).filter_map(|qi| provenance::unverified_why(b, qi).map(|w| (qi, w)));
    let mut more = 0;
    for (n, (qi, why)) in unverified.enumerate() {
        if n >= diag::SHOWN {
            more += 1;
            continue;
        }
        let mut d = diag::Diagnostic::file(
            &b.path,
            format!("quote `{}` is unverified: {why}", b.quotes[qi].id),
        );
        d.location = Some(b.spans.quotes[qi].at);
        let _ = writeln!(err, "{}", diag::render(&d, None, color));
    }
    if more > 0 {
        let _ = writeln!(
            err,
            "error: {} more unverified in this file are not shown\n",
            plural(more, "quote", "quotes")
        );
    }
}

/// Prints the warnings and verification results of the briefings that
/// loaded on stderr.
fn print_findings(report: &LoadReport) {
    let color = stderr_color();
    let mut err = std::io::stderr().lock();
    for finding in &report.findings {
        let _ = write!(err, "{}", diag::render_failure(finding, color));
    }
}

/// Prints on stderr what only reading the briefings together finds (a
/// speaker's role that changes, a topic id with two names): warnings,
/// which leave the exit status alone.
fn print_library_warnings(briefings: &[Briefing]) {
    let color = stderr_color();
    let mut err = std::io::stderr().lock();
    for warnings in model::library::check(briefings) {
        let _ = write!(err, "{}", diag::render_failure(&warnings, color));
    }
}

/// Exit status for a usage error, an unreadable path, a bad config file or
/// a failed terminal: the program could not do what it was asked.
pub(crate) const USAGE: u8 = 2;
/// Exit status when a briefing file is invalid.
pub(crate) const INVALID: u8 = 1;

/// How many of `failures` are files that could not be read at all.
fn unreadable_count<'a>(failures: impl Iterator<Item = &'a model::Failure>) -> usize {
    failures.filter(|f| f.source.is_none()).count()
}

/// The exit status for files that failed to load, the same for every
/// command: 2 when a path could not be read (missing, not a file, too
/// large, not UTF-8), else 1 when a briefing is invalid, else 0.
fn failure_code(failures: &[model::Failure]) -> ExitCode {
    if unreadable_count(failures.iter()) > 0 {
        ExitCode::from(USAGE)
    } else if !failures.is_empty() {
        ExitCode::from(INVALID)
    } else {
        ExitCode::SUCCESS
    }
}

fn export(format: ExportFormat, path: &Path, sources: &[PathBuf]) -> ExitCode {
    if let Err(code) = source_dirs(sources) {
        return code;
    }
    let report = model::load_paths_with(&[path.to_path_buf()], sources);
    print_failures(&report);
    let Some(b) = report.briefings.first() else {
        return failure_code(&report.failures);
    };
    if report.briefings.len() > 1 {
        err(&format!(
            "error: export takes one briefing file; this path holds {}\n",
            report.briefings.len()
        ));
        return ExitCode::from(USAGE);
    }
    print(&match format {
        ExportFormat::Json => json::to_json(b),
        ExportFormat::Markdown => markdown::to_markdown(b),
    })
}

/// `export --library DIR`: every briefing in DIR merged into one story.
fn export_library(format: ExportFormat, dir: &Path, sources: &[PathBuf]) -> ExitCode {
    if let Err(code) = source_dirs(sources) {
        return code;
    }
    let report = model::load_paths_with(&[dir.to_path_buf()], sources);
    print_failures(&report);
    if report.briefings.is_empty() {
        return failure_code(&report.failures);
    }
    print_library_warnings(&report.briefings);
    let merged = model::library::merge(&report.briefings);
    print(&match format {
        ExportFormat::Json => briefing::export::library::to_json(&merged),
        ExportFormat::Markdown => briefing::export::library::to_markdown(&merged),
    })
}

/// The briefings to open: the given paths, else the bundled folder, else the
/// briefing compiled into the binary.
fn load_for_reading(paths: &[PathBuf], sources: &[PathBuf], progress: &Progress) -> LoadReport {
    if !paths.is_empty() {
        return model::load_paths_progress(paths, sources, progress);
    }
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings");
    let mut report = if folder.is_dir() {
        model::load_paths_progress(&[folder], sources, progress)
    } else {
        LoadReport::default()
    };
    if report.briefings.is_empty() {
        // Failures in the folder stay in the report: the reader lists them.
        let mut b = Briefing::bundled();
        provenance::verify(&mut b, model::BUNDLED.1, sources);
        report.briefings.push(b);
    }
    report
}

/// Loads the config, checks the `--sources` folders, and prints the
/// config's warnings, or says why not.
fn settings(options: &ReaderOptions) -> Result<Config, ExitCode> {
    let config = config::load(options.config.as_deref()).map_err(|failure| {
        let _ = write!(
            std::io::stderr().lock(),
            "{}",
            diag::render_failure(&failure, stderr_color())
        );
        ExitCode::from(USAGE)
    })?;
    let color = stderr_color();
    for warning in &config.warnings {
        err(&format!("{}\n", diag::render(warning, None, color)));
    }
    source_dirs(&options.sources)?;
    Ok(config)
}

/// Why the reader cannot start: what to print on stderr, and the exit code.
struct Refusal(String, ExitCode);

impl Refusal {
    fn print(self) -> ExitCode {
        err(&self.0);
        self.1
    }
}

/// Builds the app from what loaded, or says why not; with `remember`, puts
/// it where the saved state says (unless `--fresh`).
fn build(
    report: LoadReport,
    config: &Config,
    options: &ReaderOptions,
    remember: bool,
) -> Result<(App, Option<state_io::Saver>), Refusal> {
    if report.briefings.is_empty() {
        let color = stderr_color();
        let mut why: String = (report.failures.iter())
            .map(|f| diag::render_failure(f, color))
            .collect();
        why.push_str(
            "error: no briefing could be loaded: fix the problems above, or run `briefing` \
             without a path to read the bundled briefing\n",
        );
        return Err(Refusal(why, failure_code(&report.failures)));
    }
    let config_path = match &options.config {
        Some(path) => Some(path.clone()),
        None => config::default_path(),
    };
    let config_path = config_path.map_or_else(
        || "$XDG_CONFIG_HOME/briefing/config.toml".to_string(),
        |p| p.display().to_string(),
    );
    // What `check` says of the library as a whole (a speaker's role that
    // changes, a topic with two names) is in the problems view too.
    let mut findings = report.findings;
    findings.extend(model::library::findings(&report.briefings));
    let mut app = App::new(report.briefings, report.failures)
        .with_findings(findings)
        .with_keymap(config.keymap.clone())
        .with_config_path(config_path);
    let mut saver = None;
    if remember {
        let (s, note) = state_io::restore(&mut app, options.fresh);
        saver = s;
        if let Some(note) = note.filter(|_| app.message().is_none()) {
            app.update(Action::Notify(note));
        }
    }
    if let Some(warning) = config.warnings.first() {
        app.update(Action::Notify(format!("config: {}", warning.message)));
    }
    let start = StartOptions {
        topics: options.topics.clone(),
        speaker: options.speaker.clone(),
    };
    if options.library {
        // Before the start options: their ids are the merged briefing's.
        app.start_in_story();
    }
    // A restored view keeps its filters unless the options name others.
    let restored = saver.is_some() && !options.fresh;
    let given = !start.topics.is_empty() || start.speaker.is_some();
    if (given || !restored)
        && let Err(message) = app.start_with(&start)
    {
        let why = format!("error: {message}\n");
        return Err(Refusal(why, ExitCode::from(USAGE)));
    }
    if let Err(message) = app.start_dates(options.from, options.to) {
        let why = format!("error: {message}\n");
        return Err(Refusal(why, ExitCode::from(USAGE)));
    }
    Ok((app, saver))
}

/// Loads the config and briefings and builds the app, or says why not.
fn prepare(
    paths: &[PathBuf],
    options: &ReaderOptions,
    remember: bool,
) -> Result<(App, Config, Option<state_io::Saver>), ExitCode> {
    let config = settings(options)?;
    let report = load_for_reading(paths, &options.sources, &Progress::default());
    let (app, saver) = build(report, &config, options, remember).map_err(Refusal::print)?;
    Ok((app, config, saver))
}

fn read(paths: &[PathBuf], options: &ReaderOptions) -> ExitCode {
    if let Some(why) = subcommand_as_path(paths) {
        err(&why);
        return ExitCode::from(USAGE);
    }
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        // Not an interactive terminal: print the digest of what the reader
        // would show, and exit as `check` would for the files that failed.
        // The digest depends on the arguments only, never on a saved state.
        let app = match prepare(paths, options, false) {
            Ok((app, _, _)) => app,
            Err(code) => return code,
        };
        print_failures(&LoadReport {
            failures: app.failures().to_vec(),
            ..LoadReport::default()
        });
        let printed = print(&digest::of_view(&app));
        return if printed == ExitCode::SUCCESS {
            failure_code(app.failures())
        } else {
            printed
        };
    }
    let config = match settings(options) {
        Ok(config) => config,
        Err(code) => return code,
    };
    let mouse = config.mouse && !options.no_mouse;
    // Asked before the terminal is set up: the answer picks the colours.
    let no_color = Theme::no_color_requested();
    let answer = briefing::background::detect(config.theme.choice, no_color);
    // A large library shows its progress while it loads.
    let load = |progress: &Progress| load_for_reading(paths, &options.sources, progress);
    let (report, tui) = match loading::with_progress(load, mouse, config.ascii || options.ascii) {
        Ok(Loaded::Done(report, tui)) => (report, tui),
        // As quitting the reader: the user asked for it.
        Ok(Loaded::Stopped) => return ExitCode::SUCCESS,
        Err(e) => {
            err(&format!(
                "error: cannot use the terminal: {}; run briefing in a terminal, or pipe it \
                 (`briefing | less`) for the digest of what it would show\n",
                text::one_line(&e.to_string())
            ));
            return ExitCode::from(USAGE);
        }
    };
    let (mut app, saver) = match build(report, &config, options, true) {
        Ok(built) => built,
        Err(refusal) => {
            if tui.is_some() {
                terminal::restore();
            }
            return refusal.print();
        }
    };
    if config.start == config::Start::Overview {
        app.start_on_overview();
    }
    let theme = Theme::new(config.colors(answer.background), no_color)
        .with_ascii(config.ascii || options.ascii);
    let ctx = Context { theme: &theme };
    let live = event_loop::Live::start(
        &watched_paths(paths),
        &options.sources,
        watch::Watcher::forced_by_env(),
    );
    app = app.with_live_reload(live.method().describe());
    let tui = match tui {
        Some(tui) => Ok(*tui),
        None => terminal::setup(mouse),
    };
    let result = tui.and_then(|mut tui| {
        let result = event_loop::run(
            &mut tui,
            &mut app,
            &ctx,
            mouse,
            config.show_cursor,
            Some(&live),
            briefing::input::LateReply::expected(answer.may_come_late),
        );
        terminal::restore();
        // After a hang-up the terminal is gone: dropping `tui` would show
        // the cursor on it, fail, and report that on a stderr that fails too.
        if terminal::terminating() {
            std::mem::forget(tui);
        }
        result
    });
    // Where the reader was is saved however it ended: q, Ctrl-c, a
    // terminating signal (which then ends the process), an error; not after
    // `--fresh`, a session apart that leaves the saved place as it was.
    if let Some(saver) = saver.as_ref().filter(|_| !options.fresh)
        && let Err(e) = state_io::save(&app, saver)
    {
        err(&format!(
            "note: could not save where you were: {}\n",
            text::one_line(&e)
        ));
    }
    terminal::end_if_terminated();
    // The process ends here: freeing a large library item by item would
    // only delay the exit.
    std::mem::forget(app);
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            err(&format!(
                "error: cannot use the terminal: {}; run briefing in a terminal, or pipe it \
                 (`briefing | less`) for the digest of what it would show\n",
                text::one_line(&e.to_string())
            ));
            ExitCode::from(USAGE)
        }
    }
}

/// The files and folders the reader watches: those given, else the bundled
/// folder when it was read (the briefing compiled in is never watched).
fn watched_paths(paths: &[PathBuf]) -> Vec<PathBuf> {
    if !paths.is_empty() {
        return paths.to_vec();
    }
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings");
    if folder.is_dir() {
        vec![folder]
    } else {
        Vec::new()
    }
}

fn render(size: (u16, u16), keys: &str, paths: &[PathBuf], options: &ReaderOptions) -> ExitCode {
    let keys = match keys::parse_sequence(keys) {
        Ok(k) => k,
        Err(e) => {
            err(&format!(
                "error: --keys: {}\n",
                text::one_line(&e.to_string())
            ));
            return ExitCode::from(USAGE);
        }
    };
    // `render` reads the saved state (unless --fresh) but never writes it.
    let (mut app, config, _) = match prepare(paths, options, true) {
        Ok(x) => x,
        Err(code) => return code,
    };
    // Plain text: the colours are never drawn.
    let theme = Theme::new(config.colors(config::Background::Dark), true)
        .with_ascii(config.ascii || options.ascii);
    let ctx = Context { theme: &theme };
    let buffer = headless::render(&mut app, &ctx, &keys, size.0, size.1);
    // The process ends here: freeing a large library item by item would
    // only delay the exit.
    std::mem::forget(app);
    print(&headless::to_text(&buffer))
}
