#ifndef MAESTRO_TOPO_CSECRET_H
#define MAESTRO_TOPO_CSECRET_H

#include <stddef.h>

/// prctl(PR_SET_DUMPABLE, on): 0 makes the process undumpable (no core
/// file, no ptrace attach or /proc/PID/mem for other processes of the same
/// user). prctl is variadic, so Swift cannot call it directly. Returns 0 on
/// success, -1 with errno set otherwise.
int maestro_set_dumpable(int on);

/// prctl(PR_GET_DUMPABLE): 1 when the process may dump core, 0 when not.
int maestro_dumpable(void);

/// Overwrites `count` bytes at `bytes` with zeros in a way the compiler
/// may not drop as a dead store (explicit_bzero).
void maestro_wipe(void *bytes, size_t count);

#endif
