# operator.itemgetter, attrgetter (dotted names, several at once) and
# methodcaller: results, reprs and errors.
import operator as op
from operator import itemgetter, attrgetter, methodcaller

ig = itemgetter(1)
ig2 = itemgetter(0, -1, slice(1, 3))
print(ig('abc'), ig2('abcd'), ig({1: 'one'}), repr(ig), repr(ig2), repr(itemgetter('key')))
print(sorted([('b', 2), ('a', 3), ('c', 1)], key=itemgetter(1)),
      sorted([('b', 2), ('a', 2), ('c', 1)], key=itemgetter(1, 0)))


class Name:
    def __init__(self, first, last):
        self.first = first
        self.last = last


class Person:
    def __init__(self, first, last, age):
        self.name = Name(first, last)
        self.age = age


p = Person('Ada', 'Lovelace', 36)
ag = attrgetter('age')
ag2 = attrgetter('name.first', 'name.last', 'age')
print(ag(p), ag2(p), attrgetter('name.last')(p), attrgetter('real', 'imag')(3))
print(repr(ag), repr(ag2), repr(attrgetter('__class__.__name__')))
print(attrgetter('__class__.__name__')(p), list(map(attrgetter('age'), [p, p])))

mc = methodcaller('split', ',', maxsplit=1)
print(mc('a,b,c'), repr(mc), repr(methodcaller('upper')), methodcaller('upper')('x'))
print(repr(methodcaller('f', 1, 'two', key=[3])), methodcaller('get', 'k', 0)({}))
print(methodcaller('__len__')([1, 2]), methodcaller('count', 'a')('banana'))

for make in [lambda: itemgetter(), lambda: attrgetter(1), lambda: attrgetter(),
             lambda: attrgetter('a', 2), lambda: methodcaller(), lambda: methodcaller(1),
             lambda: itemgetter(1, k=2), lambda: attrgetter('a', k=2)]:
    try:
        make()
    except TypeError as e:
        print(type(e).__name__, e)
for use in [lambda: attrgetter('missing')(p), lambda: attrgetter('name.middle')(p),
            lambda: itemgetter(5)([1]), lambda: itemgetter('k')({}),
            lambda: methodcaller('nope')(p), lambda: itemgetter(0)(5), lambda: ig(),
            lambda: ag(1, 2), lambda: mc(), lambda: ig(obj=1)]:
    try:
        use()
    except Exception as e:
        print(type(e).__name__, e)
print(type(ig).__name__, type(ag).__module__, callable(mc), op.itemgetter is itemgetter)
