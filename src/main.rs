//! The `concord` binary: parse the command line, run, map the result to the
//! exit-code contract (0 clean, 1 blocking findings, 2 usage or input error).

use clap::Parser;
use concord::app::{self, Outcome};
use concord::cli::Cli;
use std::io::Write;
use std::process::ExitCode;

// Extraction allocates many small, short-lived strings and vectors per
// sentence; mimalloc serves them faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        // A usage error is one line, like every other error, so scripts
        // and editors can show it as it is.
        Err(e) if e.use_stderr() => {
            let _ = writeln!(std::io::stderr(), "concord: error: {}", one_line(&e));
            return ExitCode::from(2);
        }
        // Help and version requests are not errors.
        Err(e) => {
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
    };
    match app::run(&cli) {
        Ok(output) => {
            let mut stderr = std::io::stderr().lock();
            for warning in &output.warnings {
                let _ = writeln!(stderr, "concord: warning: {warning}");
            }
            let mut stdout = std::io::stdout().lock();
            match stdout.write_all(&output.stdout).and_then(|()| stdout.flush()) {
                // A closed pipe (`concord ... | head`) is the reader's choice, not a failure.
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    let _ = writeln!(stderr, "concord: error: cannot write to stdout: {e}");
                    return ExitCode::from(2);
                }
                _ => {}
            }
            match output.outcome {
                Outcome::Clean => ExitCode::SUCCESS,
                Outcome::Failed => ExitCode::from(1),
            }
        }
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "concord: error: {e}");
            ExitCode::from(2)
        }
    }
}

/// A clap error on one line: the message and its context (possible values,
/// tips), without the usage block, which `--help` gives in full.
fn one_line(e: &clap::Error) -> String {
    let rendered = e.render().to_string();
    let mut line = String::new();
    for part in rendered.lines().map(str::trim) {
        if part.starts_with("Usage:") || part.starts_with("For more information") {
            break;
        }
        if part.is_empty() {
            continue;
        }
        let part = part.strip_prefix("error: ").unwrap_or(part);
        if !line.is_empty() {
            line.push_str(if line.ends_with(':') { " " } else { "; " });
        }
        line.push_str(part);
    }
    line
}
