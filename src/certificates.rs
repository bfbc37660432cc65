//! Numbered work certificates for people leaving to work (外出务工证明). Issue 7.
