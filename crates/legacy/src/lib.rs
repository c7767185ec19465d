//! rung-legacy: read TABARI and PETRARCH dictionaries, run their validation suites.
#![deny(missing_docs)]
