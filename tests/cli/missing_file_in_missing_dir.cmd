no/such/dir/x.py
