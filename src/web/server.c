/* server.c - the libmicrohttpd daemon, its threads and the life of a
 * request.
 *
 * Threads: libmicrohttpd runs a pool of cfg->threads worker threads
 * (MHD_USE_INTERNAL_POLLING_THREAD + MHD_OPTION_THREAD_POOL_SIZE), each
 * answering its own connections. SQLite connections are not shared, so each
 * worker opens its own struct store lazily on its first request and keeps it
 * in thread-local storage (a pthread key whose destructor closes it when
 * MHD_stop_daemon ends the thread). The instance key is read once here and
 * copied into every thread's struct service. The main thread only waits for
 * SIGTERM/SIGINT (sigwait) and then stops the daemon.
 *
 * A request passes three phases (libmicrohttpd calls the handler for each):
 *   1. headers: a Content-Length over cfg->max_body_bytes is answered 413
 *      at once, before one byte of the body is read; except on the JSON
 *      API up to API_DRAIN_FACTOR times the limit, which is read so that
 *      the answer can name the field (below);
 *   2. body chunks: appended up to cfg->max_body_bytes; what comes after is
 *      discarded (the connection cut if it keeps coming). A JSON body cut
 *      inside a member's value is answered 422 naming that member
 *      (parse.c json_prefix_open_member), anything else 413;
 *   3. the end: the router runs and the response is queued.
 * The raw request target comes from MHD_OPTION_URI_LOG_CALLBACK, which runs
 * before libmicrohttpd decodes anything, so that our own strict parsers
 * (parse.c) see the query string as sent.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include "service/audit.h"
#include "service/auth.h"
#include "util/file.h"
#include "service/retention.h"
#include "util/i18n.h"
#include "util/xalloc.h"
#include "web/web.h"
#include "web/web_config.h"
#include "web/web_internal.h"
#include "util/banned.h"

/* ---- per-thread service ---- */

static pthread_key_t thread_key;

struct thread_state {
	struct service svc;
};

static void thread_state_free(void *p)
{
	struct thread_state *ts = p;
	service_close(&ts->svc);
	free(ts);
}

/* This thread's service, opened on first use; NULL (message in *err) if
 * the database cannot be opened. */
static struct service *thread_service(const struct web_server *srv, char **err)
{
	struct thread_state *ts = pthread_getspecific(thread_key);
	if (ts)
		return &ts->svc;
	ts = xcalloc(1, sizeof(*ts));
	if (service_open_keyed(&ts->svc, srv->db_path, srv->key, srv->cfg, err) < 0) {
		free(ts);
		return NULL;
	}
	if (pthread_setspecific(thread_key, ts) != 0) {
		thread_state_free(ts);
		*err = xstrdup("pthread_setspecific");
		return NULL;
	}
	return &ts->svc;
}

/* ---- request life ---- */

static void client_address(struct MHD_Connection *conn, char *out, size_t size)
{
	const union MHD_ConnectionInfo *ci =
	    MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	snprintf(out, size, "?");
	if (!ci || !ci->client_addr)
		return;
	const struct sockaddr *sa = ci->client_addr;
	if (sa->sa_family == AF_INET) {
		const struct sockaddr_in *in = (const void *)sa;
		inet_ntop(AF_INET, &in->sin_addr, out, (socklen_t)size);
	} else if (sa->sa_family == AF_INET6) {
		const struct sockaddr_in6 *in6 = (const void *)sa;
		inet_ntop(AF_INET6, &in6->sin6_addr, out, (socklen_t)size);
	}
}

static void *uri_cb(void *cls, const char *uri, struct MHD_Connection *conn)
{
	struct request *rq = xcalloc(1, sizeof(*rq));
	rq->srv = cls;
	rq->conn = conn;
	rq->uri = xstrdup(uri ? uri : "");
	strbuf_init(&rq->body);
	form_init(&rq->query_form);
	form_init(&rq->form);
	strbuf_init(&rq->upload.data);
	resp_init(&rq->rs);
	const char *q = strchr(rq->uri, '?');
	if (q) {
		rq->path_buf = xstrndup(rq->uri, (size_t)(q - rq->uri));
		rq->query = q + 1;
		rq->query_len = strlen(q + 1);
	} else {
		rq->path_buf = xstrdup(rq->uri);
		rq->query = "";
	}
	rq->path = rq->path_buf;
	client_address(conn, rq->client, sizeof(rq->client));
	return rq;
}

