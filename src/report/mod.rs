//! Report: renderers of the finished analysis. Each takes a finished report
//! and returns text; none of them analyses anything or decides exit codes.

pub mod github;
pub mod html;
pub mod json;
pub mod lint_text;
pub mod markdown;
pub mod sarif;
pub mod overview;
pub mod table;
