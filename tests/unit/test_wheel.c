/* The annual wheel (render/wheel_svg.c): a well-formed standalone SVG
 * (checked structurally here: every tag closed in order, attributes
 * quoted, no raw '<' or '&' in text; tests/http/meetings.test.mjs also
 * runs xmllint on it), twelve months with Danish names, one ring per body
 * with meetings, one mark per meeting, numbered themes for the steering
 * group, escaping of names, no style attribute. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/plan.h"
#include "render/wheel_svg.h"
#include "strategy/parse.h"
#include "util/file.h"
#include "fixture.h"
#include "test.h"

struct wheel_case {
	struct org o;
	struct meeting_list l;
	char *svg;
};

static int setup(void **state)
{
	struct wheel_case *f = calloc(1, sizeof(*f));
	char *err = NULL;
	fixture_shipped(&f->o);
	if (plan_year(&f->o, 2027, NULL, &f->l, &err) < 0)
		return -1;
	f->l.v[0].status = MEETING_HELD;
	f->l.v[1].status = MEETING_CANCELLED;
	f->svg = wheel_svg(&f->o, &f->l, 2027, cal_ymd(2027, 6, 15));
	if (getenv("SSP_WHEEL_OUT")) {
		FILE *out = fopen(getenv("SSP_WHEEL_OUT"), "w");
		if (out) {
			fputs(f->svg, out);
			fclose(out);
		}
	}
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct wheel_case *f = *state;
	free(f->svg);
	meeting_list_release(&f->l);
	org_release(&f->o);
	free(f);
	return 0;
}

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0;
	for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle))
		n++;
	return n;
}

/* A small XML well-formedness check: tags nest, attribute values are
 * quoted, text holds no raw '<' and every '&' starts an entity. Returns
 * NULL or what is wrong. */
static const char *well_formed(const char *s)
{
	static char why[200];
	const char *stack[64];
	size_t depth = 0, roots = 0;
	const char *p = s;
	if (strncmp(p, "<?xml ", 6))
		return "no XML declaration";
	p = strstr(p, "?>") + 2;
	while (*p) {
		if (*p == '&') {
			if (strncmp(p, "&amp;", 5) && strncmp(p, "&lt;", 4) &&
			    strncmp(p, "&gt;", 4) && strncmp(p, "&quot;", 6) &&
			    strncmp(p, "&#39;", 5))
				return "a bare &";
			p++;
			continue;
		}
		if (*p != '<') {
			if (*p == '>')
				return "a bare >";
			if (!depth && *p != '\n' && *p != ' ')
				return "text outside the root";
			p++;
			continue;
		}
		bool closing = p[1] == '/';
		const char *name = p + (closing ? 2 : 1);
		size_t nlen = strcspn(name, " />\n");
		if (!nlen)
			return "an empty tag name";
		const char *q = name + nlen;
		/* attributes: name="value" */
		while (*q == ' ' || *q == '\n') {
			q++;
			size_t an = strcspn(q, "=/> ");
			if (!an)
				break;
			if (q[an] != '=' || q[an + 1] != '"')
				return "an unquoted attribute";
			const char *end = strchr(q + an + 2, '"');
			if (!end)
				return "an unterminated attribute";
			for (const char *c = q + an + 2; c < end; c++)
				if (*c == '<')
					return "'<' in an attribute";
			q = end + 1;
		}
		bool empty = q[0] == '/' && q[1] == '>';
		if (!empty && *q != '>') {
			snprintf(why, sizeof(why), "junk in tag at %.30s", p);
			return why;
		}
		if (closing) {
			if (!depth || strncmp(stack[depth - 1], name, nlen) ||
			    strcspn(stack[depth - 1], " />\n") != nlen) {
				snprintf(why, sizeof(why), "mismatched close at %.30s", p);
				return why;
			}
			depth--;
		} else if (!empty) {
			if (depth == 64)
				return "too deep";
			if (!depth)
				roots++;
			stack[depth++] = name;
		} else if (!depth) {
			roots++;
		}
		p = q + (empty ? 2 : 1);
	}
	if (depth)
		return "unclosed tags at the end";
	if (roots != 1)
		return "not exactly one root element";
	return NULL;
}

