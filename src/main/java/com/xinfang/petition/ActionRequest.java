package com.xinfang.petition;

import static com.xinfang.platform.Texts.optionalEnum;

import com.xinfang.platform.DomainException;
import java.time.OffsetDateTime;
import java.util.Locale;

/**
 * The wire form of an act: the body of {@code POST /api/v1/petitions/{number}/actions}
 * (api-contract.md) and of the console's action forms, every act's fields side by side. It is
 * turned into its typed {@link PetitionCommand} at the edge ({@link #toCommand()}); nothing past
 * the edge reads it.
 */
public record ActionRequest(String action, Integer version, String categoryCode, String kind, String complexity,
		String unitCode, PetitionCommand.Communication communication, String reason, String legalChannel, String note,
		Integer days, String result, String opinion, String method, OffsetDateTime deliveredAt, String satisfaction,
		String into, String recordKind, Boolean rehandle, OffsetDateTime occurredAt, String contact,
		String accusedUnitCode) {

	/** The act asked for, by its name in the contract; a Chinese 400 for an unknown one. */
	public Action parsedAction() {
		if (action == null) {
			throw new DomainException.Invalid("action", "请指定操作 action");
		}
		try {
			return Action.valueOf(action.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new DomainException.Invalid("action", "未知操作: " + action);
		}
	}

	/** The typed command: the act's own fields parsed (enums by name) and checked. */
	public PetitionCommand toCommand() {
		int dayCount = days == null ? 0 : days;
		return switch (parsedAction()) {
			case CLASSIFY -> new PetitionCommand.Classify(categoryCode, optionalEnum(Kind.class, kind, "kind"),
					optionalEnum(Complexity.class, complexity, "complexity"), accusedUnitCode);
			case TRANSFER -> new PetitionCommand.Transfer(unitCode, communication);
			case ASSIGN -> new PetitionCommand.Assign(unitCode, communication);
			case OBJECT -> new PetitionCommand.Objection(reason);
			case ACCEPT -> new PetitionCommand.Accept();
			case REJECT -> new PetitionCommand.Reject(reason, optionalEnum(LegalChannel.class, legalChannel, "legalChannel"));
			case DIVERT -> new PetitionCommand.Divert(optionalEnum(LegalChannel.class, legalChannel, "legalChannel"), note);
			case MERGE -> new PetitionCommand.Merge(into);
			case EXTEND -> new PetitionCommand.Extend(dayCount, reason);
			case RECORD -> new PetitionCommand.RecordHandling(recordKind, note, occurredAt, contact, result, dayCount);
			case REPLY -> new PetitionCommand.Reply(optionalEnum(Result.class, result, "result"), opinion);
			case APPROVE -> new PetitionCommand.Approve(note);
			case RETURN -> new PetitionCommand.Return(note);
			case DELIVER -> new PetitionCommand.Deliver(method, deliveredAt);
			case VISIT_BACK -> new PetitionCommand.VisitBack(optionalEnum(Satisfaction.class, satisfaction, "satisfaction"), note);
			case RECHECK -> new PetitionCommand.Recheck(Boolean.TRUE.equals(rehandle), note);
			case RATE -> new PetitionCommand.Rate(optionalEnum(Satisfaction.class, satisfaction, "satisfaction"));
			case REQUEST_REEXAMINATION -> new PetitionCommand.RequestReexamination(reason);
			case REQUEST_REVIEW -> new PetitionCommand.RequestReview(reason);
			case DECIDE -> new PetitionCommand.Decide(optionalEnum(Result.class, result, "result"), opinion);
		};
	}

}
