//! Phone verification of people away and abroad (电话核实 · 境外人员跟踪). Issue 6.
