//! Parquet export (feature `parquet`): the flat CSV columns, typed, zstd-compressed,
//! written in row groups of [`CHUNK`] reports so memory stays bounded.

use crate::export::FlatRow;
use crate::query::EventFilter;
use crate::{Store, StoreError};
use arrow_array::{ArrayRef, BooleanArray, Float64Array, Int64Array, RecordBatch, StringArray};
use arrow_schema::{DataType, Field, Schema};
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::properties::WriterProperties;
use std::path::Path;
use std::sync::Arc;

const CHUNK: usize = 8192;

fn schema() -> Schema {
    let s = |n: &str, null: bool| Field::new(n, DataType::Utf8, null);
    let i = |n: &str, null: bool| Field::new(n, DataType::Int64, null);
    let f = |n: &str, null: bool| Field::new(n, DataType::Float64, null);
    Schema::new(vec![
        i("id", false),
        i("reconciled", true),
        s("doc", false),
        s("outlet", true),
        s("url", true),
        s("doc_date", true),
        i("sentence", false),
        i("span_start", false),
        i("span_end", false),
        s("date", true),
        s("source_code", true),
        s("source_text", true),
        Field::new("source_inferred", DataType::Boolean, false),
        s("target_code", true),
        s("target_text", true),
        Field::new("target_inferred", DataType::Boolean, false),
        s("cameo", false),
        f("goldstein", false),
        i("quad", false),
        s("plover_type", false),
        s("plover_mode", true),
        s("weapons", true),
        s("location_text", true),
        s("location_country", true),
        f("lat", true),
        f("lon", true),
        i("fatalities_min", true),
        i("fatalities_max", true),
        s("modality", false),
        s("attribution_code", true),
        s("attribution_text", true),
        s("text", false),
        s("coder_version", false),
    ])
}

fn batch(schema: &Arc<Schema>, rows: &[FlatRow]) -> Result<RecordBatch, StoreError> {
    macro_rules! col {
        (str $f:ident) => {
            Arc::new(StringArray::from(
                rows.iter().map(|r| Some(r.$f.as_str())).collect::<Vec<_>>(),
            )) as ArrayRef
        };
        (ostr $f:ident) => {
            Arc::new(StringArray::from(
                rows.iter().map(|r| r.$f.as_deref()).collect::<Vec<_>>(),
            )) as ArrayRef
        };
        (bool $f:ident) => {
            Arc::new(BooleanArray::from(
                rows.iter().map(|r| r.$f).collect::<Vec<bool>>(),
            )) as ArrayRef
        };
        (int $f:ident) => {
            Arc::new(Int64Array::from(
                rows.iter().map(|r| r.$f).collect::<Vec<i64>>(),
            )) as ArrayRef
        };
        (oint $f:ident) => {
            Arc::new(Int64Array::from(
                rows.iter().map(|r| r.$f).collect::<Vec<Option<i64>>>(),
            )) as ArrayRef
        };
        (flt $f:ident) => {
            Arc::new(Float64Array::from(
                rows.iter().map(|r| r.$f).collect::<Vec<f64>>(),
            )) as ArrayRef
        };
        (oflt $f:ident) => {
            Arc::new(Float64Array::from(
                rows.iter().map(|r| r.$f).collect::<Vec<Option<f64>>>(),
            )) as ArrayRef
        };
    }
    let cols = vec![
        col!(int id),
        col!(oint reconciled),
        col!(str doc),
        col!(ostr outlet),
        col!(ostr url),
        col!(ostr doc_date),
        col!(int sentence),
        col!(int span_start),
        col!(int span_end),
        col!(ostr date),
        col!(ostr source_code),
        col!(ostr source_text),
        col!(bool source_inferred),
        col!(ostr target_code),
        col!(ostr target_text),
        col!(bool target_inferred),
        col!(str cameo),
        col!(flt goldstein),
        col!(int quad),
        col!(str plover_type),
        col!(ostr plover_mode),
        col!(ostr weapons),
        col!(ostr location_text),
        col!(ostr location_country),
        col!(oflt lat),
        col!(oflt lon),
        col!(oint fatalities_min),
        col!(oint fatalities_max),
        col!(str modality),
        col!(ostr attribution_code),
        col!(ostr attribution_text),
        col!(str text),
        col!(str coder_version),
    ];
    RecordBatch::try_new(Arc::clone(schema), cols).map_err(|e| StoreError::Export(e.to_string()))
}

/// Writes the matching reports to a Parquet file; returns the row count.
pub(crate) fn write(store: &Store, filter: &EventFilter, out: &Path) -> Result<u64, StoreError> {
    let schema = Arc::new(schema());
    let file = std::fs::File::create(out).map_err(|e| StoreError::Io {
        path: out.to_path_buf(),
        source: e,
    })?;
    let props = WriterProperties::builder()
        .set_compression(Compression::ZSTD(ZstdLevel::default()))
        .build();
    let pq =
        |e: parquet::errors::ParquetError| StoreError::Export(format!("{}: {e}", out.display()));
    let mut writer = ArrowWriter::try_new(file, Arc::clone(&schema), Some(props)).map_err(pq)?;
    let mut rows = Vec::with_capacity(CHUNK);
    let mut n = 0u64;
    store.for_each_event(filter, |se| {
        rows.push(FlatRow::from(se));
        n += 1;
        if rows.len() >= CHUNK {
            writer.write(&batch(&schema, &rows)?).map_err(pq)?;
            rows.clear();
        }
        Ok(())
    })?;
    if !rows.is_empty() {
        writer.write(&batch(&schema, &rows)?).map_err(pq)?;
    }
    writer.close().map_err(pq)?;
    Ok(n)
}
