import helper_mod
from helper_mod import double, VALUE as V
import helper_mod as again
print(helper_mod.VALUE, double(4), V, again is helper_mod)
print(__name__)
try:
    import no_such_module_here
except ModuleNotFoundError as e:
    print(e)
try:
    from helper_mod import nothing
except ImportError as e:
    print(str(e).split(" (")[0])
