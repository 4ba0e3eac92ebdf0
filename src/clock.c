/* clock.c - the monotonic and wall clocks in milliseconds (clock.h). */
#include <time.h>

#include "clock.h"

static ft_ms
read_ms(clockid_t id)
{
	struct timespec ts;
	/* neither clock can fail on Linux with a valid id */
	clock_gettime(id, &ts);
	return (ft_ms)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

ft_ms
clock_mono_ms(void)
{
	return read_ms(CLOCK_MONOTONIC);
}

ft_ms
clock_wall_ms(void)
{
	return read_ms(CLOCK_REALTIME);
}

static ft_ms
system_mono(void *data)
{
	return clock_mono_ms();
}

static ft_ms
system_wall(void *data)
{
	return clock_wall_ms();
}

const struct ft_clock clock_system = { system_mono, system_wall, NULL };
