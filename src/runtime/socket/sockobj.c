// _socket.socket: one file descriptor with its family, type, protocol and
// timeout mode (sock.h), and the calls on it with CPython's arguments and
// errors. lib/socket.py subclasses it as socket.socket.
//
// Every call that may block goes through sock_call: in timeout mode it
// polls first, for what is left of one deadline per method call; a call
// interrupted by a signal (EINTR) runs the VM's signal check, which raises
// KeyboardInterrupt for Ctrl-C, and otherwise is made again. Sends use
// MSG_NOSIGNAL: a peer that went away is an EPIPE error (BrokenPipeError),
// never a SIGPIPE that kills the interpreter.
//
// The descriptor is closed by close(), or when the object is collected
// (CPython closes it in its finaliser too); detach() hands it over.
// accept4, SOCK_CLOEXEC, the EAI_ codes glibc hides otherwise.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "runtime/bytes.h"
#include "runtime/exc.h"
#include "runtime/float.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/socket/sock.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

#define SELF AS_SOCKET(args[0])

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

// A signal interrupted a call: false with KeyboardInterrupt (or what a
// Python handler raised) set; true to go on.
static bool signals_ok(Vm *vm) { return !vm->hooks.check_signals || vm->hooks.check_signals(vm); }

static bool raise_timeout(Vm *vm) { return rt_raise(vm, &TimeoutError_type, "timed out"); }

// The deadline of one call in timeout mode (< 0: none).
static double deadline_of(ObjSocket *s) { return s->timeout > 0 ? now() + s->timeout : -1; }

// Waits until [fd] is readable (or writable) or [deadline] passes (< 0:
// no limit). 1 ready, 0 timed out, -1 raised.
static int wait_ready(Vm *vm, int fd, bool writing, double deadline) {
    struct pollfd p = {fd, writing ? POLLOUT : POLLIN, 0};
    for (;;) {
        int ms = -1;
        if (deadline >= 0) {
            double left = deadline - now();
            ms = left <= 0 ? 0 : left >= INT_MAX / 1000 ? INT_MAX : (int)ceil(left * 1000.0);
        }
        int r = poll(&p, 1, ms);
        if (r > 0) return 1;
        if (r == 0) return 0;
        if (errno != EINTR) return rt_raise_errno(vm, errno, VAL_NULL), -1;
        if (!signals_ok(vm)) return -1;
    }
}

// One system call on the socket, given its own arguments; returns what the
// call returns (-1 with errno set on failure).
typedef ssize_t (*SockFn)(int fd, void *ctx);

// Runs [fn] as the socket's mode says (see the file comment); *res gets
// its result. [deadline] is the call's (deadline_of), shared by the
// several system calls of one sendall().
static bool sock_call(Vm *vm, ObjSocket *s, bool writing, SockFn fn, void *ctx, double deadline, ssize_t *res) {
    for (;;) {
        // A closed socket does not wait: the call itself reports EBADF.
        if (s->timeout > 0 && s->fd >= 0) {
            int r = wait_ready(vm, s->fd, writing, deadline);
            if (r < 0) return false;
            if (r == 0) return raise_timeout(vm);
        }
        ssize_t n = fn(s->fd, ctx);
        if (n >= 0) {
            *res = n;
            return true;
        }
        int e = errno;
        if (e == EINTR) {
            if (!signals_ok(vm)) return false;
            continue;
        }
        if (s->timeout > 0 && (e == EAGAIN || e == EWOULDBLOCK)) continue;
        return rt_raise_errno(vm, e, VAL_NULL);
    }
}

// ---- the system calls ----

typedef struct IoCtx {
    const char *out;       // send
    char *in;              // recv
    size_t len;
    int flags;
    SockAddr *addr;        // recvfrom / sendto / accept
    socklen_t addrlen;
} IoCtx;

