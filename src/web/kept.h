/* kept.h - output kept per worker thread while the organisation it shows
 * stays the same: the main part of /organisation and the body of
 * GET /api/v1/org (issue 10). Made again when the thread's service loaded
 * the organisation anew (svc_org_generation) or a translation may have
 * changed (i18n_epoch); freed when the thread ends. */
#ifndef SSP_WEB_KEPT_H
#define SSP_WEB_KEPT_H

#include "domain/org.h"
#include "service/service.h"
#include "web/html.h"

enum kept_slot {
	KEPT_ORG_PAGE, /* the main part of /organisation (HTML) */
	KEPT_ORG_JSON, /* the body of GET /api/v1/org (JSON) */
	KEPT__COUNT
};

/* The thread's copy in slot for op, made with make(out, op) when stale.
 * Valid until the next call for the same slot on this thread. */
const struct html *web_kept(struct service *svc, enum kept_slot slot, const struct org *op,
			    void (*make)(struct html *out, const struct org *op));

#endif
