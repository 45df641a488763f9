// Socket addresses and name resolution for the _socket module: Python
// addresses to struct sockaddr and back (AF_INET, AF_INET6, AF_UNIX), and
// the resolver functions (getaddrinfo, getnameinfo, gethostname,
// gethostbyname, inet_pton, inet_ntop). Resolution is libc's getaddrinfo, called directly:
// aiopy has no threads, so a slow DNS server blocks the program; numeric
// hosts and /etc/hosts names (localhost) answer at once.
//
// socket.gaierror is a Python class made when _socket is imported
// (module.c); a failure raises the one in the module's namespace.
// accept4, SOCK_CLOEXEC, the EAI_ codes glibc hides otherwise.
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/socket/sock.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

// ---- errors ----

// The gaierror class of the imported _socket module (OSError if someone
// removed it from sys.modules).
static Value gaierror_class(Vm *vm) {
    ObjStr *k = str_intern_cstr(vm, "_socket");
    Value m, cls;
    if (!k || dict_get_str(vm, AS_DICT(vm->modules), k, &m) != 1 || !IS_MODULE(m)) goto fallback;
    k = str_intern_cstr(vm, "gaierror");
    if (!k || dict_get_str(vm, AS_DICT(AS_MODULE(m)->dict), k, &cls) != 1 || !IS_TYPE(cls)) goto fallback;
    return cls;
fallback:
    rt_exc_clear(vm);
    return OBJ_VAL(&OSError_type);
}

bool sock_raise_gai(Vm *vm, int code) {
    if (code == EAI_SYSTEM) return rt_raise_errno(vm, errno, VAL_NULL);
    ObjStr *msg = str_from_cstr(vm, gai_strerror(code));
    TRY(msg);
    gc_push_root(vm, OBJ_VAL(msg));
    Value args[2] = {INT_VAL(code), OBJ_VAL(msg)}, exc;
    bool ok = rt_call(vm, gaierror_class(vm), args, 2, VAL_NULL, &exc);
    gc_pop_root(vm);
    TRY(ok);
    return rt_raise_value(vm, exc);
}

// ---- host names ----

// The text of a host argument: str (ASCII only: aiopy has no IDNA codec)
// or bytes. [what] words the TypeError as CPython's converters do; its
// "%s" is the type's name.
static bool host_text(Vm *vm, Value v, const char *what, const char **out, size_t *len) {
    if (IS_STR(v)) {
        ObjStr *s = AS_STR(v);
        if (!STR_IS_ASCII(s))
            return rt_raise(vm, &UnicodeError_type,
                            "non-ASCII host names need the IDNA codec, which aiopy does not have");
        *out = s->data;
        *len = s->len;
    } else if (!bytes_view(v, out, len)) {
        return rt_raise(vm, &TypeError_type, what, type_name(rt_type(v)));
    }
    if (strlen(*out) != *len) return rt_raise(vm, &TypeError_type, "host name must not contain null character");
    return true;
}

// CPython's setipaddr: '' is the wildcard address, '<broadcast>' the
// broadcast one, a numeric address is parsed, anything else resolved.
static bool set_ip_addr(Vm *vm, const char *name, int af, SockAddr *out) {
    if (name[0] == '\0') {
        if (af == AF_INET) out->in.sin_addr.s_addr = htonl(INADDR_ANY);
        else out->in6.sin6_addr = in6addr_any;
        return true;
    }
    if (!strcmp(name, "<broadcast>") || !strcmp(name, "255.255.255.255")) {
        if (af != AF_INET) return rt_raise(vm, &OSError_type, "address family mismatched");
        out->in.sin_addr.s_addr = htonl(INADDR_BROADCAST);
        return true;
    }
    void *dst = af == AF_INET ? (void *)&out->in.sin_addr : (void *)&out->in6.sin6_addr;
    if (inet_pton(af, name, dst) == 1) return true;
    struct addrinfo hints = {.ai_family = af}, *res = NULL;
    int r = getaddrinfo(name, NULL, &hints, &res);
    if (r != 0) return sock_raise_gai(vm, r);
    bool ok = res && res->ai_family == af;
    if (ok && af == AF_INET) out->in.sin_addr = ((struct sockaddr_in *)res->ai_addr)->sin_addr;
    else if (ok) out->in6.sin6_addr = ((struct sockaddr_in6 *)res->ai_addr)->sin6_addr;
    freeaddrinfo(res);
    if (!ok) return rt_raise(vm, &OSError_type, "address family mismatched");
    return true;
}

