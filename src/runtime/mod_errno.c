// The errno module: the system's error numbers by name (Linux's values,
// from <errno.h>) and errorcode, the map back from number to name.
#include <errno.h>

#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/modules.h"
#include "runtime/str.h"

#define ERRNO_NAMES(X)                                                                         \
    X(EPERM) X(ENOENT) X(ESRCH) X(EINTR) X(EIO) X(ENXIO) X(E2BIG) X(ENOEXEC) X(EBADF)          \
    X(ECHILD) X(EAGAIN) X(ENOMEM) X(EACCES) X(EFAULT) X(EBUSY) X(EEXIST) X(EXDEV) X(ENODEV)    \
    X(ENOTDIR) X(EISDIR) X(EINVAL) X(ENFILE) X(EMFILE) X(ENOTTY) X(EFBIG) X(ENOSPC) X(ESPIPE)  \
    X(EROFS) X(EMLINK) X(EPIPE) X(EDOM) X(ERANGE) X(EDEADLK) X(ENAMETOOLONG) X(ENOLCK)         \
    X(ENOSYS) X(ENOTEMPTY) X(ELOOP) X(ENOMSG) X(EOVERFLOW) X(EILSEQ) X(ENOTSOCK)              \
    X(EDESTADDRREQ) X(EMSGSIZE) X(EPROTOTYPE) X(ENOPROTOOPT) X(EPROTONOSUPPORT)               \
    X(ESOCKTNOSUPPORT) X(ENOTSUP) X(EOPNOTSUPP) X(EPFNOSUPPORT) X(EAFNOSUPPORT) X(EADDRINUSE)            \
    X(EADDRNOTAVAIL) X(ENETDOWN) X(ENETUNREACH) X(ENETRESET) X(ECONNABORTED) X(ECONNRESET)    \
    X(ENOBUFS) X(EISCONN) X(ENOTCONN) X(ESHUTDOWN) X(ETOOMANYREFS) X(ETIMEDOUT)               \
    X(ECONNREFUSED) X(EHOSTDOWN) X(EHOSTUNREACH) X(EALREADY) X(EINPROGRESS) X(ESTALE)         \
    X(EDQUOT) X(ECANCELED) X(EOWNERDEAD) X(ENOTRECOVERABLE) X(EWOULDBLOCK)

typedef struct ErrnoName {
    const char *name;
    int value;
} ErrnoName;

#define ERRNO_ENTRY(n) {#n, n},
static const ErrnoName errno_names[] = {ERRNO_NAMES(ERRNO_ENTRY)};
#undef ERRNO_ENTRY

bool rt_errno_init(Vm *vm, ObjModule *m) {
    ObjDict *d = AS_DICT(m->dict);
    ObjDict *codes = dict_new(vm);
    TRY(codes);
    gc_push_root(vm, OBJ_VAL(codes));
    bool ok = dict_set_cstr(vm, d, "errorcode", OBJ_VAL(codes));
    for (size_t i = 0; ok && i < sizeof errno_names / sizeof *errno_names; i++) {
        const ErrnoName *e = &errno_names[i];
        ok = dict_set_cstr(vm, d, e->name, INT_VAL(e->value));
        // Aliases (EWOULDBLOCK is EAGAIN, EOPNOTSUPP is ENOTSUP) keep the
        // first name listed in errorcode, the one CPython's table gives.
        Value have;
        if (ok && dict_get(vm, codes, INT_VAL(e->value), &have) == 0) {
            ObjStr *s = str_from_cstr(vm, e->name);
            ok = s && dict_set(vm, codes, INT_VAL(e->value), OBJ_VAL(s));
        }
    }
    gc_pop_root(vm);
    return ok;
}
