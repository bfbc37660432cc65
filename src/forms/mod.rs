//! Official forms as data and the xlsx export engine (报表导出). Issue 8.
