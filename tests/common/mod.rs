//! What the command-line integration tests share: running the real `clearmark` binary.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs the `clearmark` binary with `args` and `stdin` as its input, without a
/// `CLEARMARK_SNAPSHOT` from the environment (each test names its snapshot).
pub fn clearmark(args: &[&str], stdin: impl AsRef<[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_clearmark"))
        .args(args)
        .env_remove("CLEARMARK_SNAPSHOT")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the clearmark binary runs");
    // A run that fails early (no snapshot) may close its input before reading it.
    let _ = child.stdin.take().expect("stdin").write_all(stdin.as_ref());
    child.wait_with_output().expect("clearmark finishes")
}
