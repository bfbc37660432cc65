//! Gate checks at checkpoints (卡口 / 门岗). Issue 7.
