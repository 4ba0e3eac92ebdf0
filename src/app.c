/* app.c - placeholder until the display lands (being written now). */
#include <stdio.h>

#include "app.h"

int
app_run(const struct ft_config *cfg, const struct app_options *opts)
{
	fprintf(stderr, "familytable: the display is not built yet\n");
	return FT_EXIT_FAILURE;
}

int
app_screenshot(const struct ft_config *cfg, const struct screenshot_options *opts)
{
	fprintf(stderr, "familytable: the display is not built yet\n");
	return FT_EXIT_FAILURE;
}
