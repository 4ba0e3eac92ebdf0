/*
 * test_family.c - the family's names as the display sets them (family.h):
 *
 *   - a typed name is refused when empty, too long, not UTF-8, with a
 *     double quote or a control character, digits only, or another slot's;
 *   - naming one slot gives a dock.names value the file's parser takes
 *     back, every other slot as it was, quoted where needed, the slot count
 *     unchanged (an unnamed slot holds its number, read as no name);
 *   - a phone docked while the display asks for the phone to name is set
 *     aside from the session rules until it is taken out again (README,
 *     "Rules where SPEC.md is silent").
 */
#include <string.h>

#include "family.h"
#include "test.h"

static const char *const four =
	"[dock]\nlines = 17 27 22 23\nnames = Anna Ben Chloé Dan\n[time]\ntimezone = Europe/Paris\n";

static void
test_a_typed_name_is_refused_with_its_reason(void **state)
{
	(void)state;
	struct ft_config cfg = test_config(four);
	assert_int_equal(family_check_name("Grandma Jo"), FAMILY_OK);
	assert_int_equal(family_check_name("Éléonore-Joséphine"), FAMILY_OK);
	assert_int_equal(family_check_name("R2"), FAMILY_OK);
	assert_int_equal(family_check_name(""), FAMILY_EMPTY);
	assert_int_equal(family_check_name("42"), FAMILY_NUMBER);
	assert_int_equal(family_check_name("Jo \"the\" cat"), FAMILY_INVALID);
	assert_int_equal(family_check_name("Jo\tcat"), FAMILY_INVALID);
	assert_int_equal(family_check_name("Jo\xC3"), FAMILY_INVALID); /* a cut é */
	/* 47 bytes is the most a name holds (FT_NAME_MAX with its NUL) */
	char name[64];
	memset(name, 'a', 47);
	name[47] = '\0';
	assert_int_equal(family_check_name(name), FAMILY_OK);
	strcat(name, "b");
	assert_int_equal(family_check_name(name), FAMILY_TOO_LONG);
	/* a slot's name is not another slot's; its own is fine */
	assert_int_equal(family_check_slot_name(&cfg, 1, "Ben"), FAMILY_TAKEN);
	assert_int_equal(family_check_slot_name(&cfg, 2, "Ben"), FAMILY_OK);
	assert_int_equal(family_check_slot_name(&cfg, 2, "Benoît"), FAMILY_OK);
}

/* VALUE parsed back as the file's dock.names would be, onto CFG. */
static void
parse_back(struct ft_config *cfg, const char *value)
{
	struct ft_error err;
	const char *values[] = {value};
	if (!config_set(cfg, config_key_find("dock.names"), values, 1, FT_SOURCE_DISPLAY, &err))
		fail_msg("%s: %s", value, err.msg);
}

static void
test_naming_a_slot_keeps_the_others_and_the_slot_count(void **state)
{
	(void)state;
	struct ft_config cfg = test_config(four);
	char value[512];
	assert_true(family_names_value(&cfg, 3, "Mary Ann", value, sizeof(value)));
	assert_string_equal(value, "Anna Ben \"Mary Ann\" Dan");
	parse_back(&cfg, value);
	assert_string_equal(cfg.names[2], "Mary Ann");
	assert_string_equal(cfg.names[3], "Dan");
	/* removed: the slot holds its number, which reads as no name */
	assert_true(family_names_value(&cfg, 2, NULL, value, sizeof(value)));
	assert_string_equal(value, "Anna 2 \"Mary Ann\" Dan");
	parse_back(&cfg, value);
	assert_int_equal(cfg.nslots, 4);
	assert_false(family_slot_named(&cfg, 2));
	assert_true(family_slot_named(&cfg, 3));
	char buf[FT_NAME_MAX];
	assert_string_equal(config_slot_name(&cfg, 2, buf), "2");
	/* a name with a '#' is quoted, so the file does not read a comment */
	assert_true(family_names_value(&cfg, 4, "Dan #2", value, sizeof(value)));
	parse_back(&cfg, value);
	assert_string_equal(cfg.names[3], "Dan #2");
	/* a dock with no names and no lines: four slots, and still four */
	struct ft_config bare = test_config("[time]\ntimezone = Europe/Paris\n");
	assert_true(family_names_value(&bare, 2, "Zoé", value, sizeof(value)));
	assert_string_equal(value, "1 Zoé 3 4");
	parse_back(&bare, value);
	assert_int_equal(bare.nslots, 4);
	assert_true(family_slot_named(&bare, 2));
	assert_false(family_slot_named(&bare, 1));
	/* too small a buffer says so */
	assert_false(family_names_value(&cfg, 1, "Anna", value, 8));
}

#define DEBOUNCE 50

static void
test_a_phone_docked_to_be_named_is_set_aside_until_taken_out(void **state)
{
	(void)state;
	struct family_aside a;
	family_aside_init(&a, 4, DEBOUNCE);
	/* not waiting: a docked phone is the session rules' */
	assert_false(family_aside_raw(&a, false, 0, 2, 1, 1000));
	assert_false(family_aside_any(&a));
	/* waiting: slot 3 docked (and bouncing) is set aside, named once it
	 * has stayed in for the debounce */
	assert_true(family_aside_raw(&a, true, 0, 3, 1, 2000));
	assert_true(family_aside_raw(&a, true, 0, 3, 0, 2010));
	assert_true(family_aside_raw(&a, true, 0, 3, 1, 2020));
	assert_int_equal(family_aside_deadline(&a), 2020 + DEBOUNCE);
	assert_int_equal(family_aside_advance(&a, true, 2020 + DEBOUNCE - 1), 0);
	assert_int_equal(family_aside_advance(&a, true, 2020 + DEBOUNCE), 3);
	/* named (no longer waiting), still docked: still aside, its levels
	 * withheld; a phone the session rules already see docked is theirs */
	assert_true(family_aside_raw(&a, false, 0, 3, 1, 5000));
	assert_false(family_aside_raw(&a, true, 1, 1, 1, 5000));
	assert_true(family_aside_any(&a));
	/* taken out for the debounce: given back */
	assert_true(family_aside_raw(&a, false, 0, 3, 0, 9000));
	assert_int_equal(family_aside_advance(&a, false, 9000 + DEBOUNCE), 0);
	assert_false(family_aside_any(&a));
	assert_false(family_aside_raw(&a, false, 0, 3, 1, 9500));
	/* a touch of the contacts shorter than the debounce names nothing and
	 * is given back */
	assert_true(family_aside_raw(&a, true, 0, 4, 1, 10000));
	assert_true(family_aside_raw(&a, true, 0, 4, 0, 10020));
	assert_int_equal(family_aside_deadline(&a), 10020 + DEBOUNCE);
	assert_int_equal(family_aside_advance(&a, true, 10020 + DEBOUNCE), 0);
	assert_false(family_aside_any(&a));
	assert_int_equal(family_aside_deadline(&a), FT_MS_NEVER);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_a_typed_name_is_refused_with_its_reason),
		cmocka_unit_test(test_naming_a_slot_keeps_the_others_and_the_slot_count),
		cmocka_unit_test(test_a_phone_docked_to_be_named_is_set_aside_until_taken_out),
	};
	return cmocka_run_group_tests_name("family", tests, NULL, NULL);
}
