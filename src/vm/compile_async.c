// Code generation for the asynchronous constructs: `await`, `async for`,
// `async with` and the loop step of asynchronous comprehensions. The shapes
// are CPython 3.11's:
//   await x        x GET_AWAITABLE 0, then the SEND/YIELD_VALUE loop;
//   async for      GET_AITER once, then per step a handler around
//                  GET_ANEXT + await; the handler's END_ASYNC_FOR ends the
//                  loop on StopAsyncIteration and re-raises anything else;
//   async with     BEFORE_ASYNC_WITH, await __aenter__(), and __aexit__'s
//                  result awaited on every way out (normal, exception, and
//                  break/continue/return through the FB_ASYNC_WITH block).
// The primitives (emit, labels, handlers, fblocks) are compile.c's, reached
// through compile_int.h.
#include "runtime/exc.h"
#include "vm/compile_int.h"

bool cg_await(Compiler *c, uint32_t where) {
    CHECK(cg_emit(c, OP_GET_AWAITABLE, where));
    return cg_send_loop(c);
}

bool cg_async_next(Compiler *c, uint32_t end) {
    int32_t saved = c->u->handler;
    CHECK(cg_setup_handler(c, end, 0));
    CHECK(cg_emit(c, OP_GET_ANEXT, 0));
    CHECK(cg_await(c, 0));
    c->u->handler = saved;
    return true;
}

bool cg_async_for(Compiler *c, const AstNode *s) {
    uint32_t start, end, exit;
    CHECK(cg_new_label(c, &start) && cg_new_label(c, &end) && cg_new_label(c, &exit));
    CHECK(cg_expr(c, s->u.for_.iter));
    CHECK(cg_emit(c, OP_GET_AITER, 0));
    cg_place(c, start);
    cg_set_loc(c, s);   // CPython 3.11 points at the whole statement here
    CHECK(cg_async_next(c, end));
    CHECK(cg_push_fblock(c, (FBlock){.type = FB_FOR, .start = start, .exit = exit}));
    CHECK(cg_assign_target(c, s->u.for_.target));
    CHECK(cg_stmts(c, &s->u.for_.body));
    cg_pop_fblock(c);
    cg_set_loc(c, s->u.for_.target);
    CHECK(cg_emit(c, OP_JUMP_BACKWARD, start));
    cg_place(c, end);
    cg_set_loc(c, s);
    CHECK(cg_emit(c, OP_END_ASYNC_FOR, 0));
    CHECK(cg_stmts(c, &s->u.for_.orelse));
    cg_place(c, exit);
    return true;
}

bool cg_async_with(Compiler *c, const AstNode *s, uint32_t i) {
    const AstNode *item = s->u.with.items.items[i];
    uint32_t final, exit, cleanup, suppress;
    CHECK(cg_new_label(c, &final) && cg_new_label(c, &exit) && cg_new_label(c, &cleanup) &&
          cg_new_label(c, &suppress));
    CHECK(cg_expr(c, item->u.withitem.context_expr));
    cg_set_loc(c, s);
    CHECK(cg_emit(c, OP_BEFORE_ASYNC_WITH, 0));
    CHECK(cg_await(c, 1));
    int32_t outer = c->u->handler;
    CHECK(cg_setup_handler(c, final, -1));
    CHECK(cg_push_fblock(c, (FBlock){.type = FB_ASYNC_WITH}));
    c->u->fb[c->u->nfb - 1].outer_handler = outer;
    if (item->u.withitem.optional_vars) CHECK(cg_assign_target(c, item->u.withitem.optional_vars));
    else CHECK(cg_emit(c, OP_POP_TOP, 0));
    if (i + 1 < s->u.with.items.len) CHECK(cg_async_with(c, s, i + 1));
    else CHECK(cg_stmts(c, &s->u.with.body));
    cg_pop_fblock(c);
    c->u->handler = outer;
    cg_set_loc(c, s);
    CHECK(cg_call_exit_with_nones(c) && cg_await(c, 2) && cg_emit(c, OP_POP_TOP, 0));
    CHECK(cg_emit(c, OP_JUMP, exit));
    // Exception in the body: [exit, exc] -> await __aexit__(type, exc, tb).
    cg_place(c, final);
    CHECK(cg_setup_handler(c, cleanup, 0));
    CHECK(cg_emit(c, OP_PUSH_EXC_INFO, 0));
    CHECK(cg_emit(c, OP_WITH_EXCEPT_START, 0));
    CHECK(cg_await(c, 2));
    CHECK(cg_emit(c, OP_POP_JUMP_IF_TRUE, suppress));
    CHECK(cg_emit(c, OP_RERAISE, 0));
    cg_place(c, suppress);
    CHECK(cg_emit(c, OP_POP_TOP, 0) && cg_emit(c, OP_POP_EXCEPT, 0) && cg_emit(c, OP_POP_TOP, 0));
    c->u->handler = outer;
    CHECK(cg_emit(c, OP_JUMP, exit));
    cg_place(c, cleanup);
    CHECK(cg_emit(c, OP_SWAP, 2) && cg_emit(c, OP_POP_EXCEPT, 0) && cg_emit(c, OP_RERAISE, 0));
    cg_place(c, exit);
    return true;
}
