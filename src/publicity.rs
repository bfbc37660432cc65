//! Publicity log (宣传). Issue 7.
