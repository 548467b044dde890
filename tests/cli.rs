//! Command-line behaviour common to every command.

use std::process::Command;

pub fn concord() -> Command {
    Command::new(env!("CARGO_BIN_EXE_concord"))
}

#[test]
fn missing_input_is_one_line_and_exit_2() {
    let out = concord().args(["compare", "no/such/dir"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("no/such/dir"), "{stderr}");
}
