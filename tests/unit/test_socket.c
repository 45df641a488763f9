// Unit tests of the _socket module's C half: Python addresses to struct
// sockaddr and back (runtime/socket/addr.c), the errors on bad ones, and the
// OSError subclass an errno value raises (runtime/exc.c).
#include <arpa/inet.h>
#include <errno.h>
#include <stddef.h>

#include "rt_testutil.h"
#include "runtime/bytes.h"
#include "runtime/socket/sock.h"

TestSuite(socket, .init = tu_setup, .fini = tu_teardown);

static Value pair(Value a, Value b) {
    ObjTuple *t = tuple_pack2(vm, a, b);
    cr_assert(t);
    return K(OBJ_VAL(t));
}

// The repr of what [addr] becomes after a round trip through a sockaddr.
static const char *round_trip(int family, Value addr) {
    SockAddr a;
    socklen_t len;
    if (!sock_parse_addr(vm, family, addr, "bind", &a, &len)) return EXC();
    Value back;
    if (!sock_make_addr(vm, &a, len, &back)) return EXC();
    return REPR(K(back));
}

Test(socket, inet_addresses_round_trip) {
    ASSERT_STR(round_trip(AF_INET, pair(S("127.0.0.1"), INT_VAL(8080))), "('127.0.0.1', 8080)");
    ASSERT_STR(round_trip(AF_INET, pair(S(""), INT_VAL(0))), "('0.0.0.0', 0)");
    ASSERT_STR(round_trip(AF_INET, pair(S("<broadcast>"), INT_VAL(1))), "('255.255.255.255', 1)");
    ASSERT_STR(round_trip(AF_INET6, pair(S("::1"), INT_VAL(65535))), "('::1', 65535, 0, 0)");
}

Test(socket, inet_sockaddr_fields) {
    SockAddr a;
    socklen_t len;
    cr_assert(sock_parse_addr(vm, AF_INET, pair(S("10.1.2.3"), INT_VAL(443)), "connect", &a, &len), "%s", EXC());
    cr_assert_eq(len, sizeof(struct sockaddr_in));
    cr_assert_eq(a.in.sin_family, AF_INET);
    cr_assert_eq(ntohs(a.in.sin_port), 443);
    cr_assert_eq(ntohl(a.in.sin_addr.s_addr), 0x0a010203u);
}

Test(socket, unix_addresses_round_trip) {
    ASSERT_STR(round_trip(AF_UNIX, S("/tmp/x.sock")), "'/tmp/x.sock'");
    ObjBytes *abstract = bytes_new(vm, "\0name", 5);
    cr_assert(abstract);
    ASSERT_STR(round_trip(AF_UNIX, K(OBJ_VAL(abstract))), "b'\\x00name'");
    // An unnamed socket (a socketpair's) has just the family.
    SockAddr a;
    memset(&a, 0, sizeof a);
    a.un.sun_family = AF_UNIX;
    Value v;
    cr_assert(sock_make_addr(vm, &a, offsetof(struct sockaddr_un, sun_path), &v));
    ASSERT_STR(REPR(K(v)), "''");
    cr_assert(sock_make_addr(vm, &a, 0, &v));
    cr_assert(IS_NONE(v));
}

Test(socket, bad_addresses_raise_cpython_errors) {
    ASSERT_STR(round_trip(AF_INET, S("x")), "TypeError: bind(): AF_INET address must be tuple, not str");
    ASSERT_STR(round_trip(AF_INET, pair(S("127.0.0.1"), INT_VAL(70000))), "OverflowError: bind(): port must be 0-65535.");
    ASSERT_STR(round_trip(AF_INET, pair(INT_VAL(1), INT_VAL(2))),
               "TypeError: str, bytes or bytearray expected, not int");
    ASSERT_STR(round_trip(AF_INET6, pair(S("::1"), S("p"))), "TypeError: 'str' object cannot be interpreted as an integer");
    ASSERT_STR(round_trip(AF_UNIX, INT_VAL(5)), "TypeError: a bytes-like object is required, not 'int'");
    char longpath[200];
    memset(longpath, 'x', sizeof longpath - 1);
    longpath[sizeof longpath - 1] = 0;
    ASSERT_STR(round_trip(AF_UNIX, S(longpath)), "OSError: AF_UNIX path too long");
    ASSERT_STR(round_trip(12345, S("x")), "OSError: bind(): bad family");
}

Test(socket, errno_picks_the_oserror_subclass) {
    cr_assert_eq(rt_errno_exc_type(ECONNREFUSED), &ConnectionRefusedError_type);
    cr_assert_eq(rt_errno_exc_type(ECONNRESET), &ConnectionResetError_type);
    cr_assert_eq(rt_errno_exc_type(EPIPE), &BrokenPipeError_type);
    cr_assert_eq(rt_errno_exc_type(EAGAIN), &BlockingIOError_type);
    cr_assert_eq(rt_errno_exc_type(EINPROGRESS), &BlockingIOError_type);
    cr_assert_eq(rt_errno_exc_type(ETIMEDOUT), &TimeoutError_type);
    cr_assert_eq(rt_errno_exc_type(EBADF), &OSError_type);
    cr_assert_not(rt_raise_errno(vm, ECONNREFUSED, VAL_NULL));
    ASSERT_STR(EXC(), "ConnectionRefusedError: [Errno 111] Connection refused");
}
