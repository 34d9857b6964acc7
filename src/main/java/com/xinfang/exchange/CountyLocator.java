package com.xinfang.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which of Changde's counties a point lies in, by point-in-polygon over the county boundaries the
 * analytics map already ships (static/js/maps/430700_full.json: DataV.GeoAtlas, via GitHub
 * anzhou99/GeoJsons; simplified, for illustration). Those boundaries are in GCJ-02, which differs
 * from a phone's WGS-84 by a few hundred metres in Hunan: a point within that distance of a county
 * line may be given the neighbouring county, which the registrar can correct; a point outside every
 * county is refused.
 */
@Component
public class CountyLocator {

	private final List<County> counties = new ArrayList<>();

	CountyLocator(JsonMapper json) throws IOException {
		try (InputStream in = new ClassPathResource("static/js/maps/430700_full.json").getInputStream()) {
			JsonNode root = json.readTree(in);
			for (JsonNode f : root.path("features")) {
				String code = f.path("properties").path("adcode").asString();
				String name = f.path("properties").path("name").asString();
				List<List<double[][]>> polygons = new ArrayList<>();
				JsonNode geometry = f.path("geometry");
				JsonNode coords = geometry.path("coordinates");
				if ("Polygon".equals(geometry.path("type").asString())) {
					polygons.add(rings(coords));
				}
				else {
					for (JsonNode polygon : coords) {
						polygons.add(rings(polygon));
					}
				}
				counties.add(new County(code, name, polygons));
			}
		}
	}

	/** @return the county code (e.g. 430702) holding the point, or empty outside Changde */
	public Optional<String> countyAt(double lat, double lon) {
		for (County c : counties) {
			for (List<double[][]> polygon : c.polygons()) {
				if (inside(polygon.get(0), lon, lat)) {
					boolean inHole = false;
					for (int i = 1; i < polygon.size(); i++) {
						inHole |= inside(polygon.get(i), lon, lat);
					}
					if (!inHole) {
						return Optional.of(c.code());
					}
				}
			}
		}
		return Optional.empty();
	}

	/** Counties by name, for an address given as text ("常德市武陵区…"). */
	public Optional<String> countyNamed(String text) {
		if (text == null) {
			return Optional.empty();
		}
		return counties.stream().filter(c -> text.contains(c.name())).map(County::code).findFirst();
	}

	private static List<double[][]> rings(JsonNode polygon) {
		List<double[][]> rings = new ArrayList<>();
		for (JsonNode ring : polygon) {
			double[][] pts = new double[ring.size()][];
			for (int i = 0; i < ring.size(); i++) {
				pts[i] = new double[] { ring.get(i).get(0).asDouble(), ring.get(i).get(1).asDouble() };
			}
			rings.add(pts);
		}
		return rings;
	}

	/** Ray casting (even-odd rule). */
	static boolean inside(double[][] ring, double x, double y) {
		boolean in = false;
		for (int i = 0, j = ring.length - 1; i < ring.length; j = i++) {
			double xi = ring[i][0], yi = ring[i][1], xj = ring[j][0], yj = ring[j][1];
			if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
				in = !in;
			}
		}
		return in;
	}

	private record County(String code, String name, List<List<double[][]>> polygons) {
	}

}
