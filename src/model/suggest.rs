//! "Did you mean ...?" suggestions for misspelt names and ids.

/// The candidate closest to `input`, if it is close enough to be a likely typo.
pub fn did_you_mean<'c>(
    input: &str,
    candidates: impl IntoIterator<Item = &'c str>,
) -> Option<&'c str> {
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
        assert_eq!(did_you_mean("speker", fields), Some("speaker"));
        assert_eq!(did_you_mean("topic", fields), Some("topics"));
        assert_eq!(did_you_mean("colour", fields), None);
    }
}
