//! Importing the lists higher levels send down (xlsx / xls / ods / csv). Issue 9.
