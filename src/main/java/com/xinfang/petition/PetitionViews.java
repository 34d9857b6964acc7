package com.xinfang.petition;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/** What the API and pages show of a matter. Personal data only masked. */
public final class PetitionViews {

	private PetitionViews() {
	}

	/** Status, channel, kind, complexity and legal channel as the enums they are; JSON writes their names. */
	public record PetitionView(String number, Status status, Channel channel, OffsetDateTime receivedAt,
			OffsetDateTime registeredAt, String regionCode, String categoryCode, Kind kind, Complexity complexity,
			LegalChannel legalChannel, String title, String content, List<PetitionerView> petitioners, int personCount,
			String responsibleUnitCode, String duplicateOf, Deadlines deadlines, Overdue overdue, int version,
			@JsonInclude(JsonInclude.Include.NON_NULL) Accused accused, List<AttachmentView> attachments,
			boolean groupVisit, Handling handling, boolean identityProtected) implements Serializable {
	}

	/** Where handling stands: result, delivery, rating, extension, and the clocks' colours. */
	public record Handling(Result result, String opinion, OffsetDateTime deliveredAt, Satisfaction satisfaction,
			int extendedDays, boolean recheckPending, String targetTone, String statutoryTone, String routedByUnitCode,
			Result reexaminationResult, Result reviewResult) implements Serializable {
	}

	public record PetitionerView(String name, String idNumberMasked, String phoneMasked, boolean representative) implements Serializable {
	}

	public record Accused(String unit, String person, String unitCode) implements Serializable {
	}

	public record Deadlines(LocalDate acceptTarget, LocalDate acceptStatutory, LocalDate handleTarget,
			LocalDate handleStatutory) implements Serializable {
	}

	public record Overdue(boolean target, boolean statutory) implements Serializable {
	}

	public record AttachmentView(long id, String fileName, String contentType, long size) implements Serializable {
	}

	/** A row of a list. */
	public record PetitionSummary(String number, Status status, Channel channel, OffsetDateTime receivedAt,
			String regionCode, String categoryCode, Kind kind, String title, String firstPetitioner, int personCount,
			String responsibleUnitCode, LocalDate targetDue, LocalDate statutoryDue, String targetTone,
			String statutoryTone) implements Serializable {
	}

	public record Page(List<PetitionSummary> items, long total) {
	}

	public record RecordView(String kind, String kindLabel, OffsetDateTime at, String actor, OffsetDateTime occurredAt,
			String contact, String summary, String outcome) implements Serializable {
	}

	/** {@code action}: the act's name as history stores it (acts of other modules too, e.g. FLAG). */
	public record HistoryEntry(OffsetDateTime at, String actor, String action, Status fromStatus, Status toStatus,
			String note) {
	}

	public record Milestone(OffsetDateTime at, String name) implements Serializable {
	}

	/** {@code name}: the file's name (the API's, unchanged); {@code title}: what a reader sees (title and date). */
	public record Document(String name, String url, String title) implements Serializable {
	}

	/** What anyone holding the number and query code sees. */
	public record PublicStatus(String number, String status, String statusLabel, String title,
			List<Milestone> milestones, List<Document> documents, Appeals appeals) implements Serializable {
	}

	/** What the petitioner may still do: rate, and ask for 复查 or 复核 until the given dates. */
	public record Appeals(boolean canRate, String satisfaction, LocalDate reexaminationUntil, LocalDate reviewUntil)
			implements Serializable {
	}

	public record CategorySuggestion(String code, double score) implements Serializable {
	}

	/**
	 * A matter suggested as the same matter: {@code band} is LIKELY (很可能是同一事项) or POSSIBLE (可能相关)
	 * as the duplicate detector calibrated it, null when no detector scored it.
	 */
	public record DuplicateSuggestion(String number, double score, boolean sameIdentity, String band) implements Serializable {

		public DuplicateSuggestion(String number, double score, boolean sameIdentity) {
			this(number, score, sameIdentity, null);
		}

	}

	public record Suggestions(List<CategorySuggestion> categories, List<DuplicateSuggestion> duplicates) implements Serializable {
	}

	/** The answer to a registration: the matter, its query code (shown once) and suggestions. */
	public record Registered(PetitionView petition, String queryCode, Suggestions suggestions) implements Serializable {
	}

	/**
	 * What the petition module shows on the case page, read once ({@link PetitionQueries#caseFile}):
	 * the matter (and its scope-checked handle for other modules' panels), its history, records,
	 * the same person's other matters (none where Art 30 hides the accuser), documents, the acts the
	 * actor may take now, its flags, whether the actor may ask to unmask a petitioner, and the
	 * reason of a draft sent back for redrafting.
	 */
	public record CaseFile(VisibleMatter matter, PetitionView petition, List<HistoryEntry> history,
			List<RecordView> records, List<DuplicateSuggestion> related, List<Document> documents,
			Set<Action> allowed, Set<Flag> flags, boolean mayUnmask, String returnedNote) {
	}

	/** Filters of the staff list; all optional. */
	public record Filter(String status, String regionCode, String categoryCode, String unitCode, String channel,
			String overdue, String q, String sort) {

		public static Filter none() {
			return new Filter(null, null, null, null, null, null, null, null);
		}

	}

}
