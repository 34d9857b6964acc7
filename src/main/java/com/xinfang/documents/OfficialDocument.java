package com.xinfang.documents;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What one official document says, independent of where the data comes from.
 *
 * @param kind which document
 * @param petitionNumber the 信访编号, printed in the number line and in every page's footer
 * @param issuingUnitName the issuing body, printed at the top and above the date
 * @param issuedOn the date of issue (成文日期)
 * @param addresseeName the petitioner (notices, opinions) or the receiving unit (slips); optional
 *     for notices, required for slips
 * @param title the matter's title; optional
 * @param receivedOn the date the petition (or the 复查 / 复核 request) was received; optional
 * @param fields kind-specific text keyed by {@link DocumentFields}; null and blank values are dropped
 * @param documentNumber the 发文字号 under the title (常人社信〔2026〕12号), from {@link DocumentNumbers};
 *     a document without one is not rendered
 */
public record OfficialDocument(DocumentKind kind, String petitionNumber, String issuingUnitName, LocalDate issuedOn,
		String addresseeName, String title, LocalDate receivedOn, Map<String, String> fields,
		DocumentNumber documentNumber) {

	public OfficialDocument {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(issuedOn, "issuedOn");
		if (petitionNumber == null || petitionNumber.isBlank()) {
			throw new IllegalArgumentException("文书缺少信访编号");
		}
		if (issuingUnitName == null || issuingUnitName.isBlank()) {
			throw new IllegalArgumentException("文书缺少发文机关");
		}
		var copy = new LinkedHashMap<String, String>();
		if (fields != null) {
			fields.forEach((key, value) -> {
				if (!DocumentFields.ALL.contains(key)) {
					throw new IllegalArgumentException(
							"Unknown document field '" + key + "'; known: " + new TreeSet<>(DocumentFields.ALL));
				}
				if (value != null && !value.isBlank()) {
					copy.put(key, value);
				}
			});
		}
		fields = Collections.unmodifiableMap(copy);
	}

	/** A document not numbered yet; give it its 发文字号 with {@link #numbered}. */
	public OfficialDocument(DocumentKind kind, String petitionNumber, String issuingUnitName, LocalDate issuedOn,
			String addresseeName, String title, LocalDate receivedOn, Map<String, String> fields) {
		this(kind, petitionNumber, issuingUnitName, issuedOn, addresseeName, title, receivedOn, fields, null);
	}

	/** A copy with its 发文字号. */
	public OfficialDocument numbered(DocumentNumber number) {
		return new OfficialDocument(kind, petitionNumber, issuingUnitName, issuedOn, addresseeName, title, receivedOn, fields,
				number);
	}

	/** A document with no kind-specific fields yet; add them with {@link #with}. */
	public static OfficialDocument of(DocumentKind kind, String petitionNumber, String issuingUnitName,
			LocalDate issuedOn, String addresseeName, String title, LocalDate receivedOn) {
		return new OfficialDocument(kind, petitionNumber, issuingUnitName, issuedOn, addresseeName, title, receivedOn,
				Map.of());
	}

	/** A copy with one more field; a null or blank value leaves the document as it is. */
	public OfficialDocument with(String key, String value) {
		var copy = new LinkedHashMap<>(fields);
		copy.put(key, value);
		return new OfficialDocument(kind, petitionNumber, issuingUnitName, issuedOn, addresseeName, title, receivedOn,
				copy, documentNumber);
	}

	/** The value of a field, if it was given. */
	public Optional<String> field(String key) {
		return Optional.ofNullable(fields.get(key));
	}

}
