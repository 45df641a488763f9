# aiopy-specific: aiopy prints its own version
-V
