use super::args::{DetectArgs, Format};
use super::input::inputs;
use super::{Status, error};
use serde::Serialize;
use zhclean::EncodingInfo;
use zhclean_encoding::{LineEndings, decode};

#[derive(Serialize)]
struct Detected {
    path: String,
    bytes: usize,
    #[serde(flatten)]
    info: EncodingInfo,
}

pub fn run(args: DetectArgs) -> Status {
    let mut status = Status::Ok;
    let mut rows = Vec::new();
    for input in inputs(&args.files) {
        let detected = input.read().and_then(|bytes| {
            let info = decode(&bytes, &args.decode.options()).map_err(|e| format!("{}: {e}", input.display()))?.info;
            Ok(Detected { path: input.display(), bytes: bytes.len(), info })
        });
        match detected {
            Ok(row) => rows.push(row),
            Err(message) => {
                error(message);
                status = Status::Error;
            }
        }
    }
    match args.format {
        Format::Human => rows.iter().for_each(|row| println!("{}", human(row))),
        Format::Json => println!("{}", serde_json::to_string_pretty(&rows).expect("detections serialize")),
    }
    status
}

/// `path: GB18030, confidence 0.99, no BOM, LF, 25534 bytes`.
fn human(row: &Detected) -> String {
    let info = &row.info;
    let low = if info.low_confidence { " (low)" } else { "" };
    let bom = if info.bom { "BOM" } else { "no BOM" };
    let endings = match info.line_endings {
        LineEndings::None => "no line breaks",
        LineEndings::Lf => "LF",
        LineEndings::Crlf => "CRLF",
        LineEndings::Cr => "CR",
        LineEndings::Mixed => "mixed line endings",
    };
    let forced = if info.overridden { ", as given by --encoding" } else { "" };
    format!(
        "{}: {}, confidence {:.2}{low}, {bom}, {endings}, {} bytes{forced}",
        row.path, info.encoding, info.confidence, row.bytes
    )
}
