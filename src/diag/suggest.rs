//! "Did you mean ...?": the one place that suggests a name for a misspelt one.

/// `did you mean `x`?` for the candidate closest to `input`, when one is close
/// enough to be a likely typo.
pub fn did_you_mean<'c>(
    input: &str,
    candidates: impl IntoIterator<Item = &'c str>,
) -> Option<String> {
    closest(input, candidates).map(|c| format!("did you mean `{c}`?"))
}

/// The candidate closest to `input`, if it is close enough to be a likely typo.
fn closest<'c>(input: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(input, c), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::did_you_mean;

    #[test]
    fn suggests_close_names_only() {
        let fields = ["speaker", "text", "topics", "venue"];
        assert_eq!(
            did_you_mean("speker", fields).as_deref(),
            Some("did you mean `speaker`?")
        );
        assert_eq!(
            did_you_mean("topic", fields).as_deref(),
            Some("did you mean `topics`?")
        );
        assert_eq!(did_you_mean("colour", fields), None);
    }
}
