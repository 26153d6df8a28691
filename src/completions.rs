//! Shell completions: the script `briefing completions SHELL` prints, and
//! the answers the shell asks for while completing (`BRIEFING_COMPLETE=SHELL
//! briefing -- WORDS`), where `--topic` and `--speaker` are offered the ids
//! of the briefings the command line names (the bundled one if none).

use std::ffi::OsString;
use std::path::PathBuf;

use briefing::model::{self, Briefing};
use briefing::text;
use clap::CommandFactory as _;
use clap_complete::engine::{ArgValueCompleter, CompletionCandidate};
use clap_complete::env::{Bash, Elvish, EnvCompleter, Fish, Powershell, Zsh};

use crate::cli::{Cli, Shell};

/// The variable the shell sets when it asks for completions (not clap's
/// generic `COMPLETE`, which another program may have set).
const VAR: &str = "BRIEFING_COMPLETE";

/// Answers the shell if it is asking (and exits); otherwise returns.
pub fn answer_if_asked() {
    clap_complete::CompleteEnv::with_factory(Cli::command)
        .var(VAR)
        .completer("briefing")
        .complete();
}

/// The script that makes `shell` complete `briefing` by asking it.
pub fn script(shell: Shell) -> String {
    let completer: &dyn EnvCompleter = match shell {
        Shell::Bash => &Bash,
        Shell::Zsh => &Zsh,
        Shell::Fish => &Fish,
        Shell::Elvish => &Elvish,
        Shell::Powershell => &Powershell,
    };
    let mut buf = Vec::new();
    completer
        .write_registration(VAR, "briefing", "briefing", "briefing", &mut buf)
        .expect("writing to memory cannot fail");
    String::from_utf8_lossy(&buf).into_owned()
}

/// `--topic`'s candidates: every topic id of the briefings named.
pub fn topics() -> ArgValueCompleter {
    completer(|b| {
        (b.topics.iter())
            .map(|t| (t.id.clone(), t.name.clone()))
            .collect()
    })
}

/// `--speaker`'s candidates: every speaker id of the briefings named.
pub fn speakers() -> ArgValueCompleter {
    completer(|b| {
        (b.speakers.iter())
            .map(|s| (s.id.clone(), s.name.clone()))
            .collect()
    })
}

/// A completer offering the (id, name) pairs `ids` lists of each briefing.
fn completer(ids: fn(&Briefing) -> Vec<(String, String)>) -> ArgValueCompleter {
    ArgValueCompleter::new(move |current: &std::ffi::OsStr| candidates(current, ids))
}

/// Columns of a candidate's description, at most.
const HELP_WIDTH: usize = 60;

fn candidates(
    current: &std::ffi::OsStr,
    ids: impl Fn(&Briefing) -> Vec<(String, String)>,
) -> Vec<CompletionCandidate> {
    let current = current.to_string_lossy();
    let named = named_paths(std::env::args_os());
    let briefings = match named {
        Named::Nothing => vec![Briefing::bundled()],
        // A path mistyped or not there yet: nothing, not another briefing's ids.
        Named::Missing => return Vec::new(),
        Named::Paths(paths) => model::load_paths(&paths).briefings,
    };
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for b in &briefings {
        for (id, name) in ids(b) {
            // Ids are checked at load (lowercase letters, digits, `-`);
            // names are untrusted text, shown escaped on one line.
            if id.starts_with(current.as_ref()) && seen.insert(id.clone()) {
                // With several briefings, which one it is from (the first).
                let name = if briefings.len() > 1 {
                    format!("{name} · {}", b.meta.id)
                } else {
                    name
                };
                let help = text::truncate(&text::one_line(&name), HELP_WIDTH).to_string();
                out.push(CompletionCandidate::new(id).help(Some(help.into())));
            }
        }
    }
    out
}

/// Options whose value is the next word, so not a briefing path.
const TAKES_VALUE: &[&str] = &[
    "--topic",
    "--speaker",
    "--config",
    "--sources",
    "--size",
    "--keys",
    "--format",
];

/// What the command line being completed names as briefings.
#[derive(Debug, PartialEq, Eq)]
enum Named {
    /// No path: the reader opens the bundled briefing.
    Nothing,
    /// Paths, none of which is there.
    Missing,
    /// The paths that are there.
    Paths(Vec<PathBuf>),
}

/// The briefing paths on the command line being completed (the words after
/// `--`): words that are not options, option values or subcommands, as the
/// shell will pass them (quotes and backslashes taken off, `~/` at the
/// start made the home folder).
fn named_paths(args: impl Iterator<Item = OsString>) -> Named {
    let words: Vec<OsString> = args.skip_while(|a| a != "--").skip(2).collect();
    let subcommands: Vec<String> = (Cli::command().get_subcommands())
        .map(|c| c.get_name().to_string())
        .collect();
    let mut found = Vec::new();
    let mut any = false;
    let mut skip = false;
    // The last word is the one being completed.
    for word in words.iter().take(words.len().saturating_sub(1)) {
        let w = word.to_string_lossy();
        if std::mem::take(&mut skip) {
            continue;
        }
        if w.starts_with('-') {
            skip = TAKES_VALUE.contains(&w.as_ref());
            continue;
        }
        if subcommands.iter().any(|s| *s == w) {
            continue;
        }
        any = true;
        let path = as_typed(&w);
        if path.exists() {
            found.push(path);
        }
    }
    match (any, found.is_empty()) {
        (false, _) => Named::Nothing,
        (true, true) => Named::Missing,
        (true, false) => Named::Paths(found),
    }
}

/// `word` as the shell will pass it to the program.
fn as_typed(word: &str) -> PathBuf {
    let unquoted = match shell_words::split(word) {
        Ok(parts) if parts.len() == 1 => parts.into_iter().next().unwrap_or_default(),
        _ => word.to_string(),
    };
    match (unquoted.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(unquoted),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(w: &[&str]) -> impl Iterator<Item = OsString> {
        w.iter().map(OsString::from).collect::<Vec<_>>().into_iter()
    }

    #[test]
    fn paths_are_the_words_that_name_files_not_options_or_their_values() {
        let dir = std::env::temp_dir();
        let here = dir.to_string_lossy().to_string();
        let got = named_paths(words(&[
            "briefing", "--", "briefing", "render", "--size", &here, "--topic", "x", &here, "",
        ]));
        assert_eq!(got, Named::Paths(vec![dir.clone()]));
        // As typed: quoted, or with backslashes.
        let spaced = tempfile::tempdir().unwrap();
        let name = spaced.path().join("a b.toml");
        std::fs::write(&name, "").unwrap();
        let quoted = format!("\"{}\"", name.display());
        let escaped = name.display().to_string().replace(' ', "\\ ");
        for typed in [quoted, escaped] {
            let got = named_paths(words(&[
                "briefing", "--", "briefing", &typed, "--topic", "",
            ]));
            assert_eq!(got, Named::Paths(vec![name.clone()]), "{typed}");
        }
        let none = named_paths(words(&["briefing", "--", "briefing", "--topic", ""]));
        assert_eq!(none, Named::Nothing);
        let typo = named_paths(words(&[
            "briefing",
            "--",
            "briefing",
            "nowhere.toml",
            "--topic",
            "",
        ]));
        assert_eq!(typo, Named::Missing);
    }
}
