// The _socket module's table: the socket type, the constants (Linux's
// values, read from the system headers), the exception classes, and the
// functions that make sockets without an address (socketpair, dup).
// Names follow CPython's _socket, so lib/socket.py reads like CPython's.
// accept4, SOCK_CLOEXEC, the EAI_ codes glibc hides otherwise.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/stat.h>
#include <unistd.h>

#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/modules.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/socket/sock.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

// The integer constants, in CPython's groups: socket.py turns the AF_,
// SOCK_, MSG_ and AI_ groups into AddressFamily, SocketKind, MsgFlag and
// AddressInfo members.
#define SOCK_CONSTANTS(X)                                                                     \
    X(AF_UNSPEC) X(AF_INET) X(AF_INET6) X(AF_UNIX)                                            \
    X(SOCK_STREAM) X(SOCK_DGRAM) X(SOCK_RAW) X(SOCK_SEQPACKET) X(SOCK_NONBLOCK) X(SOCK_CLOEXEC) \
    X(SOL_SOCKET) X(SO_REUSEADDR) X(SO_REUSEPORT) X(SO_ERROR) X(SO_TYPE) X(SO_KEEPALIVE)       \
    X(SO_BROADCAST) X(SO_RCVBUF) X(SO_SNDBUF) X(SO_LINGER) X(SO_DOMAIN) X(SO_PROTOCOL)         \
    X(SO_ACCEPTCONN) X(SO_RCVLOWAT) X(SO_SNDLOWAT) X(SO_RCVTIMEO) X(SO_SNDTIMEO) X(SOMAXCONN) \
    X(IPPROTO_IP) X(IPPROTO_TCP) X(IPPROTO_UDP) X(IPPROTO_IPV6) X(IPPROTO_ICMP) X(IPV6_V6ONLY) \
    X(IP_TOS) X(IP_TTL) X(TCP_NODELAY) X(TCP_KEEPIDLE) X(TCP_KEEPINTVL) X(TCP_KEEPCNT)         \
    X(TCP_MAXSEG) X(SHUT_RD) X(SHUT_WR) X(SHUT_RDWR)                                          \
    X(MSG_OOB) X(MSG_PEEK) X(MSG_DONTROUTE) X(MSG_DONTWAIT) X(MSG_EOR) X(MSG_TRUNC)           \
    X(MSG_CTRUNC) X(MSG_WAITALL) X(MSG_NOSIGNAL)                                              \
    X(AI_PASSIVE) X(AI_CANONNAME) X(AI_NUMERICHOST) X(AI_NUMERICSERV) X(AI_V4MAPPED)          \
    X(AI_ALL) X(AI_ADDRCONFIG)                                                                \
    X(NI_NUMERICHOST) X(NI_NUMERICSERV) X(NI_NOFQDN) X(NI_NAMEREQD) X(NI_DGRAM)               \
    X(NI_MAXHOST) X(NI_MAXSERV)                                                               \
    X(EAI_ADDRFAMILY) X(EAI_AGAIN) X(EAI_BADFLAGS) X(EAI_FAIL) X(EAI_FAMILY) X(EAI_MEMORY)    \
    X(EAI_NODATA) X(EAI_NONAME) X(EAI_OVERFLOW) X(EAI_SERVICE) X(EAI_SOCKTYPE) X(EAI_SYSTEM)  \
    X(INADDR_ANY) X(INADDR_BROADCAST) X(INADDR_LOOPBACK) X(INADDR_NONE)

typedef struct SockConst {
    const char *name;
    long long value;
} SockConst;

#define SOCK_CONST_ENTRY(n) {#n, (long long)(n)},
static const SockConst sock_constants[] = {SOCK_CONSTANTS(SOCK_CONST_ENTRY)};
#undef SOCK_CONST_ENTRY

static bool int_arg(Vm *vm, Value v, const char *what, int *out) {
    int64_t n;
    if (IS_INSTANCE(v, float_type))
        return rt_raise(vm, &TypeError_type, "'float' object cannot be interpreted as an integer");
    TRY(rt_index(vm, v, &n));
    if (n < -1 || n > 0x7fffffff) return rt_raise(vm, &OverflowError_type, "%s out of range", what);
    *out = (int)n;
    return true;
}

// socketpair(family=AF_UNIX, type=SOCK_STREAM, proto=0) -> two _socket.socket.
static bool f_socketpair(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    static const char *const names[] = {"family", "type", "proto"};
    Value a[3];
    TRY(rt_parse_args(vm, "socketpair", args, nargs, kw, names, 3, 3, 0, a));
    int family = AF_UNIX, type = SOCK_STREAM, proto = 0;
    if (a[0] && !IS_NONE(a[0])) TRY(int_arg(vm, a[0], "family", &family));
    if (a[1] && !IS_NONE(a[1])) TRY(int_arg(vm, a[1], "type", &type));
    if (a[2] && !IS_NONE(a[2])) TRY(int_arg(vm, a[2], "proto", &proto));
    int fds[2];
    if (socketpair(family, type | SOCK_CLOEXEC, proto, fds) != 0) return rt_raise_errno(vm, errno, VAL_NULL);
    ObjSocket *s0 = sock_new_from_fd(vm, fds[0], family, type, proto);
    if (!s0) {
        close(fds[1]);
        return false;
    }
    gc_push_root(vm, OBJ_VAL(s0));
    ObjSocket *s1 = sock_new_from_fd(vm, fds[1], family, type, proto);
    ObjTuple *t = NULL;
    if (s1) {
        gc_push_root(vm, OBJ_VAL(s1));
        t = tuple_pack2(vm, OBJ_VAL(s0), OBJ_VAL(s1));
        gc_pop_root(vm);
    }
    gc_pop_root(vm);
    // On failure the sockets, now garbage, close their descriptors when
    // collected.
    TRY(t);
    *out = OBJ_VAL(t);
    return true;
}