// ---- Python address -> sockaddr ----

static bool int_field(Vm *vm, Value v, int64_t *out) {
    if (IS_INSTANCE(v, float_type))
        return rt_raise(vm, &TypeError_type, "'float' object cannot be interpreted as an integer");
    return rt_index(vm, v, out);
}

static bool parse_unix(Vm *vm, Value addr, SockAddr *out, socklen_t *len) {
    const char *p;
    size_t n;
    if (IS_STR(addr)) {
        p = AS_STR(addr)->data;
        n = AS_STR(addr)->len;
    } else if (!bytes_view(addr, &p, &n)) {
        return rt_raise(vm, &TypeError_type, "a bytes-like object is required, not '%s'",
                        type_name(rt_type(addr)));
    }
    if (n > sizeof out->un.sun_path) return rt_raise(vm, &OSError_type, "AF_UNIX path too long");
    out->un.sun_family = AF_UNIX;
    memcpy(out->un.sun_path, p, n);
    *len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + n);
    return true;
}

static bool parse_inet(Vm *vm, int family, Value addr, const char *caller, SockAddr *out, socklen_t *len) {
    bool v6 = family == AF_INET6;
    const char *fam = v6 ? "AF_INET6" : "AF_INET";
    if (!IS_TUPLE(addr))
        return rt_raise(vm, &TypeError_type, "%s(): %s address must be tuple, not %s", caller, fam,
                        type_name(rt_type(addr)));
    ObjTuple *t = AS_TUPLE(addr);
    if (!v6 && t->len != 2)
        return rt_raise(vm, &TypeError_type, "AF_INET address must be a pair (host, port)");
    if (v6 && (t->len < 2 || t->len > 4))
        return rt_raise(vm, &TypeError_type, "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])");
    const char *host;
    size_t hlen;
    TRY(host_text(vm, t->items[0], "str, bytes or bytearray expected, not %s", &host, &hlen));
    int64_t port, flowinfo = 0, scope_id = 0;
    TRY(int_field(vm, t->items[1], &port));
    if (t->len > 2) TRY(int_field(vm, t->items[2], &flowinfo));
    if (t->len > 3) TRY(int_field(vm, t->items[3], &scope_id));
    if (port < 0 || port > 0xffff) return rt_raise(vm, &OverflowError_type, "%s(): port must be 0-65535.", caller);
    if (flowinfo < 0 || flowinfo > 0xfffff)
        return rt_raise(vm, &OverflowError_type, "%s(): flowinfo must be 0-1048575.", caller);
    if (scope_id < 0 || scope_id > 0xffffffffLL)
        return rt_raise(vm, &OverflowError_type, "Python int too large to convert to C unsigned long");
    TRY(set_ip_addr(vm, host, family, out));
    if (v6) {
        out->in6.sin6_family = AF_INET6;
        out->in6.sin6_port = htons((uint16_t)port);
        out->in6.sin6_flowinfo = htonl((uint32_t)flowinfo);
        out->in6.sin6_scope_id = (uint32_t)scope_id;
        *len = sizeof out->in6;
    } else {
        out->in.sin_family = AF_INET;
        out->in.sin_port = htons((uint16_t)port);
        *len = sizeof out->in;
    }
    return true;
}

bool sock_parse_addr(Vm *vm, int family, Value addr, const char *caller, SockAddr *out, socklen_t *len) {
    memset(out, 0, sizeof *out);
    switch (family) {
    case AF_UNIX: return parse_unix(vm, addr, out, len);
    case AF_INET:
    case AF_INET6: return parse_inet(vm, family, addr, caller, out, len);
    default: return rt_raise(vm, &OSError_type, "%s(): bad family", caller);
    }
}

// ---- sockaddr -> Python address ----

