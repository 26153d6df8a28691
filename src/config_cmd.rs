//! `briefing config path|default|check|schema`: where the config file is,
//! the default one, checking one, and its JSON Schema.

use std::path::Path;
use std::process::ExitCode;

use briefing::{config, diag, text};

use crate::cli::ConfigCommand;
use crate::{INVALID, USAGE, err, print, stderr_color};

pub fn run(command: &ConfigCommand) -> ExitCode {
    match command {
        ConfigCommand::Path => path(),
        ConfigCommand::Default => print(&config::default_file()),
        ConfigCommand::Check { file } => check(file.as_deref()),
        ConfigCommand::Schema => print(&config::config_schema_json()),
    }
}

const WHERE: &str = "looked for at $XDG_CONFIG_HOME/briefing/config.toml, else \
                     ~/.config/briefing/config.toml; --config PATH names another";

fn shown(path: &Path) -> String {
    text::one_line(&path.display().to_string()).into_owned()
}

/// Prints the config file the reader reads (on stdout, for scripts) and
/// whether it is there (on stderr).
fn path() -> ExitCode {
    let Some(path) = config::default_path() else {
        err(&format!(
            "error: no config folder: neither XDG_CONFIG_HOME nor HOME is set ({WHERE})\n"
        ));
        return ExitCode::from(USAGE);
    };
    let code = print(&format!("{}\n", shown(&path)));
    if path.exists() {
        err(&format!("in use ({WHERE})\n"));
    } else {
        let file = shell_words::quote(&shown(&path)).into_owned();
        let dir = path
            .parent()
            .map(|d| shell_words::quote(&shown(d)).into_owned())
            .unwrap_or_default();
        err(&format!(
            "not there: the defaults are in use; start one with \
             `mkdir -p {dir} && briefing config default > {file}` ({WHERE})\n"
        ));
    }
    code
}

/// Checks `file` (else the config file in use) as the reader would: 0 when
/// it is valid, 1 when it has problems, 2 when it cannot be read.
fn check(file: Option<&Path>) -> ExitCode {
    let path = match file {
        Some(file) => file.to_path_buf(),
        None => match config::default_path() {
            Some(path) if path.exists() => path,
            Some(path) => {
                err(&format!(
                    "ok: no config file at {}: the defaults are in use\n",
                    shown(&path)
                ));
                return ExitCode::SUCCESS;
            }
            None => {
                err(
                    "error: no config file to check: neither XDG_CONFIG_HOME nor HOME is set; name one: briefing config check FILE\n",
                );
                return ExitCode::from(USAGE);
            }
        },
    };
    let color = stderr_color();
    match config::load(Some(&path)) {
        Ok(config) => {
            for warning in &config.warnings {
                err(&format!("{}\n", diag::render(warning, None, color)));
            }
            err(&format!("ok: {}\n", shown(&path)));
            ExitCode::SUCCESS
        }
        Err(failure) => {
            err(&diag::render_failure(&failure, color));
            if failure.source.is_some() {
                ExitCode::from(INVALID)
            } else {
                ExitCode::from(USAGE)
            }
        }
    }
}
