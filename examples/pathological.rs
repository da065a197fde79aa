//! Writes one pathological article as a `.txt` file, so the issue-5 inputs (an article
//! dense with quote marks, one enormous line) can be run through the real `whosaid
//! extract` and timed, not only through the in-process divan bench. The text comes from
//! the same functions the bench uses (`whosaid::generate::dense_quote_marks`, one mark
//! per 100 bytes, and `whosaid::generate::one_long_line`), so both measure one input;
//! `pronouns` (`whosaid::generate::unmatched_pronouns`) is thousands of "She said" with
//! no compatible earlier speaker.
//!
//! ```text
//! cargo run --release --example pathological -- marks 10000000 /tmp/p/marks-10mb.txt
//! cargo run --release --example pathological -- line 5000000 /tmp/p/line-5mb.txt
//! ```
//! `benches/pathological.sh` drives it at three sizes per shape.

use std::process::ExitCode;

use whosaid::generate;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [shape, bytes, out] = args.as_slice() else {
        eprintln!("usage: pathological marks|line|pronouns BYTES OUT.txt");
        return ExitCode::from(2);
    };
    let Ok(bytes) = bytes.parse::<usize>() else {
        eprintln!("pathological: BYTES must be a whole number, got `{bytes}`");
        return ExitCode::from(2);
    };
    let text = match shape.as_str() {
        "marks" => generate::dense_quote_marks(bytes, bytes / 100),
        "line" => generate::one_long_line(bytes),
        "pronouns" => generate::unmatched_pronouns(bytes),
        other => {
            eprintln!("pathological: unknown shape `{other}` (marks, line or pronouns)");
            return ExitCode::from(2);
        }
    };
    if let Err(e) = std::fs::write(out, text) {
        eprintln!("pathological: cannot write {out}: {e}");
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}
