//! Report bytes to text. Zoom writes UTF-8 (sometimes with a BOM); Excel
//! re-saves as UTF-16 ("Unicode text") or in the local ANSI code page, which
//! for Latvian users is Windows-1257.

use std::borrow::Cow;

use super::SourceEncoding;

/// The text of the report and how it was decoded. Never fails: bytes that are
/// neither UTF-16 (by BOM or by shape) nor valid UTF-8 are read as Windows-1257.
pub(super) fn decode(bytes: &[u8]) -> (Cow<'_, str>, SourceEncoding) {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return (String::from_utf8_lossy(rest), SourceEncoding::Utf8);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        let (text, _) = encoding_rs::UTF_16LE.decode_without_bom_handling(rest);
        return (text, SourceEncoding::Utf16Le);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        let (text, _) = encoding_rs::UTF_16BE.decode_without_bom_handling(rest);
        return (text, SourceEncoding::Utf16Be);
    }
    // UTF-16LE without a BOM: ASCII header letters followed by NUL bytes.
    if let [a, 0, b, 0, ..] = bytes {
        if *a != 0 && *b != 0 {
            let (text, _) = encoding_rs::UTF_16LE.decode_without_bom_handling(bytes);
            return (text, SourceEncoding::Utf16Le);
        }
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (Cow::Borrowed(text), SourceEncoding::Utf8),
        Err(_) => {
            let (text, _) = encoding_rs::WINDOWS_1257.decode_without_bom_handling(bytes);
            (text, SourceEncoding::Windows1257)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::read_report;
    use super::*;

    #[test]
    fn decodings() {
        let text = "Name,Duration (Minutes)\nĢirts Ļaksa,40\n";
        let mut le = vec![0xFF, 0xFE];
        le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        let mut be = vec![0xFE, 0xFF];
        be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        let le_no_bom: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let (w1257, _, unmappable) = encoding_rs::WINDOWS_1257.encode(text);
        assert!(!unmappable);
        let cases = [
            (le, SourceEncoding::Utf16Le),
            (be, SourceEncoding::Utf16Be),
            (le_no_bom, SourceEncoding::Utf16Le),
            (w1257.into_owned(), SourceEncoding::Windows1257),
            (text.as_bytes().to_vec(), SourceEncoding::Utf8),
        ];
        for (bytes, encoding) in cases {
            let report = read_report(&bytes).expect("decodes");
            assert_eq!(report.encoding, encoding);
            assert_eq!(report.rows[0].name, "Ģirts Ļaksa", "{encoding:?}");
        }
    }
}
