/*
 * test_ui_i18n.c - the display's languages (issue 12, point 5): French
 * through the built catalogue, its plural forms (French: 0 and 1 are
 * singular), the words a French family uses, and the language the display
 * speaks as gettext chose it (the file's, else the locale's).
 */
#include <libintl.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "ui.h"

static int
french(void **state)
{
	ui_i18n_init("fr");
	return 0;
}

static void
test_plural_forms_follow_french_rules(void **state)
{
	/* "et 1 autre", "et 2 autres"; 0 and 1 take the singular in French */
	assert_string_equal(ngettext("and %d more", "and %d more", 1), "et %d autre");
	assert_string_equal(ngettext("and %d more", "and %d more", 2), "et %d autres");
	assert_string_equal(ngettext("%s (and %d more)", "%s (and %d more)", 1), "%s (et %d autre)");
	assert_string_equal(ngettext("Hugs: %d day in a row · best %d", "Hugs: %d days in a row · best %d", 0),
			    "Câlins\u00a0: %d jour d’affilée · record %d");
	assert_string_equal(ngettext("Hugs: %d day in a row · best %d", "Hugs: %d days in a row · best %d", 2),
			    "Câlins\u00a0: %d jours d’affilée · record %d");
	assert_string_equal(ngettext("%d week in a row · best %d", "%d weeks in a row · best %d", 5),
			    "%d semaines d’affilée · record %d");
}

static void
test_the_words_a_french_family_uses(void **state)
{
	/* a family walk is a balade, not a marche */
	assert_string_equal(gettext("Walk"), "Balade");
	assert_string_equal(gettext("Start a walk"), "Partir en balade");
	/* a meal in a sentence is lower case, as a label it is capitalised */
	assert_string_equal(ui_meal_kind("dinner"), "Dîner");
	assert_string_equal(ui_meal_kind_lower("dinner"), "dîner");
	assert_string_equal(ui_meal_kind_lower("tea"), "tea"); /* the family's own kind */
	assert_string_equal(ui_weekday_short(0), "lun.");
	/* no clipped abbreviations on a button */
	assert_null(strstr(gettext("Next week away"), "sem."));
	assert_null(strstr(gettext("Next week away"), "pro."));
}

static void
test_the_language_spoken_is_the_one_gettext_chose(void **state)
{
	if (strcmp(gettext("Walk"), "Walk") == 0)
		test_skip("no French catalogue built (make builds build/locale)");
	assert_string_equal(ui_i18n_language(), "fr");
	/* no language in the file: the locale's (LANGUAGE, LANG...) */
	setenv("LANGUAGE", "fr", 1);
	ui_i18n_init("");
	assert_string_equal(ui_i18n_language(), "fr");
	unsetenv("LANGUAGE");
	ui_i18n_init("");
	assert_string_equal(gettext("Walk"), "Walk");
	assert_string_equal(ui_i18n_language(), "en");
	/* the file's word wins over the locale's */
	setenv("LANGUAGE", "fr", 1);
	ui_i18n_init("en");
	assert_string_equal(ui_i18n_language(), "en");
	ui_i18n_init("fr");
}

static void
test_a_word_in_a_context_agrees_with_what_it_is_about(void **state)
{
	if (strcmp(gettext("Walk"), "Walk") == 0)
		test_skip("no French catalogue built (make builds build/locale)");
	/* rituels, repas: masculine; the cities of the zone picker: feminine */
	assert_string_equal(C_("rituals, meal times", "More"), "Suivants");
	assert_string_equal(C_("rituals, meal times", "Back up"), "Précédents");
	assert_string_equal(gettext("More"), "Suivantes");
	assert_string_equal(gettext("Back up"), "Précédentes");
	/* no translation: the English as written, without its context */
	ui_i18n_init("en");
	assert_string_equal(C_("rituals, meal times", "More"), "More");
	ui_i18n_init("fr");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_plural_forms_follow_french_rules, french),
		cmocka_unit_test_setup(test_the_words_a_french_family_uses, french),
		cmocka_unit_test_setup(test_the_language_spoken_is_the_one_gettext_chose, french),
		cmocka_unit_test_setup(test_a_word_in_a_context_agrees_with_what_it_is_about, french),
	};
	return cmocka_run_group_tests_name("ui_i18n", tests, NULL, NULL);
}
