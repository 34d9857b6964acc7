package com.xinfang.exchange.web;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * GeoReport v2's XML shape: a root element, list items named after their list (services/service,
 * service_requests/request, attributes/attribute, values/value, errors/error, endpoints/endpoint,
 * formats/format), fields as child elements, an absent value as an empty element.
 */
final class GeoReportFormat {

	private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

	private static final Map<String, String> ITEMS = Map.of("services", "service", "service_requests", "request",
			"attributes", "attribute", "values", "value", "errors", "error", "endpoints", "endpoint", "formats", "format");

	private GeoReportFormat() {
	}

	static String xml(String root, Object value) {
		try {
			StringWriter out = new StringWriter();
			XMLStreamWriter w = FACTORY.createXMLStreamWriter(out);
			w.writeStartDocument("UTF-8", "1.0");
			write(w, root, value);
			w.writeEndDocument();
			w.close();
			return out.toString();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void write(XMLStreamWriter w, String name, Object value) throws XMLStreamException {
		if (value == null) {
			w.writeEmptyElement(name);
			return;
		}
		w.writeStartElement(name);
		if (value instanceof Map<?, ?> map) {
			for (var e : map.entrySet()) {
				write(w, (String) e.getKey(), e.getValue());
			}
		}
		else if (value instanceof List<?> list) {
			String item = ITEMS.getOrDefault(name, "item");
			for (Object o : list) {
				write(w, item, o);
			}
		}
		else {
			w.writeCharacters(String.valueOf(value));
		}
		w.writeEndElement();
	}

}
