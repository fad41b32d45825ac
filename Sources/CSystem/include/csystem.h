#ifndef MAESTRO_TOPO_CSYSTEM_H
#define MAESTRO_TOPO_CSYSTEM_H

/// Swaps two paths in one step (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (for example EINVAL
/// where the file system cannot exchange).
int maestro_exchange_paths(const char *a, const char *b);

#endif
