# Packages found next to the script: __init__.py runs once, submodules are
# bound as attributes, relative imports (., .., from . import x) resolve
# against __package__, and a directory without __init__.py is a namespace
# package.
import shop
import shop.orders
from shop.orders import Order
from shop.util_ns import helpers
import shop.prices as p2

print(shop.NAME, shop.prices.TABLE, shop.price_total(["tea", "cake"]))
print(shop.__package__, shop.prices.__package__, shop.orders.order.__package__)
print(shop.__path__[0].endswith("shop"), shop.__file__.endswith("shop/__init__.py"))
o = Order("tea", "tea", "cake")
print(o, o.cost())
print(p2 is shop.prices, shop.orders.Order is Order)
print(helpers.shout("namespace"), shop.util_ns.__path__[0].endswith("util_ns"))
print(hasattr(shop.util_ns, "__file__"), shop.util_ns.__file__ if hasattr(shop.util_ns, "__file__") else None)
import sys
print(sorted(k for k in sys.modules if k.startswith("shop")))

try:
    import shop.missing
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    from shop import missing
except ImportError as e:
    print(type(e).__name__, e)
try:
    import shop.prices.deeper
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
