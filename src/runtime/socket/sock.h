// The _socket module: BSD sockets for scripts and for asyncio, CPython's
// _socket with the same names, arguments, errors and messages. lib/socket.py
// builds the public `socket` module on it (socket.socket subclasses
// _socket.socket, the constants become AddressFamily/SocketKind members),
// as CPython's socket.py builds on its _socket.
//
// Files: sockobj.c (the socket object: blocking, non-blocking and timeout
// modes, every call restarted or abandoned on EINTR through the VM's signal
// check), addr.c (Python addresses <-> struct sockaddr for AF_INET,
// AF_INET6 and AF_UNIX; getaddrinfo, gethostname, gaierror), module.c (the
// constants, socketpair, dup and the module table).
//
// Modes, as CPython's: timeout < 0 is blocking (None; the fd is blocking
// and a call waits in the kernel); timeout == 0 is non-blocking (the fd has
// O_NONBLOCK and a call that would block raises BlockingIOError); timeout >
// 0 keeps O_NONBLOCK and waits with poll() for at most that long overall
// (TimeoutError: timed out).
#ifndef RUNTIME_SOCKET_SOCK_H
#define RUNTIME_SOCKET_SOCK_H
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "runtime/module.h"
#include "runtime/state.h"

typedef struct ObjSocket {
    Obj hdr;
    Value dict;           // the instance dict (socket.socket is a Python subclass)
    int fd;               // -1 once closed or detached
    int family, type, proto;
    double timeout;       // < 0 blocking, 0 non-blocking, > 0 seconds
} ObjSocket;

extern ObjType sock_type;
#define IS_SOCKET(v) IS_INSTANCE(v, sock_type)
#define AS_SOCKET(v) ((ObjSocket *)AS_OBJ(v))

// Any socket address the module handles.
typedef union SockAddr {
    struct sockaddr sa;
    struct sockaddr_in in;
    struct sockaddr_in6 in6;
    struct sockaddr_un un;
    struct sockaddr_storage storage;
} SockAddr;

// ---- addresses (addr.c) ----

// The Python address [addr] for a socket of [family] as a sockaddr, with
// CPython's errors ("connect(): AF_INET address must be tuple, not str").
// [caller] names the method in them. Host names resolve with getaddrinfo.
bool sock_parse_addr(Vm *vm, int family, Value addr, const char *caller, SockAddr *out, socklen_t *len);
// The Python form of a sockaddr: ('1.2.3.4', port), (host, port, flowinfo,
// scope_id), a path str ('' when unnamed), bytes for Linux's abstract
// namespace, or (family, bytes) for anything else.
bool sock_make_addr(Vm *vm, const SockAddr *a, socklen_t len, Value *out);
// Raises socket.gaierror(code, gai_strerror(code)), or the OSError of errno
// for EAI_SYSTEM.
bool sock_raise_gai(Vm *vm, int code);

// Module functions defined in addr.c.
bool sock_f_getaddrinfo(Vm *vm, Value *args, size_t nargs, Value kw, Value *out);
bool sock_f_getnameinfo(Vm *vm, Value *args, size_t nargs, Value kw, Value *out);
bool sock_f_gethostname(Vm *vm, Value *args, size_t nargs, Value kw, Value *out);
bool sock_f_gethostbyname(Vm *vm, Value *args, size_t nargs, Value kw, Value *out);
bool sock_f_inet_pton(Vm *vm, Value *args, size_t nargs, Value kw, Value *out);
bool sock_f_inet_ntop(Vm *vm, Value *args, size_t nargs, Value kw, Value *out);

// ---- sockets (sockobj.c) ----

// A new _socket.socket owning [fd] (closed on failure).
ObjSocket *sock_new_from_fd(Vm *vm, int fd, int family, int type, int proto);

#endif // RUNTIME_SOCKET_SOCK_H
