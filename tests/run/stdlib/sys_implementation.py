# sys.implementation is a types.SimpleNamespace naming the interpreter (its
# name differs between interpreters: only its type is printed), with a
# version equal to sys.version_info; sys.version_info is a named
# structseq, sys.hexversion its packed form.
import sys
import types

impl = sys.implementation
print(type(impl) is types.SimpleNamespace, type(impl.name), impl.name.islower())
print(impl.version == sys.version_info, impl.hexversion == sys.hexversion)
print(sorted(k for k in vars(impl) if not k.startswith('_'))[:4] == ['cache_tag', 'hexversion', 'name', 'version'])
print(sys.version_info[:2], sys.version_info.major, sys.version_info.minor)
print(sys.version_info.releaselevel, sys.version_info.serial)
print(sys.version_info >= (3, 8), sys.version_info < (4,), len(sys.version_info))
print(type(sys.version_info).__name__, isinstance(sys.version_info, tuple))
print(repr(sys.version_info).startswith('sys.version_info(major=3, minor=11, micro='))
print(sys.hexversion >> 16 == 0x30B)
try:
    sys.version_info.major = 4
except AttributeError as e:
    print(type(e).__name__, e)
try:
    type(sys.version_info)()
except TypeError as e:
    print(type(e).__name__, e)
