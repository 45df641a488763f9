from .. import prices
from ..prices import TABLE
from . import __name__ as pkgname

class Order:
    def __init__(self, *items):
        self.items = items

    def cost(self):
        return prices.total(self.items)

    def __repr__(self):
        return "Order%r from %s" % (self.items, pkgname)
