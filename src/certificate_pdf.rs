//! A certificate of participation as a one-page A4 PDF.
//!
//! The caller passes the text already translated; this module only lays it
//! out. DejaVu Sans is compiled in because it covers Latvian and Cyrillic
//! (licence: `templates/fonts/LICENSE-DejaVu.txt`); krilla embeds only the
//! glyphs used and writes a ToUnicode map, so the text stays searchable and
//! copyable.

use krilla::color::rgb;
use krilla::geom::Point;
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::Fill;
use krilla::surface::Surface;
use krilla::text::{Font, TextDirection};
use krilla::Document;

/// Everything printed on the certificate, already in the participant's language.
pub struct CertificateText {
    /// e.g. "Certificate of participation" / "Сертификат участника"
    pub heading: String,
    /// "Anna Bērziņa" — the biggest line
    pub name: String,
    /// May be empty: then skipped.
    pub institution: String,
    /// Body lines: cycle title, dates, "attended 4 of 5 sessions", organising association(s).
    pub lines: Vec<String>,
    /// e.g. "Verification code: ABCD-EFGH-JKLM"
    pub code_line: String,
    /// e.g. "https://example.org/verify/ABCDEFGHJKLM"
    pub verify_url: String,
}

/// Writing the PDF failed (krilla reports font embedding or PDF limits).
#[derive(Debug, thiserror::Error)]
#[error("the certificate PDF could not be written: {0}")]
pub struct CertificatePdfError(String);

const REGULAR_FONT: &[u8] = include_bytes!("../templates/fonts/DejaVuSans.ttf");
const BOLD_FONT: &[u8] = include_bytes!("../templates/fonts/DejaVuSans-Bold.ttf");

// A4 in PDF points (1/72 inch): 210 × 297 mm.
const PAGE_WIDTH: f32 = 595.28;
const PAGE_HEIGHT: f32 = 841.89;
const MARGIN: f32 = 72.0;
const TEXT_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN;
/// Line height as a multiple of the font size.
const LINE_SPACING: f32 = 1.3;
/// A very long body shrinks, down to this scale, to stay above the footer
/// (past it, lines would overlap the footer; no real certificate gets there).
const SMALLEST_SCALE: f32 = 0.5;

#[derive(Clone, Copy)]
struct Style {
    bold: bool,
    size: f32,
    grey: bool,
}

impl Style {
    const fn regular(size: f32) -> Self {
        Style {
            bold: false,
            size,
            grey: false,
        }
    }

    const fn bold(size: f32) -> Self {
        Style {
            bold: true,
            size,
            grey: false,
        }
    }

    const fn grey(self) -> Self {
        Style { grey: true, ..self }
    }
}

const HEADING: Style = Style::bold(24.0);
const NAME: Style = Style::bold(32.0);
const INSTITUTION: Style = Style::regular(16.0);
const BODY: Style = Style::regular(13.0);
const FOOTER: Style = Style::regular(9.0).grey();

/// One piece of text before it is broken into lines.
struct Paragraph<'a> {
    text: &'a str,
    style: Style,
    /// Extra room above it, when something comes before it.
    space_before: f32,
}

impl<'a> Paragraph<'a> {
    fn new(text: &'a str, style: Style) -> Self {
        Paragraph {
            text,
            style,
            space_before: 0.0,
        }
    }

    fn with_space_before(self, space_before: f32) -> Self {
        Paragraph {
            space_before,
            ..self
        }
    }
}

/// One line ready to draw: `top` is the top of its line box.
struct Line {
    text: String,
    style: Style,
    width: f32,
    top: f32,
}

