//! Exports: CSV and JSON Lines (one row per report), GDELT 2.0 event columns (one row per
//! reconciled event) and, with the `parquet` feature, Parquet (the CSV columns, typed).
//!
//! CSV and Parquet share one flat row ([`FlatRow`]); weapons are joined with `|`. The
//! GDELT export writes the 61 GDELT 2.0 event columns, tab-separated, with a header row
//! (GDELT's own files have none; a header lets DuckDB, pandas and R read it as-is). Columns
//! rung has no value for are left empty. Country codes are ISO 3166 alpha-3 / CAMEO
//! three-letter codes, also in the `*Geo_CountryCode` columns where GDELT uses FIPS 10-4.

use crate::date::civil_from_days;
use crate::query::{EventFilter, StoredEvent};
use crate::{Store, StoreError};
use serde::Serialize;
use std::io::Write;
use std::path::Path;

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// Comma-separated, header row, one report per row.
    Csv,
    /// One JSON object per report: the EVENTS.md record plus store fields.
    Jsonl,
    /// GDELT 2.0 event table columns, tab-separated, one row per reconciled event.
    Gdelt,
    /// Apache Parquet (feature `parquet`), the CSV columns with types.
    Parquet,
}

/// One report as a flat row (CSV and Parquet).
#[derive(Debug, Clone, Serialize)]
#[allow(missing_docs)]
pub struct FlatRow {
    pub id: i64,
    pub reconciled: Option<i64>,
    pub doc: String,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub doc_date: Option<String>,
    pub sentence: i64,
    pub span_start: i64,
    pub span_end: i64,
    pub date: Option<String>,
    pub source_code: Option<String>,
    pub source_text: Option<String>,
    /// The sentence does not name the source (see `rung_coder::Actor::inferred`).
    pub source_inferred: bool,
    pub target_code: Option<String>,
    pub target_text: Option<String>,
    /// The sentence does not name the target.
    pub target_inferred: bool,
    pub cameo: String,
    pub goldstein: f64,
    pub quad: i64,
    pub plover_type: String,
    pub plover_mode: Option<String>,
    pub weapons: Option<String>,
    pub location_text: Option<String>,
    pub location_country: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub fatalities_min: Option<i64>,
    pub fatalities_max: Option<i64>,
    pub modality: String,
    pub attribution_code: Option<String>,
    pub attribution_text: Option<String>,
    pub text: String,
    pub coder_version: String,
}

impl From<StoredEvent> for FlatRow {
    fn from(se: StoredEvent) -> FlatRow {
        let e = se.event;
        let loc = e.location.as_ref();
        FlatRow {
            id: se.id,
            reconciled: se.reconciled,
            doc: e.doc,
            outlet: se.outlet,
            url: se.url,
            doc_date: se.doc_date,
            sentence: e.sentence as i64,
            span_start: e.span[0] as i64,
            span_end: e.span[1] as i64,
            date: e.date,
            source_code: e.source.as_ref().map(|a| a.code.clone()),
            source_inferred: e.source.as_ref().is_some_and(|a| a.inferred),
            source_text: e.source.map(|a| a.text),
            target_code: e.target.as_ref().map(|a| a.code.clone()),
            target_inferred: e.target.as_ref().is_some_and(|a| a.inferred),
            target_text: e.target.map(|a| a.text),
            cameo: e.cameo,
            goldstein: e.goldstein,
            quad: e.quad as i64,
            plover_type: e.plover.kind,
            plover_mode: e.plover.mode,
            weapons: (!e.weapons.is_empty()).then(|| e.weapons.join("|")),
            location_text: loc.map(|l| l.text.clone()),
            location_country: loc.and_then(|l| l.country.clone()),
            lat: loc.and_then(|l| l.lat),
            lon: loc.and_then(|l| l.lon),
            fatalities_min: e.fatalities.map(|f| f.min as i64),
            fatalities_max: e.fatalities.map(|f| f.max as i64),
            modality: crate::rows::modality_str(e.modality).to_string(),
            attribution_code: e.attribution.as_ref().map(|a| a.code.clone()),
            attribution_text: e.attribution.map(|a| a.text),
            text: e.text,
            coder_version: se.coder_version,
        }
    }
}

