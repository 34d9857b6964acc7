package com.xinfang.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Enough of JSON Schema 2020-12 to validate the hand-over format in tests without another
 * dependency: $ref to #/$defs, type (with null), const, enum, required, properties,
 * additionalProperties false, items, minItems, minLength, maxLength, pattern, minimum.
 */
final class MiniJsonSchema {

	private final JsonNode root;

	MiniJsonSchema(JsonNode root) {
		this.root = root;
	}

	List<String> validate(JsonNode value) {
		List<String> faults = new ArrayList<>();
		check(root, value, "$", faults);
		return faults;
	}

	private void check(JsonNode schema, JsonNode v, String at, List<String> faults) {
		if (schema.has("$ref")) {
			String ref = schema.get("$ref").asString();
			JsonNode target = root;
			for (String part : ref.substring(2).split("/")) {
				target = target.get(part);
			}
			check(target, v, at, faults);
		}
		if (schema.has("const") && !schema.get("const").equals(v)) {
			faults.add(at + ": not " + schema.get("const"));
		}
		if (schema.has("enum")) {
			boolean found = false;
			for (JsonNode e : schema.get("enum")) {
				found |= e.isNull() ? v.isNull() : e.equals(v);
			}
			if (!found) {
				faults.add(at + ": " + v + " not in enum");
			}
		}
		if (schema.has("type")) {
			List<String> types = new ArrayList<>();
			if (schema.get("type").isArray()) {
				schema.get("type").forEach(t -> types.add(t.asString()));
			}
			else {
				types.add(schema.get("type").asString());
			}
			if (types.stream().noneMatch(t -> is(t, v))) {
				faults.add(at + ": expected " + types + " but was " + v.getNodeType());
				return;
			}
		}
		if (v.isObject()) {
			for (JsonNode r : schema.path("required")) {
				if (!v.has(r.asString())) {
					faults.add(at + ": missing " + r.asString());
				}
			}
			JsonNode props = schema.path("properties");
			for (String name : v.propertyNames()) {
				if (props.has(name)) {
					check(props.get(name), v.get(name), at + "." + name, faults);
				}
				else if (schema.has("additionalProperties") && !schema.get("additionalProperties").asBoolean()) {
					faults.add(at + ": unexpected " + name);
				}
			}
		}
		if (v.isArray()) {
			if (schema.has("minItems") && v.size() < schema.get("minItems").asInt()) {
				faults.add(at + ": fewer than " + schema.get("minItems") + " items");
			}
			if (schema.has("items")) {
				for (int i = 0; i < v.size(); i++) {
					check(schema.get("items"), v.get(i), at + "[" + i + "]", faults);
				}
			}
		}
		if (v.isString()) {
			String s = v.asString();
			if (schema.has("minLength") && s.length() < schema.get("minLength").asInt()) {
				faults.add(at + ": too short");
			}
			if (schema.has("maxLength") && s.length() > schema.get("maxLength").asInt()) {
				faults.add(at + ": too long");
			}
			if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asString()).matcher(s).find()) {
				faults.add(at + ": " + s + " does not match " + schema.get("pattern").asString());
			}
		}
		if (v.isNumber() && schema.has("minimum") && v.asDouble() < schema.get("minimum").asDouble()) {
			faults.add(at + ": below minimum");
		}
	}

	private static boolean is(String type, JsonNode v) {
		return switch (type) {
			case "null" -> v.isNull();
			case "string" -> v.isString();
			case "integer" -> v.isIntegralNumber();
			case "number" -> v.isNumber();
			case "boolean" -> v.isBoolean();
			case "object" -> v.isObject();
			case "array" -> v.isArray();
			default -> false;
		};
	}

}
