package com.xinfang.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import tools.jackson.databind.JsonNode;

/**
 * The shapes GeoReport v2 (https://wiki.open311.org/GeoReport_v2) defines, written from the
 * specification: required fields, their types, the allowed values, the XML element names.
 */
final class GeoReportChecks {

	static final List<String> SERVICE_FIELDS = List.of("service_code", "service_name", "description", "metadata", "type",
			"keywords", "group");

	static final List<String> REQUEST_FIELDS = List.of("service_request_id", "status", "status_notes", "service_name",
			"service_code", "description", "agency_responsible", "service_notice", "requested_datetime",
			"updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url");

	static final Set<String> DATATYPES = Set.of("string", "number", "datetime", "text", "singlevaluelist", "multivaluelist");

	private GeoReportChecks() {
	}

	// ---- JSON -------------------------------------------------------------------------------

	static void services(JsonNode array) {
		assertThat(array.isArray()).isTrue();
		assertThat(array.size()).isGreaterThan(0);
		for (JsonNode s : array) {
			assertThat(names(s)).containsAll(SERVICE_FIELDS);
			assertThat(s.get("service_code").isString()).isTrue();
			assertThat(s.get("service_name").isString()).isTrue();
			assertThat(s.get("metadata").isBoolean()).isTrue();
			assertThat(s.get("type").asString()).isIn("realtime", "batch", "blackbox");
		}
	}

	static void definition(JsonNode d) {
		assertThat(d.isObject()).isTrue();
		assertThat(d.get("service_code").isString()).isTrue();
		assertThat(d.get("attributes").isArray()).isTrue();
		for (JsonNode a : d.get("attributes")) {
			assertThat(a.get("variable").isBoolean()).isTrue();
			assertThat(a.get("code").isString()).isTrue();
			assertThat(a.get("datatype").asString()).isIn(DATATYPES);
			assertThat(a.get("required").isBoolean()).isTrue();
			assertThat(a.get("datatype_description").isString()).isTrue();
			assertThat(a.get("order").isInt()).isTrue();
			assertThat(a.get("description").isString()).isTrue();
			if (a.get("datatype").asString().endsWith("valuelist")) {
				assertThat(a.get("values").isArray()).isTrue();
				assertThat(a.get("values").size()).isGreaterThan(0);
				for (JsonNode v : a.get("values")) {
					assertThat(v.get("key").isString()).isTrue();
					assertThat(v.get("name").isString()).isTrue();
				}
			}
		}
	}

	static void requests(JsonNode array) {
		assertThat(array.isArray()).isTrue();
		for (JsonNode r : array) {
			assertThat(names(r)).containsAll(REQUEST_FIELDS);
			assertThat(r.get("service_request_id").isString()).isTrue();
			assertThat(r.get("status").asString()).isIn("open", "closed");
			w3c(r.get("requested_datetime").asString());
			if (!r.get("updated_datetime").isNull()) {
				w3c(r.get("updated_datetime").asString());
			}
			if (!r.get("expected_datetime").isNull()) {
				w3c(r.get("expected_datetime").asString());
			}
			assertThat(r.get("lat").isNull() || r.get("lat").isNumber()).isTrue();
			assertThat(r.get("long").isNull() || r.get("long").isNumber()).isTrue();
		}
	}

	static void created(JsonNode array) {
		assertThat(array.isArray()).isTrue();
		assertThat(array.size()).isEqualTo(1);
		JsonNode r = array.get(0);
		assertThat(r.has("service_request_id") || r.has("token")).isTrue();
		assertThat(names(r)).contains("service_notice", "account_id");
	}

	static void errors(JsonNode array, int code) {
		assertThat(array.isArray()).as("errors are a list").isTrue();
		assertThat(array.size()).isGreaterThan(0);
		for (JsonNode e : array) {
			assertThat(e.get("code").isInt()).isTrue();
			assertThat(e.get("code").asInt()).isEqualTo(code);
			assertThat(e.get("description").isString()).isTrue();
		}
	}