/// Renders the certificate as a one-page A4 PDF.
pub fn render(certificate: &CertificateText) -> Result<Vec<u8>, CertificatePdfError> {
    let fonts = Fonts::load();
    let lines = lay_out_page(&fonts, certificate);

    let mut document = Document::new();
    document.set_metadata(
        Metadata::new().title(format!("{} — {}", certificate.heading, certificate.name)),
    );
    let page_settings =
        PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT).expect("A4 is a valid page size");
    let mut page = document.start_page_with(page_settings);
    let mut surface = page.surface();
    for line in &lines {
        draw(&mut surface, &fonts, line);
    }
    surface.finish();
    page.finish();
    document
        .finish()
        .map_err(|e| CertificatePdfError(e.to_string()))
}

/// Where every line goes: the footer on the bottom margin, the rest centred
/// above it, shrunk if it would not fit.
fn lay_out_page(fonts: &Fonts, certificate: &CertificateText) -> Vec<Line> {
    let footer = [
        Paragraph::new(&certificate.code_line, FOOTER),
        Paragraph::new(&certificate.verify_url, FOOTER),
    ];
    let (mut footer_lines, footer_height) = lay_out(fonts, &footer, 1.0);
    let footer_top = PAGE_HEIGHT - MARGIN - footer_height;
    shift_down(&mut footer_lines, footer_top);

    let main = main_paragraphs(certificate);
    // Keep a blank line or two between the body and the footer.
    let room = footer_top - MARGIN - 2.0 * BODY.size;
    let mut scale = 1.0;
    let (mut main_lines, main_height) = loop {
        let (lines, height) = lay_out(fonts, &main, scale);
        if height <= room || scale <= SMALLEST_SCALE {
            break (lines, height);
        }
        scale -= 0.05;
    };
    shift_down(
        &mut main_lines,
        MARGIN + (room - main_height).max(0.0) / 2.0,
    );

    main_lines.extend(footer_lines);
    main_lines
}

fn main_paragraphs(certificate: &CertificateText) -> Vec<Paragraph<'_>> {
    let mut paragraphs = vec![
        Paragraph::new(&certificate.heading, HEADING),
        Paragraph::new(&certificate.name, NAME).with_space_before(36.0),
        Paragraph::new(&certificate.institution, INSTITUTION).with_space_before(6.0),
    ];
    for (i, line) in certificate.lines.iter().enumerate() {
        let space_before = if i == 0 { 36.0 } else { 8.0 };
        paragraphs.push(Paragraph::new(line, BODY).with_space_before(space_before));
    }
    paragraphs
}

/// Breaks the paragraphs into lines at `scale` times their size, stacked from
/// the top at 0; returns the lines and their total height. Empty paragraphs
/// (no institution) take no room.
fn lay_out(fonts: &Fonts, paragraphs: &[Paragraph], scale: f32) -> (Vec<Line>, f32) {
    let mut lines = Vec::new();
    let mut y = 0.0;
    for paragraph in paragraphs.iter().filter(|p| !p.text.trim().is_empty()) {
        let style = Style {
            size: paragraph.style.size * scale,
            ..paragraph.style
        };
        let face = fonts.face(style);
        if !lines.is_empty() {
            y += paragraph.space_before * scale;
        }
        for text in wrap(paragraph.text, |candidate| {
            face.width(candidate, style.size) <= TEXT_WIDTH
        }) {
            let width = face.width(&text, style.size);
            lines.push(Line {
                text,
                style,
                width,
                top: y,
            });
            y += style.size * LINE_SPACING;
        }
    }
    (lines, y)
}

fn shift_down(lines: &mut [Line], by: f32) {
    for line in lines {
        line.top += by;
    }
}

fn draw(surface: &mut Surface, fonts: &Fonts, line: &Line) {
    let shade = if line.style.grey { 90 } else { 0 };
    surface.set_fill(Some(Fill {
        paint: rgb::Color::new(shade, shade, shade).into(),
        opacity: NormalizedF32::ONE,
        rule: Default::default(),
    }));
    // krilla places text by its baseline; a font-size below the line's top is
    // close enough to the ascent for DejaVu.
    let start = Point::from_xy((PAGE_WIDTH - line.width) / 2.0, line.top + line.style.size);
    let font = fonts.face(line.style).pdf.clone();
    surface.draw_text(
        start,
        font,
        line.style.size,
        &line.text,
        false,
        TextDirection::Auto,
    );
}

