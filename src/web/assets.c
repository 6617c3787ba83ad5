/* assets.c - /static/: the design system's files and our own app.css and
 * app.js, copied into the asset folder by scripts/assets.sh.
 *
 * router.c has already refused any path with bytes outside
 * [A-Za-z0-9/._-], an empty segment or a segment starting with a dot, so
 * the path cannot leave the asset folder. Only known file types are
 * served, each with its exact Content-Type (nosniff is set on every
 * response).
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/i18n.h"
#include "web/web_internal.h"
#include "util/banned.h"

static const struct {
	const char *ext, *type;
} types[] = {
    {".css", "text/css; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".svg", "image/svg+xml"},
    {".png", "image/png"},
    {".woff2", "font/woff2"},
    {".woff", "font/woff"},
    {".ttf", "font/ttf"},
    {".otf", "font/otf"},
    {".map", "application/json"},
    {".md", "text/plain; charset=utf-8"},
    {".txt", "text/plain; charset=utf-8"},
};

void h_static(struct request *rq)
{
	const char *rest = rq->path + strlen("/static/");
	const char *type = NULL;
	size_t n = strlen(rest);
	for (size_t i = 0; i < sizeof(types) / sizeof(types[0]) && !type; i++) {
		size_t e = strlen(types[i].ext);
		if (n > e && !strcmp(rest + n - e, types[i].ext))
			type = types[i].type;
	}
	char path[8192];
	int fd = -1;
	struct stat st;
	if (type &&
	    (size_t)snprintf(path, sizeof(path), "%s/%s", rq->srv->asset_dir, rest) < sizeof(path))
		fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd >= 0 && (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))) {
		close(fd);
		fd = -1;
	}
	if (fd < 0) {
		web_error(rq, 404, _("Filen findes ikke."), NULL);
		return;
	}
	rq->rs.status = 200;
	rq->rs.content_type = type;
	rq->rs.fd = fd;
	rq->rs.fd_size = (uint64_t)st.st_size;
	rq->rs.cacheable = true;
	rq->responded = true;
}
