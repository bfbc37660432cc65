//! Work resumption: enterprises, visits with the 五到位 checklist, difficulties (复工复产). Issue 7.
