use super::args::DetectArgs;
use super::input::inputs;
use super::{Status, error};

pub fn run(args: DetectArgs) -> Status {
    let mut status = Status::Ok;
    for input in inputs(&args.files) {
        let detected = input.read().and_then(|bytes| describe(&bytes).map_err(|e| format!("{}: {e}", input.display())));
        match detected {
            Ok(description) => println!("{}: {description}", input.display()),
            Err(message) => {
                error(message);
                status = Status::Error;
            }
        }
    }
    status
}

fn describe(bytes: &[u8]) -> Result<String, zhclean::DecodeError> {
    let decoded = zhclean_encoding::decode(bytes)?;
    let bom = if decoded.info.bom { ", BOM" } else { "" };
    Ok(format!("{}{bom}, {} bytes", decoded.info.encoding, bytes.len()))
}
