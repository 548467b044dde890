//! One integration-test binary: every module runs the real `concord` binary
//! on real files.

mod cli;
mod compare;
mod facts;
mod lint;
mod samples;
mod html;
mod ingest;
mod html;
mod lint;
mod samples;
