# cpython: vt_ordering.py
-X
virtual_time
vt_ordering.py
