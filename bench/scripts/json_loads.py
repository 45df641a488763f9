# json.loads of a 1 MB document (bench/scripts/json_doc.py), N times.
import json
import sys

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from json_doc import make_doc

text = json.dumps(make_doc())
for _ in range(int(sys.argv[1])):
    json.loads(text)