static ssize_t do_send(int fd, void *p) {
    IoCtx *c = p;
    return send(fd, c->out, c->len, c->flags | MSG_NOSIGNAL);
}
static ssize_t do_sendto(int fd, void *p) {
    IoCtx *c = p;
    return sendto(fd, c->out, c->len, c->flags | MSG_NOSIGNAL, &c->addr->sa, c->addrlen);
}
static ssize_t do_recv(int fd, void *p) {
    IoCtx *c = p;
    return recv(fd, c->in, c->len, c->flags);
}
static ssize_t do_recvfrom(int fd, void *p) {
    IoCtx *c = p;
    c->addrlen = sizeof *c->addr;
    return recvfrom(fd, c->in, c->len, c->flags, &c->addr->sa, &c->addrlen);
}
static ssize_t do_accept(int fd, void *p) {
    IoCtx *c = p;
    c->addrlen = sizeof *c->addr;
    return accept4(fd, &c->addr->sa, &c->addrlen, SOCK_CLOEXEC);
}

// ---- argument helpers ----

static bool int_arg(Vm *vm, Value v, int *out) {
    if (IS_INSTANCE(v, float_type))
        return rt_raise(vm, &TypeError_type, "'float' object cannot be interpreted as an integer");
    int64_t n;
    TRY(rt_index(vm, v, &n));
    if (n > INT_MAX) return rt_raise(vm, &OverflowError_type, "signed integer is greater than maximum");
    if (n < INT_MIN) return rt_raise(vm, &OverflowError_type, "signed integer is less than minimum");
    *out = (int)n;
    return true;
}

static bool data_arg(Vm *vm, Value v, const char **p, size_t *n) {
    if (bytes_view(v, p, n)) return true;
    return rt_raise(vm, &TypeError_type, "a bytes-like object is required, not '%s'", type_name(rt_type(v)));
}

static bool set_fd_blocking(Vm *vm, int fd, bool blocking) {
    int fl = fcntl(fd, F_GETFL);
    if (fl < 0) return rt_raise_errno(vm, errno, VAL_NULL);
    int want = blocking ? fl & ~O_NONBLOCK : fl | O_NONBLOCK;
    if (want != fl && fcntl(fd, F_SETFL, want) < 0) return rt_raise_errno(vm, errno, VAL_NULL);
    return true;
}

// settimeout()'s argument: None (-1) or seconds >= 0.
static bool timeout_arg(Vm *vm, Value v, double *out) {
    if (IS_NONE(v)) {
        *out = -1;
        return true;
    }
    if (!IS_INSTANCE(v, float_type) && !IS_ANYINT(v))
        return rt_raise(vm, &TypeError_type, "'%s' object cannot be interpreted as an integer", type_name(rt_type(v)));
    double d;
    TRY(rt_as_double(vm, v, &d));
    if (isnan(d)) return rt_raise(vm, &ValueError_type, "Invalid value NaN (not a number)");
    if (d < 0) return rt_raise(vm, &ValueError_type, "Timeout value out of range");
    *out = d;
    return true;
}

// ---- construction ----

ObjSocket *sock_new_from_fd(Vm *vm, int fd, int family, int type, int proto) {
    ObjSocket *s = (ObjSocket *)gc_alloc(vm, &sock_type, sizeof(ObjSocket));
    if (!s) {
        close(fd);
        return NULL;
    }
    s->fd = fd;
    s->family = family;
    s->type = type;
    s->proto = proto;
    s->timeout = -1;
    return s;
}

static bool sock_new_slot(Vm *vm, ObjType *t, Value *args, size_t nargs, Value kw, Value *out) {
    (void)args, (void)nargs, (void)kw;
    ObjSocket *s = (ObjSocket *)gc_alloc(vm, t, t->basicsize);
    TRY(s);
    s->fd = -1;
    s->family = AF_INET;
    s->type = SOCK_STREAM;
    s->timeout = -1;
    *out = OBJ_VAL(s);
    return true;
}

static bool sockopt_int(Vm *vm, int fd, int opt, int *out) {
    socklen_t len = sizeof *out;
    if (getsockopt(fd, SOL_SOCKET, opt, out, &len) != 0) return rt_raise_errno(vm, errno, VAL_NULL);
    return true;
}

