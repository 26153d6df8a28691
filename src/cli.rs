//! Command-line arguments.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// A terminal reader for structured news briefings: what happened, who said
/// what, and where the parties still disagree.
#[derive(Debug, Parser)]
#[command(name = "briefing", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Briefing files or folders of them. Default: the bundled briefings.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
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
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    Json,
    Markdown,
}
