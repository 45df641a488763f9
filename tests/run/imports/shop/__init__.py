# A regular package: its __init__ runs once, on the first import.
print("shop/__init__ runs, __package__ =", __package__)
NAME = "shop"
from . import prices
from .prices import total as price_total
