# unittest.mock basics: Mock calls and their records, return_value,
# side_effect, child mocks and names, call/ANY/sentinel, the assert_*
# methods and their messages, spec, reset_mock, configure_mock, reprs
# (ids masked).
from unittest import mock
from unittest.mock import Mock, MagicMock, call, ANY, sentinel, DEFAULT


def r(obj):
    parts = repr(obj).split(" id='")
    for i in range(1, len(parts)):
        parts[i] = 'ID' + parts[i][parts[i].index("'"):]
    return " id='".join(parts)


def check(f, *args, **kwargs):
    try:
        f(*args, **kwargs)
    except AssertionError as e:
        print('AssertionError:', e)
    except Exception as e:
        print(type(e).__name__ + ':', e)
    else:
        print('passed')


m = Mock()
print(r(m), r(m.foo), r(m.foo.bar), r(m()), r(m.foo()), r(m().x), r(m.x().y()))
print(m.foo is m.foo, m() is m.return_value, m.called, m.call_count)
m(1, 2, a=3)
m.foo('x')
m.foo.bar()
m().baz(k=1)
print(m.called, m.call_count, m.call_args, m.call_args.args, m.call_args.kwargs)
print(m.call_args_list)
print(m.mock_calls)
print(m.method_calls)
print(m.foo.call_args, m.foo.mock_calls)
args, kwargs = m.call_args
print(args, kwargs, m.call_args == call(), m.call_args_list[0] == call(1, 2, a=3))

named = Mock(name='thing')
print(r(named), r(named.attr), r(named.attr()))
named.attr(5)
check(named.assert_called_with)
check(named.attr.assert_called_with, 5)
check(named.attr.assert_called_with, 6)
check(named.attr.assert_called_once_with, 5)
check(named.assert_not_called)
check(named.attr.assert_not_called)
check(named.assert_called)
check(named.attr.assert_called_once)
named.attr(6, key='v')
check(named.attr.assert_called_once)
check(named.attr.assert_called_once_with, 6, key='v')
check(named.attr.assert_any_call, 5)
check(named.attr.assert_any_call, 7)
check(named.attr.assert_has_calls, [call(5), call(6, key='v')])
check(named.attr.assert_has_calls, [call(6, key='v'), call(5)])
check(named.attr.assert_has_calls, [call(6, key='v'), call(5)], any_order=True)
check(named.attr.assert_has_calls, [call(7)], any_order=True)
check(named.assert_has_calls, [call.attr(5)])
check(named.attr.assert_called_with, ANY, key=ANY)
check(Mock().assert_called_with, 1)
try:
    named.assert_called_wiht(1)
except AttributeError as e:
    print('AttributeError:', e)

# return_value and side_effect
m = Mock(return_value=3)
print(m(), m(1))
m.side_effect = [1, 2, KeyError('third')]
print(m(), m())
check(m)
check(m)
m.side_effect = ValueError
check(m)
m.side_effect = lambda x: x * 2
print(m(21))
m.side_effect = lambda x: DEFAULT
print(m(0))
m.side_effect = None
print(m())
m = Mock(side_effect=TypeError('boom'))
check(m)
w = Mock(wraps=lambda a, b: a + b)
print(w(2, 3), w.call_args)
w.return_value = 'fixed'
print(w(2, 3))

# configure_mock, attributes, deletion
m = Mock(**{'method.return_value': 3, 'other.side_effect': KeyError, 'x': 5})
print(m.method(), m.x)
check(m.other)
m.configure_mock(**{'a.b.c': 1})
print(m.a.b.c)
del m.x
try:
    m.x
except AttributeError as e:
    print('AttributeError:', e)
m.y = Mock()
m.y(9)
print(m.mock_calls[-1], r(m.y))

# reset_mock
m = Mock(return_value=1)
m(1)
m.child(2)
m.reset_mock()
print(m.called, m.call_count, m.call_args, m.call_args_list, m.mock_calls, m.child.called, m())
m.reset_mock(return_value=True)
print(r(m()))

# spec and spec_set
class Spec:
    attr = 1
    def method(self, x):
        pass

s = Mock(spec=Spec)
print(r(s), isinstance(s, Spec), s.__class__ is Spec, r(s.method))
try:
    s.missing
except AttributeError as e:
    print('AttributeError:', e)
s.new_attr = 1
ss = Mock(spec_set=Spec)
print(r(ss))
try:
    ss.new_attr = 1
except AttributeError as e:
    print('AttributeError:', e)
ls = Mock(spec=['a', 'b'])
print(r(ls.a), hasattr(ls, 'c'))

# call objects
print(call(1, x=2), call.foo.bar(3), call().baz, call.a().b(1), call)
print(call(1) == call(1), call(1) == call(2), call(1) != call(2), call.foo(1) == call(1))
print(call(ANY) == call(object()), ANY == 5, repr(ANY))
print(call.foo(1).call_list())
print(call(1, 2).args, call(a=1).kwargs)

# sentinel
print(sentinel.foo, sentinel.foo is sentinel.foo, sentinel.foo is sentinel.bar, repr(DEFAULT))

# attach_mock, non-callable, PropertyMock
parent = Mock()
child = Mock(return_value=None)
parent.attach_mock(child, 'child')
child(1)
print(parent.mock_calls, r(child))
nc = mock.NonCallableMock()
try:
    nc()
except TypeError as e:
    print('TypeError:', e)

class WithProp:
    pass

p = mock.PropertyMock(return_value='prop value')

WithProp.x = p
w = WithProp()
print(w.x)
w.x = 'set'
print(p.mock_calls)

# seal
sm = Mock()
sm.known.value = 1
mock.seal(sm)
print(sm.known.value)
try:
    sm.unknown
except AttributeError as e:
    print('AttributeError:', e)
