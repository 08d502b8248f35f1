/*
 * password_input.c -- see password_input.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "cli/password_input.h"

static int
read_line(FILE *f, char *out, size_t size)
{
	size_t n;

	if (fgets(out, (int)size, f) == NULL)
		return -1;
	n = strcspn(out, "\r\n");
	out[n] = '\0';
	return 0;
}

int
password_input(const char *file, char *out, size_t size)
{
	const char *env = getenv("VITRE_PASSWORD");
	struct termios old, quiet;
	int tty, rc;
	FILE *f;

	if (file != NULL) {
		if ((f = fopen(file, "r")) == NULL) {
			fprintf(stderr, "vitre: không đọc được / cannot read %s\n",
			    file);
			return -1;
		}
		rc = read_line(f, out, size);
		fclose(f);
		return rc;
	}
	if (env != NULL) {
		snprintf(out, size, "%s", env);
		return 0;
	}
	tty = isatty(STDIN_FILENO);
	if (tty) {
		fprintf(stderr, "Mật khẩu / password: ");
		tcgetattr(STDIN_FILENO, &old);
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
	}
	rc = read_line(stdin, out, size);
	if (tty) {
		tcsetattr(STDIN_FILENO, TCSANOW, &old);
		fprintf(stderr, "\n");
	}
	return rc;
}
