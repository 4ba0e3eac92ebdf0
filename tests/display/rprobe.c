/*
 * rprobe.c - which SDL renderer the app gets on this display, and whether
 * what it draws reaches the screen: opens the window as `familytable run
 * --fullscreen` does (app_open_display: SDL_WINDOW_FULLSCREEN_DESKTOP, then
 * SDL_CreateRenderer(-1, SDL_RENDERER_TARGETTEXTURE)), clears to grey, fills
 * a red square in the middle, reads the pixels back, presents and holds the
 * picture for HOLD_MS so the host can take a screendump.
 *
 *   rprobe [HOLD_MS]
 *
 * Prints "rprobe: video DRIVER renderer NAME flags 0x.. size WxH
 * centre RRGGBB corner RRGGBB".
 */
#include <stdio.h>
#include <stdlib.h>

#include <SDL.h>

static unsigned
pixel(SDL_Renderer *r, int x, int y)
{
	Uint32 p = 0;
	SDL_Rect one = { x, y, 1, 1 };
	if (SDL_RenderReadPixels(r, &one, SDL_PIXELFORMAT_RGB888, &p, 4) < 0)
		return 0xffffffffu;
	return p & 0xffffff;
}

int
main(int argc, char **argv)
{
	int hold = argc > 1 ? atoi(argv[1]) : 0;
	SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
	if (SDL_Init(SDL_INIT_VIDEO) < 0) {
		printf("rprobe: SDL_Init: %s\n", SDL_GetError());
		return 1;
	}
	SDL_Window *w = SDL_CreateWindow("rprobe", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
					 800, 480, SDL_WINDOW_SHOWN | SDL_WINDOW_FULLSCREEN_DESKTOP);
	if (!w) {
		printf("rprobe: SDL_CreateWindow: %s\n", SDL_GetError());
		return 1;
	}
	SDL_Renderer *r = SDL_CreateRenderer(w, -1, SDL_RENDERER_TARGETTEXTURE);
	if (!r) {
		printf("rprobe: SDL_CreateRenderer: %s\n", SDL_GetError());
		return 1;
	}
	SDL_RendererInfo info;
	SDL_GetRendererInfo(r, &info);
	int ww = 0, hh = 0;
	SDL_GetRendererOutputSize(r, &ww, &hh);
	SDL_SetRenderDrawColor(r, 128, 128, 128, 255);
	SDL_RenderClear(r);
	SDL_SetRenderDrawColor(r, 255, 0, 0, 255);
	SDL_RenderFillRect(r, &(SDL_Rect){ ww / 4, hh / 4, ww / 2, hh / 2 });
	unsigned centre = pixel(r, ww / 2, hh / 2), corner = pixel(r, 2, 2);
	SDL_RenderPresent(r);
	printf("rprobe: video %s renderer %s flags 0x%x size %dx%d centre %06x corner %06x\n",
	       SDL_GetCurrentVideoDriver(), info.name, info.flags, ww, hh, centre, corner);
	fflush(stdout);
	if (hold > 0)
		SDL_Delay((Uint32)hold);
	SDL_DestroyRenderer(r);
	SDL_DestroyWindow(w);
	SDL_Quit();
	return 0;
}
