"""Task reprs and stacks (called by _asyncio.Task)."""

import reprlib
import sys

from asyncio import base_futures
from asyncio import coroutines


def _task_repr_info(task):
    info = base_futures._future_repr_info(task)
    if task.cancelling() and not task.done():
        info[0] = 'cancelling'
    info.insert(1, 'name=%r' % task.get_name())
    coro = coroutines._format_coroutine(task._coro)
    info.insert(2, f'coro=<{coro}>')
    if task._fut_waiter is not None:
        info.insert(3, f'wait_for={task._fut_waiter!r}')
    return info


@reprlib.recursive_repr()
def _task_repr(task):
    info = ' '.join(_task_repr_info(task))
    return f'<{task.__class__.__name__} {info}>'


def _task_get_stack(task, limit):
    # aiopy knows the suspended frame of the task's own coroutine (frames
    # below it in its await chain are not exposed as frame objects).
    frames = []
    coro = task._coro
    frame = getattr(coro, 'cr_frame', None) or getattr(coro, 'gi_frame', None) \
        or getattr(coro, 'ag_frame', None)
    if frame is not None:
        if limit is None or limit > 0:
            frames.append(frame)
    elif task._exception is not None:
        tb = task._exception.__traceback__
        while tb is not None:
            if limit is not None:
                if limit <= 0:
                    break
                limit -= 1
            frames.append(tb)
            tb = tb.tb_next
    return frames


def _source_line(filename, lineno):
    # The stripped source line, as traceback.print_list shows it.
    try:
        with open(filename) as f:
            for i, line in enumerate(f, 1):
                if i == lineno:
                    return line.strip()
    except (OSError, UnicodeDecodeError):
        pass
    return None


def _task_print_stack(task, limit, file):
    if file is None:
        file = sys.stderr
    entries = []
    for f in task.get_stack(limit=limit):
        if hasattr(f, 'tb_lineno'):   # a traceback entry (aiopy has no tb_frame)
            code, lineno = f.tb_frame.f_code if hasattr(f, 'tb_frame') else f.tb_code, f.tb_lineno
        else:
            code, lineno = f.f_code, f.f_lineno
        entries.append((code.co_filename, lineno, code.co_name))
    exc = task._exception
    if not entries:
        print(f'No stack for {task!r}', file=file)
    elif exc is not None:
        print(f'Traceback for {task!r} (most recent call last):', file=file)
    else:
        print(f'Stack for {task!r} (most recent call last):', file=file)
    for filename, lineno, name in entries:
        print(f'  File "{filename}", line {lineno}, in {name}', file=file)
        line = _source_line(filename, lineno)
        if line:
            print(f'    {line}', file=file)
    if exc is not None:
        import traceback
        for line in traceback.format_exception_only(exc):
            print(line, file=file, end='')
