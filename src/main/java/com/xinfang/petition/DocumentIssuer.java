package com.xinfang.petition;

import com.xinfang.documents.DocumentFields;
import com.xinfang.documents.DocumentKind;
import com.xinfang.documents.DocumentNumbers;
import com.xinfang.documents.DocumentRenderer;
import com.xinfang.documents.OfficialDocument;
import com.xinfang.identity.Actor;
import com.xinfang.organization.Directory;
import com.xinfang.organization.Unit;
import com.xinfang.platform.DomainException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/**
 * Issues the official document that an act produces (domain.md §7) and keeps it with the matter:
 * notices and opinions for the petitioner, slips for the receiving unit (internal).
 */
@Component
class DocumentIssuer {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

	private final DocumentRenderer renderer;

	private final IssuedDocuments issued;

	private final Directory directory;

	private final RepeatRule repeats;

	private final DocumentNumbers numbers;

	DocumentIssuer(DocumentRenderer renderer, IssuedDocuments issued, Directory directory, RepeatRule repeats,
			DocumentNumbers numbers) {
		this.numbers = numbers;
		this.renderer = renderer;
		this.issued = issued;
		this.directory = directory;
		this.repeats = repeats;
	}

	void issueFor(Petition p, PetitionCommand cmd, Actor actor, Instant at) {
		Action action = cmd.action();
		LocalDate today = PetitionClocks.day(at);
		// documents are issued under the body's full name (常德市人力资源和社会保障局), never the console's short one
		Unit actorUnitRecord = directory.unit(actor.unitCode()).orElse(null);
		Unit handlingUnitRecord = p.responsibleUnitCode() == null ? actorUnitRecord
				: directory.unit(p.responsibleUnitCode()).orElse(actorUnitRecord);
		String actorUnit = actorUnitRecord == null ? directory.officialName(actor.unitCode()) : actorUnitRecord.officialName();
		String handlingUnit = handlingUnitRecord == null ? actorUnit : handlingUnitRecord.officialName();
		Unit issuer = actorUnitRecord;
		String petitioner = p.petitioners().isEmpty() ? null : p.petitioners().get(0).name();
		LocalDate received = PetitionClocks.day(p.receivedAt());
		LocalDate accepted = p.acceptedAt() == null ? null : PetitionClocks.day(p.acceptedAt());
		OfficialDocument doc = null;
		boolean forPetitioner = true;
		boolean namesPetitioner = true;
		switch (action) {
			case TRANSFER, ASSIGN -> {
				Unit receiver = directory.unit(p.responsibleUnitCode()).orElseThrow();
				var c = ((PetitionCommand.Handover) cmd).communication();
				boolean showAccuser = ConfidentialityRule.mayIdentifyPetitioners(p.kind(), actor, receiver, null)
						&& (p.kind() != Kind.ACCUSATION || receiver.kind() == Unit.Kind.DISCIPLINE);
				doc = OfficialDocument.of(action == Action.TRANSFER ? DocumentKind.TRANSFER_SLIP : DocumentKind.ASSIGNMENT_SLIP,
						p.number(), actorUnit, today, receiver.officialName(), p.title(), received)
					.with(DocumentFields.PETITIONER_NAME, showAccuser ? petitioner : ConfidentialityRule.HIDDEN)
					.with(DocumentFields.SUMMARY, p.content())
					.with(DocumentFields.DEADLINE, format(p.acceptStatutory()))
					.with(DocumentFields.COMMUNICATION_WITH, c == null ? null : c.contact())
					.with(DocumentFields.COMMUNICATION_TIME, c == null || c.at() == null ? null
							: c.at().atZoneSameInstant(PetitionClocks.BEIJING).format(DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm")))
					.with(DocumentFields.COMMUNICATION_SUMMARY, c == null ? null : c.summary());
				forPetitioner = false;
				namesPetitioner = showAccuser && petitioner != null;
			}
			case ACCEPT -> {
				issuer = handlingUnitRecord;
				doc = OfficialDocument.of(DocumentKind.ACCEPTANCE_NOTICE, p.number(), handlingUnit, today, petitioner,
						p.title(), received)
					.with(DocumentFields.ACCEPTED_ON, format(accepted))
					.with(DocumentFields.DEADLINE, format(p.handleStatutory()));
			}
			case REJECT -> {
				var earlier = repeats.concludedEarlier(p, actor);
				if (earlier.isPresent()) {
					doc = OfficialDocument.of(DocumentKind.NOT_ACCEPTED_AGAIN_NOTICE, p.number(), actorUnit, today, petitioner,
							p.title(), received)
						.with(DocumentFields.REASON, ((PetitionCommand.Reject) cmd).reason()
								+ (earlier.get().nameable() ? "（原信访事项编号：" + earlier.get().number() + "）" : ""));
				}
				else {
					doc = OfficialDocument.of(DocumentKind.NON_ACCEPTANCE_NOTICE, p.number(), actorUnit, today, petitioner, p.title(),
							received)
						.with(DocumentFields.REASON, ((PetitionCommand.Reject) cmd).reason())
						.with(DocumentFields.LEGAL_CHANNEL, p.legalChannel() == null ? null : p.legalChannel().label());
				}
			}
			case DIVERT -> doc = OfficialDocument.of(DocumentKind.NON_ACCEPTANCE_NOTICE, p.number(), actorUnit, today, petitioner,
					p.title(), received)
				.with(DocumentFields.REASON, ((PetitionCommand.Divert) cmd).note() == null
						? "该事项依法应当通过" + p.legalChannel().label() + "途径解决" : ((PetitionCommand.Divert) cmd).note())
				.with(DocumentFields.LEGAL_CHANNEL, p.legalChannel().label());
			case EXTEND -> {
				issuer = handlingUnitRecord;
				doc = OfficialDocument.of(DocumentKind.EXTENSION_NOTICE, p.number(), handlingUnit, today, petitioner,
						p.title(), received)
					.with(DocumentFields.EXTENSION_DAYS, String.valueOf(p.extendedDays()))
					.with(DocumentFields.REASON, ((PetitionCommand.Extend) cmd).reason())
					.with(DocumentFields.ACCEPTED_ON, format(accepted))
					.with(DocumentFields.NEW_DEADLINE, format(p.handleStatutory()));
			}
			case APPROVE -> {
				if (p.status() == Status.REPLIED) {
					issuer = handlingUnitRecord;
					doc = OfficialDocument.of(DocumentKind.HANDLING_OPINION, p.number(), handlingUnit, today, petitioner, p.title(),
							received)
						.with(DocumentFields.RESULT, p.result().label())
						.with(DocumentFields.OPINION, p.opinion())
						.with(DocumentFields.ACCEPTED_ON, format(accepted))
						// the request quoted in full: a signed opinion answers what was asked, not its first 200 characters
						.with(DocumentFields.REQUEST, p.content());
				}
			}
			case DECIDE -> {
				boolean review = p.status() == Status.FINAL;
				doc = OfficialDocument.of(review ? DocumentKind.REVIEW_OPINION : DocumentKind.REEXAMINATION_OPINION, p.number(),
						actorUnit, today, petitioner, p.title(), received)
					.with(DocumentFields.OPINION, ((PetitionCommand.Decide) cmd).opinion())
					.with(DocumentFields.RESULT, (review ? p.reviewResult() : p.reexaminationResult()).label())
					.with(DocumentFields.PREVIOUS_AUTHORITY, handlingUnit);
			}
			default -> {
			}
		}
		if (doc == null) {
			return;
		}
		if (issuer == null) {
			throw new DomainException.Invalid("document", "文书无法生成：发文单位不在单位目录中");
		}
		// the 发文字号 last: its counter row stays locked until the act commits (DocumentNumbers)
		doc = doc.numbered(numbers.next(issuer, today.getYear()));
		byte[] pdf;
		try {
			pdf = renderer.render(doc);
		}
		catch (IllegalArgumentException ex) {
			throw new DomainException.Invalid("document", "文书无法生成：" + ex.getMessage());
		}
		issued.store(p.id(), doc.kind().name(), renderer.fileName(doc), pdf, forPetitioner, namesPetitioner, at,
				doc.documentNumber().toString());
	}

	private static String format(LocalDate date) {
		return date == null ? null : DAY.format(date);
	}

}
