# ExceptionGroup[...] is a types.GenericAlias, as in CPython 3.11.
import types
print(isinstance(ExceptionGroup[OSError], types.GenericAlias), isinstance(BaseExceptionGroup[int], types.GenericAlias))
print(ExceptionGroup[OSError], BaseExceptionGroup[int, str], ExceptionGroup[...], ExceptionGroup[[int, str], 1])
a = ExceptionGroup[ValueError]
print(a.__origin__, a.__args__, a.__parameters__, a.__name__)
print(a == ExceptionGroup[ValueError], a != ExceptionGroup[TypeError], hash(a) == hash(ExceptionGroup[ValueError]))
x = a("made through the alias", [ValueError(1)])
print(repr(x), x.__orig_class__)
class MyEG(ExceptionGroup):
    pass
print(MyEG[int], type(MyEG[int]) is types.GenericAlias)
try:
    ValueError[int]
except TypeError as e:
    print("TypeError:", e)
