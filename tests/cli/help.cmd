# aiopy-specific: aiopy lists its own options
-h
