/*
 * assets.h -- serve the front-end files embedded in the binary.
 */
#ifndef VITRE_ASSETS_H
#define VITRE_ASSETS_H

struct req;

/* GET /static/NAME: the embedded "static/NAME" with a long cache life. */
void	assets_serve(struct req *);

#endif