// dup(fd) -> a new descriptor for the same socket (close-on-exec).
static bool f_dup(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "dup", kw));
    TRY(rt_check_nargs(vm, "dup", nargs, 1, 1));
    int fd;
    TRY(int_arg(vm, args[0], "file descriptor", &fd));
    int n = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    if (n < 0) return rt_raise_errno(vm, errno, VAL_NULL);
    *out = INT_VAL(n);
    return true;
}

// _remove_stale_unix_socket(path): removes [path] if it is a socket, as
// asyncio's create_unix_server does before binding (a server that died
// leaves its socket file behind). Other files, and a missing one, are left
// alone; aiopy's os module has no stat() to do this in Python.
static bool f_remove_stale(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "_remove_stale_unix_socket", kw));
    TRY(rt_check_nargs(vm, "_remove_stale_unix_socket", nargs, 1, 1));
    const char *p;
    size_t n;
    if (IS_STR(args[0])) p = AS_STR(args[0])->data;
    else if (!bytes_view(args[0], &p, &n))
        return rt_raise(vm, &TypeError_type, "path should be string or bytes, not %s", type_name(rt_type(args[0])));
    struct stat st;
    *out = FALSE_VAL;
    if (stat(p, &st) != 0) {
        if (errno == ENOENT) return true;
        return rt_raise_errno(vm, errno, args[0]);
    }
    if (!S_ISSOCK(st.st_mode)) return true;
    if (unlink(p) != 0) return rt_raise_errno(vm, errno, args[0]);
    *out = TRUE_VAL;
    return true;
}

static const MethodDef socket_defs[] = {
    {"getaddrinfo", sock_f_getaddrinfo, 0},
    {"getnameinfo", sock_f_getnameinfo, 0},
    {"gethostname", sock_f_gethostname, 0},
    {"gethostbyname", sock_f_gethostbyname, 0},
    {"inet_pton", sock_f_inet_pton, 0},
    {"inet_ntop", sock_f_inet_ntop, 0},
    {"socketpair", f_socketpair, 0},
    {"dup", f_dup, 0},
    {"_remove_stale_unix_socket", f_remove_stale, 0},
    {NULL, NULL, 0},
};

// A class `socket.NAME(OSError)`, made as a Python class statement would.
static bool new_error_class(Vm *vm, ObjDict *mod, const char *name) {
    size_t mark = gc_roots_mark(vm);
    ObjStr *n = str_from_cstr(vm, name);
    bool ok = n != NULL;
    if (ok) gc_push_root(vm, OBJ_VAL(n));
    ObjTuple *bases = ok ? tuple_from(vm, &(Value){OBJ_VAL(&OSError_type)}, 1) : NULL;
    ok = bases != NULL;
    if (ok) gc_push_root(vm, OBJ_VAL(bases));
    ObjDict *ns = ok ? dict_new(vm) : NULL;
    ok = ns != NULL;
    if (ok) gc_push_root(vm, OBJ_VAL(ns));
    ObjStr *modname = ok ? str_from_cstr(vm, "socket") : NULL;
    ok = modname && dict_set_cstr(vm, ns, "__module__", OBJ_VAL(modname));
    Value cls;
    ok = ok && type_new_class(vm, &type_type, n, OBJ_VAL(bases), OBJ_VAL(ns), &cls);
    ok = ok && dict_set_cstr(vm, mod, name, cls);
    gc_roots_reset(vm, mark);
    return ok;
}

bool rt_socket_init(Vm *vm, ObjModule *m) {
    TRY(module_add_functions(vm, m, socket_defs));
    ObjDict *d = AS_DICT(m->dict);
    for (size_t i = 0; i < sizeof sock_constants / sizeof *sock_constants; i++) {
        Value v;
        TRY(int_from_i64(vm, sock_constants[i].value, &v));
        TRY(dict_set_cstr(vm, d, sock_constants[i].name, v));
    }
    return dict_set_cstr(vm, d, "socket", OBJ_VAL(&sock_type)) &&
           dict_set_cstr(vm, d, "SocketType", OBJ_VAL(&sock_type)) &&
           dict_set_cstr(vm, d, "error", OBJ_VAL(&OSError_type)) &&
           dict_set_cstr(vm, d, "timeout", OBJ_VAL(&TimeoutError_type)) &&
           dict_set_cstr(vm, d, "has_ipv6", TRUE_VAL) &&
           new_error_class(vm, d, "gaierror") &&
           new_error_class(vm, d, "herror");
}
