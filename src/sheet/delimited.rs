//! CSV as Excel and the dossier systems write it: UTF-8 with or without a BOM, comma,
//! semicolon (Excel in a Vietnamese locale) or tab, fields quoted with `"` (separators and line
//! breaks inside), CRLF or LF. Row numbers count the lines Excel would show, so a quoted line
//! break does not shift them and a blank line does.

use super::{SheetError, Table};
use crate::domain::intake::cell::Cell;

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

pub(super) fn read(file: String, bytes: &[u8]) -> Result<Table, SheetError> {
    let text = decode(&file, bytes)?;
    let (text, delimiter) = match excel_separator_line(text) {
        Some((delimiter, rest)) => (rest, delimiter),
        None => (text, sniff_delimiter(text)),
    };
    if text.trim().is_empty() {
        return Err(SheetError::Empty { file });
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut record = csv::StringRecord::new();
    let mut headers: Option<Vec<String>> = None;
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    // The spreadsheet row of the previous record, and where its content starts.
    let mut previous_row = 0usize;
    let mut previous_start = 0usize;
    loop {
        let before = usize::try_from(reader.position().byte()).unwrap_or(usize::MAX);
        let more = reader
            .read_record(&mut record)
            .map_err(|_| SheetError::BadCsv {
                file: file.clone(),
                line: previous_row + 1,
            })?;
        if !more {
            break;
        }
        let start = content_start(text, before);
        let row = match headers {
            None => 1,
            // A record's content never ends with a line break (a quoted one ends with `"`), so
            // the breaks just before this record are the previous record's end and the blank
            // lines the reader skipped; quoted breaks inside the previous record do not count.
            Some(_) => previous_row + breaks_before(text, previous_start, start).max(1),
        };
        previous_row = row;
        previous_start = start;

        let Some(headers) = &headers else {
            headers = Some(record.iter().map(|field| field.trim().to_owned()).collect());
            continue;
        };
        let mut cells = Vec::with_capacity(record.len().max(headers.len()));
        cells.extend(record.iter().map(Cell::text));
        let index = row - 2;
        if rows.len() <= index {
            rows.resize_with(index + 1, Vec::new);
        }
        if cells.iter().all(|cell| *cell == Cell::Empty) {
            continue;
        }
        if cells.len() < headers.len() {
            cells.resize(headers.len(), Cell::Empty);
        }
        rows[index] = cells;
    }
    // A quote that is never closed swallows the rest of the file into one cell; it can only be
    // in the last record.
    if headers.is_some() && ends_inside_quotes(&text[previous_start..], delimiter) {
        return Err(SheetError::UnclosedQuote {
            file,
            line: previous_row,
        });
    }
    while rows.last().is_some_and(Vec::is_empty) {
        rows.pop();
    }
    Ok(Table {
        file,
        sheet: None,
        headers: headers.unwrap_or_default(),
        rows,
    })
}

/// The text of a CSV file, which must be UTF-8 (a leading BOM is dropped). UTF-16, with or
/// without its BOM, and legacy encodings such as Windows-1258 are refused.
fn decode<'b>(file: &str, bytes: &'b [u8]) -> Result<&'b str, SheetError> {
    let not_utf8 = |line| SheetError::NotUtf8 {
        file: file.to_owned(),
        line,
    };
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(not_utf8(None));
    }
    let body = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    let text = std::str::from_utf8(body).map_err(|error| {
        let valid = &body[..error.valid_up_to()];
        not_utf8(Some(
            1 + valid.iter().filter(|&&byte| byte == b'\n').count(),
        ))
    })?;
    // UTF-16 without a BOM decodes as "valid" UTF-8 full of NUL bytes.
    if body.contains(&0) {
        return Err(not_utf8(None));
    }
    Ok(text)
}

/// Excel's `sep=;` first line, which names the separator and is not part of the table (Excel
/// hides it): the separator and the text after that line.
fn excel_separator_line(text: &str) -> Option<(u8, &str)> {
    let line_end = text.find(['\r', '\n']).unwrap_or(text.len());
    let line = &text.as_bytes()[..line_end];
    let [s, e, p, b'=', delimiter] = line else {
        return None;
    };
    if !(s.eq_ignore_ascii_case(&b's')
        && e.eq_ignore_ascii_case(&b'e')
        && p.eq_ignore_ascii_case(&b'p'))
    {
        return None;
    }
    let usable = (delimiter.is_ascii_punctuation() && *delimiter != b'"') || *delimiter == b'\t';
    let rest = &text[line_end..];
    let rest = rest
        .strip_prefix("\r\n")
        .or_else(|| rest.strip_prefix('\n'))
        .or_else(|| rest.strip_prefix('\r'))
        .unwrap_or(rest);
    usable.then_some((*delimiter, rest))
}

