//! Lookups in the `(id, name)` tables the formats keep for their ids, so
//! that every name comes from the table the bindings also read.

/// The name of `id` in `table`.
pub(crate) fn name_of(table: &[(u16, &'static str)], id: u16) -> Option<&'static str> {
    table.iter().find(|&&(i, _)| i == id).map(|&(_, name)| name)
}
