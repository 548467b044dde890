//! One integration-test binary: every module runs the real `concord` binary
//! on real files.

mod bad_input;
mod cli;
mod compare;
mod facts;
mod html;
mod ingest;
mod lint;
mod props;
mod samples;
