"""asyncio subprocesses: not available in aiopy, which raises an error
naming them."""

__all__ = 'create_subprocess_exec', 'create_subprocess_shell'

PIPE = -1
STDOUT = -2
DEVNULL = -3


def _unsupported(what):
    raise NotImplementedError(f'{what} is not supported by aiopy (no subprocesses)')


async def create_subprocess_shell(cmd, stdin=None, stdout=None, stderr=None, limit=None, **kwds):
    """Run [cmd] through the shell: not available in aiopy."""
    _unsupported('asyncio.create_subprocess_shell()')


async def create_subprocess_exec(program, *args, stdin=None, stdout=None, stderr=None, limit=None,
                                 **kwds):
    """Run [program] with [args]: not available in aiopy."""
    _unsupported('asyncio.create_subprocess_exec()')
