//! Command-line arguments.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// A terminal reader for structured news briefings: what happened, who said
/// what, and where the parties still disagree.
#[derive(Debug, Parser)]
#[command(
    name = "briefing",
    version,
    long_version = concat!(
        env!("CARGO_PKG_VERSION"),
        "\nlive reload: file events, debounced 100 ms; polling every 500 ms where file events \
         cannot be had (BRIEFING_WATCH=poll forces it, BRIEFING_WATCH=off turns reload off); \
         help (?) says which is in use"
    ),
    args_conflicts_with_subcommands = true,
    after_help = "When stdout or stdin is not a terminal (briefing | less), the reader prints a \
                  Markdown digest of what it would show, filtered by --topic and --speaker.\n\n\
                  Exit status, the same for every command: 0 done; 1 a file checked is invalid \
                  (`check`, `config check`), or a quote fails verification against its source; 2 \
                  a path cannot be read, the config file is bad (for every other command), or \
                  the arguments are wrong."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Briefing files or folders of them. Default: the bundled briefings.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    #[command(flatten)]
    pub reader: ReaderOptions,
}

/// Options of the reader (also used by `render`).
#[derive(Debug, Clone, clap::Args)]
pub struct ReaderOptions {
    /// Start filtered by this topic id (repeatable: any of them).
    #[arg(long = "topic", value_name = "ID", add = crate::completions::topics())]
    pub topics: Vec<String>,

    /// Start following this speaker id.
    #[arg(long, value_name = "ID", add = crate::completions::speakers())]
    pub speaker: Option<String>,

    /// Start in the story view: every briefing loaded, merged by id into
    /// one (S switches back and forth).
    #[arg(long)]
    pub library: bool,

    /// Draw borders and marks in plain ASCII (for terminals, fonts and
    /// screen readers that mangle box drawing).
    #[arg(long)]
    pub ascii: bool,

    /// Do not capture the mouse (keeps the terminal's own text selection).
    #[arg(long)]
    pub no_mouse: bool,

    /// Config file to use instead of ~/.config/briefing/config.toml.
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,

    /// Start clean: do not restore where you were in each briefing (its
    /// pane, selection, filters) nor mark what is new since last time.
    #[arg(long)]
    pub fresh: bool,

    /// Also look for archived copies of sources in this folder (repeatable),
    /// to verify quotes and show them in their source.
    #[arg(long = "sources", value_name = "DIR")]
    pub sources: Vec<PathBuf>,

    /// Start with a date filter from this day (YYYY-MM-DD) on, on every
    /// pane (Esc clears it).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub from: Option<chrono::NaiveDate>,

    /// Start with a date filter up to this day (YYYY-MM-DD) included.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub to: Option<chrono::NaiveDate>,
}