// socket(family=-1, type=-1, proto=-1, fileno=None): a new socket, or one
// around the descriptor [fileno], whose family, type and protocol are
// asked of the kernel when not given.
static bool sock_init(Vm *vm, Value self, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"family", "type", "proto", "fileno"};
    Value a[4];
    TRY(rt_parse_args(vm, "socket", args, nargs, kw, names, 4, 4, 0, a));
    int family = -1, type = -1, proto = -1, fd;
    if (a[0] && !IS_NONE(a[0])) TRY(int_arg(vm, a[0], &family));
    if (a[1] && !IS_NONE(a[1])) TRY(int_arg(vm, a[1], &type));
    if (a[2] && !IS_NONE(a[2])) TRY(int_arg(vm, a[2], &proto));
    if (a[3] && !IS_NONE(a[3])) {
        int64_t n;
        if (IS_INSTANCE(a[3], float_type))
            return rt_raise(vm, &TypeError_type, "'float' object cannot be interpreted as an integer");
        TRY(rt_index(vm, a[3], &n));
        if (n < 0) return rt_raise(vm, &ValueError_type, "negative file descriptor");
        if (n > INT_MAX) return rt_raise(vm, &OverflowError_type, "file descriptor out of range");
        fd = (int)n;
        if (family == -1) TRY(sockopt_int(vm, fd, SO_DOMAIN, &family));
        if (type == -1) TRY(sockopt_int(vm, fd, SO_TYPE, &type));
        if (proto == -1) TRY(sockopt_int(vm, fd, SO_PROTOCOL, &proto));
    } else {
        if (family == -1) family = AF_INET;
        if (type == -1) type = SOCK_STREAM;
        if (proto == -1) proto = 0;
        fd = socket(family, type | SOCK_CLOEXEC, proto);
        if (fd < 0) return rt_raise_errno(vm, errno, VAL_NULL);
    }
    ObjSocket *s = AS_SOCKET(self);
    s->fd = fd;
    s->family = family;
    s->type = type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
    s->proto = proto;
    s->timeout = (type & SOCK_NONBLOCK) ? 0 : -1;
    return true;
}

static void sock_trace(Vm *vm, Obj *o) { gc_mark_value(vm, ((ObjSocket *)o)->dict); }

static void sock_free(Vm *vm, Obj *o) {
    (void)vm;
    ObjSocket *s = (ObjSocket *)o;
    if (s->fd >= 0) close(s->fd);
    s->fd = -1;
}

static bool sock_repr(Vm *vm, Value self, Value *out) {
    ObjSocket *s = AS_SOCKET(self);
    ObjStr *r = rt_format_cmsg(vm, "<socket object, fd=%d, family=%d, type=%d, proto=%d>", s->fd, s->family,
                               s->type, s->proto);
    TRY(r);
    *out = OBJ_VAL(r);
    return true;
}

// ---- methods: connections ----

static bool m_bind(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "bind", kw));
    TRY(rt_check_nargs(vm, "bind", nargs - 1, 1, 1));
    SockAddr a;
    socklen_t len;
    TRY(sock_parse_addr(vm, SELF->family, args[1], "bind", &a, &len));
    if (bind(SELF->fd, &a.sa, len) != 0) return rt_raise_errno(vm, errno, VAL_NULL);
    *out = NONE_VAL;
    return true;
}

static bool m_listen(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "listen", kw));
    TRY(rt_check_nargs(vm, "listen", nargs - 1, 0, 1));
    int backlog = SOMAXCONN < 128 ? SOMAXCONN : 128;
    if (nargs > 1) TRY(int_arg(vm, args[1], &backlog));
    if (backlog < 0) backlog = 0;
    if (listen(SELF->fd, backlog) != 0) return rt_raise_errno(vm, errno, VAL_NULL);
    *out = NONE_VAL;
    return true;
}