static bool ip_str(Vm *vm, int af, const void *src, Value *out) {
    char buf[INET6_ADDRSTRLEN];
    if (!inet_ntop(af, src, buf, sizeof buf)) return rt_raise_errno(vm, errno, VAL_NULL);
    ObjStr *s = str_from_cstr(vm, buf);
    TRY(s);
    *out = OBJ_VAL(s);
    return true;
}

bool sock_make_addr(Vm *vm, const SockAddr *a, socklen_t len, Value *out) {
    if (len == 0) {
        *out = NONE_VAL;
        return true;
    }
    Value host;
    switch (a->sa.sa_family) {
    case AF_INET: {
        TRY(ip_str(vm, AF_INET, &a->in.sin_addr, &host));
        gc_push_root(vm, host);
        ObjTuple *t = tuple_pack2(vm, host, INT_VAL(ntohs(a->in.sin_port)));
        gc_pop_root(vm);
        TRY(t);
        *out = OBJ_VAL(t);
        return true;
    }
    case AF_INET6: {
        TRY(ip_str(vm, AF_INET6, &a->in6.sin6_addr, &host));
        gc_push_root(vm, host);
        Value items[4] = {host, INT_VAL(ntohs(a->in6.sin6_port)), INT_VAL(ntohl(a->in6.sin6_flowinfo)),
                          INT_VAL(a->in6.sin6_scope_id)};
        ObjTuple *t = tuple_from(vm, items, 4);
        gc_pop_root(vm);
        TRY(t);
        *out = OBJ_VAL(t);
        return true;
    }
    case AF_UNIX: {
        size_t n = len > offsetof(struct sockaddr_un, sun_path) ? len - offsetof(struct sockaddr_un, sun_path) : 0;
        if (n > sizeof a->un.sun_path) n = sizeof a->un.sun_path;
        if (n > 0 && a->un.sun_path[0] == '\0') {
            // Linux's abstract namespace: the name is bytes, NULs included.
            ObjBytes *b = bytes_new(vm, a->un.sun_path, n);
            TRY(b);
            *out = OBJ_VAL(b);
            return true;
        }
        size_t plen = strnlen(a->un.sun_path, n);
        return bytes_decode_utf8(vm, a->un.sun_path, plen, "replace", VAL_NULL, out);
    }
    default: {
        ObjBytes *b = bytes_new(vm, a->sa.sa_data, sizeof a->sa.sa_data);
        TRY(b);
        gc_push_root(vm, OBJ_VAL(b));
        ObjTuple *t = tuple_pack2(vm, INT_VAL(a->sa.sa_family), OBJ_VAL(b));
        gc_pop_root(vm);
        TRY(t);
        *out = OBJ_VAL(t);
        return true;
    }
    }
}

// ---- module functions ----

