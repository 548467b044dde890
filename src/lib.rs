//! concord: a cross-source fact-consistency checker for news copy.
//!
//! The pipeline runs in one direction:
//!
//! ```text
//! ingest -> segment -> extract -> align -> judge -> report
//! ```
//!
//! [`ingest`] turns files into [`ingest::Article`]s and marks what is not the
//! article's own reporting; [`segment`] finds paragraphs, sentences and
//! quotations; [`extract`] turns quantity mentions into [`model::Claim`]s
//! with a topic from the [`rules`], a scope and an attribution; [`align`]
//! groups claims about the same thing; [`judge`] gives each group a
//! [`model::Verdict`]; [`report`] renders. [`lint`] checks a draft against
//! references with the same machinery. The library never prints.

pub mod align;
pub mod app;
pub mod cli;
pub mod config;
pub mod error;
pub mod expect;
pub mod extract;
pub mod ingest;
pub mod judge;
pub mod lint;
pub mod model;
pub mod pipeline;
pub mod report;
pub mod rules;
pub mod segment;
pub mod text;
