# unittest.mock.patch: as decorator (functions, coroutine functions,
# classes), context manager and start/stop; patch.object, patch.dict,
# patch.multiple, patch.stopall, new/new_callable/spec, builtins, errors.
import asyncio
import sys
import unittest
from unittest import mock
from unittest.mock import patch, sentinel, DEFAULT

main = sys.modules[__name__]
CONFIG = {'debug': False, 'level': 1}


def r(obj):
    parts = repr(obj).split(" id='")
    for i in range(1, len(parts)):
        parts[i] = 'ID' + parts[i][parts[i].index("'"):]
    return " id='".join(parts)


def get_value():
    return 'real value'


def use_value():
    return get_value()


async def fetch():
    return 'real fetch'


class Service:
    name = 'service'

    def run(self):
        return 'ran'

    @staticmethod
    def helper():
        return 'help'


with patch('__main__.get_value') as fake:
    print(r(fake))
    fake.return_value = 'fake value'
    print(use_value())
    fake.assert_called_once_with()
print(use_value())

with patch('__main__.get_value', return_value=5) as fake:
    print(use_value(), fake.call_count)
with patch('__main__.get_value', new=lambda: 'lambda') as fake:
    print(use_value(), fake.__name__)
with patch('__main__.get_value', sentinel.replacement) as fake:
    print(get_value, fake)
with patch('__main__.get_value', new_callable=mock.NonCallableMock) as fake:
    print(r(fake))


@patch('__main__.get_value')
def decorated(fake):
    fake.return_value = 'decorated'
    return use_value(), r(fake)

print(decorated(), use_value(), decorated.__name__)


@patch('__main__.get_value', return_value=1)
@patch.object(Service, 'run', return_value=2)
def stacked(fake_run, fake_get, extra=None):
    return get_value(), Service().run(), extra, r(fake_run), r(fake_get)

print(stacked(extra='x'))
print(Service().run())


@patch('__main__.get_value', 'replaced without mock')
def no_extra_arg():
    return get_value

print(no_extra_arg())

with patch.object(Service, 'name', 'patched name'):
    print(Service.name, Service().name)
print(Service.name)
with patch.object(Service, 'helper') as h:
    h.return_value = 'fake help'
    print(Service.helper())
print(Service.helper())
with patch.object(Service, 'brand_new', create=True, new=3):
    print(Service.brand_new)
print(hasattr(Service, 'brand_new'))

with patch('__main__.Service', spec=True) as FakeService:
    print(r(FakeService), r(FakeService()))
    print(FakeService().run.__class__.__name__)
with patch('__main__.Service', spec_set=True) as FakeService:
    try:
        FakeService.nothing = 1
    except AttributeError as e:
        print('AttributeError:', e)

# patch.dict
with patch.dict(CONFIG, {'debug': True, 'new': 1}):
    print(CONFIG)
print(CONFIG)
with patch.dict('__main__.CONFIG', level=5, clear=True):
    print(CONFIG)
print(CONFIG)


@patch.dict(CONFIG, {'level': 99})
def with_dict():
    return dict(CONFIG)

print(with_dict(), CONFIG)
try:
    with patch.dict(CONFIG, {'level': 2}):
        raise RuntimeError('inside')
except RuntimeError:
    print('restored after error:', CONFIG)

# patch.multiple
with patch.multiple(Service, name='multi', run=DEFAULT) as values:
    print(Service.name, sorted(values), r(values['run']))
print(Service.name)

# start / stop / stopall
p1 = patch('__main__.get_value', return_value='started')
started = p1.start()
print(get_value(), r(started))
p1.stop()
print(get_value(), p1.stop())
patch.object(Service, 'name', 'one').start()
patch.dict(CONFIG, {'x': 1}).start()
print(Service.name, CONFIG)
patch.stopall()
print(Service.name, CONFIG)

# builtins in a module are created on demand
with patch('__main__.len', return_value=3):
    print(len([]))
print(len([]))

# async functions are patched with AsyncMock
with patch('__main__.fetch') as fake_fetch:
    print(r(fake_fetch))
    fake_fetch.return_value = 'fake fetch'
    print(asyncio.run(fetch()))
    fake_fetch.assert_awaited_once()


@patch('__main__.get_value', return_value='in coroutine')
async def patched_coroutine(fake):
    await asyncio.sleep(0)
    return get_value()

print(asyncio.run(patched_coroutine()))


# class decorator: every test* method gets the patch
@patch('__main__.get_value', return_value='class patched')
class Patched(unittest.TestCase):
    def test_one(self, fake):
        self.assertEqual(get_value(), 'class patched')
        fake.assert_called_once_with()

    def test_two(self, fake):
        self.assertEqual(use_value(), 'class patched')

    def helper(self):
        return get_value()

result = unittest.TestResult()
unittest.TestLoader().loadTestsFromTestCase(Patched).run(result)
print(result.testsRun, result.wasSuccessful(), Patched('test_one').helper())

# errors
for args in (('nodots',), (5,)):
    try:
        patch(*args)
    except TypeError as e:
        print('TypeError:', e)
try:
    with patch('__main__.missing_attr'):
        pass
except AttributeError as e:
    print('AttributeError:', e)
try:
    patch('__main__.get_value', new=1, new_callable=mock.Mock)
except ValueError as e:
    print('ValueError:', e)
try:
    patch.object('__main__', 'x')
except TypeError as e:
    print('TypeError:', e)
try:
    with patch('no_such_module_here.attr'):
        pass
except ModuleNotFoundError as e:
    print('ModuleNotFoundError:', e)
try:
    patch.multiple(Service)
except ValueError as e:
    print('ValueError:', e)
try:
    with patch('__main__.get_value', spec=True, new=1, foo=2):
        pass
except TypeError as e:
    print('TypeError:', e)
