import sys
from . import helper
print("clipkg/__main__", __name__, __package__, sys.argv[1:], sys.argv[0].endswith("clipkg/__main__.py"))
print(helper.VALUE)
