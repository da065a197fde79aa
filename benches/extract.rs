//! Placeholder bench: filled in by the benchmark issue.
fn main() {
    divan::main();
}