// getaddrinfo(host, port, family=0, type=0, proto=0, flags=0)
bool sock_f_getaddrinfo(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    static const char *const names[] = {"host", "port", "family", "type", "proto", "flags"};
    Value a[6];
    TRY(rt_parse_args(vm, "getaddrinfo", args, nargs, kw, names, 6, 6, 2, a));
    const char *host = NULL, *port = NULL;
    size_t hlen, plen;
    char portbuf[32];
    if (!IS_NONE(a[0])) TRY(host_text(vm, a[0], "getaddrinfo() argument 1 must be string or None", &host, &hlen));
    if (IS_ANYINT(a[1])) {
        int64_t p;
        TRY(int_as_i64(vm, a[1], &p));
        snprintf(portbuf, sizeof portbuf, "%lld", (long long)p);
        port = portbuf;
    } else if (IS_STR(a[1])) {
        port = AS_STR(a[1])->data;
    } else if (bytes_view(a[1], &port, &plen)) {
        // as is
    } else if (!IS_NONE(a[1])) {
        return rt_raise(vm, &OSError_type, "Int or String expected");
    }
    int64_t hint[4] = {0, 0, 0, 0};
    for (int i = 0; i < 4; i++)
        if (a[2 + i]) TRY(int_field(vm, a[2 + i], &hint[i]));
    struct addrinfo hints = {.ai_family = (int)hint[0], .ai_socktype = (int)hint[1], .ai_protocol = (int)hint[2],
                             .ai_flags = (int)hint[3]};
    struct addrinfo *res = NULL;
    int r;
    // EAI_SYSTEM with EINTR: a signal arrived while resolving; the VM's
    // check decides whether to give up (Ctrl-C) or ask again.
    for (;;) {
        r = getaddrinfo(host, port, &hints, &res);
        if (!(r == EAI_SYSTEM && errno == EINTR)) break;
        if (vm->hooks.check_signals && !vm->hooks.check_signals(vm)) return false;
    }
    if (r != 0) return sock_raise_gai(vm, r);
    ObjList *list = list_new(vm, 0);
    if (!list) {
        freeaddrinfo(res);
        return false;
    }
    gc_push_root(vm, OBJ_VAL(list));
    bool ok = true;
    for (struct addrinfo *ai = res; ok && ai; ai = ai->ai_next) {
        Value addr, canon = vm->empty_str;
        SockAddr sa;
        memset(&sa, 0, sizeof sa);
        memcpy(&sa, ai->ai_addr, ai->ai_addrlen < sizeof sa ? ai->ai_addrlen : sizeof sa);
        if (ai->ai_canonname) {
            ObjStr *c = str_from_cstr(vm, ai->ai_canonname);
            ok = c != NULL;
            if (ok) canon = OBJ_VAL(c);
        }
        if (!ok) break;
        gc_push_root(vm, canon);
        ok = sock_make_addr(vm, &sa, ai->ai_addrlen, &addr);
        if (ok) {
            gc_push_root(vm, addr);
            Value items[5] = {INT_VAL(ai->ai_family), INT_VAL(ai->ai_socktype), INT_VAL(ai->ai_protocol), canon,
                              addr};
            ObjTuple *t = tuple_from(vm, items, 5);
            ok = t && list_append(vm, list, OBJ_VAL(t));
            gc_pop_root(vm);
        }
        gc_pop_root(vm);
    }
    gc_pop_root(vm);
    freeaddrinfo(res);
    TRY(ok);
    *out = OBJ_VAL(list);
    return true;
}

bool sock_f_gethostname(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    (void)args;
    TRY(rt_no_kwargs(vm, "gethostname", kw));
    TRY(rt_check_nargs(vm, "gethostname", nargs, 0, 0));
    char buf[1025];
    if (gethostname(buf, sizeof buf - 1) != 0) return rt_raise_errno(vm, errno, VAL_NULL);
    buf[sizeof buf - 1] = '\0';
    ObjStr *s = str_from_cstr(vm, buf);
    TRY(s);
    *out = OBJ_VAL(s);
    return true;
}

bool sock_f_gethostbyname(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "gethostbyname", kw));
    TRY(rt_check_nargs(vm, "gethostbyname", nargs, 1, 1));
    const char *host;
    size_t hlen;
    TRY(host_text(vm, args[0], "gethostbyname() argument 1 must be str, bytes or bytearray, not %s", &host, &hlen));
    SockAddr sa;
    memset(&sa, 0, sizeof sa);
    TRY(set_ip_addr(vm, host, AF_INET, &sa));
    return ip_str(vm, AF_INET, &sa.in.sin_addr, out);
}

static bool af_arg(Vm *vm, Value v, int *af) {
    int64_t n;
    TRY(int_field(vm, v, &n));
    if (n != AF_INET && n != AF_INET6) return rt_raise_errno(vm, EAFNOSUPPORT, VAL_NULL);
    *af = (int)n;
    return true;
}

bool sock_f_inet_pton(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "inet_pton", kw));
    TRY(rt_check_nargs(vm, "inet_pton", nargs, 2, 2));
    int af = 0;
    TRY(af_arg(vm, args[0], &af));
    if (!IS_STR(args[1]))
        return rt_raise(vm, &TypeError_type, "inet_pton() argument 2 must be str, not %s", type_name(rt_type(args[1])));
    unsigned char buf[sizeof(struct in6_addr)];
    if (inet_pton(af, AS_STR(args[1])->data, buf) != 1)
        return rt_raise(vm, &OSError_type, "illegal IP address string passed to inet_pton");
    ObjBytes *b = bytes_new(vm, (const char *)buf, af == AF_INET ? 4 : 16);
    TRY(b);
    *out = OBJ_VAL(b);
    return true;
}