static void request_free(struct request *rq)
{
	if (!rq)
		return;
	free(rq->uri);
	free(rq->path_buf);
	strbuf_release(&rq->body);
	form_release(&rq->query_form);
	form_release(&rq->form);
	free(rq->upload.name);
	strbuf_release(&rq->upload.data);
	json_decref(rq->json);
	resp_release(&rq->rs);
	audit_defer_free(rq->defer);
	sodium_memzero(rq->cookie, sizeof(rq->cookie));
	sodium_memzero(&rq->session, sizeof(rq->session));
	free(rq);
}

static void completed_cb(void *cls, struct MHD_Connection *conn, void **con_cls,
			 enum MHD_RequestTerminationCode toe)
{
	const struct web_server *srv = cls;
	request_free(*con_cls);
	*con_cls = NULL;
	/* a kept-alive connection waits for its next request's headers: the
	 * short timeout again */
	if (toe == MHD_REQUEST_TERMINATED_COMPLETED_OK)
		MHD_set_connection_option(conn, MHD_CONNECTION_OPTION_TIMEOUT,
					  (unsigned)srv->cfg->header_timeout);
}

/* Is addr one of cfg->trusted_proxies (comma-separated addresses)? */
static bool trusted_proxy(const char *list, const char *addr)
{
	size_t n = strlen(addr);
	for (const char *p = list; *p;) {
		p += strspn(p, ", ");
		size_t k = strcspn(p, ", ");
		if (k && k == n && !memcmp(p, addr, n))
			return true;
		p += k;
	}
	return false;
}

/* Behind a reverse proxy the peer is the proxy: the client is the
 * right-most X-Forwarded-For address that is not itself a trusted proxy
 * (what nginx appends with proxy_add_x_forwarded_for). Only a peer in
 * cfg->trusted_proxies is believed, and only a well-formed address is
 * taken; throttling and the access log then see the real client. */
static void forwarded_client(struct request *rq)
{
	const char *list = rq->srv->cfg->trusted_proxies;
	if (!*list || !trusted_proxy(list, rq->client))
		return;
	const char *xff = MHD_lookup_connection_value(rq->conn, MHD_HEADER_KIND, "X-Forwarded-For");
	if (!xff || strlen(xff) > 2048)
		return;
	size_t end = strlen(xff);
	while (end > 0) {
		size_t start = end;
		while (start > 0 && xff[start - 1] != ',')
			start--;
		size_t a = start, b = end;
		while (a < b && xff[a] == ' ')
			a++;
		while (b > a && xff[b - 1] == ' ')
			b--;
		char addr[INET6_ADDRSTRLEN];
		unsigned char bin[sizeof(struct in6_addr)];
		if (b - a == 0 || b - a >= sizeof(addr))
			return;
		memcpy(addr, xff + a, b - a);
		addr[b - a] = '\0';
		if (inet_pton(AF_INET, addr, bin) != 1 && inet_pton(AF_INET6, addr, bin) != 1)
			return;
		snprintf(rq->client, sizeof(rq->client), "%s", addr);
		if (!trusted_proxy(list, addr))
			return;
		end = start ? start - 1 : 0;
	}
}

/* How far past the limit a JSON API body is read (and discarded) to name
 * the member that made it too large: 16 MiB with the default limit. Past
 * that the connection is cut. */
#define API_DRAIN_FACTOR 16

static bool api_request(const struct request *rq)
{
	return rq->uri && !strncmp(rq->uri, "/api/", 5);
}

static enum MHD_Result too_large(struct request *rq)
{
	char key[64];
	if (api_request(rq) && rq->body.len &&
	    json_prefix_open_member(rq->body.buf, rq->body.len, key, sizeof(key))) {
		char msg[240];
		snprintf(msg, sizeof(msg),
			 _("Feltet »%s« er for langt: hele indholdet må højst fylde %zu byte."),
			 key, rq->srv->cfg->max_body_bytes);
		strbuf_release(&rq->body);
		web_error(rq, 422, msg, key);
		resp_header(&rq->rs, MHD_HTTP_HEADER_CONNECTION, "close");
		return resp_send(rq);
	}
	strbuf_release(&rq->body);
	char msg[200];
	if (web_is_multipart(rq)) /* a file upload (upload.c) */
		snprintf(msg, sizeof(msg),
			 _("Filen er for stor: en fil må højst fylde %zu byte (%zu KiB). Større "
			   "filer importeres med »ssp data import«."),
			 rq->srv->cfg->max_body_bytes, rq->srv->cfg->max_body_bytes / 1024);
	else
		snprintf(msg, sizeof(msg), _("Indholdet er større end de tilladte %zu byte."),
			 rq->srv->cfg->max_body_bytes);
	web_error(rq, 413, msg, NULL);
	resp_header(&rq->rs, MHD_HTTP_HEADER_CONNECTION, "close");
	return resp_send(rq);
}

