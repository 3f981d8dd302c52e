package uk.interop.kb.assessment;

import java.util.ArrayList;
import java.util.List;

/**
 * The geometry of the profile's bar chart, worked out here so the template only draws: one horizontal bar
 * per level on a 0 to 5 axis, with a gridline at each step. It is drawn as SVG on the server (no script, no
 * inline styles, so the Content Security Policy needs no {@code 'unsafe-inline'}); the page's data table
 * says the same in text.
 */
public record LevelChart(int width, int height, int plotLeft, int plotWidth, int axisY, List<Bar> bars,
		List<Tick> ticks, String description) {

	static final int WIDTH = 640;
	static final int LABEL_WIDTH = 150;
	static final int RIGHT_MARGIN = 70;
	static final int ROW = 44;
	static final int BAR = 26;
	static final int TOP = 10;
	static final int AXIS_SPACE = 40;
	/** Bars at least this wide have room for their value inside. */
	static final int ROOM_INSIDE = 200;

	/**
	 * A level's bar: {@code width} is 0 when it is not scored, and {@code valueText} says so. The value is
	 * written inside a long bar (white on blue) and after a short one, so it never runs off the chart.
	 */
	public record Bar(String label, int y, int width, int textX, int textY, String valueText, boolean scored,
			boolean inside) {

		public String textAnchor() {
			return inside ? "end" : "start";
		}

		public String textFill() {
			return inside ? "#ffffff" : "#0b0c0c";
		}
	}

	public record Tick(int x, String label) {
	}

	public static LevelChart of(Profile profile) {
		int plotWidth = WIDTH - LABEL_WIDTH - RIGHT_MARGIN;
		List<Bar> bars = new ArrayList<>();
		List<String> said = new ArrayList<>();
		int y = TOP;
		for (Profile.LevelScore level : profile.levels()) {
			int width = level.score().map(s -> (int) Math.round(s / FrameworkLoader.STEPS * plotWidth)).orElse(0);
			String value = level.score().map(s -> level.formatted() + " " + level.bandLabel()).orElse("Not scored");
			boolean inside = width >= ROOM_INSIDE;
			bars.add(new Bar(level.label(), y, width, LABEL_WIDTH + width + (inside ? -8 : 6), y + BAR / 2 + 6, value,
					level.score().isPresent(), inside));
			said.add(level.label() + ": " + (level.score().isPresent() ? level.formatted() + " out of 5, "
					+ level.bandLabel() : "not scored"));
			y += ROW;
		}
		int axisY = y;
		List<Tick> ticks = new ArrayList<>();
		for (int step = 0; step <= FrameworkLoader.STEPS; step++) {
			ticks.add(new Tick(LABEL_WIDTH + step * plotWidth / FrameworkLoader.STEPS, Integer.toString(step)));
		}
		return new LevelChart(WIDTH, axisY + AXIS_SPACE, LABEL_WIDTH, plotWidth, axisY, bars, ticks,
				"Score by level, from 1 (" + profile.assessment().stepLabel(1) + ") to 5 ("
						+ profile.assessment().stepLabel(FrameworkLoader.STEPS) + "). " + String.join("; ", said)
						+ ".");
	}
}
