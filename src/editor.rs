//! The command that opens a file in the user's editor at a line and column:
//! `$VISUAL`, else `$EDITOR`, else `vi`, split like a shell word list
//! (`EDITOR="code -w"`), with the position in the form each editor takes.
//!
//! | editor | arguments |
//! |---|---|
//! | vi, vim, nvim, view, gvim, nano, emacs, emacsclient, kak, micro, mg, joe, ne | `+LINE FILE` |
//! | hx, helix | `FILE:LINE:COL` |
//! | code, codium, code-insiders, vscodium, cursor | `-g FILE:LINE:COL` |
//! | subl, zed | `FILE:LINE:COL` |
//! | any other | `FILE` |

use std::ffi::OsString;
use std::path::Path;

/// A program and its arguments, ready to run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditorCommand {
    pub program: OsString,
    pub args: Vec<OsString>,
}

/// How an editor is told where to go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    /// `+LINE FILE`: vi and most terminal editors.
    PlusLine,
    /// `FILE:LINE:COL`.
    Suffix,
    /// `-g FILE:LINE:COL`: Visual Studio Code and its forks.
    Goto,
    /// `FILE` only.
    Plain,
}

/// The form `program` (a path or a name) takes a position in.
fn form_of(program: &str) -> Form {
    let name = Path::new(program)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(program);
    let name = name.strip_suffix(".exe").unwrap_or(name);
    match name {
        "vi" | "vim" | "nvim" | "view" | "gvim" | "mvim" | "nano" | "pico" | "emacs"
        | "emacsclient" | "kak" | "micro" | "mg" | "joe" | "ne" | "jed" => Form::PlusLine,
        "hx" | "helix" | "subl" | "zed" => Form::Suffix,
        "code" | "codium" | "code-insiders" | "vscodium" | "cursor" => Form::Goto,
        _ => Form::Plain,
    }
}

/// The editor set in the environment: `$VISUAL` if set and not empty, else
/// `$EDITOR`, else `vi`. `var` reads one environment variable.
pub fn configured(var: impl Fn(&str) -> Option<String>) -> String {
    ["VISUAL", "EDITOR"]
        .into_iter()
        .filter_map(&var)
        .find(|v| !v.trim().is_empty())
        .unwrap_or_else(|| "vi".into())
}

/// The command that opens `path` at `line` and `column` (both from 1) with
/// `editor` (a shell word list: a program and its own arguments).
pub fn command(
    editor: &str,
    path: &Path,
    line: usize,
    column: usize,
) -> Result<EditorCommand, String> {
    let words = shell_words::split(editor)
        .map_err(|e| format!("cannot read the editor command `{editor}`: {e}"))?;
    let Some((program, own)) = words.split_first() else {
        return Err("the editor command is empty".into());
    };
    let mut args: Vec<OsString> = own.iter().map(OsString::from).collect();
    let line = line.max(1);
    let column = column.max(1);
    let at = |path: &Path| {
        let mut s = path.as_os_str().to_os_string();
        s.push(format!(":{line}:{column}"));
        s
    };
    match form_of(program) {
        Form::PlusLine => {
            args.push(format!("+{line}").into());
            args.push(path.into());
        }
        Form::Suffix => args.push(at(path)),
        Form::Goto => {
            args.push("-g".into());
            args.push(at(path));
        }
        Form::Plain => args.push(path.into()),
    }
    Ok(EditorCommand {
        program: program.into(),
        args,
    })
}

/// The command for the editor the environment names.
pub fn from_env(path: &Path, line: usize, column: usize) -> Result<EditorCommand, String> {
    command(
        &configured(|name| std::env::var(name).ok()),
        path,
        line,
        column,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(editor: &str) -> Vec<String> {
        let c = command(editor, Path::new("b/x y.toml"), 12, 5).unwrap();
        std::iter::once(c.program)
            .chain(c.args)
            .map(|a| a.to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn vi_family_and_terminal_editors_take_plus_line() {
        for e in ["vi", "vim", "nvim", "nano", "emacs", "kak", "/usr/bin/vim"] {
            assert_eq!(args(e), [e, "+12", "b/x y.toml"], "{e}");
        }
    }

    #[test]
    fn helix_takes_file_line_column() {
        assert_eq!(args("hx"), ["hx", "b/x y.toml:12:5"]);
        assert_eq!(args("helix"), ["helix", "b/x y.toml:12:5"]);
    }

    #[test]
    fn code_takes_goto() {
        assert_eq!(args("code"), ["code", "-g", "b/x y.toml:12:5"]);
        assert_eq!(args("codium"), ["codium", "-g", "b/x y.toml:12:5"]);
    }

    #[test]
    fn editor_arguments_are_split_like_a_shell() {
        assert_eq!(args("code -w"), ["code", "-w", "-g", "b/x y.toml:12:5"]);
        assert_eq!(
            args("'/opt/my editor/vim' -u NONE"),
            ["/opt/my editor/vim", "-u", "NONE", "+12", "b/x y.toml"]
        );
        assert_eq!(
            args("emacsclient -t"),
            ["emacsclient", "-t", "+12", "b/x y.toml"]
        );
    }

    #[test]
    fn an_unknown_editor_gets_the_file_only() {
        assert_eq!(args("ed"), ["ed", "b/x y.toml"]);
    }

    #[test]
    fn bad_or_empty_commands_are_errors() {
        assert!(command("vim 'unclosed", Path::new("x"), 1, 1).is_err());
        assert!(command("   ", Path::new("x"), 1, 1).is_err());
    }

    #[test]
    fn visual_comes_before_editor_then_vi() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(
            configured(env(&[("VISUAL", "hx"), ("EDITOR", "nano")])),
            "hx"
        );
        assert_eq!(
            configured(env(&[("VISUAL", ""), ("EDITOR", "nano")])),
            "nano"
        );
        assert_eq!(configured(env(&[])), "vi");
    }
}
