package com.xinfang.petition;

import com.xinfang.documents.DocumentKind;
import com.xinfang.platform.Rows;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The documents a matter has produced, kept as issued. */
@Component
public class IssuedDocuments {

	private final JdbcClient jdbc;

	IssuedDocuments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Listed(long id, String kind, String fileName, OffsetDateTime issuedAt) {

		/** What a reader sees: the document's title and date (信访事项受理告知书（2026年12月7日）), not its file name. */
		String displayName() {
			String title;
			try {
				title = DocumentKind.valueOf(kind).title();
			}
			catch (IllegalArgumentException | NullPointerException ex) {
				title = fileName;
			}
			return issuedAt == null ? title
					: title + "（" + issuedAt.atZoneSameInstant(ZoneId.of("Asia/Shanghai"))
						.format(DateTimeFormatter.ofPattern("yyyy年M月d日")) + "）";
		}

	}

	public record Stored(String fileName, byte[] pdf) {

		/** The PDF as an HTTP answer, shown in the browser or saved as a file. */
		public ResponseEntity<byte[]> toResponse(boolean download) {
			var disposition = download ? ContentDisposition.attachment()
					: ContentDisposition.inline();
			return ResponseEntity.ok()
				.contentType(MediaType.APPLICATION_PDF)
				// personal documents: kept out of shared caches, and no link target learns where they came from
				.cacheControl(CacheControl.noStore().cachePrivate())
				.header("Referrer-Policy", "no-referrer")
				.header(HttpHeaders.CONTENT_DISPOSITION,
						disposition.filename(fileName, StandardCharsets.UTF_8).build().toString())
				.body(pdf);
		}

	}

	/**
	 * Keeps an issued document. {@code namesPetitioner}: the document names the petitioner (every
	 * notice addressed to them, a slip that shows them); an accusation's such documents are read only
	 * by those who may know the accuser (Art 30).
	 */
	void store(long petitionId, String kind, String fileName, byte[] pdf, boolean forPetitioner, boolean namesPetitioner,
			Instant at, String documentNumber) {
		jdbc.sql("INSERT INTO petition_document (petition_id, kind, issued_at, file_name, pdf, public, names_petitioner, "
				+ "document_number) VALUES (?,?,?,?,?,?,?,?)")
			.params(petitionId, kind, PetitionActions.beijing(at), fileName, pdf, forPetitioner, namesPetitioner, documentNumber)
			.update();
	}

	/** Who reads: the petitioner (their documents only), staff who may or may not see the petitioner's name. */
	enum Reader {

		PETITIONER(" AND public"), STAFF(""), STAFF_WITHOUT_NAMES(" AND NOT names_petitioner");

		private final String condition;

		Reader(String condition) {
			this.condition = condition;
		}

	}

	List<Listed> of(long petitionId, Reader reader) {
		return jdbc.sql("SELECT id, kind, file_name, issued_at FROM petition_document WHERE petition_id = ?"
				+ reader.condition + " ORDER BY issued_at, id")
			.param(petitionId)
			.query(Rows.of(Listed.class))
			.list();
	}

	Optional<Stored> get(long petitionId, long id, Reader reader) {
		return jdbc.sql("SELECT file_name, pdf FROM petition_document WHERE petition_id = ? AND id = ?" + reader.condition)
			.params(petitionId, id)
			.query(Rows.of(Stored.class))
			.optional();
	}

}
