# contextlib.ExitStack: callbacks in LIFO order, enter_context, push of
# exit functions and managers, pop_all, close, suppression, and the
# exception context chains CPython builds (as nested with statements).
from contextlib import ExitStack


def chain(e):
    out = []
    while e is not None:
        out.append(f'{type(e).__name__}({e})')
        e = e.__context__
    return ' <- '.join(out)


with ExitStack() as st:
    st.callback(print, 'cb1')
    st.callback(print, 'cb2', 'x', sep='-')

    @st.callback
    def hello():
        print('decorated cb')
    print('body', hello.__name__)


class CM:
    def __init__(self, n, suppress=False, raise_=None):
        self.n, self.s, self.r = n, suppress, raise_

    def __enter__(self):
        print('enter', self.n)
        return self.n

    def __exit__(self, t, v, tb):
        print('exit', self.n, t.__name__ if t else None, v)
        if self.r:
            raise self.r
        return self.s


with ExitStack() as st:
    print([st.enter_context(CM(i)) for i in range(3)])
try:
    with ExitStack() as st:
        st.enter_context(CM(1, raise_=KeyError('k1')))
        st.enter_context(CM(2, raise_=IndexError('i2')))
        raise ValueError('body')
except Exception as e:
    print('final', chain(e))
with ExitStack() as st:
    st.enter_context(CM(1))
    st.enter_context(CM(2, suppress=True))
    raise ValueError('suppressed')
print('after suppress')
try:
    with ExitStack() as st:
        st.enter_context(CM(1, raise_=KeyError('late')))
        st.enter_context(CM(2, suppress=True))
        raise ValueError('x')
except Exception as e:
    print('final', chain(e))
try:
    with ExitStack() as st:
        st.enter_context(CM(1, suppress=True))
        st.enter_context(CM(2, raise_=KeyError('k')))
except Exception as e:
    print('not reached', e)
else:
    print('suppressed by the outer one')
try:
    try:
        raise RuntimeError('being handled')
    except RuntimeError:
        with ExitStack() as st:
            st.enter_context(CM(1, raise_=KeyError('k1')))
            st.enter_context(CM(2, raise_=IndexError('i2')))
except Exception as e:
    print('final', chain(e))


def exit_fn(*exc):
    print('push fn', exc[0])
    return False


with ExitStack() as st:
    print(st.push(exit_fn) is exit_fn)
    st.push(CM(9))
st = ExitStack()
st.callback(print, 'moved')
new = st.pop_all()
st.close()
print('closed the old stack')
new.close()
new.close()
print('closing twice runs nothing')
try:
    ExitStack().enter_context(object())
except TypeError as e:
    print(type(e).__name__, e)
with ExitStack() as outer:
    inner = outer.enter_context(ExitStack())
    inner.callback(print, 'inner callback')
    outer.callback(print, 'outer callback')
print(ExitStack().__enter__().__class__.__name__)
