/*
 * ui_i18n.c - English and French through gettext (domain "familytable").
 *
 * The catalogues are looked up next to the program first (the build tree:
 * build/locale/fr/LC_MESSAGES/familytable.mo, and build/tests/../locale for
 * the tests), then where `make install` puts them relative to the program
 * (PREFIX/bin/../share/locale, whatever PREFIX was), and last under the
 * DATADIR the program was built with (FT_DATADIR/../locale).
 * Day and month names come from the catalogue too, not from the C library's
 * locale data, which a minimal Pi OS image does not have. What gettext
 * chose (the language the display speaks) is ui_i18n_language().
 */
#include <libintl.h>
#include <limits.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ui.h"

#define _(s) gettext(s)
#define N_(s) (s)

static const char *const ui_weekday_short_names[7] = {
	N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"),
};
static const char *const ui_weekday_long_names[7] = {
	N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"),
	N_("Friday"), N_("Saturday"), N_("Sunday"),
};
static const char *const ui_month_names[12] = {
	N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
	N_("July"), N_("August"), N_("September"), N_("October"), N_("November"),
	N_("December"),
};
/* under the review's charts and over the year's cells */
static const char *const ui_month_short_names[12] = {
	N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"),
	N_("Jul"), N_("Aug"), N_("Sep"), N_("Oct"), N_("Nov"), N_("Dec"),
};
/* The default meal windows' kinds: the kind as configured, as a label, and
 * as a word in a sentence; other kinds show as configured. */
static const char *const ui_meal_kinds[][3] = {
	{ "breakfast", N_("Breakfast"), N_("breakfast") },
	{ "lunch", N_("Lunch"), N_("lunch") },
	{ "dinner", N_("Dinner"), N_("dinner") },
	{ "brunch", N_("Brunch"), N_("brunch") },
	{ "snack", N_("Snack"), N_("snack") },
	{ "supper", N_("Supper"), N_("supper") },
};

const char *
ui_weekday_short(int weekday)
{
	return _(ui_weekday_short_names[((weekday % 7) + 7) % 7]);
}

const char *
ui_weekday_long(int weekday)
{
	return _(ui_weekday_long_names[((weekday % 7) + 7) % 7]);
}

const char *
ui_month_long(int month)
{
	return month >= 1 && month <= 12 ? _(ui_month_names[month - 1]) : "";
}

const char *
ui_month_short(int month)
{
	return month >= 1 && month <= 12 ? _(ui_month_short_names[month - 1]) : "";
}

const char *
ui_meal_kind(const char *kind)
{
	for (size_t i = 0; i < FT_ARRAY_LEN(ui_meal_kinds); i++)
		if (strcmp(kind, ui_meal_kinds[i][0]) == 0)
			return _(ui_meal_kinds[i][1]);
	return kind;
}

const char *
ui_meal_kind_lower(const char *kind)
{
	for (size_t i = 0; i < FT_ARRAY_LEN(ui_meal_kinds); i++)
		if (strcmp(kind, ui_meal_kinds[i][0]) == 0)
			return _(ui_meal_kinds[i][2]);
	return kind;
}

const char *
ui_i18n_language(void)
{
	/* The header of the catalogue gettext chose ("" when none did: the
	 * messages as written, in English) says its language: the effective
	 * one, whether the file set it or the locale (LANGUAGE, LC_ALL,
	 * LC_MESSAGES, LANG) did, decided by gettext exactly as for every
	 * word on the screen. */
	static const char header[] = ""; /* not a literal: xgettext would warn */
	const char *line = gettext(header);
	for (; line && *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL) {
		if (strncmp(line, "Language: ", 10) != 0)
			continue;
		for (size_t i = 0; i < FT_ARRAY_LEN(ui_setting_languages); i++) {
			const char *code = ui_setting_languages[i];
			size_t n = strlen(code);
			/* "fr", or a region's "fr_CA" */
			if (strncmp(line + 10, code, n) == 0 && strchr("_\n", line[10 + n]))
				return code;
		}
	}
	return "en";
}

const char *
ui_i18n_pgettext(const char *context_and_id, const char *msgid)
{
	/* as gettext.h's pgettext: a catalogue keys a message in a context
	 * as CONTEXT \004 MSGID, and gettext gives back its argument itself
	 * when it has no translation */
	const char *t = gettext(context_and_id);
	return t == context_and_id ? msgid : t;
}

static bool
ui_i18n_has_catalogue(const char *dir)
{
	char path[PATH_MAX + 64];
	int n = snprintf(path, sizeof(path), "%s/fr/LC_MESSAGES/familytable.mo", dir);
	return n > 0 && (size_t)n < sizeof(path) && access(path, R_OK) == 0;
}

/* The directory that holds the catalogues, into BUF. */
static void
ui_i18n_find(char *buf, size_t size)
{
	/* beside the program: the build tree, the tests, an installed PREFIX */
	static const char *const beside[] = {"locale", "../locale", "../share/locale"};
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	char *slash = n > 0 ? (exe[n] = 0, strrchr(exe, '/')) : NULL;
	if (slash) {
		*slash = 0;
		for (size_t i = 0; i < sizeof(beside) / sizeof(beside[0]); i++) {
			int k = snprintf(buf, size, "%s/%s", exe, beside[i]);
			if (k > 0 && (size_t)k < size && ui_i18n_has_catalogue(buf))
				return;
		}
	}
	snprintf(buf, size, "%s/../locale", FT_DATADIR);
}

void
ui_i18n_init(const char *language)
{
	/* Only messages and character types: LC_NUMERIC stays "C" so that
	 * no parser of the core ever meets a decimal comma. */
	setlocale(LC_CTYPE, "");
	const char *msgs = setlocale(LC_MESSAGES, "");
	/* gettext ignores LANGUAGE under the "C" locale, which is what a Pi
	 * without generated locales runs; C.UTF-8 is always there (glibc 2.35+)
	 * and lets LANGUAGE choose. */
	if (!msgs || strcmp(msgs, "C") == 0 || strcmp(msgs, "POSIX") == 0)
		setlocale(LC_MESSAGES, "C.UTF-8");
	if (language && language[0])
		setenv("LANGUAGE", language, 1);

	char dir[PATH_MAX + 16];
	ui_i18n_find(dir, sizeof(dir));
	bindtextdomain("familytable", dir);
	bind_textdomain_codeset("familytable", "UTF-8");
	textdomain("familytable");
}
