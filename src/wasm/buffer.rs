//! `SnapshotBuffer`: a register snapshot written straight into wasm memory as it is read,
//! then checked and turned into an [`Engine`](super::Engine) without another copy.
//!
//! `new Engine(bytes)` takes a `Uint8Array` that JavaScript already holds whole (a
//! `fetch().arrayBuffer()`, an IndexedDB record) and copies it into wasm memory: two
//! buffers of the snapshot's size at once, and two copies. The background instead asks
//! for a buffer of the announced size (`new SnapshotBuffer(len)`), pushes the chunks of
//! the response body or of the stored file into it as they arrive (`push(chunk)`, one
//! copy each, straight into wasm memory), has it checked in place (`header()`,
//! `verifyUpdate(...)`, `verifySnapshotFile(...)`: the same Rust checks as the functions
//! of [`super::update`]) and makes the engine of it (`intoEngine()`). A buffer that is
//! short, too long or refused is never turned into an engine, so the snapshot in use
//! stays. Errors are [`BufferError`]s here and strings only at the JS boundary. This
//! module only moves bytes and converts; the checks live in [`crate::register`].

use super::convert::{refuse, to_js};
use super::update::{snapshot_view, verified_from_feed, verified_signed_file};
use super::Engine;
use crate::detect;
use crate::register::snapshot::{file_len, Snapshot, SnapshotError};
use wasm_bindgen::prelude::*;

/// Why a snapshot buffer cannot take more bytes or become an engine.
#[derive(Debug, thiserror::Error)]
pub enum BufferError {
    /// wasm memory cannot grow to hold the snapshot.
    #[error("there is not enough memory to load a {len}-byte register snapshot; the current snapshot stays in use")]
    OutOfMemory {
        /// The bytes asked for.
        len: usize,
    },
    /// More bytes arrived than were announced.
    #[error("the register snapshot is longer than the {len} bytes announced; it was refused and the current snapshot stays in use")]
    Overflow {
        /// The bytes announced.
        len: usize,
    },
    /// Fewer bytes arrived than were announced.
    #[error("the register snapshot ended after {received} of the {len} bytes announced; it was refused and the current snapshot stays in use")]
    Incomplete {
        /// The bytes received.
        received: usize,
        /// The bytes announced.
        len: usize,
    },
    /// The buffer was refused by a check or already made into an engine.
    #[error("this register snapshot was already refused or used; read it again")]
    Spent,
    /// The bytes are not a usable snapshot.
    #[error("The register snapshot cannot be used: {0}")]
    Snapshot(#[from] SnapshotError),
}

/// Where a buffer is in its life.
enum State {
    /// Taking bytes: `Vec` with the announced capacity, `len()` received so far.
    Filling(Vec<u8>),
    /// Complete and checked; only the engine is left to make.
    Checked(Box<Snapshot>),
    /// Refused or made into an engine.
    Spent,
}

/// A register snapshot being read into wasm memory (see the module documentation).
#[wasm_bindgen]
pub struct SnapshotBuffer {
    len: usize,
    state: State,
}

impl SnapshotBuffer {
    /// A buffer for a snapshot of `len` bytes, its memory reserved up front (nothing is
    /// written, so no page is touched before the bytes arrive).
    pub fn with_len(len: usize) -> Result<SnapshotBuffer, BufferError> {
        let mut bytes = Vec::new();
        bytes
            .try_reserve_exact(len)
            .map_err(|_| BufferError::OutOfMemory { len })?;
        Ok(SnapshotBuffer {
            len,
            state: State::Filling(bytes),
        })
    }

    /// Appends `n` bytes, which `copy` writes into the spare memory it is given
    /// (exactly `n` bytes long).
    fn append(
        &mut self,
        n: usize,
        copy: impl FnOnce(&mut [std::mem::MaybeUninit<u8>]),
    ) -> Result<(), BufferError> {
        let State::Filling(bytes) = &mut self.state else {
            return Err(BufferError::Spent);
        };
        let received = bytes.len();
        if n > self.len - received {
            self.state = State::Spent;
            return Err(BufferError::Overflow { len: self.len });
        }
        copy(&mut bytes.spare_capacity_mut()[..n]);
        // SAFETY: `copy` initialised these `n` bytes (js-sys's copy_to_uninit writes
        // every byte of the slice it is given or panics, and panics abort).
        unsafe { bytes.set_len(received + n) };
        Ok(())
    }

