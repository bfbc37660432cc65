//! Supplies: items, stock received, issues to households and people (物资发放). Issue 7.
