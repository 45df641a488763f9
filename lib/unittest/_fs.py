# unittest._fs: the file-system questions of discovery and of command-line
# file names (test_x.py -> test_x): os.path's string functions for POSIX
# paths, and os.listdir/os.stat for what exists. The string functions are
# written here because aiopy's os module has no os.path; listdir and stat
# come from os (NotImplementedError naming them when os lacks them).

import os

__unittest = True


def _os_function(name):
    f = getattr(os, name, None)
    if f is None:
        raise NotImplementedError("aiopy: unittest discovery needs os.%s, "
                                  "which aiopy's os module does not have" % name)
    return f


def isabs(path):
    return path.startswith('/')


def join(a, *parts):
    path = a
    for b in parts:
        if b.startswith('/'):
            path = b
        elif not path or path.endswith('/'):
            path += b
        else:
            path += '/' + b
    return path


def split(path):
    i = path.rfind('/') + 1
    head, tail = path[:i], path[i:]
    if head and head != '/' * len(head):
        head = head.rstrip('/')
    return head, tail


def basename(path):
    return path[path.rfind('/') + 1:]


def dirname(path):
    return split(path)[0]


def splitext(path):
    # The extension starts at the last dot of the last component, unless
    # the component is all dots before it (".bashrc" has none).
    slash = path.rfind('/')
    dot = path.rfind('.')
    if dot > slash:
        i = slash + 1
        while i < dot:
            if path[i] != '.':
                return path[:dot], path[dot:]
            i += 1
    return path, ''


def normpath(path):
    if not path:
        return '.'
    initial = 2 if path.startswith('//') and not path.startswith('///') else \
        1 if path.startswith('/') else 0
    comps = []
    for comp in path.split('/'):
        if comp in ('', '.'):
            continue
        if comp != '..' or (not initial and not comps) or (comps and comps[-1] == '..'):
            comps.append(comp)
        elif comps:
            comps.pop()
    path = '/'.join(comps)
    if initial:
        path = '/' * initial + path
    return path or '.'


def abspath(path):
    if not isabs(path):
        path = join(os.getcwd(), path)
    return normpath(path)


def relpath(path, start='.'):
    if not path:
        raise ValueError("no path specified")
    start_list = [x for x in abspath(start).split('/') if x]
    path_list = [x for x in abspath(path).split('/') if x]
    i = 0
    while i < min(len(start_list), len(path_list)) and start_list[i] == path_list[i]:
        i += 1
    rel_list = ['..'] * (len(start_list) - i) + path_list[i:]
    if not rel_list:
        return '.'
    return join(*rel_list)


def realpath(path):
    # Symbolic links are not resolved (aiopy's os has no readlink).
    return abspath(path)


def listdir(path='.'):
    return _os_function('listdir')(path)


def _mode(path):
    try:
        return _os_function('stat')(path).st_mode
    except (OSError, ValueError):
        return None


def isdir(path):
    mode = _mode(path)
    return mode is not None and (mode & 0o170000) == 0o040000


def isfile(path):
    mode = _mode(path)
    return mode is not None and (mode & 0o170000) == 0o100000
