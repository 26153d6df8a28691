//! Command-line arguments.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// A terminal reader for structured news briefings: what happened, who said
/// what, and where the parties still disagree.
#[derive(Debug, Parser)]
#[command(
    name = "briefing",
    version,
    args_conflicts_with_subcommands = true,
    after_help = "When stdout is not a terminal (briefing | less), the reader prints a Markdown \
                  digest of what it would show, filtered by --topic and --speaker.\n\n\
                  Exit status, the same for every command: 0 done; 1 a briefing file is \
                  invalid; 2 a path cannot be read, the config file is bad, or the arguments \
                  are wrong."
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
    #[arg(long = "topic", value_name = "ID")]
    pub topics: Vec<String>,

    /// Start following this speaker id.
    #[arg(long, value_name = "ID")]
    pub speaker: Option<String>,

    /// Do not capture the mouse (keeps the terminal's own text selection).
    #[arg(long)]
    pub no_mouse: bool,

    /// Config file to use instead of ~/.config/briefing/config.toml.
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate briefing files and folders; exit 0 if all are valid, 1 if any
    /// is invalid, 2 on usage or I/O errors.
    Check {
        #[arg(value_name = "PATH", required = true)]
        paths: Vec<PathBuf>,
    },
    /// Print one briefing as JSON (for scripts) or Markdown (for reading).
    Export {
        #[arg(long, value_enum)]
        format: ExportFormat,
        #[arg(value_name = "PATH")]
        path: PathBuf,
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
