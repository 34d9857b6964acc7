package com.xinfang.petition;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The transition table drawn as an SVG state diagram, server-side, so the admin page needs no
 * script from the internet. Boxes have fixed places by stage; the arrows come from {@link Lifecycle#TABLE}.
 */
public final class LifecycleDiagram {

	private static final int W = 132;

	private static final int H = 40;

	private static final Map<Status, int[]> PLACE = new EnumMap<>(Status.class);

	static {
		place(Status.REGISTERED, 0, 1);
		place(Status.TRANSFERRED, 1, 0);
		place(Status.NOT_ACCEPTED, 1, 2);
		place(Status.DIVERTED, 1, 3);
		place(Status.MERGED, 0, 3);
		place(Status.ACCEPTED, 2, 1);
		place(Status.REPLY_PENDING_APPROVAL, 3, 0);
		place(Status.REPLIED, 4, 0);
		place(Status.DELIVERED, 4, 2);
		place(Status.CLOSE_PENDING_APPROVAL, 3, 2);
		place(Status.CLOSED, 3, 3);
		place(Status.REEXAMINATION, 5, 2);
		place(Status.REVIEW, 5, 3);
		place(Status.FINAL, 5, 4);
	}

	private LifecycleDiagram() {
	}

	private static void place(Status s, int col, int row) {
		PLACE.put(s, new int[] { 30 + col * 200, 30 + row * 110 });
	}

	public static String svg() {
		StringBuilder out = new StringBuilder(
				"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1200 520\" role=\"img\" aria-label=\"信访事项状态流转图\" "
						+ "font-family=\"PingFang SC, Microsoft YaHei, Noto Sans CJK SC, sans-serif\" font-size=\"12\">"
						+ "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" "
						+ "orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#5b636e\"/></marker></defs>");
		Map<String, String> labels = new LinkedHashMap<>();
		for (var t : Lifecycle.TABLE) {
			if (t.from() == t.to()) {
				continue;
			}
			labels.merge(t.from() + ">" + t.to(), t.action().label(), (a, b) -> a.contains(b) ? a : a + "/" + b);
		}
		labels.forEach((key, label) -> {
			Status from = Status.valueOf(key.substring(0, key.indexOf('>')));
			Status to = Status.valueOf(key.substring(key.indexOf('>') + 1));
			int[] a = PLACE.get(from);
			int[] b = PLACE.get(to);
			double x1 = a[0] + W / 2.0, y1 = a[1] + H / 2.0, x2 = b[0] + W / 2.0, y2 = b[1] + H / 2.0;
			// leave and enter at the box edges
			double[] p1 = edge(x1, y1, x2, y2);
			double[] p2 = edge(x2, y2, x1, y1);
			boolean back = labels.containsKey(to + ">" + from);
			double mx = (p1[0] + p2[0]) / 2, my = (p1[1] + p2[1]) / 2;
			double dx = p2[0] - p1[0], dy = p2[1] - p1[1], len = Math.max(1, Math.hypot(dx, dy));
			double bend = back ? 22 : 0;
			double cx = mx - dy / len * bend, cy = my + dx / len * bend;
			out.append(String.format("<path d=\"M%.0f,%.0f Q%.0f,%.0f %.0f,%.0f\" fill=\"none\" stroke=\"#8a939d\" stroke-width=\"1.3\" marker-end=\"url(#arrow)\"/>",
					p1[0], p1[1], cx, cy, p2[0], p2[1]));
			out.append(String.format("<text x=\"%.0f\" y=\"%.0f\" text-anchor=\"middle\" fill=\"#0b5cad\" paint-order=\"stroke\" stroke=\"#fff\" stroke-width=\"3\">%s</text>",
					(mx + cx) / 2, (my + cy) / 2 + 4, label));
		});
		PLACE.forEach((status, p) -> out.append(String.format(
				"<g><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"6\" fill=\"%s\" stroke=\"#0b5cad\"/>"
						+ "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"13\" fill=\"#1f2328\">%s</text></g>",
				p[0], p[1], W, H, status == Status.FINAL || status == Status.CLOSED ? "#e9f6ec" : "#eaf2fb", p[0] + W / 2,
				p[1] + H / 2 + 5, status.label())));
		return out.append("</svg>").toString();
	}

	private static double[] edge(double x1, double y1, double x2, double y2) {
		double dx = x2 - x1, dy = y2 - y1;
		double sx = dx == 0 ? Double.MAX_VALUE : (W / 2.0) / Math.abs(dx);
		double sy = dy == 0 ? Double.MAX_VALUE : (H / 2.0) / Math.abs(dy);
		double s = Math.min(sx, sy);
		return new double[] { x1 + dx * s, y1 + dy * s };
	}

}
