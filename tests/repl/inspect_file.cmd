-i
setx.py
