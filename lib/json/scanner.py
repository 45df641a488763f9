# json.scanner: make_scanner(context), the C scanner of _json bound to
# json.decoder.JSONDecodeError (aiopy has no pure-Python scanner).

import _json

__all__ = ['make_scanner']


def make_scanner(context):
    from json.decoder import JSONDecodeError
    return _json.make_scanner(context, JSONDecodeError)


c_make_scanner = make_scanner