/// Breaks `text` at spaces into lines for which `fits` holds. A word that does
/// not fit on a line of its own (a long URL) is broken between characters.
fn wrap(text: &str, fits: impl Fn(&str) -> bool) -> Vec<String> {
    let mut lines = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let candidate = if current.is_empty() {
            word.to_string()
        } else {
            format!("{current} {word}")
        };
        if fits(&candidate) {
            current = candidate;
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
        for ch in word.chars() {
            current.push(ch);
            if !fits(&current) && current.chars().count() > 1 {
                current.pop();
                lines.push(std::mem::replace(&mut current, ch.to_string()));
            }
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

struct Fonts {
    regular: Face,
    bold: Face,
}

impl Fonts {
    fn load() -> Self {
        Fonts {
            regular: Face::load(REGULAR_FONT),
            bold: Face::load(BOLD_FONT),
        }
    }

    fn face(&self, style: Style) -> &Face {
        if style.bold {
            &self.bold
        } else {
            &self.regular
        }
    }
}

/// One font twice: krilla's handle to draw with, and rustybuzz's to measure
/// with — the shaper krilla's `draw_text` uses, so measured widths (kerning
/// included) match what is drawn.
struct Face {
    pdf: Font,
    shaper: rustybuzz::Face<'static>,
}

impl Face {
    fn load(data: &'static [u8]) -> Self {
        // The fonts are compiled in, so a failure here fails every test.
        Face {
            pdf: Font::new(data.into(), 0).expect("the embedded font is valid TrueType"),
            shaper: rustybuzz::Face::from_slice(data, 0)
                .expect("the embedded font is valid TrueType"),
        }
    }

    /// The width of `text` in points at `size`.
    fn width(&self, text: &str, size: f32) -> f32 {
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.guess_segment_properties();
        let shaped = rustybuzz::shape(&self.shaper, &[], buffer);
        let advance: i32 = shaped.glyph_positions().iter().map(|g| g.x_advance).sum();
        advance as f32 / self.shaper.units_per_em() as f32 * size
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn certificate(heading: &str, name: &str, institution: &str, title: &str) -> CertificateText {
        CertificateText {
            heading: heading.into(),
            name: name.into(),
            institution: institution.into(),
            lines: vec![
                title.into(),
                "2026. gada 12. janvāris – 9. februāris".into(),
                "Apmeklētas 4 no 5 nodarbībām".into(),
                "Latvijas Muzeju biedrība".into(),
            ],
            code_line: "Verification code: ABCD-EFGH-JKLM".into(),
            verify_url: "https://example.org/verify/ABCDEFGHJKLM".into(),
        }
    }

    /// The text of page 1, decoded through the ToUnicode maps krilla writes.
    fn text_of(pdf: &[u8]) -> String {
        let document = lopdf::Document::load_mem(pdf).expect("lopdf reads the PDF");
        document.extract_text(&[1]).expect("page 1 has text")
    }

    fn page_count(pdf: &[u8]) -> usize {
        let document = lopdf::Document::load_mem(pdf).expect("lopdf reads the PDF");
        document.get_pages().len()
    }

    #[test]
    fn a_latvian_certificate_keeps_its_diacritics() {
        let pdf = render(&certificate(
            "Apliecība par dalību",
            "Anna Bērziņa",
            "Latvijas Kara muzejs",
            "Krājuma digitalizācija: ģeogrāfija, ķīmija, ļaudis, ņiprums, šūnas, žogi",
        ))
        .unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
        assert_eq!(page_count(&pdf), 1);
        let text = text_of(&pdf);
        for expected in [
            "Apliecība par dalību",
            "Anna Bērziņa",
            "Latvijas Kara muzejs",
            "ģeogrāfija, ķīmija, ļaudis, ņiprums, šūnas, žogi",
            "Verification code: ABCD-EFGH-JKLM",
            "https://example.org/verify/ABCDEFGHJKLM",
        ] {
            assert!(
                text.contains(expected),
                "{expected:?} missing from:\n{text}"
            );
        }
    }

    #[test]
    fn a_russian_certificate_keeps_its_cyrillic() {
        let pdf = render(&certificate(
            "Сертификат участника",
            "Айгерим Жумабаева",
            "",
            "Хранение музейных коллекций",
        ))
        .unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
        let text = text_of(&pdf);
        for expected in [
            "Сертификат участника",
            "Айгерим Жумабаева",
            "Хранение музейных коллекций",
            "Verification code: ABCD-EFGH-JKLM",
            "https://example.org/verify/ABCDEFGHJKLM",
        ] {
            assert!(
                text.contains(expected),
                "{expected:?} missing from:\n{text}"
            );
        }
    }

    #[test]
    fn a_300_character_title_wraps_on_one_page() {
        let mut title = "Muzeju krājumu saglabāšana un digitalizācija ".repeat(7);
        title.truncate(title.trim_end().len());
        title.push_str(" nobeigums");
        assert!(title.chars().count() >= 300, "{}", title.chars().count());
        let pdf = render(&certificate("Apliecība", "Anna Bērziņa", "", &title)).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
        assert_eq!(page_count(&pdf), 1);
        assert!(text_of(&pdf).contains("nobeigums"));
    }

    #[test]
    fn every_line_stays_within_the_margins() {
        let fonts = Fonts::load();
        let long =
            "Latvijas Nacionālā vēstures muzeja Krājuma un pētniecības departaments ".repeat(4);
        let unbroken = "x".repeat(200);
        let paragraphs = [Paragraph::new(&long, NAME), Paragraph::new(&unbroken, BODY)];
        let (lines, _) = lay_out(&fonts, &paragraphs, 1.0);
        assert!(lines.len() > 4);
        for line in &lines {
            assert!(
                line.width <= TEXT_WIDTH,
                "{} is {} wide",
                line.text,
                line.width
            );
        }
    }

    #[test]
    fn a_long_body_shrinks_to_stay_above_the_footer() {
        let mut long = certificate("Apliecība", "Anna Bērziņa", "Latvijas Kara muzejs", "Kurss");
        long.lines =
            vec!["Latvijas Muzeju biedrība un Latvijas Nacionālā bibliotēka ".repeat(3); 12];
        let lines = lay_out_page(&Fonts::load(), &long);
        let footer_top = lines
            .iter()
            .filter(|l| l.style.grey)
            .map(|l| l.top)
            .fold(f32::MAX, f32::min);
        for line in lines.iter().filter(|l| !l.style.grey) {
            assert!(line.top >= MARGIN, "{} starts above the margin", line.text);
            assert!(
                line.top + line.style.size * LINE_SPACING <= footer_top,
                "{} runs into the footer",
                line.text
            );
        }
        assert!(
            lines.iter().any(|l| l.style.size < BODY.size),
            "the body did not shrink"
        );
    }

    #[test]
    fn wrap_breaks_at_spaces_and_splits_only_words_too_long_for_a_line() {
        let at_most_ten = |s: &str| s.chars().count() <= 10;
        assert_eq!(wrap("Anna Bērziņa", at_most_ten), ["Anna", "Bērziņa"]);
        assert_eq!(wrap("ab cd ef", at_most_ten), ["ab cd ef"]);
        assert_eq!(
            wrap("see https://example.org/x", at_most_ten),
            ["see", "https://ex", "ample.org/", "x"]
        );
        assert!(wrap("   ", at_most_ten).is_empty());
    }
}