// _accept() -> (fd, address); socket.accept() wraps the descriptor.
static bool m_accept(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "_accept", kw));
    TRY(rt_check_nargs(vm, "_accept", nargs - 1, 0, 0));
    SockAddr a;
    memset(&a, 0, sizeof a);
    IoCtx c = {.addr = &a};
    ssize_t fd;
    TRY(sock_call(vm, SELF, false, do_accept, &c, deadline_of(SELF), &fd));
    Value addr;
    if (!sock_make_addr(vm, &a, c.addrlen, &addr)) {
        close((int)fd);
        return false;
    }
    gc_push_root(vm, addr);
    ObjTuple *t = tuple_pack2(vm, INT_VAL(fd), addr);
    gc_pop_root(vm);
    if (!t) {
        close((int)fd);
        return false;
    }
    *out = OBJ_VAL(t);
    return true;
}

// connect() and connect_ex(): 0 when connected, else the errno value
// (connect_ex) or -1 with the error raised (connect, and any error in the
// arguments or from a signal). A connect() interrupted by a signal goes
// on in the background, so a blocking socket then waits for it to finish,
// as CPython does.
static int do_connect(Vm *vm, ObjSocket *s, Value address, const char *caller, bool raise) {
    SockAddr a;
    socklen_t len;
    if (!sock_parse_addr(vm, s->family, address, caller, &a, &len)) return -1;
    int err = 0;
    if (connect(s->fd, &a.sa, len) == 0) return 0;
    err = errno;
    bool wait = false;
    if (err == EINTR) {
        if (!signals_ok(vm)) return -1;
        wait = s->timeout != 0;
    } else if (err == EINPROGRESS) {
        wait = s->timeout > 0;
    }
    if (wait) {
        int r = wait_ready(vm, s->fd, true, deadline_of(s));
        if (r < 0) return -1;
        if (r == 0) {
            if (raise) return raise_timeout(vm), -1;
            return EWOULDBLOCK;
        }
        socklen_t elen = sizeof err;
        if (getsockopt(s->fd, SOL_SOCKET, SO_ERROR, &err, &elen) != 0) err = errno;
        if (err == 0) return 0;
    }
    if (raise) return rt_raise_errno(vm, err, VAL_NULL), -1;
    return err;
}

static bool m_connect(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "connect", kw));
    TRY(rt_check_nargs(vm, "connect", nargs - 1, 1, 1));
    if (do_connect(vm, SELF, args[1], "connect", true) != 0) return false;
    *out = NONE_VAL;
    return true;
}

static bool m_connect_ex(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "connect_ex", kw));
    TRY(rt_check_nargs(vm, "connect_ex", nargs - 1, 1, 1));
    int r = do_connect(vm, SELF, args[1], "connect_ex", false);
    if (r < 0) return false;
    *out = INT_VAL(r);
    return true;
}

static bool m_shutdown(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "shutdown", kw));
    TRY(rt_check_nargs(vm, "shutdown", nargs - 1, 1, 1));
    int how;
    TRY(int_arg(vm, args[1], &how));
    if (shutdown(SELF->fd, how) != 0) return rt_raise_errno(vm, errno, VAL_NULL);
    *out = NONE_VAL;
    return true;
}

// ---- methods: data ----

static bool m_send(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "send", kw));
    TRY(rt_check_nargs(vm, "send", nargs - 1, 1, 2));
    IoCtx c = {0};
    TRY(data_arg(vm, args[1], &c.out, &c.len));
    if (nargs > 2) TRY(int_arg(vm, args[2], &c.flags));
    ssize_t n;
    TRY(sock_call(vm, SELF, true, do_send, &c, deadline_of(SELF), &n));
    *out = INT_VAL(n);
    return true;
}