/* The writer thread (service/audit.c): the held request's entries are
 * committed. */
static void resume_held(void *cls)
{
	struct request *rq = cls;
	MHD_resume_connection(rq->conn);
}

/* Sends the answer, unless one of the request's access-log entries could
 * not be written: then the action is refused (500), and nothing of the
 * prepared answer (data, cookies) leaves. */
static enum MHD_Result send_logged(struct request *rq)
{
	rq->held = false;
	if (audit_defer_failed(rq->defer)) {
		resp_release(&rq->rs);
		resp_init(&rq->rs);
		rq->responded = false;
		web_error(rq, 500, "the access log could not be written", NULL);
	}
	return resp_send(rq);
}

static enum MHD_Result access_cb(void *cls, struct MHD_Connection *conn, const char *url,
				 const char *method, const char *version, const char *upload_data,
				 size_t *upload_data_size, void **con_cls)
{
	(void)cls;
	(void)url;
	(void)version;
	struct request *rq = *con_cls;
	if (!rq)
		return MHD_NO;
	size_t max = rq->srv->cfg->max_body_bytes;

	if (!rq->started) { /* phase 1: headers only */
		rq->started = true;
		snprintf(rq->method, sizeof(rq->method), "%s", method);
		/* the headers are in: the body and the answer get the longer
		 * timeout */
		MHD_set_connection_option(conn, MHD_CONNECTION_OPTION_TIMEOUT,
					  (unsigned)rq->srv->cfg->connection_timeout);
		forwarded_client(rq);
		const char *cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
							     MHD_HTTP_HEADER_CONTENT_LENGTH);
		if (cl) {
			char *end;
			errno = 0;
			unsigned long long n = strtoull(cl, &end, 10);
			if (errno || end == cl || *end ||
			    n > (api_request(rq) ? API_DRAIN_FACTOR * max : max)) {
				rq->body_too_large = true;
				return too_large(rq);
			}
		}
		return MHD_YES;
	}

	if (*upload_data_size) { /* phase 2: a piece of the body */
		size_t n = *upload_data_size;
		*upload_data_size = 0;
		rq->body_seen += n;
		if (!rq->body_too_large && rq->body.len + n > max) {
			/* keep the first max bytes: they may name the field */
			rq->body_too_large = true;
			strbuf_add(&rq->body, upload_data, max - rq->body.len);
		}
		if (!rq->body_too_large)
			strbuf_add(&rq->body, upload_data, n);
		/* A client streaming far past the limit is cut off rather than
		 * read to the end. */
		if (rq->body_too_large &&
		    rq->body_seen > (api_request(rq) ? API_DRAIN_FACTOR : 4) * max)
			return MHD_NO;
		return MHD_YES;
	}

	/* phase 3: the whole request is here */
	if (rq->held) /* resumed: the request's log entries are committed */
		return send_logged(rq);
	if (rq->responded)
		return MHD_YES; /* answered in phase 1 */
	if (rq->body_too_large)
		return too_large(rq);
	char *err = NULL;
	rq->svc = thread_service(rq->srv, &err);
	if (!rq->svc) {
		web_error(rq, 500, err, NULL);
		free(err);
	} else {
		/* the entries this request logs outside a transaction go to
		 * the log's writer thread; the answer waits for them below */
		rq->defer = audit_defer_new();
		audit_defer_enter(rq->defer);
		web_dispatch(rq);
		audit_defer_leave();
	}
	if (!rq->responded)
		web_error(rq, 500, "no response", NULL);
	if (rq->svc && audit_defer_submit(rq->defer, rq->svc)) {
		/* Hold the answer and free the thread for other connections
		 * until the writer has committed the entries; it resumes the
		 * connection (resume_held), and libmicrohttpd calls us again.
		 * Suspended before armed: a resume must never come first. */
		rq->held = true;
		MHD_suspend_connection(conn);
		if (!audit_defer_arm(rq->defer, resume_held, rq))
			MHD_resume_connection(conn); /* committed meanwhile */
		return MHD_YES;
	}
	return send_logged(rq);
}

/* ---- start and stop ---- */

