/* The one text policy (domain/text_policy.c): control characters, line
 * breaks in one-line fields, CPR-like text where named young people are
 * not discussed (and never in a field every role sees), lengths, and the
 * Danish sentence that names the field. */
#include <string.h>

#include "domain/text_policy.h"
#include "test.h"

static const struct text_field line = {
    .id = "theme", .label = "Temaet", .shape = TEXT_LINE, .max = 20};
static const struct text_field lines = {
    .id = "minutes", .label = "Referatet", .shape = TEXT_LINES, .max = 200};
static const struct text_field public_line = {
    .id = "theme", .label = "Temaet", .shape = TEXT_LINE, .max = 200, .everyone = true};
static const struct text_field needed = {
    .id = "guest_name", .label = "Gæstens navn", .shape = TEXT_LINE, .max = 20, .required = true};

static enum text_fault check(const struct text_field *f, const char *s, bool named)
{
	struct text_verdict v;
	return text_check(f, s, named, NULL, &v);
}

static void explain(const struct text_field *f, const char *s, bool named, const char *want)
{
	struct text_verdict v;
	struct strbuf msg = STRBUF_INIT;
	assert_int_not_equal(text_check(f, s, named, NULL, &v), TEXT_OK);
	text_explain(f, &v, "Hotspotmøde", &msg);
	if (!strstr(msg.buf, want))
		fail_msg("\"%s\" lacks \"%s\"", msg.buf, want);
	strbuf_release(&msg);
}

static void control_characters(void **state)
{
	(void)state;
	assert_int_equal(check(&line, "Tryghed i byen", false), TEXT_OK);
	assert_int_equal(check(&line, "Tema\nlinje to", false), TEXT_CONTROL);
	assert_int_equal(check(&line, "Tema\rlinje to", false), TEXT_CONTROL);
	assert_int_equal(check(&line, "a\tb", false), TEXT_CONTROL);
	assert_int_equal(check(&line, "a\x1b[31mb", false), TEXT_CONTROL);
	assert_int_equal(check(&line, "a\x7f", false), TEXT_CONTROL);
	assert_int_equal(check(&line, "a\xc2\x85", false), TEXT_CONTROL); /* NEL (C1) */
	assert_int_equal(check(&line,
			       "a\xe2\x80\xae"
			       "b",
			       false),
			 TEXT_CONTROL); /* RLO */
	assert_int_equal(check(&line,
			       "a\xe2\x81\xa6"
			       "b",
			       false),
			 TEXT_CONTROL); /* LRI */
	assert_int_equal(check(&line,
			       "a\xe2\x80\xa8"
			       "b",
			       false),
			 TEXT_CONTROL); /* LS */
	assert_int_equal(check(&lines, "Et\nTo\tmed tab\r\nTre", false), TEXT_OK);
	assert_int_equal(check(&lines, "Et\nTo\x07", false), TEXT_CONTROL);
	assert_int_equal(check(&lines, "\xff", false), TEXT_BAD_UTF8);
	assert_int_equal(check(&lines, "æøå ÆØÅ – “citat” €", false), TEXT_OK);
	explain(&line, "Tema\nto", false, "Temaet skal stå på én linje");
	explain(&lines, "Et\nTo\x07", false,
		"Referatet indeholder et styretegn (U+0007) på linje 2");
	explain(&line, "a\x1b", false, "Temaet indeholder et styretegn (U+001B)");
	assert_true(text_is_control('\n', false));
	assert_false(text_is_control('\n', true));
	assert_false(text_is_control(0xE6, false)); /* æ */
}

static void normalising(void **state)
{
	(void)state;
	struct strbuf out = STRBUF_INIT;
	struct text_verdict v;
	assert_int_equal(text_check(&lines, "Et\r\nTo\rTre  \r\n\r\n", false, &out, &v), TEXT_OK);
	assert_string_equal(out.buf, "Et\nTo\nTre");
	assert_int_equal(text_check(&line, "  Tema  ", false, &out, &v), TEXT_OK);
	assert_string_equal(out.buf, "Tema");
	assert_int_equal(text_check(&line, NULL, false, &out, &v), TEXT_OK);
	assert_string_equal(out.buf, "");
	strbuf_release(&out);
	assert_int_equal(check(&needed, "   ", false), TEXT_EMPTY);
	explain(&needed, "", false, "Gæstens navn mangler");
	assert_int_equal(check(&line, "123456789012345678901", false), TEXT_TOO_LONG);
	explain(&line, "123456789012345678901", false, "Temaet må højst være 20 tegn.");
}

static void cpr_where_not_allowed(void **state)
{
	(void)state;
	const char *text = "Uro ved stationen\nPeter Jensen 010203 1234";
	assert_int_equal(check(&lines, text, false), TEXT_CPR);
	assert_int_equal(check(&lines, text, true), TEXT_OK);
	explain(&lines, text, false,
		"Referatet ser ud til at indeholde et CPR-nummer (linje 2). I "
		"Hotspotmøde drøftes ikke konkrete sager om navngivne unge");
	explain(&lines, text, false, "§ 115-møde");
	/* a field every role sees: never, whatever the body */
	assert_int_equal(check(&public_line, "Peter Jensen 010203-1234", true), TEXT_CPR);
	explain(&public_line, "Peter Jensen 01.02.03-1234", true, "vises for alle brugere");
	/* full-width digits */
	assert_int_equal(
	    check(&public_line,
		  "\xEF\xBC\x90\xEF\xBC\x91\xEF\xBC\x90\xEF\xBC\x92\xEF\xBC\x90\xEF\xBC"
		  "\x93-1234",
		  false),
	    TEXT_CPR);
	/* phone numbers and dates are fine */
	assert_int_equal(check(&public_line, "Ring 75 12 34 56, mødet 12.03.27 14:00", false),
			 TEXT_OK);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(control_characters),
	    cmocka_unit_test(normalising),
	    cmocka_unit_test(cpr_where_not_allowed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
