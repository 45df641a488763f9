missing.py
