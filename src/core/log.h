/*
 * log.h -- messages for the operator, on standard error, one line each.
 */
#ifndef VITRE_LOG_H
#define VITRE_LOG_H

void	log_info(const char *, ...) __attribute__((format(printf, 1, 2)));
void	log_warn(const char *, ...) __attribute__((format(printf, 1, 2)));
void	log_err(const char *, ...) __attribute__((format(printf, 1, 2)));
/* Silence log_info (tests, benchmarks). */
void	log_set_quiet(int);

#endif
