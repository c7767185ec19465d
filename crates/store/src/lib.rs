//! rung-store: the embedded store of documents, sentences and events.
#![deny(missing_docs)]
