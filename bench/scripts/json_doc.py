# The document the json benchmarks encode and decode: about 1 MB of JSON
# text, records of the usual kinds (str, int, float, bool, None, nested
# lists and dicts, some non-ASCII text), made deterministically.
def make_doc():
    words = ["alpha", "beta", "gamma", "delta", "épsilon", "zeta", "ηta", "theta"]
    records = []
    for i in range(4000):
        records.append({
            "id": i,
            "name": "item-%d %s" % (i, words[i % len(words)]),
            "price": i * 1.25 + 0.1,
            "ratio": 1.0 / (i + 3),
            "active": i % 3 == 0,
            "parent": None if i % 5 else i // 5,
            "tags": [words[(i + k) % len(words)] for k in range(i % 4 + 1)],
            "dims": {"w": i % 17, "h": i % 23, "unit": "cm"},
            "note": 'line "%d"\twith escapes\\ and text' % i,
        })
    return {"version": 3, "records": records}
