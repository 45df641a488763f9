# aiopy-specific: -X virtual_time is aiopy's own (CPython would sleep 3 hours)
-X
virtual_time
vt_clock.py