    /// The complete bytes, taken out of the buffer (which is spent from then on).
    fn take_complete(&mut self) -> Result<Vec<u8>, BufferError> {
        match std::mem::replace(&mut self.state, State::Spent) {
            State::Filling(bytes) if bytes.len() == self.len => Ok(bytes),
            State::Filling(bytes) => Err(BufferError::Incomplete {
                received: bytes.len(),
                len: self.len,
            }),
            State::Checked(snapshot) => {
                self.state = State::Checked(snapshot);
                Err(BufferError::Spent)
            }
            State::Spent => Err(BufferError::Spent),
        }
    }

    /// The snapshot: checked already, or structure-checked now (what
    /// [`Snapshot::from_bytes`] checks; the checksum is not, as for `new Engine`).
    pub fn snapshot(&mut self) -> Result<&Snapshot, BufferError> {
        if !matches!(self.state, State::Checked(_)) {
            let snapshot = Snapshot::from_bytes(self.take_complete()?)?;
            self.state = State::Checked(Box::new(snapshot));
        }
        match &self.state {
            State::Checked(snapshot) => Ok(snapshot),
            _ => Err(BufferError::Spent),
        }
    }

    /// The checked snapshot, taken out of the buffer.
    pub fn into_snapshot(mut self) -> Result<Snapshot, BufferError> {
        self.snapshot()?;
        match std::mem::replace(&mut self.state, State::Spent) {
            State::Checked(snapshot) => Ok(*snapshot),
            _ => Err(BufferError::Spent),
        }
    }

    /// Runs an update check on the bytes received, complete or not (the checks refuse a
    /// short file in their own words, naming the size the feed announced); keeps the
    /// snapshot it returns. The buffer is spent if the check refuses.
    fn check_update(
        &mut self,
        accept: impl FnOnce(Vec<u8>) -> Result<(Snapshot, JsValue), JsValue>,
    ) -> Result<JsValue, JsValue> {
        let bytes = match std::mem::replace(&mut self.state, State::Spent) {
            State::Filling(bytes) => bytes,
            other => {
                self.state = other;
                return Err(refuse(BufferError::Spent));
            }
        };
        let (snapshot, verified) = accept(bytes)?;
        self.state = State::Checked(Box::new(snapshot));
        Ok(verified)
    }
}

#[wasm_bindgen]
impl SnapshotBuffer {
    /// `new SnapshotBuffer(len)`: reserves wasm memory for a snapshot of `len` bytes.
    /// Throws a string when memory cannot grow that far.
    #[wasm_bindgen(constructor)]
    pub fn new(len: usize) -> Result<SnapshotBuffer, JsValue> {
        SnapshotBuffer::with_len(len).map_err(refuse)
    }

    /// The bytes announced.
    #[wasm_bindgen(getter)]
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the snapshot announced is empty (never a usable one).
    #[wasm_bindgen(js_name = isEmpty)]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The bytes received so far.
    #[wasm_bindgen(getter)]
    pub fn received(&self) -> usize {
        match &self.state {
            State::Filling(bytes) => bytes.len(),
            State::Checked(_) => self.len,
            State::Spent => 0,
        }
    }

    /// `push(chunk)`: copies a `Uint8Array` chunk of the file straight into wasm memory,
    /// after the bytes received so far. Throws (and the buffer is spent) when the chunks
    /// go past the announced length.
    pub fn push(&mut self, chunk: &js_sys::Uint8Array) -> Result<(), JsValue> {
        let n = chunk.length() as usize;
        self.append(n, |dst| {
            chunk.copy_to_uninit(dst);
        })
        .map_err(refuse)
    }

