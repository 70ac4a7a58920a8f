//! How every command ends: one result type and the one place it becomes an exit status.

use std::process::ExitCode;

/// Why a command failed. Either way the exit status is 1.
#[derive(Debug)]
pub enum Failure {
    /// A sentence for the user, printed as `clearmark: …`.
    Message(String),
    /// What went wrong was already reported on standard error as it happened (bad lines
    /// with their numbers, each unreadable file): nothing more to print.
    Reported,
}

impl From<String> for Failure {
    fn from(message: String) -> Failure {
        Failure::Message(message)
    }
}

/// What a command returns.
pub type Outcome = Result<(), Failure>;

/// Exit status when the reader of the output has gone, as a shell reports a process
/// ended by SIGPIPE (128 + 13).
pub const READER_GONE: i32 = 141;

/// The exit status of `outcome`, after printing its message if it has one.
pub fn status(outcome: Outcome) -> ExitCode {
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Message(message)) => {
            eprintln!("clearmark: {message}");
            ExitCode::FAILURE
        }
        Err(Failure::Reported) => ExitCode::FAILURE,
    }
}

/// A reader that stops early (`clearmark check … | head`) closes the pipe, which ends the
/// output, not in a crash report: `println!` panics on a closed standard output, and
/// this hook turns that one panic into a quiet exit ([`READER_GONE`]). Every other
/// panic is reported as before.
pub fn exit_quietly_when_the_reader_leaves() {
    let report = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let payload = info.payload();
        let message = payload
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| payload.downcast_ref::<&str>().copied())
            .unwrap_or("");
        if message.starts_with("failed printing to stdout") && message.contains("Broken pipe") {
            std::process::exit(READER_GONE);
        }
        report(info);
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_and_a_failure_already_reported_both_exit_1_and_success_0() {
        let code = |o: Outcome| format!("{:?}", status(o));
        assert_eq!(code(Ok(())), format!("{:?}", ExitCode::SUCCESS));
        assert_eq!(
            code(Err("bad".to_string().into())),
            format!("{:?}", ExitCode::FAILURE)
        );
        assert_eq!(
            code(Err(Failure::Reported)),
            format!("{:?}", ExitCode::FAILURE)
        );
    }
}
