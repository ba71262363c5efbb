//! `zhclean clean --jsonl`: documents in, documents out, in order; other fields kept as written;
//! findings inline or in a sidecar aligned line for line; bad lines reported, passed or dropped.

mod common;

use common::zhclean_stdin;

const STREAM: &str = concat!(
    r#"{"id":1,"text":"双方指出,合作。","meta":{"src":"a","n":1.50}}"#,
    "\n",
    "\n",
    "not json\n",
    r#"{"id":2,"body":"x"}"#,
    "\n",
    r#"{"zhclean":"old","text":"全角ＡＢ。","id":3}"#,
    "\n",
);

#[test]
fn documents_are_cleaned_with_their_findings_inline() {
    let output = zhclean_stdin(&["clean", "--jsonl", "--id-key", "id", "-"], STREAM.as_bytes());
    let expected = concat!(
        r#"{"id":1,"text":"双方指出，合作。","meta":{"src":"a","n":1.50},"zhclean":{"edits":[{"rule":"halfwidth-punctuation","code":"ZH308","start":4,"end":5,"before":",","after":"，"}],"diagnostics":[]}}"#,
        "\n",
        "\n",
        "not json\n",
        r#"{"id":2,"body":"x"}"#,
        "\n",
        r#"{"text":"全角AB。","id":3,"zhclean":{"edits":[{"rule":"fullwidth-alphanumeric","code":"ZH301","start":2,"end":4,"before":"ＡＢ","after":"AB"}],"diagnostics":[]}}"#,
        "\n",
    );
    assert_eq!(String::from_utf8_lossy(&output.stdout), expected);
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "error: -:3: not a JSON object: expected ident at line 1 column 2\n\
         error: -:4: no `text` field (id 2); name the text field with --text-key\n"
    );
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn findings_go_to_a_sidecar_aligned_line_for_line() {
    let dir = tempfile::tempdir().unwrap();
    let sidecar = dir.path().join("findings.jsonl");
    let args = ["clean", "--jsonl", "--sidecar", sidecar.to_str().unwrap(), "-"];
    let output = zhclean_stdin(&args, STREAM.as_bytes());
    let documents = String::from_utf8_lossy(&output.stdout).into_owned();
    let findings = std::fs::read_to_string(&sidecar).unwrap();
    assert_eq!(documents.lines().count(), findings.lines().count());
    assert_eq!(documents.lines().next(), Some(r#"{"id":1,"text":"双方指出，合作。","meta":{"src":"a","n":1.50}}"#));
    let lines: Vec<&str> = findings.lines().collect();
    assert_eq!(lines[1..4], ["null", "null", "null"]);
    assert!(lines[0].starts_with(r#"{"edits":[{"rule":"halfwidth-punctuation""#), "{}", lines[0]);
}

#[test]
fn bad_lines_can_be_dropped_and_the_text_key_named() {
    let stream = "{\"body\":\"合作,发展。\"}\n{\"text\":\"x\"}\n";
    let output =
        zhclean_stdin(&["clean", "--jsonl", "--text-key", "body", "--bad-lines", "drop", "-"], stream.as_bytes());
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "{\"body\":\"合作，发展。\",\"zhclean\":{\"edits\":[{\"rule\":\"halfwidth-punctuation\",\"code\":\"ZH308\",\"start\":2,\"end\":3,\"before\":\",\",\"after\":\"，\"}],\"diagnostics\":[]}}\n"
    );
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "error: -:2: no `body` field; name the text field with --text-key\n"
    );
}

#[test]
fn order_is_kept_across_chunks() {
    let stream: String = (0..10_000).map(|i| format!("{{\"id\":{i},\"text\":\"第{i}段,内容。\"}}\n")).collect();
    // From a file: a pipe would fill up on both sides (the test writes all before it reads).
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("stream.jsonl");
    std::fs::write(&input, &stream).unwrap();
    let output = zhclean_stdin(&["clean", "--jsonl", "--sidecar", "/dev/null", input.to_str().unwrap()], b"");
    let text = String::from_utf8_lossy(&output.stdout);
    let ids: Vec<usize> = text
        .lines()
        .map(|line| line.split(',').next().unwrap().trim_start_matches("{\"id\":").parse().unwrap())
        .collect();
    assert_eq!(ids, (0..10_000).collect::<Vec<_>>());
    assert!(text.lines().all(|line| line.contains("段，内容。")));
}