    /// `header()`: checks the structure of the complete snapshot (not its checksum, as
    /// for the bundled one) and returns `{snapshotVersion, date, size}`. Throws the
    /// reason; a refused buffer is spent.
    pub fn header(&mut self) -> Result<JsValue, JsValue> {
        let snapshot = self.snapshot().map_err(refuse)?;
        to_js(&snapshot_view(snapshot))
    }

    /// `verifyUpdate(manifestJson, publicKeys, extensionVersion, nowMs, currentVersion?)`:
    /// every check a feed download must pass (`register::update::accept_from_feed`; the
    /// manifest's expiry at `nowMs`, `Date.now()`) on the bytes in this buffer, without
    /// copying them. Returns `{snapshotVersion, date, size, sha256}`; throws the reason.
    #[wasm_bindgen(js_name = verifyUpdate)]
    pub fn verify_update(
        &mut self,
        manifest_json: &str,
        public_keys: &str,
        extension_version: &str,
        now_ms: f64,
        current_version: Option<f64>,
    ) -> Result<JsValue, JsValue> {
        self.check_update(|bytes| {
            verified_from_feed(
                bytes,
                manifest_json,
                public_keys,
                extension_version,
                now_ms,
                current_version,
            )
        })
    }

    /// `verifyStored()`: checks a snapshot read back from the extension's own store
    /// before it is used again (at start and on rollback): its SHA-256 is computed again
    /// and the three indexes are walked ([`Snapshot::open`]), so a stored file damaged since it
    /// was verified is refused with the reason instead of being walked. Returns
    /// `{snapshotVersion, date, size}`; a refused buffer is spent.
    #[wasm_bindgen(js_name = verifyStored)]
    pub fn verify_stored(&mut self) -> Result<JsValue, JsValue> {
        self.check_update(|bytes| {
            let snapshot = Snapshot::open(bytes, None).map_err(|e| refuse(BufferError::from(e)))?;
            let view = to_js(&snapshot_view(&snapshot))?;
            Ok((snapshot, view))
        })
    }

    /// `verifySnapshotFile(publicKeys, currentVersion?)`: the checks of the module
    /// function `verifySnapshotFile` on the bytes in this buffer, without copying them.
    #[wasm_bindgen(js_name = verifySnapshotFile)]
    pub fn verify_snapshot_file(
        &mut self,
        public_keys: &str,
        current_version: Option<f64>,
    ) -> Result<JsValue, JsValue> {
        self.check_update(|bytes| verified_signed_file(bytes, public_keys, current_version))
    }

    /// `copy()`: a JS copy of the complete bytes (for the snapshot store).
    pub fn copy(&mut self) -> Result<js_sys::Uint8Array, JsValue> {
        let snapshot = self.snapshot().map_err(refuse)?;
        Ok(js_sys::Uint8Array::from(snapshot.as_bytes()))
    }

    /// `intoEngine()`: the engine of this snapshot, made without copying it (structure
    /// checked as by `new Engine`, unless a verify call checked it already). The buffer
    /// is consumed; throws the reason when the snapshot is incomplete or refused.
    #[wasm_bindgen(js_name = intoEngine)]
    pub fn into_engine(self) -> Result<Engine, JsValue> {
        let snapshot = self.into_snapshot().map_err(refuse)?;
        Ok(Engine {
            inner: detect::Engine::new(snapshot),
        })
    }
}

/// `snapshotFileLength(prefix)`: the length of the snapshot file that starts with these
/// bytes (from its section table; see `register::snapshot::file_len`), or `undefined`
/// while they are too few to tell. Throws a sentence when they are not the start of a
/// snapshot this version reads.
#[wasm_bindgen(js_name = snapshotFileLength)]
pub fn snapshot_file_length(prefix: &[u8]) -> Result<Option<f64>, JsValue> {
    file_len(prefix)
        .map(|len| len.map(|n| n as f64))
        .map_err(|e| refuse(BufferError::Snapshot(e)))
}
