//! A minimal reader for rung's tab-separated dictionary files.
//!
//! Format: UTF-8, one entry per line, fields separated by TAB; `#` starts a comment line;
//! blank lines are ignored; the first non-comment line is a header naming the columns and
//! is checked, so a file whose columns were reordered fails loudly instead of being read
//! with fields swapped. Hand-rolled rather than the `csv` crate: the format is this simple,
//! and keeping line numbers for errors is then trivial.

use crate::DictError;

/// One data row: its 1-based line number, the raw line and its fields.
#[derive(Debug)]
pub(crate) struct Row<'a> {
    /// 1-based line number in the file.
    pub line: usize,
    /// The whole line, for error messages.
    pub raw: &'a str,
    /// The fields, trimmed of surrounding spaces.
    pub fields: Vec<&'a str>,
}

impl<'a> Row<'a> {
    /// Field `i`, or the empty string when the row is shorter (optional trailing columns).
    pub fn get(&self, i: usize) -> &'a str {
        self.fields.get(i).copied().unwrap_or("")
    }

    /// A parse error about this row.
    pub fn error(&self, file: &str, message: impl Into<String>) -> DictError {
        DictError::parse(file, self.line, self.raw, message)
    }
}

/// Splits `text` into rows, checking the header against `header` (the column names) and
/// that every row has between `min_fields` and `header.len()` fields.
///
/// # Errors
/// [`DictError::Parse`] for a wrong header or a row with a wrong number of fields.
pub(crate) fn rows<'a>(
    file: &str,
    text: &'a str,
    header: &[&str],
    min_fields: usize,
) -> Result<Vec<Row<'a>>, DictError> {
    // one count of the lines saves growing the row list (most of the gazetteer's rows)
    let mut out = Vec::with_capacity(text.bytes().filter(|&b| b == b'\n').count() + 1);
    let mut seen_header = false;
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let trimmed = raw.trim_end_matches('\r');
        if trimmed.trim().is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let mut fields: Vec<&str> = Vec::with_capacity(header.len());
        // A byte scan for tabs: `str::split` pays a searcher per field, which on the
        // gazetteer's 300k short fields cost more than everything else in loading it.
        let mut start = 0;
        for (i, &b) in trimmed.as_bytes().iter().enumerate() {
            if b == b'\t' {
                fields.push(trimmed.get(start..i).unwrap_or("").trim());
                start = i + 1;
            }
        }
        fields.push(trimmed.get(start..).unwrap_or("").trim());
        if !seen_header {
            if fields != header {
                let msg = format!("expected header {:?}", header.join("\t"));
                return Err(DictError::parse(file, line, trimmed, msg));
            }
            seen_header = true;
            continue;
        }
        if fields.len() < min_fields || fields.len() > header.len() {
            let msg = format!(
                "expected {min_fields} to {} tab-separated fields, found {}",
                header.len(),
                fields.len()
            );
            return Err(DictError::parse(file, line, trimmed, msg));
        }
        out.push(Row {
            line,
            raw: trimmed,
            fields,
        });
    }
    if !seen_header {
        return Err(DictError::parse(file, 1, "", "file has no header line"));
    }
    Ok(out)
}

/// Splits a `;`-separated list field into its non-empty, trimmed items.
pub(crate) fn list(field: &str) -> impl Iterator<Item = &str> {
    field.split(';').map(str::trim).filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_rows_and_skips_comments() {
        let text = "# c\nname\tcode\n\nRussia\tRUS\n# x\nUkraine\tUKR\n";
        let rows = rows("t.tsv", text, &["name", "code"], 2).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1].line, 6);
        assert_eq!(rows[1].get(1), "UKR");
    }

    #[test]
    fn rejects_wrong_header_and_short_rows() {
        assert!(rows("t.tsv", "code\tname\n", &["name", "code"], 2).is_err());
        let err = rows("t.tsv", "name\tcode\nRussia\n", &["name", "code"], 2).unwrap_err();
        assert!(err.to_string().starts_with("t.tsv:2:"), "{err}");
    }

    #[test]
    fn splits_lists() {
        assert_eq!(list(" a; b ;;c").collect::<Vec<_>>(), vec!["a", "b", "c"]);
    }
}
