//! Table-driven tests of `find` and `widen` against the design brief.

use super::*;
