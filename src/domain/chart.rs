//! Small bar charts as SVG text, drawn on the server (no script): the
//! organisers' dashboard and the funders' report share them. Written by hand
//! rather than with `plotters` or `charts-rs`: two chart kinds of plain
//! rectangles and text need ~150 lines, while those crates bring font
//! loading and dozens of dependencies for features unused here.
//!
//! Every chart is an accessible image (`role="img"` named by its `<title>`);
//! pages put the same numbers beside it as a table. Every label is escaped,
//! so a region typed as `<script>` stays text.

/// One bar: what it stands for and its count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bar {
    pub label: String,
    pub value: u64,
}

impl Bar {
    pub fn new(label: impl Into<String>, value: u64) -> Self {
        Self {
            label: label.into(),
            value,
        }
    }
}

/// A rectangle in the chart's own units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

/// The chart's coordinate width: fits a 360 px phone at 1:1 and scales up.
pub const WIDTH: f64 = 320.0;
/// Longest horizontal bar, leaving room for its number after it.
const BAR_SPAN: f64 = 260.0;
/// Each horizontal bar's row: its label above, the bar below.
const ROW: f64 = 34.0;
const BAR_THICKNESS: f64 = 14.0;
/// The column chart's drawing area.
const COLUMNS_HEIGHT: f64 = 100.0;
const COLUMNS_TOP: f64 = 16.0;

/// `value` of `max` as a length of at most `span`; nothing when all are zero.
pub fn scaled(value: u64, max: u64, span: f64) -> f64 {
    if max == 0 {
        0.0
    } else {
        span * value as f64 / max as f64
    }
}

/// Where each horizontal bar goes: one row each, the largest spans
/// `BAR_SPAN`, the others in proportion.
pub fn bar_rects(values: &[u64]) -> Vec<Rect> {
    let max = values.iter().copied().max().unwrap_or(0);
    values
        .iter()
        .enumerate()
        .map(|(i, v)| Rect {
            x: 0.0,
            y: i as f64 * ROW + 16.0,
            width: scaled(*v, max, BAR_SPAN),
            height: BAR_THICKNESS,
        })
        .collect()
}

/// Where each column goes: side by side over the full width, heights in
/// proportion to the largest, standing on a common base line.
pub fn column_rects(values: &[u64]) -> Vec<Rect> {
    let max = values.iter().copied().max().unwrap_or(0);
    let step = if values.is_empty() {
        0.0
    } else {
        WIDTH / values.len() as f64
    };
    // A gap between columns while they are wide enough to show one.
    let gap = if step >= 4.0 { step * 0.2 } else { 0.0 };
    values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let height = scaled(*v, max, COLUMNS_HEIGHT);
            Rect {
                x: i as f64 * step + gap / 2.0,
                y: COLUMNS_TOP + COLUMNS_HEIGHT - height,
                width: step - gap,
                height,
            }
        })
        .collect()
}

/// Text safe inside SVG (XML) content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// An id fit for an attribute: letters, digits and hyphens only.
fn safe_id(id: &str) -> String {
    id.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect()
}

fn num(x: f64) -> String {
    let rounded = (x * 10.0).round() / 10.0;
    format!("{rounded}")
}

fn open_svg(id: &str, title: &str, height: f64) -> String {
    let id = safe_id(id);
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 {w} {h}\" \
         role=\"img\" aria-labelledby=\"{id}-title\" font-size=\"12\">\
         <title id=\"{id}-title\">{title}</title>",
        w = num(WIDTH),
        h = num(height),
        title = escape(title),
    )
}

/// Horizontal bars, one per category (countries, kinds of institution,
/// sessions): the label above its bar, the number after it.
pub fn bars_svg(id: &str, title: &str, bars: &[Bar]) -> String {
    let values: Vec<u64> = bars.iter().map(|b| b.value).collect();
    let height = (bars.len().max(1) as f64) * ROW + 4.0;
    let mut svg = open_svg(id, title, height);
    for (bar, rect) in bars.iter().zip(bar_rects(&values)) {
        svg.push_str(&format!(
            "<text x=\"0\" y=\"{ty}\" fill=\"#0b0c0c\">{label}</text>\
             <rect x=\"0\" y=\"{y}\" width=\"{w}\" height=\"{h}\" fill=\"#1d70b8\"></rect>\
             <text x=\"{vx}\" y=\"{vy}\" fill=\"#0b0c0c\">{value}</text>",
            ty = num(rect.y - 4.0),
            label = escape(&bar.label),
            y = num(rect.y),
            w = num(rect.width),
            h = num(rect.height),
            vx = num(rect.width + 4.0),
            vy = num(rect.y + rect.height - 2.0),
            value = bar.value,
        ));
    }
    svg.push_str("</svg>");
    svg
}

