package compare

// A row's score is shown to readers, so it must mean the same thing
// wherever it appears: it is the estimated probability that the two sides
// report the same fact. calibrate maps the raw sentence similarity to it,
// piecewise linearly through knots read off the labelled pairs of
// labelled_test.go (347 sentence pairs from 13 article pairs in several
// house styles; raw below 0.2: 0 of 291 the same fact, 0.2-0.3: 7 of 9,
// 0.3-0.4: 6 of 7, 0.4-0.5: 14 of 14, above 0.5: 26 of 26), with the ends
// kept off 0 and 1 since a small set cannot promise certainty.
// TestAlignmentQuality prints the calibration on every run.
var calibrationKnots = [][2]float64{
	{0, 0}, {0.1, 0.02}, {0.18, 0.1}, {0.22, 0.5}, {0.3, 0.85}, {0.45, 0.92}, {0.6, 0.97}, {1, 0.99},
}

// calibrate maps a raw similarity to the probability of the same fact.
func calibrate(raw float64) float64 {
	k := calibrationKnots
	if raw <= k[0][0] {
		return k[0][1]
	}
	for i := 1; i < len(k); i++ {
		if raw <= k[i][0] {
			x0, y0, x1, y1 := k[i-1][0], k[i-1][1], k[i][0], k[i][1]
			return y0 + (y1-y0)*(raw-x0)/(x1-x0)
		}
	}
	return k[len(k)-1][1]
}
