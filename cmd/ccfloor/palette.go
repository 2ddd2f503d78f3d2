package main

import "image/color"

// Colours of the floor: a dark background so that coloured customers and
// busy agents stand out.
var (
	colBackground = rgb(0x0e1320)
	colPanel      = rgb(0x161d2d)
	colPanelEdge  = rgb(0x27314a)
	colHeader     = rgb(0x1d2a45)
	colText       = rgb(0xe8edf6)
	colDim        = rgb(0x8d99b3)
	colFaint      = rgb(0x4a5672)

	colGreen = rgb(0x3ccf6e) // short wait, on target, contained
	colAmber = rgb(0xf4b731) // wait near the threshold
	colRed   = rgb(0xef4a4a) // wait past the threshold, abandoned

	colArrive = rgb(0xcfd8ea) // customers coming in
	colHangup = rgb(0x8792a8) // hung up in the bot

	colSeatOff   = rgb(0x283149) // outline of a seat nobody is scheduled on
	colSeatIdle  = rgb(0x2c3a58) // an agent waiting for work
	colIdleEdge  = rgb(0x7f93bd)
	colSeatBreak = rgb(0x434a5c) // on a break
	colMark      = rgb(0xffffff) // escalation and chat marks
	colShadow    = color.NRGBA{0, 0, 0, 0x66}
)

// intentColour is the colour of intent i (colours repeat after ten). They
// tell intents apart on bot sessions and busy seats, and avoid the green,
// amber and red that mean waiting times.
func intentColour(i int) color.NRGBA {
	if i < 0 {
		return colArrive
	}
	colours := [...]color.NRGBA{
		rgb(0x4f8ff7), // blue
		rgb(0x2cc4b2), // teal
		rgb(0x9d7cf4), // violet
		rgb(0xf06fb0), // pink
		rgb(0xc9a26b), // tan
		rgb(0x7fd0f8), // sky
		rgb(0xd957d0), // magenta
		rgb(0xa6b86a), // olive
		rgb(0x6f7fd9), // indigo
		rgb(0xf5a97f), // peach
	}
	return colours[i%len(colours)]
}

// waitColour is the colour of a customer who has waited waited seconds
// against a service-level threshold of thresh seconds: green on arrival,
// turning amber as the threshold nears, red once past it.
func waitColour(waited, thresh float64) color.NRGBA {
	if thresh <= 0 || waited >= thresh {
		return colRed
	}
	f := waited / thresh
	if f <= 0.5 {
		return blend(colGreen, colAmber, f*2)
	}
	return blend(colAmber, rgb(0xf39a2e), (f-0.5)*2) // amber warming, red kept for a missed threshold
}

// blend mixes a and b, f = 0 giving a and f = 1 giving b.
func blend(a, b color.NRGBA, f float64) color.NRGBA {
	f = min(1, max(0, f))
	mixc := func(x, y uint8) uint8 { return uint8(float64(x) + (float64(y)-float64(x))*f + 0.5) }
	return color.NRGBA{mixc(a.R, b.R), mixc(a.G, b.G), mixc(a.B, b.B), mixc(a.A, b.A)}
}

// fade is c with its alpha scaled by f in [0, 1].
func fade(c color.NRGBA, f float32) color.NRGBA {
	c.A = uint8(float32(c.A)*min(1, max(0, f)) + 0.5)
	return c
}

func rgb(x uint32) color.NRGBA {
	return color.NRGBA{uint8(x >> 16), uint8(x >> 8), uint8(x), 0xff}
}