static bool m_sendall(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "sendall", kw));
    TRY(rt_check_nargs(vm, "sendall", nargs - 1, 1, 2));
    IoCtx c = {0};
    TRY(data_arg(vm, args[1], &c.out, &c.len));
    if (nargs > 2) TRY(int_arg(vm, args[2], &c.flags));
    // [args] keeps the bytes alive, so c.out stays valid across the
    // signal checks, which may run Python handlers. A signal that arrives
    // during a send that then succeeds partly interrupts nothing, so it
    // is looked at between the sends (Ctrl-C in a long sendall).
    double deadline = deadline_of(SELF);
    while (c.len > 0) {
        ssize_t n;
        TRY(sock_call(vm, SELF, true, do_send, &c, deadline, &n));
        c.out += n;
        c.len -= (size_t)n;
        if (c.len > 0) TRY(signals_ok(vm));
    }
    *out = NONE_VAL;
    return true;
}

static bool m_sendto(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "sendto", kw));
    if (nargs - 1 < 2 || nargs - 1 > 3)
        return rt_raise(vm, &TypeError_type, "sendto() takes 2 or 3 arguments (%zu given)", nargs - 1);
    IoCtx c = {0};
    SockAddr a;
    TRY(data_arg(vm, args[1], &c.out, &c.len));
    if (nargs == 4) TRY(int_arg(vm, args[2], &c.flags));
    TRY(sock_parse_addr(vm, SELF->family, args[nargs - 1], "sendto", &a, &c.addrlen));
    c.addr = &a;
    ssize_t n;
    TRY(sock_call(vm, SELF, true, do_sendto, &c, deadline_of(SELF), &n));
    *out = INT_VAL(n);
    return true;
}

// recv(bufsize[, flags]) and recvfrom(bufsize[, flags]).
static bool recv_common(Vm *vm, Value *args, size_t nargs, Value kw, const char *fname, bool from, Value *out) {
    TRY(rt_no_kwargs(vm, fname, kw));
    TRY(rt_check_nargs(vm, fname, nargs - 1, 1, 2));
    int size, flags = 0;
    TRY(int_arg(vm, args[1], &size));
    if (nargs > 2) TRY(int_arg(vm, args[2], &flags));
    if (size < 0) return rt_raise(vm, &ValueError_type, "negative buffersize in %s", fname);
    char stackbuf[4096];
    char *buf = (size_t)size <= sizeof stackbuf ? stackbuf : malloc((size_t)size);
    if (!buf) return rt_raise_nomem(vm);
    SockAddr a;
    memset(&a, 0, sizeof a);
    IoCtx c = {.in = buf, .len = (size_t)size, .flags = flags, .addr = &a};
    ssize_t n;
    bool ok = sock_call(vm, SELF, false, from ? do_recvfrom : do_recv, &c, deadline_of(SELF), &n);
    ObjBytes *b = ok ? bytes_new(vm, buf, (size_t)n) : NULL;
    if (buf != stackbuf) free(buf);
    TRY(b);
    if (!from) {
        *out = OBJ_VAL(b);
        return true;
    }
    gc_push_root(vm, OBJ_VAL(b));
    Value addr;
    ok = sock_make_addr(vm, &a, c.addrlen, &addr);
    ObjTuple *t = NULL;
    if (ok) {
        gc_push_root(vm, addr);
        t = tuple_pack2(vm, OBJ_VAL(b), addr);
        gc_pop_root(vm);
    }
    gc_pop_root(vm);
    TRY(t);
    *out = OBJ_VAL(t);
    return true;
}

static bool m_recv(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    return recv_common(vm, args, nargs, kw, "recv", false, out);
}

static bool m_recvfrom(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    return recv_common(vm, args, nargs, kw, "recvfrom", true, out);
}

// aiopy has no writable bytes-like type (bytearray, memoryview), so no
// argument can ever be filled in.
static bool m_recv_into(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    (void)out;
    TRY(rt_check_nargs(vm, "recv_into", nargs - 1 + (kw ? AS_TUPLE(kw)->len : 0), 1, 3));
    return rt_raise(vm, &TypeError_type, "recv_into() argument 'buffer' must be read-write bytes-like object, not %s",
                    type_name(rt_type(args[1])));
}

// ---- methods: the descriptor and its mode ----