static int read_pem(const char *path, char **out)
{
	struct strbuf sb = STRBUF_INIT;
	char *err = NULL;
	if (read_file(path, &sb, &err) < 0) {
		fprintf(stderr, "ssp serve: %s\n", err);
		free(err);
		return -1;
	}
	*out = strbuf_detach(&sb);
	return 0;
}

/* Splits "ADDR:PORT" / "[V6]:PORT" and resolves it to *res. */
static int resolve_listen(const char *listen, struct addrinfo **res)
{
	char host[256], port[16];
	const char *colon = strrchr(listen, ':');
	if (!colon || !colon[1] || strlen(colon + 1) >= sizeof(port))
		goto bad;
	size_t hlen = (size_t)(colon - listen);
	const char *h = listen;
	if (hlen >= 2 && h[0] == '[' && h[hlen - 1] == ']') {
		h++;
		hlen -= 2;
	}
	if (hlen == 0 || hlen >= sizeof(host))
		goto bad;
	memcpy(host, h, hlen);
	host[hlen] = '\0';
	snprintf(port, sizeof(port), "%s", colon + 1);
	for (const char *p = port; *p; p++)
		if (*p < '0' || *p > '9')
			goto bad;
	if (strlen(port) > 5 || strtol(port, NULL, 10) > 65535)
		goto bad;
	struct addrinfo hints;
	memset(&hints, 0, sizeof(hints));
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
	int rc = getaddrinfo(host, port, &hints, res);
	if (rc != 0) {
		fprintf(stderr, _("ssp serve: kan ikke finde adressen »%s«: %s\n"), listen,
			gai_strerror(rc));
		return -1;
	}
	return 0;
bad:
	fprintf(stderr, _("ssp serve: »%s« skal have formen ADRESSE:PORT, fx 127.0.0.1:8080\n"),
		listen);
	return -1;
}