/// "2025-08-15" → the date, or why not.
fn parse_date(s: &str) -> Result<chrono::NaiveDate, String> {
    const HOW: &str = "write a date as YYYY-MM-DD, e.g. 2025-08-15";
    let s = s.trim();
    // chrono alone would take 2025-8-1 too.
    let shape = s.len() == 10
        && s.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !shape {
        return Err(HOW.into());
    }
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| format!("{e}: {HOW}"))
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate briefing files and folders and verify their quotes against
    /// the sources' archived copies; exit 0 if all are valid and every quote
    /// checked is verified, 1 if any is invalid or a quote fails, 2 on usage
    /// or I/O errors.
    #[command(
        after_help = "An archived copy of a source (its `archived` file) is looked for beside \
                      the briefing, then in each --sources DIR (as named, then by file name), \
                      then in $XDG_DATA_HOME/briefing/sources (~/.local/share/briefing/sources). \
                      A quote whose source has no copy here is reported as unverified, not as \
                      an error, unless --strict is given."
    )]
    Check {
        /// Also look for archived copies of sources in this folder (repeatable).
        #[arg(long = "sources", value_name = "DIR")]
        sources: Vec<PathBuf>,
        /// Make every unverified quote an error (no source, no archived copy
        /// here, a reported statement with no selector): for CI.
        #[arg(long)]
        strict: bool,
        #[arg(value_name = "PATH", required = true)]
        paths: Vec<PathBuf>,
    },
    /// Print one briefing as JSON (for scripts) or Markdown (for reading);
    /// with --library, the story of every briefing in a folder.
    Export {
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Also look for archived copies of sources in this folder (repeatable).
        #[arg(long = "sources", value_name = "DIR")]
        sources: Vec<PathBuf>,
        /// Export the briefings of this folder (or file) as one library:
        /// the merged view with its status and role histories.
        #[arg(long, value_name = "DIR", conflicts_with = "path")]
        library: Option<PathBuf>,
        #[arg(value_name = "PATH", required_unless_present = "library")]
        path: Option<PathBuf>,
    },
    /// Print the JSON Schema of the briefing format.
    Schema,
    /// Run the reader on a virtual screen, apply keys, and print the final
    /// screen as plain text.
    Render {
        /// Screen size as COLUMNSxROWS.
        #[arg(long, value_name = "WxH", default_value = "120x40", value_parser = parse_size)]
        size: (u16, u16),
        /// Keys to press: characters, and key names as help shows them between < and >:
        /// "]]t<space><enter>", "<ctrl-d>" (or vim's "<C-d>"), "<esc>".
        #[arg(long, value_name = "KEYS", default_value = "")]
        keys: String,
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        #[command(flatten)]
        reader: ReaderOptions,
    },
    /// Print the shell script that completes briefing's commands, options,
    /// and the topic and speaker ids of the briefings named.
    #[command(
        after_help = "Load it when the shell starts, so it always matches the installed briefing:\n  \
                      bash:       echo 'source <(briefing completions bash)' >> ~/.bashrc\n  \
                      zsh:        echo 'source <(briefing completions zsh)' >> ~/.zshrc\n  \
                      fish:       echo 'briefing completions fish | source' > ~/.config/fish/completions/briefing.fish\n  \
                      elvish:     echo 'eval (briefing completions elvish | slurp)' >> ~/.config/elvish/rc.elv\n  \
                      powershell: add 'briefing completions powershell | Out-String | Invoke-Expression' to $PROFILE"
    )]
    Completions {
        #[arg(value_enum)]
        shell: Shell,
    },
    /// Start a briefing: write FILE with the required fields filled in and
    /// one commented-out example of every kind of item; never overwrites.
    New {
        /// The file to write (its name gives the briefing's id).
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// The headline (default: the file name).
        #[arg(long, value_name = "TEXT")]
        title: Option<String>,
        /// The date it is current as of: 2025-08-17 (default: today).
        #[arg(long = "as-of", value_name = "DATE")]
        as_of: Option<String>,
    },
    /// Find, start and check the config file.
    Config {
        #[command(subcommand)]
        command: ConfigCommand,
    },
    /// Print the manual page (roff), or a subcommand's: `briefing man | man -l -`,
    /// `briefing man check | man -l -`; with --dir, write every page there.
    #[command(after_help = "To install them where man finds them:\n  \
                      briefing man --dir ~/.local/share/man/man1")]
    Man {
        /// The subcommand whose page to print (briefing-SUBCOMMAND(1));
        /// `config path` for a subcommand's own.
        #[arg(value_name = "SUBCOMMAND", conflicts_with = "dir")]
        subcommand: Vec<String>,
        /// Write briefing.1 and a briefing-SUBCOMMAND.1 per subcommand into
        /// this folder (made if missing).
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
}

/// What `briefing config` does.
#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Print the config file the reader reads, and whether it is there.
    Path,
    /// Print a config file with every setting, key and colour at its
    /// default, commented out (`briefing config path` says where to save it).
    Default,
    /// Check a config file (default: the one in use) as the reader would:
    /// exit 0 if valid, 1 if not, 2 if it cannot be read.
    Check {
        #[arg(value_name = "FILE")]
        file: Option<PathBuf>,
    },
    /// Print the JSON Schema of the config file (for editors: save it as
    /// config.schema.json beside the config file).
    Schema,
}

/// The shells `completions` writes for.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    Elvish,
    Powershell,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    Json,
    Markdown,
}

/// The largest virtual screen `render` draws, each way: larger than any real
/// terminal, small enough to draw in well under a second.
pub const MAX_RENDER_SIDE: u16 = 1000;

/// "120x40" → (120, 40), at most [`MAX_RENDER_SIDE`] each way.
fn parse_size(s: &str) -> Result<(u16, u16), String> {
    let (w, h) = s
        .split_once(['x', 'X'])
        .ok_or("write the size as COLUMNSxROWS, e.g. 120x40")?;
    let w = w
        .trim()
        .parse()
        .map_err(|_| format!("bad column count `{w}`"))?;
    let h = h
        .trim()
        .parse()
        .map_err(|_| format!("bad row count `{h}`"))?;
    if w > MAX_RENDER_SIDE || h > MAX_RENDER_SIDE {
        return Err(format!(
            "{w}x{h} is larger than render draws; give at most \
             {MAX_RENDER_SIDE}x{MAX_RENDER_SIDE}"
        ));
    }
    Ok((w, h))
}