static bool m_close(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "close", kw));
    TRY(rt_check_nargs(vm, "close", nargs - 1, 0, 0));
    int fd = SELF->fd;
    *out = NONE_VAL;
    if (fd < 0) return true;
    SELF->fd = -1;
    // As CPython: the descriptor is gone even when close() reports an
    // error, and a reset connection is not one worth raising.
    if (close(fd) != 0 && errno != ECONNRESET && errno != EINTR) return rt_raise_errno(vm, errno, VAL_NULL);
    return true;
}

static bool m_detach(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "detach", kw));
    TRY(rt_check_nargs(vm, "detach", nargs - 1, 0, 0));
    *out = INT_VAL(SELF->fd);
    SELF->fd = -1;
    return true;
}

static bool m_fileno(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "fileno", kw));
    TRY(rt_check_nargs(vm, "fileno", nargs - 1, 0, 0));
    *out = INT_VAL(SELF->fd);
    return true;
}

static bool m_setblocking(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "setblocking", kw));
    TRY(rt_check_nargs(vm, "setblocking", nargs - 1, 1, 1));
    int flag = rt_is_true(vm, args[1]);
    if (flag < 0) return false;
    SELF->timeout = flag ? -1 : 0;
    TRY(set_fd_blocking(vm, SELF->fd, flag));
    *out = NONE_VAL;
    return true;
}

static bool m_getblocking(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "getblocking", kw));
    TRY(rt_check_nargs(vm, "getblocking", nargs - 1, 0, 0));
    *out = rt_bool(SELF->timeout != 0);
    return true;
}

static bool m_settimeout(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "settimeout", kw));
    TRY(rt_check_nargs(vm, "settimeout", nargs - 1, 1, 1));
    double t = 0;
    TRY(timeout_arg(vm, args[1], &t));
    SELF->timeout = t;
    TRY(set_fd_blocking(vm, SELF->fd, t < 0));
    *out = NONE_VAL;
    return true;
}

static bool get_timeout(Vm *vm, Value self, Value *out) {
    double t = AS_SOCKET(self)->timeout;
    if (t < 0) {
        *out = NONE_VAL;
        return true;
    }
    return float_new(vm, t, out);
}

static bool m_gettimeout(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "gettimeout", kw));
    TRY(rt_check_nargs(vm, "gettimeout", nargs - 1, 0, 0));
    return get_timeout(vm, args[0], out);
}

// setsockopt(level, option, value: int | bytes) or (level, option, None, optlen).
static bool m_setsockopt(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "setsockopt", kw));
    TRY(rt_check_nargs(vm, "setsockopt", nargs - 1, 3, 4));
    int level, opt, r;
    TRY(int_arg(vm, args[1], &level));
    TRY(int_arg(vm, args[2], &opt));
    if (nargs == 5) {
        if (!IS_NONE(args[3]))
            return rt_raise(vm, &TypeError_type, "setsockopt() argument 3 must be NoneType, not %s",
                            type_name(rt_type(args[3])));
        int optlen;
        TRY(int_arg(vm, args[4], &optlen));
        r = setsockopt(SELF->fd, level, opt, NULL, (socklen_t)optlen);
    } else if (IS_ANYINT(args[3])) {
        int v;
        TRY(int_arg(vm, args[3], &v));
        r = setsockopt(SELF->fd, level, opt, &v, sizeof v);
    } else {
        const char *p;
        size_t n;
        TRY(data_arg(vm, args[3], &p, &n));
        r = setsockopt(SELF->fd, level, opt, p, (socklen_t)n);
    }
    if (r != 0) return rt_raise_errno(vm, errno, VAL_NULL);
    *out = NONE_VAL;
    return true;
}

