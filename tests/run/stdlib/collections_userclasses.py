# collections.UserDict, UserList and UserString: the wrapped data, the
# operations they forward, results of the subclass's own type, __missing__,
# copies, and that they are the collections.abc types.
import copy
from collections import UserDict, UserList, UserString
from collections.abc import MutableMapping, MutableSequence, Sequence

ud = UserDict(a=1)
ud['b'] = 2
print(ud, len(ud), ud.data, 'a' in ud, ud.get('q', 0), ud | {'c': 1}, {'c': 1} | ud,
      type(ud.copy()).__name__, list(ud.items()), ud.pop('b'), ud)
ud |= UserDict(z=26)
print(ud, UserDict.fromkeys('xy', 0), UserDict({'k': 1}, k2=2), ud == {'a': 1, 'z': 26})


class Lower(UserDict):
    def __setitem__(self, key, value):
        super().__setitem__(key.lower(), value)

    def __missing__(self, key):
        return f'no {key}'


lo = Lower({'A': 1}, B=2)
lo.update(C=3)
print(lo, lo['x'], 'x' in lo, lo.copy(), type(lo.copy()).__name__, copy.copy(lo))
try:
    UserDict()['nope']
except KeyError as e:
    print(type(e).__name__, e)

ul = UserList([3, 1, 2])
ul.sort()
ul.append(4)
print(ul, ul[1:], type(ul[1:]).__name__, ul + [5], [0] + ul, ul * 2, 2 * ul, len(ul), 3 in ul,
      ul.index(3), ul == [1, 2, 3, 4], ul < [2], ul.count(1))
ul += (9,)
ul.extend(UserList([8]))
ul.insert(0, 0)
print(ul, ul.pop(), ul.pop(0), ul)
ul.remove(9)
ul.reverse()
print(ul, list(reversed(ul)), ul.copy(), type(ul.copy()).__name__, copy.copy(ul), ul.data)
ul *= 2
del ul[0]
ul[0] = 'x'
print(ul, UserList(), UserList('ab'), UserList(UserList([1])))
ul.clear()
print(ul, bool(ul))

us = UserString('hello')
print(us, repr(us), us.upper(), type(us.upper()).__name__, us + '!', '>' + us, us * 2,
      us[1:3], type(us[0]).__name__, us.split('l'), us == 'hello', 'ell' in us, len(us),
      us.find('l'), us.replace('l', 'L', 1), us.center(9, '*'), us.startswith('he'))
print(us < 'world', hash(us) == hash('hello'), int(UserString('42')), float(UserString('1.5')),
      UserString(12), us.capitalize(), us.title(), us.count('l'), us.index('o'), list(us)[:2],
      UserString('%s-%d') % ('a', 1), us.strip('ho'), us.join('ab'), us.partition('l'))
print(isinstance(ud, MutableMapping), isinstance(ul, MutableSequence), isinstance(us, Sequence),
      isinstance(us, str))