/// The separator that splits the header line into the most columns: comma, semicolon or tab
/// (comma when they tie). Separators inside quotes do not count.
fn sniff_delimiter(text: &str) -> u8 {
    let (mut comma, mut semicolon, mut tab) = (0usize, 0usize, 0usize);
    let mut quoted = false;
    let header = text.trim_start_matches(['\r', '\n']);
    for byte in header.bytes() {
        match byte {
            b'"' => quoted = !quoted,
            b'\r' | b'\n' if !quoted => break,
            b',' if !quoted => comma += 1,
            b';' if !quoted => semicolon += 1,
            b'\t' if !quoted => tab += 1,
            _ => {}
        }
    }
    if semicolon > comma && semicolon >= tab {
        b';'
    } else if tab > comma && tab > semicolon {
        b'\t'
    } else {
        b','
    }
}

/// Where a record's content starts: past the end of the previous record's line break (the
/// reader may stop between `\r` and `\n`) and the blank lines it skipped.
fn content_start(text: &str, from: usize) -> usize {
    let rest = text.as_bytes().get(from..).unwrap_or_default();
    from + rest
        .iter()
        .take_while(|byte| matches!(byte, b'\r' | b'\n'))
        .count()
}

/// Whether a record's text ends inside a quoted field, as the reader quotes: a `"` opens a
/// quoted field only at the start of a field, and `""` inside one is a quote.
fn ends_inside_quotes(record: &str, delimiter: u8) -> bool {
    let mut quoted = false;
    let mut field_start = true;
    let mut bytes = record.bytes().peekable();
    while let Some(byte) = bytes.next() {
        if quoted {
            if byte == b'"' {
                if bytes.peek() == Some(&b'"') {
                    bytes.next();
                } else {
                    quoted = false;
                }
            }
        } else if byte == b'"' && field_start {
            quoted = true;
            field_start = false;
        } else {
            field_start = byte == delimiter || byte == b'\n' || byte == b'\r';
        }
    }
    quoted
}

/// The line breaks in the run of `\r`/`\n` that ends at `end` (not looking before `floor`).
fn breaks_before(text: &str, floor: usize, end: usize) -> usize {
    let bytes = text.as_bytes();
    let mut begin = end;
    while begin > floor && matches!(bytes.get(begin - 1), Some(b'\r' | b'\n')) {
        begin -= 1;
    }
    text.get(begin..end).map_or(0, line_breaks)
}

/// Line breaks in a text, as Excel counts them: `\r\n`, `\n` and a lone `\r` are one each.
fn line_breaks(text: &str) -> usize {
    let bytes = text.as_bytes();
    let newlines = bytes.iter().filter(|&&byte| byte == b'\n').count();
    let lone_returns = bytes
        .iter()
        .enumerate()
        .filter(|&(at, &byte)| byte == b'\r' && bytes.get(at + 1) != Some(&b'\n'))
        .count();
    newlines + lone_returns
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_separator_is_the_one_giving_more_columns() {
        let cases = [
            ("a,b,c\n1,2,3", b','),
            ("a;b;c\r\n1;2;3", b';'),
            ("a\tb\tc\n", b'\t'),
            ("\"Họ, tên\";SĐT;Cơ quan\n", b';'),
            ("\"a;b\",c\n", b','),
            ("Mã hồ sơ\n", b','),
            ("a;b,c", b','),
            ("\n\r\na;b\n", b';'),
        ];
        for (text, expected) in cases {
            assert_eq!(sniff_delimiter(text), expected, "{text:?}");
        }
    }

    #[test]
    fn excel_separator_line_names_the_separator_and_is_dropped() {
        let cases = [
            ("sep=;\r\na,b;c\r\n", Some((b';', "a,b;c\r\n"))),
            ("SEP=,\na;b,c", Some((b',', "a;b,c"))),
            ("sep=\t\na", Some((b'\t', "a"))),
            ("sep=|", Some((b'|', ""))),
            ("sep=;;\na", None),
            ("sep=\na", None),
            ("sep=\"\na", None),
            ("separator;x\n", None),
            ("Mã hồ sơ;SĐT\n", None),
        ];
        for (text, expected) in cases {
            assert_eq!(excel_separator_line(text), expected, "{text:?}");
        }
    }

    #[test]
    fn a_quote_left_open_is_seen() {
        let cases = [
            ("a,b\n", false),
            ("\"a,b\",c\n", false),
            ("\"a \"\"b\"\"\",c", false),
            ("a\"b,c", false),
            ("\"line\nline\",c\r\n", false),
            ("\"Nguyễn,0912\nHS-2,Bình,0913\n", true),
            ("a,\"b", true),
            ("a,\"b\"\"", true),
        ];
        for (record, expected) in cases {
            assert_eq!(ends_inside_quotes(record, b','), expected, "{record:?}");
        }
    }

    #[test]
    fn line_breaks_count_as_excel_counts_them() {
        let cases = [
            ("", 0),
            ("a", 0),
            ("a\nb", 1),
            ("a\r\nb\r\n", 2),
            ("a\rb\r", 2),
            ("\n\n\r\n", 3),
        ];
        for (text, expected) in cases {
            assert_eq!(line_breaks(text), expected, "{text:?}");
        }
    }
}