static void is_well_formed_svg(void **state)
{
	struct wheel_case *f = *state;
	const char *why = well_formed(f->svg);
	if (why)
		fail_msg("not well-formed: %s", why);
	assert_non_null(strstr(f->svg, "<svg xmlns=\"http://www.w3.org/2000/svg\""));
	assert_non_null(strstr(f->svg, "role=\"img\""));
	assert_non_null(strstr(f->svg, "<title id=\"wheel-title\">Årshjul 2027</title>"));
	assert_null(strstr(f->svg, "style="));
	/* the checker itself catches what it must */
	assert_non_null(well_formed("<?xml version=\"1.0\"?><a><b></a></b>"));
	assert_non_null(well_formed("<?xml version=\"1.0\"?><a x=1></a>"));
	assert_non_null(well_formed("<?xml version=\"1.0\"?><a>&</a>"));
	assert_null(well_formed("<?xml version=\"1.0\"?><a x=\"1\"><b/>t &amp; u</a>"));
}

static void months_rings_marks(void **state)
{
	struct wheel_case *f = *state;
	assert_int_equal(count(f->svg, "<g class=\"month\">"), 12);
	static const char *const names[] = {"Januar",    "Februar", "Marts",    "April",
					    "Maj",       "Juni",    "Juli",     "August",
					    "September", "Oktober", "November", "December"};
	for (size_t i = 0; i < 12; i++) {
		char t[40];
		snprintf(t, sizeof(t), ">%s</text>", names[i]);
		assert_int_equal(count(f->svg, t), 1);
	}
	/* bodies with meetings in 2027: Kredsråd, Lokalråd, styregruppe,
	 * § 115, hotspot, distrikt, skolenetværk */
	assert_int_equal(count(f->svg, "<g data-body=\""), 7);
	assert_non_null(strstr(f->svg, "<g data-body=\"paragraf-115\">"));
	assert_null(strstr(f->svg, "<g data-body=\"ssp-team\">"));
	/* one mark (a <g transform="rotate(...)">) per meeting */
	const char *marks = strstr(f->svg, "<g id=\"marks\">");
	const char *legend = strstr(f->svg, "<g id=\"legend\"");
	assert_non_null(marks);
	assert_non_null(legend);
	size_t n = 0;
	for (const char *p = marks; (p = strstr(p, "<g transform=\"rotate(")) && p < legend; p++)
		n++;
	assert_int_equal(n, f->l.nr);
	/* held as a square, cancelled with a stroke through */
	assert_true(count(f->svg, "<rect ") >= 3); /* background, held mark, legend */
	assert_non_null(strstr(f->svg, "fill=\"#ffffff\" stroke=\""));
	/* today is marked */
	assert_non_null(strstr(f->svg, "<g id=\"today\""));
}

static void steering_group_themes(void **state)
{
	struct wheel_case *f = *state;
	assert_non_null(strstr(f->svg, ">SSP-styregruppen: temaer</text>"));
	assert_non_null(strstr(f->svg, ": SSP-læseplan</text>"));
	assert_non_null(strstr(f->svg, ": Rusmidler</text>"));
	assert_non_null(strstr(f->svg, ": Lovbestemte beredskaber</text>"));
	assert_non_null(strstr(f->svg, ": PSP- og KSP-samarbejde</text>"));
	assert_non_null(strstr(f->svg, "font-weight=\"bold\" fill=\"#ffffff\">1</text>"));
}

static void escapes_names(void **state)
{
	(void)state;
	struct org o;
	org_init(&o);
	struct org_body *b = org_add_body(&o);
	b->id = strdup("x");
	b->name = strdup("<Råd & \"co\"> \x01\xff");
	strlist_add(&b->wheel_themes, "t");
	struct meeting_list l = MEETING_LIST_INIT;
	struct meeting *m = meeting_list_add(&l);
	m->uid = strdup("u");
	m->body = strdup("x");
	m->day = cal_ymd(2030, 2, 3);
	m->start = 600;
	m->duration = 60;
	m->theme = strdup("a<b>&c");
	char *svg = wheel_svg(&o, &l, 2030, CAL_NO_DAY);
	assert_null(well_formed(svg));
	assert_non_null(strstr(svg, "&lt;Råd &amp; &quot;co&quot;&gt; \xEF\xBF\xBD"));
	assert_non_null(strstr(svg, "a&lt;b&gt;&amp;c"));
	assert_null(strstr(svg, "<Råd"));
	assert_null(strstr(svg, "id=\"today\""));
	free(svg);
	/* an empty year is a wheel too */
	l.v[0].day = cal_ymd(2031, 2, 3);
	svg = wheel_svg(&o, &l, 2030, CAL_NO_DAY);
	assert_null(well_formed(svg));
	assert_non_null(strstr(svg, "Ingen møder i året."));
	free(svg);
	meeting_list_release(&l);
	org_release(&o);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(is_well_formed_svg),
	    cmocka_unit_test(months_rings_marks),
	    cmocka_unit_test(steering_group_themes),
	    cmocka_unit_test_setup_teardown(escapes_names, NULL, NULL),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