// getsockopt(level, option) -> int, or getsockopt(level, option, buflen) -> bytes.
static bool m_getsockopt(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "getsockopt", kw));
    TRY(rt_check_nargs(vm, "getsockopt", nargs - 1, 2, 3));
    int level, opt;
    TRY(int_arg(vm, args[1], &level));
    TRY(int_arg(vm, args[2], &opt));
    if (nargs == 3) {
        int v = 0;
        socklen_t len = sizeof v;
        if (getsockopt(SELF->fd, level, opt, &v, &len) != 0) return rt_raise_errno(vm, errno, VAL_NULL);
        *out = INT_VAL(v);
        return true;
    }
    int buflen;
    TRY(int_arg(vm, args[3], &buflen));
    if (buflen <= 0 || buflen > 1024) return rt_raise(vm, &OSError_type, "getsockopt buflen out of range");
    char buf[1024];
    socklen_t len = (socklen_t)buflen;
    if (getsockopt(SELF->fd, level, opt, buf, &len) != 0) return rt_raise_errno(vm, errno, VAL_NULL);
    ObjBytes *b = bytes_new(vm, buf, len);
    TRY(b);
    *out = OBJ_VAL(b);
    return true;
}

static bool name_common(Vm *vm, Value *args, size_t nargs, Value kw, bool peer, Value *out) {
    const char *fname = peer ? "getpeername" : "getsockname";
    TRY(rt_no_kwargs(vm, fname, kw));
    TRY(rt_check_nargs(vm, fname, nargs - 1, 0, 0));
    SockAddr a;
    memset(&a, 0, sizeof a);
    socklen_t len = sizeof a;
    int r = peer ? getpeername(SELF->fd, &a.sa, &len) : getsockname(SELF->fd, &a.sa, &len);
    if (r != 0) return rt_raise_errno(vm, errno, VAL_NULL);
    return sock_make_addr(vm, &a, len, out);
}

static bool m_getsockname(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    return name_common(vm, args, nargs, kw, false, out);
}

static bool m_getpeername(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    return name_common(vm, args, nargs, kw, true, out);
}

static const MethodDef sock_methods[] = {
    {"_accept", m_accept, 0},
    {"bind", m_bind, 0},
    {"close", m_close, 0},
    {"connect", m_connect, 0},
    {"connect_ex", m_connect_ex, 0},
    {"detach", m_detach, 0},
    {"fileno", m_fileno, 0},
    {"getblocking", m_getblocking, 0},
    {"getpeername", m_getpeername, 0},
    {"getsockname", m_getsockname, 0},
    {"getsockopt", m_getsockopt, 0},
    {"gettimeout", m_gettimeout, 0},
    {"listen", m_listen, 0},
    {"recv", m_recv, 0},
    {"recvfrom", m_recvfrom, 0},
    {"recv_into", m_recv_into, 0},
    {"send", m_send, 0},
    {"sendall", m_sendall, 0},
    {"sendto", m_sendto, 0},
    {"setblocking", m_setblocking, 0},
    {"setsockopt", m_setsockopt, 0},
    {"settimeout", m_settimeout, 0},
    {"shutdown", m_shutdown, 0},
    {NULL, NULL, 0},
};

static bool get_family(Vm *vm, Value self, Value *out) { (void)vm; *out = INT_VAL(AS_SOCKET(self)->family); return true; }
static bool get_type(Vm *vm, Value self, Value *out) { (void)vm; *out = INT_VAL(AS_SOCKET(self)->type); return true; }
static bool get_proto(Vm *vm, Value self, Value *out) { (void)vm; *out = INT_VAL(AS_SOCKET(self)->proto); return true; }

static const GetSetDef sock_getsets[] = {
    {"family", get_family, NULL},
    {"type", get_type, NULL},
    {"proto", get_proto, NULL},
    {"timeout", get_timeout, NULL},
    {NULL, NULL, NULL},
};

ObjType sock_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "socket",
    .module = "_socket",
    .basicsize = sizeof(ObjSocket),
    .dictoffset = offsetof(ObjSocket, dict),
    .flags = TYPE_BASETYPE,
    .base = &object_type,
    .methods = sock_methods,
    .getsets = sock_getsets,
    .trace = sock_trace,
    .free = sock_free,
    .new_ = sock_new_slot,
    .init = sock_init,
    .repr = sock_repr,
};
