use super::args::{DetectArgs, Format};
use super::input::inputs;
use super::{Status, error};
use serde::Serialize;
use zhclean::EncodingInfo;
use zhclean::output::detection_line;
use zhclean_encoding::decode;

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
        Format::Human => rows.iter().for_each(|row| println!("{}", detection_line(&row.path, row.bytes, &row.info))),
        Format::Json => println!("{}", serde_json::to_string_pretty(&rows).expect("detections serialize")),
    }
    status
}
