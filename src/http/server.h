/*
 * server.h -- the HTTP server: libmicrohttpd with its internal epoll
 * thread pool, bound to 127.0.0.1 (TLS belongs in a reverse proxy).
 */
#ifndef VITRE_SERVER_H
#define VITRE_SERVER_H

#include <stdint.h>

struct app;
struct server;

/* Start serving on 127.0.0.1:port with threads workers; NULL on failure. */
struct server	*server_start(struct app *, uint16_t port, unsigned threads);
void		 server_stop(struct server *);

#endif
