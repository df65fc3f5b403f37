//! The door check-in code: as a PNG for email (mail clients show PNG inline;
//! many do not show SVG) and as SVG for the participant's page.
//!
//! Project Nayuki's `qrcodegen` draws it. The `qrcode` crate did before:
//! both score the eight candidate masks for the standard's penalties and
//! keep the best, but there that scoring was a third of the server's CPU in
//! a registration rush, where every confirmation email carries a code
//! (issue 12).

use qrcodegen::{QrCode, QrCodeEcc};

/// Pixels per QR module in the PNG, and the quiet zone in modules (the
/// standard asks for 4).
const SCALE: usize = 6;
const QUIET: usize = 4;

fn encode(data: &str) -> anyhow::Result<QrCode> {
    QrCode::encode_text(data, QrCodeEcc::Medium)
        .map_err(|_| anyhow::anyhow!("{} bytes do not fit in a QR code", data.len()))
}

/// Whether the module at (x, y), counted in modules from the image's corner
/// (quiet zone included), is dark.
fn dark(code: &QrCode, x: usize, y: usize) -> bool {
    code.get_module(x as i32 - QUIET as i32, y as i32 - QUIET as i32)
}

pub fn png(data: &str) -> anyhow::Result<Vec<u8>> {
    let code = encode(data)?;
    let modules = code.size() as usize + 2 * QUIET;
    let side = modules * SCALE;
    // One bit per pixel, dark = 0: an eighth of the bytes to compress.
    let row_bytes = side.div_ceil(8);
    let mut pixels = vec![0xffu8; row_bytes * side];
    for my in 0..modules {
        for mx in 0..modules {
            if !dark(&code, mx, my) {
                continue;
            }
            for y in my * SCALE..(my + 1) * SCALE {
                for x in mx * SCALE..(mx + 1) * SCALE {
                    pixels[y * row_bytes + x / 8] &= !(0x80 >> (x % 8));
                }
            }
        }
    }
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, side as u32, side as u32);
        encoder.set_color(png::ColorType::Grayscale);
        encoder.set_depth(png::BitDepth::One);
        encoder.write_header()?.write_image_data(&pixels)?;
    }
    Ok(out)
}

/// An SVG at least `min_pixels` wide, quiet zone included, the dark
/// modules as one path: a rectangle per run of dark modules in a row.
pub fn svg(data: &str, min_pixels: usize) -> anyhow::Result<String> {
    use std::fmt::Write;
    let code = encode(data)?;
    let modules = code.size() as usize + 2 * QUIET;
    let pixels = modules * min_pixels.div_ceil(modules);
    let mut path = String::new();
    for y in 0..modules {
        let mut x = 0;
        while x < modules {
            if !dark(&code, x, y) {
                x += 1;
                continue;
            }
            let run = (x..modules).take_while(|&end| dark(&code, end, y)).count();
            let _ = write!(path, "M{x} {y}h{run}v1h-{run}z");
            x += run;
        }
    }
    Ok(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"{pixels}\" \
         height=\"{pixels}\" viewBox=\"0 0 {modules} {modules}\" shape-rendering=\"crispEdges\">\
         <rect width=\"{modules}\" height=\"{modules}\" fill=\"#fff\"/>\
         <path fill=\"#000\" d=\"{path}\"/></svg>"
    ))
}

#[cfg(test)]
mod tests {
    const LINK: &str =
        "https://kursi.example.lv/admin/checkin/1234.abcdefghijklmnopqrstuvwxyz0123456789";

    /// What a phone's camera would read off the image.
    fn read_back(width: usize, height: usize, luma: impl Fn(usize, usize) -> u8) -> String {
        let mut image = rqrr::PreparedImage::prepare_from_greyscale(width, height, luma);
        let grids = image.detect_grids();
        assert_eq!(grids.len(), 1, "one QR code in the image");
        grids[0].decode().expect("the code decodes").1
    }

    #[test]
    fn the_png_reads_back_as_the_link_with_its_quiet_zone() {
        let png = super::png(LINK).unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        let mut decoder = png::Decoder::new(std::io::Cursor::new(&png));
        decoder.set_transformations(png::Transformations::EXPAND);
        let mut reader = decoder.read_info().unwrap();
        let mut pixels = vec![0; reader.output_buffer_size()];
        let frame = reader.next_frame(&mut pixels).unwrap();
        let (width, height) = (frame.width as usize, frame.height as usize);
        assert_eq!(width, height);
        assert_eq!(width % super::SCALE, 0);
        // The quiet zone is white all round.
        let quiet = super::QUIET * super::SCALE;
        for i in 0..width {
            for j in (0..quiet).chain(width - quiet..width) {
                assert_eq!(pixels[j * width + i], 255, "quiet zone at {i},{j}");
                assert_eq!(pixels[i * width + j], 255, "quiet zone at {j},{i}");
            }
        }
        let read = read_back(width, height, |x, y| pixels[y * width + x]);
        assert_eq!(read, LINK);
    }

    #[test]
    fn the_svg_reads_back_as_the_link() {
        let svg = super::svg(LINK, 200).unwrap();
        let width: usize = svg
            .split("width=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .and_then(|w| w.parse().ok())
            .unwrap();
        assert!(width >= 200, "at least 200 pixels wide, is {width}");
        // Draw the path's unit squares back into modules.
        let modules: usize = svg
            .split("viewBox=\"0 0 ")
            .nth(1)
            .and_then(|rest| rest.split(' ').next())
            .and_then(|m| m.parse().ok())
            .unwrap();
        let path = svg
            .split(" d=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        let mut dark = vec![false; modules * modules];
        for run in path.split('M').filter(|s| !s.is_empty()) {
            let (corner, rest) = run.split_once('h').unwrap();
            let (x, y) = corner.split_once(' ').unwrap();
            let (x, y): (usize, usize) = (x.parse().unwrap(), y.parse().unwrap());
            let length: usize = rest.split('v').next().unwrap().parse().unwrap();
            for module in x..x + length {
                dark[y * modules + module] = true;
            }
        }
        let scale = 4;
        let read = read_back(modules * scale, modules * scale, |x, y| {
            if dark[(y / scale) * modules + x / scale] {
                0
            } else {
                255
            }
        });
        assert_eq!(read, LINK);
    }

    #[test]
    fn data_too_long_for_any_code_is_an_error_not_a_panic() {
        assert!(super::png(&"x".repeat(5000)).is_err());
        assert!(super::svg(&"x".repeat(5000), 200).is_err());
    }
}