int web_serve(const struct web_options *opt)
{
	static struct web_server srv; /* read by every worker until MHD_stop_daemon */
	memset(&srv, 0, sizeof(srv));
	srv.cfg = opt->cfg;
	srv.db_path = opt->db_path;
	srv.tls = opt->tls_cert != NULL;
	const char *assets = opt->asset_dir;
	if (!assets || !*assets)
		assets = getenv("SSP_ASSET_DIR");
	if (!assets || !*assets)
		assets = SSP_ASSETDIR;
	snprintf(srv.asset_dir, sizeof(srv.asset_dir), "%s", assets);

	/* Fail now, not on the first request, when the database is missing or
	 * others may read it or its key. */
	struct service probe;
	memset(&probe, 0, sizeof(probe));
	char *err = NULL;
	if (service_check_file_modes(opt->db_path, &err) < 0) {
		fprintf(stderr, "ssp serve: %s\n", err);
		free(err);
		return -1;
	}
	if (service_open(&probe, opt->db_path, SERVICE_OPEN_EXISTING, opt->cfg, &err) < 0) {
		fprintf(stderr, "ssp serve: %s\n", err);
		free(err);
		return -1;
	}
	memcpy(srv.key, probe.key, sizeof(srv.key));
	service_close(&probe);

	struct stat stt;
	char css[4200];
	snprintf(css, sizeof(css), "%s/dkfds/css/dkfds.min.css", srv.asset_dir);
	if (stat(css, &stt) != 0)
		fprintf(stderr,
			_("ssp serve: advarsel: designsystemets filer mangler i %s; "
			  "kør »make« (scripts/assets.sh)\n"),
			srv.asset_dir);

	char *cert = NULL, *key = NULL;
	if ((opt->tls_cert == NULL) != (opt->tls_key == NULL)) {
		fprintf(stderr, "%s",
			_("ssp serve: --tls-cert og --tls-key skal angives sammen\n"));
		return -1;
	}
	if (srv.tls) {
		if (MHD_is_feature_supported(MHD_FEATURE_TLS) != MHD_YES) {
			fprintf(stderr, "%s", _("ssp serve: libmicrohttpd er bygget uden TLS\n"));
			return -1;
		}
		if (read_pem(opt->tls_cert, &cert) < 0 || read_pem(opt->tls_key, &key) < 0) {
			free(cert);
			return -1;
		}
	}

	struct addrinfo *ai = NULL;
	if (resolve_listen(opt->listen, &ai) < 0) {
		free(cert);
		free(key);
		return -1;
	}

	if (pthread_key_create(&thread_key, thread_state_free) != 0) {
		freeaddrinfo(ai);
		free(cert);
		free(key);
		return -1;
	}

	/* Block the stop signals in every thread (the workers inherit the
	 * mask); the main thread takes them with sigwait. */
	sigset_t stop, old;
	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &stop, &old);
	signal(SIGPIPE, SIG_IGN);

	/* the access log's writer: it commits the entries of every request
	 * in groups while the workers go on (service/audit.h) */
	struct audit_writer *writer = audit_writer_start(srv.db_path, srv.key, srv.cfg, &err);
	if (!writer) {
		fprintf(stderr, "ssp serve: %s\n", err);
		free(err);
		freeaddrinfo(ai);
		free(cert);
		free(key);
		pthread_sigmask(SIG_SETMASK, &old, NULL);
		pthread_key_delete(thread_key);
		return -1;
	}

	/* Slow clients (issue 8): epoll carries thousands of idle connections
	 * (select stops at FD_SETSIZE), each address gets at most
	 * max_connections_address of them, and the request-header phase has
	 * its own short timeout (access_cb raises it once the headers are
	 * in). The descriptors that takes: the soft limit up to the hard one. */
	struct rlimit rl;
	if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
		rl.rlim_cur = rl.rlim_max;
		setrlimit(RLIMIT_NOFILE, &rl);
	}
	unsigned flags = MHD_USE_EPOLL_INTERNAL_THREAD | MHD_USE_ERROR_LOG | MHD_USE_ITC |
			 MHD_ALLOW_SUSPEND_RESUME;
	if (ai->ai_family == AF_INET6)
		flags |= MHD_USE_IPv6;
	if (srv.tls)
		flags |= MHD_USE_TLS;
	struct MHD_OptionItem tls_opts[] = {
	    {MHD_OPTION_HTTPS_MEM_KEY, 0, key},
	    {MHD_OPTION_HTTPS_MEM_CERT, 0, cert},
	    {MHD_OPTION_END, 0, NULL},
	};
	struct MHD_Daemon *d = MHD_start_daemon(
	    flags, 0, NULL, NULL, access_cb, &srv, MHD_OPTION_SOCK_ADDR, ai->ai_addr,
	    MHD_OPTION_THREAD_POOL_SIZE, (unsigned)srv.cfg->threads, MHD_OPTION_CONNECTION_TIMEOUT,
	    (unsigned)srv.cfg->header_timeout, MHD_OPTION_CONNECTION_LIMIT,
	    (unsigned)srv.cfg->max_connections, MHD_OPTION_PER_IP_CONNECTION_LIMIT,
	    (unsigned)srv.cfg->max_connections_address, MHD_OPTION_URI_LOG_CALLBACK, uri_cb, &srv,
	    MHD_OPTION_NOTIFY_COMPLETED, completed_cb, &srv, MHD_OPTION_ARRAY,
	    srv.tls ? tls_opts : &tls_opts[2], MHD_OPTION_END);
	freeaddrinfo(ai);
	if (!d) {
		fprintf(stderr, _("ssp serve: kan ikke lytte på %s (er porten optaget?)\n"),
			opt->listen);
		free(cert);
		free(key);
		audit_writer_stop(writer);
		pthread_sigmask(SIG_SETMASK, &old, NULL);
		pthread_key_delete(thread_key);
		return -1;
	}

	const union MHD_DaemonInfo *di = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	unsigned port = di ? di->port : 0;
	char host[256];
	const char *colon = strrchr(opt->listen, ':');
	snprintf(host, sizeof(host), "%.*s", (int)(colon - opt->listen), opt->listen);
	fprintf(opt->announce, _("Lytter på %s://%s:%u/\n"), srv.tls ? "https" : "http", host,
		port);
	fflush(opt->announce);

	/* the daily purge (issue 12; [retention] purge-time) */
	struct purge_timer *purge = purge_timer_start(srv.db_path, srv.key, srv.cfg);
	int sig = 0;
	while (sigwait(&stop, &sig) != 0)
		;
	purge_timer_stop(purge);
	fprintf(stderr, _("ssp serve: stopper (signal %d)\n"), sig);
	MHD_quiesce_daemon(d);
	/* every held answer resumed before the daemon stops (libmicrohttpd
	 * must not stop with a connection suspended); from here on a
	 * request's entries are committed while it waits */
	audit_writer_quiesce(writer);
	MHD_stop_daemon(d);
	audit_writer_stop(writer);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	pthread_key_delete(thread_key);
	sodium_memzero(srv.key, sizeof(srv.key));
	if (key)
		sodium_memzero(key, strlen(key));
	free(cert);
	free(key);
	return 0;
}