/// The JSON Lines record: the EVENTS.md fields plus where the report sits in the store.
#[derive(Serialize)]
struct JsonRecord<'a> {
    id: i64,
    reconciled: Option<i64>,
    outlet: &'a Option<String>,
    url: &'a Option<String>,
    doc_date: &'a Option<String>,
    coder_version: &'a str,
    #[serde(flatten)]
    event: &'a rung_coder::Event,
}

/// Writes one report as a JSON line.
///
/// # Errors
/// On a write failure.
pub fn write_jsonl(w: &mut dyn Write, se: &StoredEvent) -> std::io::Result<()> {
    let rec = JsonRecord {
        id: se.id,
        reconciled: se.reconciled,
        outlet: &se.outlet,
        url: &se.url,
        doc_date: &se.doc_date,
        coder_version: &se.coder_version,
        event: &se.event,
    };
    serde_json::to_writer(&mut *w, &rec)?;
    w.write_all(b"\n")
}

/// The GDELT 2.0 event table columns, in order.
pub const GDELT_COLUMNS: [&str; 61] = [
    "GlobalEventID",
    "Day",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// Mentions, distinct outlets and distinct articles behind one row.
pub(crate) struct Mentions {
    pub mentions: i64,
    pub sources: i64,
    pub articles: i64,
}

fn gdelt_row(se: &StoredEvent, m: &Mentions) -> Vec<String> {
    let e = &se.event;
    let mut row = vec![String::new(); GDELT_COLUMNS.len()];
    let mut set = |name: &str, v: String| {
        if let Some(i) = GDELT_COLUMNS.iter().position(|c| *c == name) {
            row[i] = v;
        }
    };
    set("GlobalEventID", se.reconciled.unwrap_or(se.id).to_string());
    if let Some(day) = se.day_lo {
        let (y, mo, d) = civil_from_days(day);
        let doy = day - crate::date::days_from_civil(y, 1, 1);
        set("Day", format!("{y:04}{mo:02}{d:02}"));
        set("MonthYear", format!("{y:04}{mo:02}"));
        set("Year", format!("{y:04}"));
        set(
            "FractionDate",
            format!("{:.4}", y as f64 + doy as f64 / 365.0),
        );
    }
    for (n, actor) in [(1, &e.source), (2, &e.target)] {
        if let Some(a) = actor {
            set(&format!("Actor{n}Code"), a.code.clone());
            set(&format!("Actor{n}Name"), a.text.to_uppercase());
            if let Some(c) = crate::country_of(&a.code) {
                set(&format!("Actor{n}CountryCode"), c);
            }
            let role: String = a.code.chars().skip(3).take(3).collect();
            if role.len() == 3 {
                set(&format!("Actor{n}Type1Code"), role);
            }
        }
    }
    // GDELT marks events from an article's lead; rung's nearest is the first sentences.
    set("IsRootEvent", u8::from(e.sentence <= 2).to_string());
    set("EventCode", e.cameo.clone());
    set("EventBaseCode", e.cameo.chars().take(3).collect());
    set("EventRootCode", e.cameo.chars().take(2).collect());
    set("QuadClass", e.quad.to_string());
    set("GoldsteinScale", format!("{}", e.goldstein));
    set("NumMentions", m.mentions.to_string());
    set("NumSources", m.sources.to_string());
    set("NumArticles", m.articles.to_string());
    if let Some(l) = &e.location {
        let exact = l.lat.is_some();
        // GDELT geo types: 1 country, 4 world city.
        set("ActionGeo_Type", if exact { "4" } else { "1" }.to_string());
        set("ActionGeo_FullName", l.text.clone());
        set(
            "ActionGeo_CountryCode",
            l.country.clone().unwrap_or_default(),
        );
        set(
            "ActionGeo_Lat",
            l.lat.map(|v| v.to_string()).unwrap_or_default(),
        );
        set(
            "ActionGeo_Long",
            l.lon.map(|v| v.to_string()).unwrap_or_default(),
        );
    }
    set("SOURCEURL", se.url.clone().unwrap_or_else(|| e.doc.clone()));
    row
}

fn io_err(path: &Path) -> impl Fn(std::io::Error) -> StoreError + '_ {
    move |e| StoreError::Io {
        path: path.to_path_buf(),
        source: e,
    }
}

