//! rung-coder: from analysed sentences to coded events.
//!
//! The [`Event`] record is the output contract of `rung code` (EVENTS.md in the shared
//! data describes each field).
#![deny(missing_docs)]

mod event;
pub use event::{Actor, Event, Fatalities, Location, Modality, Plover};
