package com.xinfang.petition;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A 信访事项: what one or more petitioners brought to the government, from registration (Art 17,
 * 19) to closure or 终结. The status changes only through methods named after the act, each of
 * which checks the current state.
 */
@Table("petition")
class Petition {

	@Id
	private Long id;

	private final String number;

	private final String queryCodeHash;

	private Status status;

	private final Channel channel;

	/** The statutory clock starts on receipt, not on typing (Art 22). */
	private final Instant receivedAt;

	private final Instant registeredAt;

	private String regionCode;

	private String categoryCode;

	private Kind kind;

	private Complexity complexity;

	private LegalChannel legalChannel;

	private final String title;

	private final String content;

	private final int personCount;

	private final boolean groupVisit;

	private final boolean firstTime;

	private final String accusedUnit;

	private final String accusedPerson;

	private String responsibleUnitCode;

	private final String registeringUnitCode;

	private final Long registeredBy;

	private final Long citizenUserId;

	private String duplicateOf;

	private LocalDate acceptTarget;

	private LocalDate acceptStatutory;

	private LocalDate handleTarget;

	private LocalDate handleStatutory;

	@MappedCollection(idColumn = "petition_id", keyColumn = "seq")
	private final List<Petitioner> petitioners;

	@Version
	private int version;

	@PersistenceCreator
	Petition(Long id, String number, String queryCodeHash, Status status, Channel channel, Instant receivedAt,
			Instant registeredAt, String regionCode, String categoryCode, Kind kind, Complexity complexity,
			LegalChannel legalChannel, String title, String content, int personCount, boolean groupVisit,
			boolean firstTime, String accusedUnit, String accusedPerson, String responsibleUnitCode,
			String registeringUnitCode, Long registeredBy, Long citizenUserId, String duplicateOf,
			LocalDate acceptTarget, LocalDate acceptStatutory, LocalDate handleTarget, LocalDate handleStatutory,
			List<Petitioner> petitioners, int version) {
		this.id = id;
		this.number = number;
		this.queryCodeHash = queryCodeHash;
		this.status = status;
		this.channel = channel;
		this.receivedAt = receivedAt;
		this.registeredAt = registeredAt;
		this.regionCode = regionCode;
		this.categoryCode = categoryCode;
		this.kind = kind;
		this.complexity = complexity;
		this.legalChannel = legalChannel;
		this.title = title;
		this.content = content;
		this.personCount = personCount;
		this.groupVisit = groupVisit;
		this.firstTime = firstTime;
		this.accusedUnit = accusedUnit;
		this.accusedPerson = accusedPerson;
		this.responsibleUnitCode = responsibleUnitCode;
		this.registeringUnitCode = registeringUnitCode;
		this.registeredBy = registeredBy;
		this.citizenUserId = citizenUserId;
		this.duplicateOf = duplicateOf;
		this.acceptTarget = acceptTarget;
		this.acceptStatutory = acceptStatutory;
		this.handleTarget = handleTarget;
		this.handleStatutory = handleStatutory;
		this.petitioners = new ArrayList<>(petitioners == null ? List.of() : petitioners);
		this.version = version;
	}

	/** Registration (登记): the matter exists, with its number, and waits for classification and routing. */
	static Petition register(String number, String queryCodeHash, Channel channel, Instant receivedAt,
			Instant registeredAt, String regionCode, String categoryCode, Kind kind, Complexity complexity,
			String title, String content, int personCount, boolean firstTime, String accusedUnit,
			String accusedPerson, String registeringUnitCode, Long registeredBy, Long citizenUserId,
			List<Petitioner> petitioners) {
		return new Petition(null, number, queryCodeHash, Status.REGISTERED, channel, receivedAt, registeredAt,
				regionCode, categoryCode, kind, complexity, null, title, content, personCount,
				personCount >= GroupVisitRule.GROUP_SIZE, firstTime, accusedUnit, accusedPerson, null,
				registeringUnitCode, registeredBy, citizenUserId, null, null, null, null, null, petitioners, 0);
	}

	Long id() {
		return id;
	}

	String number() {
		return number;
	}

	String queryCodeHash() {
		return queryCodeHash;
	}

	Status status() {
		return status;
	}

	Channel channel() {
		return channel;
	}

	Instant receivedAt() {
		return receivedAt;
	}

	Instant registeredAt() {
		return registeredAt;
	}

	String regionCode() {
		return regionCode;
	}

	String categoryCode() {
		return categoryCode;
	}

	Kind kind() {
		return kind;
	}

	Complexity complexity() {
		return complexity;
	}

	LegalChannel legalChannel() {
		return legalChannel;
	}

	String title() {
		return title;
	}

	String content() {
		return content;
	}

	int personCount() {
		return personCount;
	}

	boolean groupVisit() {
		return groupVisit;
	}

	boolean firstTime() {
		return firstTime;
	}

	String accusedUnit() {
		return accusedUnit;
	}

	String accusedPerson() {
		return accusedPerson;
	}

	String responsibleUnitCode() {
		return responsibleUnitCode;
	}

	String registeringUnitCode() {
		return registeringUnitCode;
	}

	Long citizenUserId() {
		return citizenUserId;
	}

	String duplicateOf() {
		return duplicateOf;
	}

	LocalDate acceptTarget() {
		return acceptTarget;
	}

	LocalDate acceptStatutory() {
		return acceptStatutory;
	}

	LocalDate handleTarget() {
		return handleTarget;
	}

	LocalDate handleStatutory() {
		return handleStatutory;
	}

	List<Petitioner> petitioners() {
		return List.copyOf(petitioners);
	}

	int version() {
		return version;
	}

}
