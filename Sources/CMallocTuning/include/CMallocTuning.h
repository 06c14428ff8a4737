#ifndef COINPIPE_CMALLOCTUNING_H
#define COINPIPE_CMALLOCTUNING_H

#if defined(__GLIBC__) || defined(__linux__)
#include <malloc.h>
#endif

/// Caps the number of glibc malloc arenas (M_ARENA_MAX). Returns 1 on success, 0 where unsupported.
static inline int coinpipe_limit_malloc_arenas(int arenas) {
#if defined(M_ARENA_MAX)
    return mallopt(M_ARENA_MAX, arenas);
#else
    (void)arenas;
    return 0;
#endif
}

#endif
