//! What a key does to a query being typed on a search line (the popup's
//! and the matrix's): a character typed or deleted, the query kept, or the
//! search cancelled.

use super::Action;

/// What a key did to the query.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueryKey {
    /// A character added or taken off: look for the matches again.
    Edited,
    /// `Enter`: the search is kept (and ended if the query is empty).
    Keep,
    /// `Esc`: the search is cancelled.
    Cancel,
}

/// Applies `action` to `query`; `None` for a key the line does not take.
pub fn query_key(query: &mut String, action: &Action) -> Option<QueryKey> {
    Some(match action {
        Action::Input(c) => {
            query.push(*c);
            QueryKey::Edited
        }
        Action::DeleteChar => {
            query.pop();
            QueryKey::Edited
        }
        Action::Confirm => QueryKey::Keep,
        Action::Back => QueryKey::Cancel,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_deleting_keeping_and_cancelling() {
        let mut q = String::from("ab");
        assert_eq!(
            query_key(&mut q, &Action::Input('c')),
            Some(QueryKey::Edited)
        );
        assert_eq!(
            query_key(&mut q, &Action::DeleteChar),
            Some(QueryKey::Edited)
        );
        assert_eq!(q, "ab");
        assert_eq!(query_key(&mut q, &Action::Confirm), Some(QueryKey::Keep));
        assert_eq!(query_key(&mut q, &Action::Back), Some(QueryKey::Cancel));
        assert_eq!(query_key(&mut q, &Action::Down), None);
        assert_eq!(q, "ab");
    }
}
