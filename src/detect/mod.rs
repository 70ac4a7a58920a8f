//! Detection: from listing text and a register snapshot to findings.
//!
//! Candidate spans come from the register index, then lookalike and copied-copy passes,
//! then risk scoring. This module must not know about wasm or the DOM.
