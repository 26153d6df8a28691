//! The JSON Schema of the briefing format, generated from the model types.

use crate::model::BriefingFile;

/// Where the committed schema lives, relative to the repository root.
pub const SCHEMA_PATH: &str = "assets/briefing.schema.json";

/// The schema as pretty-printed JSON, ending in a newline.
pub fn briefing_schema_json() -> String {
    let schema = schemars::schema_for!(BriefingFile);
    let mut s = serde_json::to_string_pretty(&schema).expect("a schema serializes");
    s.push('\n');
    s
}