/// Columns over time (registrations per day): each column carries its own
/// label as a tooltip; the axis names the first and the last day and the
/// largest count.
pub fn columns_svg(id: &str, title: &str, columns: &[Bar]) -> String {
    let values: Vec<u64> = columns.iter().map(|b| b.value).collect();
    let max = values.iter().copied().max().unwrap_or(0);
    let base = COLUMNS_TOP + COLUMNS_HEIGHT;
    let mut svg = open_svg(id, title, base + 20.0);
    svg.push_str(&format!(
        "<text x=\"0\" y=\"12\" fill=\"#505a5f\">{max}</text>\
         <line x1=\"0\" y1=\"{base}\" x2=\"{w}\" y2=\"{base}\" stroke=\"#505a5f\"></line>",
        base = num(base),
        w = num(WIDTH),
    ));
    for (column, rect) in columns.iter().zip(column_rects(&values)) {
        svg.push_str(&format!(
            "<rect x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\" fill=\"#1d70b8\">\
             <title>{label}: {value}</title></rect>",
            x = num(rect.x),
            y = num(rect.y),
            w = num(rect.width),
            h = num(rect.height),
            label = escape(&column.label),
            value = column.value,
        ));
    }
    if let (Some(first), Some(last)) = (columns.first(), columns.last()) {
        svg.push_str(&format!(
            "<text x=\"0\" y=\"{y}\" fill=\"#505a5f\">{first}</text>",
            y = num(base + 16.0),
            first = escape(&first.label),
        ));
        if columns.len() > 1 {
            svg.push_str(&format!(
                "<text x=\"{w}\" y=\"{y}\" text-anchor=\"end\" fill=\"#505a5f\">{last}</text>",
                w = num(WIDTH),
                y = num(base + 16.0),
                last = escape(&last.label),
            ));
        }
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_longest_bar_spans_the_chart_and_the_others_follow_in_proportion() {
        let rects = bar_rects(&[10, 5, 0]);
        assert_eq!(rects[0].width, BAR_SPAN);
        assert_eq!(rects[1].width, BAR_SPAN / 2.0);
        assert_eq!(rects[2].width, 0.0);
        assert!(
            rects[1].y > rects[0].y + rects[0].height,
            "rows do not overlap"
        );
        assert!(bar_rects(&[0, 0]).iter().all(|r| r.width == 0.0));
    }

    #[test]
    fn columns_share_the_width_and_stand_on_one_base_line() {
        let rects = column_rects(&[4, 2, 0, 1]);
        let base = COLUMNS_TOP + COLUMNS_HEIGHT;
        for r in &rects {
            assert!((r.y + r.height - base).abs() < 1e-9, "on the base line");
            assert!(r.x >= 0.0 && r.x + r.width <= WIDTH + 1e-9);
        }
        assert_eq!(rects[0].height, COLUMNS_HEIGHT);
        assert_eq!(rects[1].height, COLUMNS_HEIGHT / 2.0);
        assert_eq!(rects[2].height, 0.0);
        assert!(rects[1].x > rects[0].x + rects[0].width - 1e-9);
        assert!(column_rects(&[]).is_empty());
    }

    #[test]
    fn labels_are_text_never_markup() {
        let svg = bars_svg(
            "x\"><script>",
            "Regions <b>",
            &[Bar::new("<script>alert(1)</script>", 3)],
        );
        assert!(!svg.contains("<script>"), "{svg}");
        assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(svg.contains("<title id=\"x---script--title\">Regions &lt;b&gt;</title>"));
        let svg = columns_svg("d", "Days", &[Bar::new("a&b", 1), Bar::new("'\"", 2)]);
        assert!(svg.contains("a&amp;b: 1") && svg.contains("&#39;&quot;"));
    }

    #[test]
    fn a_chart_is_an_image_named_by_its_title() {
        let svg = columns_svg("per-day", "Registrations per day", &[Bar::new("3 Nov", 2)]);
        assert!(svg.starts_with("<svg "));
        assert!(svg.contains("role=\"img\" aria-labelledby=\"per-day-title\""));
        assert!(svg.contains("<title id=\"per-day-title\">Registrations per day</title>"));
        assert!(svg.ends_with("</svg>"));
    }

    proptest! {
        #[test]
        fn bars_never_leave_the_chart(values in proptest::collection::vec(0u64..1_000_000, 0..60)) {
            for r in bar_rects(&values) {
                prop_assert!(r.width >= 0.0 && r.width <= BAR_SPAN + 1e-9);
            }
            for r in column_rects(&values) {
                prop_assert!(r.height >= 0.0 && r.height <= COLUMNS_HEIGHT + 1e-9);
                prop_assert!(r.x >= -1e-9 && r.x + r.width <= WIDTH + 1e-6);
            }
        }

        #[test]
        fn a_larger_count_never_draws_a_shorter_bar(values in proptest::collection::vec(0u64..1000, 2..30)) {
            let rects = bar_rects(&values);
            for i in 0..values.len() {
                for j in 0..values.len() {
                    if values[i] > values[j] {
                        prop_assert!(rects[i].width > rects[j].width);
                    }
                }
            }
        }
    }
}