bool sock_f_inet_ntop(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "inet_ntop", kw));
    TRY(rt_check_nargs(vm, "inet_ntop", nargs, 2, 2));
    int af = 0;
    TRY(af_arg(vm, args[0], &af));
    const char *p;
    size_t n;
    if (!bytes_view(args[1], &p, &n))
        return rt_raise(vm, &TypeError_type, "a bytes-like object is required, not '%s'", type_name(rt_type(args[1])));
    if (n != (af == AF_INET ? 4u : 16u))
        return rt_raise(vm, &ValueError_type, "invalid length of packed IP address string");
    return ip_str(vm, af, p, out);
}

// getnameinfo((host, port[, flowinfo, scope_id]), flags) -> (host, port):
// the numeric [host] is parsed by getaddrinfo, as CPython does.
bool sock_f_getnameinfo(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "getnameinfo", kw));
    TRY(rt_check_nargs(vm, "getnameinfo", nargs, 2, 2));
    if (!IS_TUPLE(args[0])) return rt_raise(vm, &TypeError_type, "getnameinfo() argument 1 must be a tuple");
    ObjTuple *sa = AS_TUPLE(args[0]);
    if (sa->len < 2 || sa->len > 4 || !IS_STR(sa->items[0]))
        return rt_raise(vm, &TypeError_type, "getnameinfo(): illegal sockaddr argument");
    int64_t port, flowinfo = 0, scope_id = 0, flags;
    TRY(int_field(vm, sa->items[1], &port));
    if (sa->len > 2) TRY(int_field(vm, sa->items[2], &flowinfo));
    if (sa->len > 3) TRY(int_field(vm, sa->items[3], &scope_id));
    TRY(int_field(vm, args[1], &flags));
    if (flowinfo < 0 || flowinfo > 0xfffff)
        return rt_raise(vm, &OverflowError_type, "getnameinfo(): flowinfo must be 0-1048575.");
    char pbuf[32];
    snprintf(pbuf, sizeof pbuf, "%lld", (long long)port);
    struct addrinfo hints = {.ai_family = AF_UNSPEC, .ai_socktype = SOCK_DGRAM, .ai_flags = AI_NUMERICHOST};
    struct addrinfo *res = NULL;
    int r = getaddrinfo(AS_STR(sa->items[0])->data, pbuf, &hints, &res);
    if (r != 0) return sock_raise_gai(vm, r);
    SockAddr a;
    memset(&a, 0, sizeof a);
    socklen_t len = res->ai_addrlen < sizeof a ? res->ai_addrlen : sizeof a;
    memcpy(&a, res->ai_addr, len);
    bool several = res->ai_next != NULL;
    freeaddrinfo(res);
    if (several) return rt_raise(vm, &OSError_type, "sockaddr resolved to multiple addresses");
    if (a.sa.sa_family == AF_INET && sa->len != 2) return rt_raise(vm, &OSError_type, "IPv4 sockaddr must be 2 tuple");
    if (a.sa.sa_family == AF_INET6) {
        a.in6.sin6_flowinfo = htonl((uint32_t)flowinfo);
        a.in6.sin6_scope_id = (uint32_t)scope_id;
    }
    char hbuf[NI_MAXHOST], sbuf[NI_MAXSERV];
    r = getnameinfo(&a.sa, len, hbuf, sizeof hbuf, sbuf, sizeof sbuf, (int)flags);
    if (r != 0) return sock_raise_gai(vm, r);
    ObjStr *h = str_from_cstr(vm, hbuf);
    TRY(h);
    gc_push_root(vm, OBJ_VAL(h));
    ObjStr *sv = str_from_cstr(vm, sbuf);
    ObjTuple *t = NULL;
    if (sv) {
        gc_push_root(vm, OBJ_VAL(sv));
        t = tuple_pack2(vm, OBJ_VAL(h), OBJ_VAL(sv));
        gc_pop_root(vm);
    }
    gc_pop_root(vm);
    TRY(t);
    *out = OBJ_VAL(t);
    return true;
}
