//! rung-dict: the dictionaries rung codes with.
#![deny(missing_docs)]