	static void discovery(JsonNode d) {
		assertThat(names(d)).contains("changeset", "contact", "key_service", "endpoints");
		w3c(d.get("changeset").asString());
		for (JsonNode e : d.get("endpoints")) {
			assertThat(names(e)).contains("specification", "url", "changeset", "type", "formats");
			assertThat(e.get("type").asString()).isIn("production", "test");
			assertThat(e.get("formats").isArray()).isTrue();
		}
	}

	static void w3c(String time) {
		// the W3C note's full form, with seconds and a zone (Z or ±hh:mm)
		assertThat(time).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(Z|[+-]\\d{2}:\\d{2})");
		OffsetDateTime.parse(time, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
	}

	private static List<String> names(JsonNode node) {
		List<String> out = new ArrayList<>();
		node.propertyNames().forEach(out::add);
		return out;
	}

	// ---- XML --------------------------------------------------------------------------------

	static Element xml(String body) {
		assertThat(body).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
		try {
			return DocumentBuilderFactory.newInstance()
				.newDocumentBuilder()
				.parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)))
				.getDocumentElement();
		}
		catch (Exception ex) {
			throw new AssertionError("not XML: " + body, ex);
		}
	}

	/** The root's items, each as field → text. */
	static List<Map<String, String>> items(Element root, String rootName, String itemName) {
		assertThat(root.getTagName()).isEqualTo(rootName);
		List<Map<String, String>> out = new ArrayList<>();
		for (Element item : children(root)) {
			assertThat(item.getTagName()).isEqualTo(itemName);
			out.add(fields(item));
		}
		return out;
	}

	static Map<String, String> fields(Element e) {
		Map<String, String> m = new LinkedHashMap<>();
		for (Element c : children(e)) {
			m.put(c.getTagName(), c.getTextContent());
		}
		return m;
	}

	static List<Element> children(Element e) {
		List<Element> out = new ArrayList<>();
		for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (n instanceof Element el) {
				out.add(el);
			}
		}
		return out;
	}

	static void servicesXml(String body) {
		var items = items(xml(body), "services", "service");
		assertThat(items).isNotEmpty();
		for (var s : items) {
			assertThat(s.keySet()).containsAll(SERVICE_FIELDS);
			assertThat(s.get("metadata")).isIn("true", "false");
			assertThat(s.get("type")).isIn("realtime", "batch", "blackbox");
		}
	}

	static void definitionXml(String body) {
		Element root = xml(body);
		assertThat(root.getTagName()).isEqualTo("service_definition");
		var parts = children(root);
		assertThat(parts.get(0).getTagName()).isEqualTo("service_code");
		Element attributes = parts.get(1);
		assertThat(attributes.getTagName()).isEqualTo("attributes");
		for (Element a : children(attributes)) {
			assertThat(a.getTagName()).isEqualTo("attribute");
			var f = fields(a);
			assertThat(f.keySet()).contains("variable", "code", "datatype", "required", "datatype_description", "order",
					"description");
			assertThat(f.get("datatype")).isIn(DATATYPES);
			assertThat(f.get("variable")).isIn("true", "false");
			assertThat(f.get("order")).matches("\\d+");
			if (f.get("datatype").endsWith("valuelist")) {
				Element values = children(a).stream().filter(c -> c.getTagName().equals("values")).findFirst().orElseThrow();
				for (Element v : children(values)) {
					assertThat(v.getTagName()).isEqualTo("value");
					assertThat(fields(v).keySet()).containsExactly("key", "name");
				}
			}
		}
	}

	static List<Map<String, String>> requestsXml(String body) {
		var items = items(xml(body), "service_requests", "request");
		for (var r : items) {
			assertThat(r.keySet()).containsAll(REQUEST_FIELDS);
			assertThat(r.get("status")).isIn("open", "closed");
			w3c(r.get("requested_datetime"));
		}
		return items;
	}

	static void errorsXml(String body, int code) {
		var items = items(xml(body), "errors", "error");
		assertThat(items).isNotEmpty();
		for (var e : items) {
			assertThat(e.keySet()).containsExactly("code", "description");
			assertThat(e.get("code")).isEqualTo(Integer.toString(code));
		}
	}

}
