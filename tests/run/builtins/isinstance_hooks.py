# isinstance and issubclass consult a metaclass's __instancecheck__ and
# __subclasscheck__, and the type of any other second argument; unions act
# like tuples; the error messages for bad arguments.


class Meta(type):
    def __instancecheck__(cls, obj):
        print('instancecheck', cls.__name__, type(obj).__name__)
        return obj == 'yes'

    def __subclasscheck__(cls, sub):
        print('subclasscheck', cls.__name__, sub.__name__)
        return sub is int


class Duck(metaclass=Meta):
    pass


print(isinstance('yes', Duck), isinstance('no', Duck))
print(isinstance(Duck(), Duck))          # exact type: no hook
print(issubclass(int, Duck), issubclass(str, Duck))
print(isinstance('yes', (int, Duck)), isinstance(3, int | Duck))


class Checker:
    def __instancecheck__(self, obj):
        return isinstance(obj, str)

    def __subclasscheck__(self, sub):
        return issubclass(sub, str)


print(isinstance('s', Checker()), isinstance(1, Checker()), issubclass(str, Checker()))


class Raising(type):
    def __instancecheck__(cls, obj):
        raise ValueError('no checks')


class R(metaclass=Raising):
    pass


for f in (lambda: isinstance(1, R), lambda: isinstance(1, 5), lambda: issubclass(1, int),
          lambda: issubclass(int, 5), lambda: issubclass(int, (str, 5)),
          lambda: isinstance(1, (str, (int,)))):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