impl Store {
    /// Writes the events matching `filter` to `out` in `format`; returns the rows written.
    ///
    /// # Errors
    /// I/O and SQLite failures; [`StoreError::Export`] for Parquet without the feature.
    pub fn export(
        &self,
        format: ExportFormat,
        filter: &EventFilter,
        out: &Path,
    ) -> Result<u64, StoreError> {
        if format == ExportFormat::Parquet {
            return self.export_parquet(filter, out);
        }
        let file = std::fs::File::create(out).map_err(io_err(out))?;
        let mut w = std::io::BufWriter::new(file);
        let n = self.export_to(format, filter, &mut w, out)?;
        w.flush().map_err(io_err(out))?;
        Ok(n)
    }

    /// Writes CSV, JSON Lines or GDELT to a writer (stdout, a file); `name` names it in errors.
    ///
    /// # Errors
    /// I/O and SQLite failures; [`StoreError::Export`] for Parquet (it needs a file).
    pub fn export_to(
        &self,
        format: ExportFormat,
        filter: &EventFilter,
        w: &mut dyn Write,
        name: &Path,
    ) -> Result<u64, StoreError> {
        let mut n = 0u64;
        match format {
            ExportFormat::Jsonl => self.for_each_event(filter, |se| {
                n += 1;
                write_jsonl(w, &se).map_err(io_err(name))
            })?,
            ExportFormat::Csv => {
                let mut cw = csv::Writer::from_writer(w);
                self.for_each_event(filter, |se| {
                    n += 1;
                    cw.serialize(FlatRow::from(se))
                        .map_err(|e| StoreError::Export(e.to_string()))
                })?;
                cw.flush().map_err(io_err(name))?;
            }
            ExportFormat::Gdelt => {
                let mut cw = csv::WriterBuilder::new()
                    .delimiter(b'\t')
                    .quote_style(csv::QuoteStyle::Necessary)
                    .from_writer(w);
                cw.write_record(GDELT_COLUMNS)
                    .map_err(|e| StoreError::Export(e.to_string()))?;
                let mut f = filter.clone();
                f.representatives_only = true;
                self.for_each_event(&f, |se| {
                    n += 1;
                    let m = self.mentions(&se)?;
                    // Tabs and newlines inside values would break naive TSV readers.
                    let row: Vec<String> = gdelt_row(&se, &m)
                        .into_iter()
                        .map(|v| v.replace(['\t', '\n', '\r'], " "))
                        .collect();
                    cw.write_record(&row)
                        .map_err(|e| StoreError::Export(e.to_string()))
                })?;
                cw.flush().map_err(io_err(name))?;
            }
            ExportFormat::Parquet => {
                return Err(StoreError::Export(
                    "Parquet is written to a file: use export with --out".into(),
                ))
            }
        }
        Ok(n)
    }

    fn mentions(&self, se: &StoredEvent) -> Result<Mentions, StoreError> {
        let Some(rec) = se.reconciled else {
            return Ok(Mentions {
                mentions: 1,
                sources: 1,
                articles: 1,
            });
        };
        self.conn
            .query_row(
                "SELECT count(*), count(DISTINCT COALESCE(d.outlet, d.name)), count(DISTINCT e.doc_id) \
                 FROM reconciled_reports rr JOIN events e ON e.id = rr.event_id \
                 JOIN documents d ON d.id = e.doc_id WHERE rr.rec_id = ?1",
                [rec],
                |r| Ok(Mentions { mentions: r.get(0)?, sources: r.get(1)?, articles: r.get(2)? }),
            )
            .map_err(|e| self.err(e))
    }

    #[cfg(not(feature = "parquet"))]
    fn export_parquet(&self, _filter: &EventFilter, _out: &Path) -> Result<u64, StoreError> {
        Err(StoreError::Export(
            "this build has no Parquet support (rung-store feature `parquet`)".into(),
        ))
    }

    #[cfg(feature = "parquet")]
    fn export_parquet(&self, filter: &EventFilter, out: &Path) -> Result<u64, StoreError> {
        crate::parquet_out::write(self, filter, out)
    }
}
