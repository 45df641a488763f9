"""runpy: running a module as __main__ (what `aiopy -m MODULE` does).

Offers run_module() and _run_module_as_main(), for modules of aiopy's
embedded library and for modules and packages found along sys.path
(packages run their __main__ submodule, as `-m unittest` or `-m pkg`),
with CPython's error messages. Left out: run_path() (NotImplementedError)
and module specs (__spec__ is None).
"""

import sys
import _runpy

__all__ = ["run_module", "run_path"]


class _Error(Exception):
    """Error that _run_module_as_main() should report without a traceback"""


def _find(mod_name):
    # (code, filename, is_package) of the module, or None. Searched as the
    # importer searches: sys.path for a top-level name, else the package's
    # __path__; in each directory NAME/__init__.py (a package) comes before
    # NAME.py, and a directory without __init__.py is a namespace package.
    found = _runpy.lib_code(mod_name)
    if found is not None:
        code, is_pkg = found
        return code, code.co_filename, is_pkg
    pkg_name, _, last = mod_name.rpartition('.')
    dirs = sys.modules[pkg_name].__path__ if pkg_name else sys.path
    namespace = None
    for entry in dirs:
        if not isinstance(entry, str):
            continue
        base = (entry + '/' if entry and not entry.endswith('/') else entry) + last
        for path, is_pkg in ((base + '/__init__.py', True), (base + '.py', False)):
            try:
                f = open(path, encoding='utf-8')
            except OSError:
                continue
            with f:
                source = f.read()
            return compile(source, path, 'exec'), path, is_pkg
        if namespace is None and _is_dir(base):
            namespace = base
    if namespace is not None:
        return None, namespace, True
    return None


def _is_dir(path):
    import os
    try:
        os.listdir(path)
    except OSError:
        return False
    return True


def _get_module_details(mod_name, error=ImportError):
    if mod_name.startswith("."):
        raise error("Relative module names not supported")
    pkg_name, _, _ = mod_name.rpartition(".")
    if pkg_name:
        # The package comes first, as an import of the module would do it.
        try:
            __import__(pkg_name)
        except ImportError as e:
            if e.name is None or (e.name != pkg_name and
                                  not pkg_name.startswith(e.name + ".")):
                raise
            # The package is missing: the error below says so.
        existing = sys.modules.get(mod_name)
        if existing is not None and not hasattr(existing, "__path__"):
            from warnings import warn
            msg = "{mod_name!r} found in sys.modules after import of " \
                "package {pkg_name!r}, but prior to execution of " \
                "{mod_name!r}; this may result in unpredictable " \
                "behaviour".format(mod_name=mod_name, pkg_name=pkg_name)
            warn(RuntimeWarning(msg))
    try:
        pkg = sys.modules.get(pkg_name) if pkg_name else None
        if pkg_name and pkg is None:
            raise ModuleNotFoundError("No module named %r" % pkg_name, name=pkg_name)
        if pkg is not None and not hasattr(pkg, '__path__'):
            raise ModuleNotFoundError(f"__path__ attribute not found on {pkg_name!r} "
                                      f"while trying to find {mod_name!r}", name=mod_name)
        found = _find(mod_name)
    except (ImportError, AttributeError, TypeError, ValueError) as ex:
        msg = "Error while finding module specification for {!r} ({}: {})"
        if mod_name.endswith(".py"):
            msg += (f". Try using '{mod_name[:-3]}' instead of "
                    f"'{mod_name}' as the module name.")
        raise error(msg.format(mod_name, type(ex).__name__, ex)) from ex
    if found is None:
        raise error("No module named %s" % mod_name)
    code, fname, is_pkg = found
    if is_pkg:
        if mod_name == "__main__" or mod_name.endswith(".__main__"):
            raise error("Cannot use package as __main__ module")
        try:
            pkg_main_name = mod_name + ".__main__"
            __import__(mod_name)
            return _get_module_details(pkg_main_name, error)
        except error as e:
            if mod_name not in sys.modules:
                raise
            raise error(("%s; %r is a package and cannot " +
                         "be directly executed") % (e, mod_name))
    return mod_name, code, fname, mod_name.rpartition('.')[0]


def _run_code(code, run_globals, init_globals, mod_name, fname, pkg_name):
    if init_globals is not None:
        run_globals.update(init_globals)
    run_globals.update(__name__=mod_name, __file__=fname, __cached__=None,
                       __doc__=None, __loader__=None, __package__=pkg_name,
                       __spec__=None)
    exec(code, run_globals)
    return run_globals


def _run_module_as_main(mod_name, alter_argv=True):
    """Runs the module as __main__, in __main__'s namespace; errors in
    finding it end the program with CPython's message."""
    if alter_argv and sys.path and sys.path[0] == '':
        # As CPython's -m: the working directory, absolute, leads sys.path.
        import os
        sys.path[0] = os.getcwd()
    try:
        mod_name, code, fname, pkg_name = _get_module_details(mod_name, _Error)
    except _Error as exc:
        sys.exit("%s: %s" % (sys.executable, exc))
    main_globals = sys.modules["__main__"].__dict__
    if alter_argv:
        sys.argv[0] = fname
    return _run_code(code, main_globals, None, "__main__", fname, pkg_name)


def run_module(mod_name, init_globals=None, run_name=None, alter_sys=False):
    """Runs the module's code in a fresh namespace and returns it."""
    if alter_sys:
        raise NotImplementedError("aiopy: runpy.run_module(alter_sys=True) is not supported")
    mod_name, code, fname, pkg_name = _get_module_details(mod_name)
    if run_name is None:
        run_name = mod_name
    return _run_code(code, {}, init_globals, run_name, fname, pkg_name)


def run_path(path_name, init_globals=None, run_name=None):
    raise NotImplementedError("aiopy: runpy.run_path is not supported")
